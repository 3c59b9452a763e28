// Conversions from a stored document (common/stored_article.h) to the
// API's Hit and DocumentView. Pure functions, thread-safe.
#ifndef CHANCERY_SEARCHD_SEARCH_HIT_BUILDER_H_
#define CHANCERY_SEARCHD_SEARCH_HIT_BUILDER_H_

#include "common/stored_article.h"
#include "searchd/search/search_types.h"

namespace chancery {

// Everything but score and snippet.
Hit HitFromArticle(const StoredArticle& stored);
DocumentView DocumentViewFromArticle(const StoredArticle& stored);

}  // namespace chancery

#endif  // CHANCERY_SEARCHD_SEARCH_HIT_BUILDER_H_
