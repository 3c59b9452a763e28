#include "common/entities/phrase_table.h"

#include <algorithm>

namespace chancery {

std::string PhraseTable::Key(const std::vector<std::string>& folded) {
  std::string key;
  for (const std::string& t : folded) {
    if (!key.empty()) key.push_back(' ');
    key += t;
  }
  return key;
}

bool PhraseTable::Add(std::string_view phrase, uint32_t payload) {
  return AddFolded(FoldedTokens(phrase), payload);
}

bool PhraseTable::AddFolded(const std::vector<std::string>& folded,
                            uint32_t payload) {
  if (folded.empty()) return false;
  std::vector<uint32_t>& payloads = phrases_[Key(folded)];
  if (std::find(payloads.begin(), payloads.end(), payload) == payloads.end()) {
    payloads.push_back(payload);
  }
  size_t& max_len = max_len_[folded[0]];
  max_len = std::max(max_len, folded.size());
  return true;
}

PhraseTable::Match PhraseTable::LongestAt(const std::vector<Token>& tokens,
                                          size_t pos, size_t limit) const {
  Match match;
  if (pos >= tokens.size()) return match;
  auto first = max_len_.find(std::string_view(tokens[pos].folded));
  if (first == max_len_.end()) return match;
  const size_t max_len = std::min({first->second, tokens.size() - pos, limit});
  // Build the longest candidate key once; shorter ones are its prefixes.
  std::string key;
  std::vector<size_t> ends;
  ends.reserve(max_len);
  for (size_t k = 0; k < max_len; ++k) {
    if (k > 0) key.push_back(' ');
    key += tokens[pos + k].folded;
    ends.push_back(key.size());
  }
  for (size_t len = max_len; len > 0; --len) {
    auto it = phrases_.find(std::string_view(key.data(), ends[len - 1]));
    if (it != phrases_.end()) {
      match.length = len;
      match.payloads = &it->second;
      return match;
    }
  }
  return match;
}

const std::vector<uint32_t>* PhraseTable::Find(std::string_view key) const {
  auto it = phrases_.find(key);
  return it == phrases_.end() ? nullptr : &it->second;
}

}  // namespace chancery
