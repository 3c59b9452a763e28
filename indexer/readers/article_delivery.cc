#include "indexer/readers/article_delivery.h"

#include <string>
#include <utility>

#include "common/base/language.h"
#include "common/base/strings.h"
#include "common/base/utf8.h"
#include "indexer/readers/date_parser.h"

namespace chancery {
namespace {

// Dates in warnings are quoted from untrusted input; keep messages short.
constexpr size_t kMaxQuotedDateBytes = 80;

}  // namespace

void DeliverArticle(Article&& article, std::string_view date_text,
                    ArticleSink& sink) {
  TrimWhitespaceInPlace(&article.title);
  TrimWhitespaceInPlace(&article.body);
  if (article.title.empty() && article.body.empty()) {
    sink.OnReject(article.origin, "no title or body text");
    return;
  }
  if (article.body.size() > kMaxBodyBytes) {
    TruncateUtf8(&article.body, kMaxBodyBytes);
    article.body.shrink_to_fit();
    sink.OnWarning(article.origin, "body longer than " +
                                       std::to_string(kMaxBodyBytes >> 20) +
                                       " MiB; truncated");
  }
  date_text = TrimWhitespace(date_text);
  if (!article.date && !date_text.empty()) {
    std::optional<ParsedDate> parsed = ParseDateDetailed(date_text);
    if (parsed) article.date = parsed->epoch_seconds;
    if (parsed && !parsed->warning.empty()) {
      sink.OnWarning(article.origin, parsed->warning);
    } else if (!parsed) {
      sink.OnWarning(article.origin,
                     "unrecognised date \"" +
                         std::string(date_text.substr(0, kMaxQuotedDateBytes)) +
                         "\"");
    }
  }
  article.lang = NormalizeLanguage(article.lang);
  TrimWhitespaceInPlace(&article.id);
  if (article.id.empty()) article.id = DeriveArticleId(article);
  sink.OnArticle(std::move(article));
}

}  // namespace chancery
