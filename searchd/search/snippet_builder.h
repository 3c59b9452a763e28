// SnippetBuilder: the passage of an article body that best shows why it
// matched, as HTML: text escaped, matched words wrapped in <mark>. A body
// word matches when its folded form is a query word, starts with a query
// wildcard's prefix, or stems (in the article's language) to a query stem,
// so a search for "sejourne" marks "Séjourné", "negotiations" marks
// "negotiated" and "us" marks "U.S." (FoldForIndexing).
//
// The same matching gives the exact highlights of a whole article
// (MatchRanges, for GET /api/doc/{id}?q=).
//
// Not thread-safe (keeps a stemmer); cheap to construct, one per request.
#ifndef CHANCERY_SEARCHD_SEARCH_SNIPPET_BUILDER_H_
#define CHANCERY_SEARCHD_SEARCH_SNIPPET_BUILDER_H_

#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "searchd/search/query_builder.h"

namespace chancery {

// Escapes &, <, >, " and ' for HTML text and attributes.
std::string HtmlEscape(std::string_view text);

// [begin, end) offsets into a text.
using TextRange = std::pair<size_t, size_t>;

// `ranges`, sorted byte offsets into the UTF-8 `text`, as offsets in UTF-16
// code units (what JavaScript strings index). An invalid UTF-8 byte counts
// as one unit, as its U+FFFD replacement does.
std::vector<TextRange> Utf16Ranges(std::string_view text,
                                   const std::vector<TextRange>& ranges);

class SnippetBuilder {
 public:
  // `terms` must outlive the builder.
  explicit SnippetBuilder(const HighlightTerms& terms, size_t max_bytes = 240)
      : terms_(terms), max_bytes_(max_bytes) {}

  // The best window of about max_bytes of `body` (the start of the body
  // when nothing matches), with "…" where it was cut.
  std::string Build(std::string_view body, std::string_view lang);

  // Byte ranges of every word of `text` that matches, in order; the words
  // Build would mark.
  std::vector<TextRange> MatchRanges(std::string_view text,
                                     std::string_view lang);

 private:
  void UseLanguage(std::string_view lang);
  bool Matches(std::string_view word, std::string& folded_key);

  const HighlightTerms& terms_;
  const size_t max_bytes_;
  std::set<std::string> stem_starts_;  // First two bytes of each stem.
  std::string stemmer_lang_ = "-";
  Xapian::Stem stemmer_;
};

}  // namespace chancery

#endif  // CHANCERY_SEARCHD_SEARCH_SNIPPET_BUILDER_H_
