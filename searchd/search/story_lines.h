// What each version of a story adds to the earlier ones, sentence by
// sentence. Sentences rather than body lines: wire copies re-wrap and
// re-paragraph text, and an UPDATE often rewrites one sentence of a
// paragraph, so a line diff would report whole paragraphs for a word.
// Pure functions and a single-threaded class.
#ifndef CHANCERY_SEARCHD_SEARCH_STORY_LINES_H_
#define CHANCERY_SEARCHD_SEARCH_STORY_LINES_H_

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace chancery {

// The sentences of `text`, trimmed, in order: split at line breaks and
// after '.', '!' or '?' followed by white space and a capital letter, a
// digit, a quote or a non-ASCII character. Abbreviations such as "U.S."
// followed by a capitalised word are split too (rare in wire text, and a
// false split only makes two sentences of one).
std::vector<std::string> SplitSentences(std::string_view text);

// The comparison form of a sentence: folded (FoldForMatching), punctuation
// dropped, white space collapsed, so that re-typed quotes or a changed
// comma are not news.
std::string SentenceKey(std::string_view sentence);

// Feeds the versions of a story, oldest first; each Add returns the
// sentences of that version that no earlier version had. A leading
// dateline ("FRANKFURT (Wire) - ", at most kMaxDateline bytes before " - ")
// is ignored when the rest of the sentence is known.
class AddedSentences {
 public:
  static constexpr size_t kMaxDateline = 64;

  std::vector<std::string> Add(const std::vector<std::string>& sentences);

 private:
  std::unordered_set<std::string> seen_;
};

}  // namespace chancery

#endif  // CHANCERY_SEARCHD_SEARCH_STORY_LINES_H_
