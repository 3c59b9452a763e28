// SpellingSuggester: "did you mean" from the index's own vocabulary (the
// indexer writes no Xapian spelling data). Each query word the index does
// not know, or knows far less than a close neighbour, is replaced by the
// most frequent indexed word within a small edit distance that starts with
// the same two letters (so only that slice of the term list is read).
//
// Not thread-safe: reads the caller's database handle.
#ifndef CHANCERY_SEARCHD_SEARCH_SPELLING_SUGGESTER_H_
#define CHANCERY_SEARCHD_SEARCH_SPELLING_SUGGESTER_H_

#include <xapian.h>

#include <string>
#include <string_view>

namespace chancery {

// Damerau-Levenshtein distance (adjacent transpositions count once) over
// bytes, or limit + 1 when it exceeds `limit`.
int BoundedEditDistance(std::string_view a, std::string_view b, int limit);

class SpellingSuggester {
 public:
  explicit SpellingSuggester(const Xapian::Database& db) : db_(db) {}

  // The corrected query (folded), or "" when no word needs correcting.
  // Syntax (operators, field:values, quotes, wildcards) is kept as is.
  std::string Suggest(const std::string& query) const;

 private:
  // The best replacement for a folded word, or "" for none.
  std::string Correct(const std::string& word) const;

  const Xapian::Database& db_;
};

}  // namespace chancery

#endif  // CHANCERY_SEARCHD_SEARCH_SPELLING_SUGGESTER_H_
