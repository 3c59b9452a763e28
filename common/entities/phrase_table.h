// PhraseTable: a dictionary of phrases (sequences of folded tokens) with a
// longest-match lookup at a token position. The building block of every
// gazetteer: one hash probe per token for the common case of a token that
// starts no phrase.
//
// Built once, then immutable: concurrent const use is safe.
#ifndef CHANCERY_COMMON_ENTITIES_PHRASE_TABLE_H_
#define CHANCERY_COMMON_ENTITIES_PHRASE_TABLE_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/entities/text_tokens.h"

namespace chancery {

class PhraseTable {
 public:
  struct Match {
    size_t length = 0;  // Tokens matched; 0 when nothing matched.
    const std::vector<uint32_t>* payloads = nullptr;
  };

  // Adds `phrase` (raw text, tokenized and folded here) with `payload`.
  // Returns false when the phrase has no tokens.
  bool Add(std::string_view phrase, uint32_t payload);
  bool AddFolded(const std::vector<std::string>& folded, uint32_t payload);

  // The longest phrase starting at tokens[pos] and at most `limit` tokens
  // long (callers retry with a smaller limit when a match is rejected).
  Match LongestAt(const std::vector<Token>& tokens, size_t pos,
                  size_t limit = SIZE_MAX) const;

  // Exact lookup of a whole folded phrase (tokens joined by one space).
  const std::vector<uint32_t>* Find(std::string_view key) const;

  size_t size() const { return phrases_.size(); }

  // Calls fn(folded words, payloads) for every phrase.
  template <typename Fn>
  void ForEach(Fn&& fn) const {
    std::vector<std::string> words;
    for (const auto& [key, payloads] : phrases_) {
      words.clear();
      size_t start = 0;
      while (start <= key.size()) {
        size_t space = key.find(' ', start);
        if (space == std::string::npos) space = key.size();
        words.emplace_back(key, start, space - start);
        start = space + 1;
      }
      fn(words, payloads);
    }
  }

  // Joins folded tokens into a lookup key.
  static std::string Key(const std::vector<std::string>& folded);

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const {
      return std::hash<std::string_view>()(s);
    }
  };
  using Map = std::unordered_map<std::string, std::vector<uint32_t>, Hash,
                                 std::equal_to<>>;
  Map phrases_;
  // Longest phrase length (in tokens) starting with each first token.
  std::unordered_map<std::string, size_t, Hash, std::equal_to<>> max_len_;
};

}  // namespace chancery

#endif  // CHANCERY_COMMON_ENTITIES_PHRASE_TABLE_H_
