// QueryBuilder: turns the text of a search and its filters into Xapian
// queries over one index handle, analysing text exactly as the indexer does
// (FoldQuery, SetQueryLanguage, QueryParserFlags from common/).
//
// Stemming: an article is stemmed in its own language, and a query's
// language is unknown, so the text is parsed once per stemmer the candidate
// languages need (the lang filter's languages when given, else every
// language in the index, plus "no stemmer" when some articles have none)
// and the parses are OR-ed. "négociations" then finds "négocier" in French
// articles and "negotiations" finds "negotiated" in English ones.
//
// Facet values are resolved against the snapshot's columns: an id
// ("stephane-sejourne", "FR", "eu"), or a display label, folded ("France",
// "sejourne"), or for people a surname ("macron" -> "emmanuel-macron").
//
// Not thread-safe; build one per request on the thread that owns the handle.
#ifndef CHANCERY_SEARCHD_SEARCH_QUERY_BUILDER_H_
#define CHANCERY_SEARCHD_SEARCH_QUERY_BUILDER_H_

#include <xapian.h>

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "searchd/search/index_handle.h"
#include "searchd/search/search_types.h"

namespace chancery {

// The words a snippet should mark for a query.
struct HighlightTerms {
  std::set<std::string> words;        // Folded, unstemmed.
  std::set<std::string> stems;        // Stems of any language.
  std::vector<std::string> prefixes;  // Wildcards, without the '*'.
  bool empty() const {
    return words.empty() && stems.empty() && prefixes.empty();
  }
};

// Every document. Built afresh because copying the static
// Xapian::Query::MatchAll from several threads races on its (non-atomic)
// reference count.
inline Xapian::Query MatchAllQuery() { return Xapian::Query(std::string()); }

// Ordinals in a column of the values one filter value stands for (several
// when a surname or label names more than one).
std::vector<uint32_t> ResolveFacetValue(const FacetColumn& column,
                                        const std::string& value);

class QueryBuilder {
 public:
  explicit QueryBuilder(const IndexHandle& handle) : handle_(handle) {}

  // The query for `q` (MatchAll when blank). A query Xapian cannot parse is
  // searched as its plain words. `lang_filter` narrows the stemmers used.
  // Fills `highlight` when not null. Throws Xapian::QueryParserError when q
  // neither parses nor has a word, and Xapian::Error on index errors.
  Xapian::Query TextQuery(const std::string& q,
                          const std::vector<std::string>& lang_filter,
                          HighlightTerms* highlight) const;

  // Documents passing one field's filter. MatchNothing when an all-of
  // value is unknown.
  Xapian::Query FilterQuery(const std::string& field,
                            const FieldFilter& filter) const;

  // Documents dated within [first_day, last_day].
  static Xapian::Query DateQuery(int64_t first_day, int64_t last_day);

  // The whole search: text, then every filter (except those of the fields
  // in `skip_fields`) and the date bounds as boolean filters.
  Xapian::Query SearchQuery(const SearchRequest& request,
                            std::optional<int64_t> first_day,
                            std::optional<int64_t> last_day,
                            const std::vector<std::string>& skip_fields,
                            HighlightTerms* highlight) const;

 private:
  const IndexHandle& handle_;
};

}  // namespace chancery

#endif  // CHANCERY_SEARCHD_SEARCH_QUERY_BUILDER_H_
