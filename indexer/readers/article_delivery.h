// The last step every reader shares: turning a freshly read Article into
// what ArticleSink promises (date parsed or warned about, id set, empty
// records rejected), so each format's reader only maps its own fields.
#ifndef CHANCERY_INDEXER_READERS_ARTICLE_DELIVERY_H_
#define CHANCERY_INDEXER_READERS_ARTICLE_DELIVERY_H_

#include <string_view>

#include "common/article.h"
#include "indexer/readers/article_reader.h"

namespace chancery {

// Completes `article` (whose origin must be set) and hands it to `sink`:
// trims title and body; normalises lang (NormalizeLanguage: an ISO 639-1
// code, or empty when unrecognised); parses `date_text` into article.date
// unless the date is already set, warning "unrecognised date \"...\"" when it
// cannot; rejects the article when it has neither title nor body text; cuts
// a body longer than kMaxBodyBytes there (at a character boundary), warning
// "body longer than 4 MiB; truncated"; derives its id with DeriveArticleId
// when it has none.
//
// Analysing a body takes about ten times its size (entities, terms), so
// this is what bounds one article's share of the indexer's memory; no news
// article comes near it.
inline constexpr size_t kMaxBodyBytes = 4 << 20;
void DeliverArticle(Article&& article, std::string_view date_text,
                    ArticleSink& sink);

}  // namespace chancery

#endif  // CHANCERY_INDEXER_READERS_ARTICLE_DELIVERY_H_
