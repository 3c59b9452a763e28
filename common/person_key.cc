#include "common/person_key.h"

#include "common/text_analyzer.h"

namespace chancery {

std::string PersonKeyOfWords(const std::vector<std::string>& folded_words) {
  std::string key;
  for (const std::string& word : folded_words) {
    if (word.empty()) continue;
    if (!key.empty() && key.back() != '-') key.push_back('-');
    char prev = '-';
    for (char c : word) {
      if (c == '.' || c == '\'' || c == ' ') continue;
      if (c == 'y') c = 'i';
      if (c == 'i' && prev == 'i') continue;
      key.push_back(c);
      prev = c;
    }
  }
  while (!key.empty() && key.back() == '-') key.pop_back();
  return key;
}

std::string PersonKey(std::string_view name) {
  const std::string folded = FoldForMatching(name);
  std::vector<std::string> words;
  std::string cur;
  for (char c : folded) {
    const unsigned char u = static_cast<unsigned char>(c);
    const bool word_byte = u >= 0x80 || (c >= 'a' && c <= 'z') ||
                           (c >= '0' && c <= '9') || c == '-' || c == '\'' ||
                           c == '.';
    if (word_byte) {
      cur.push_back(c);
    } else if (!cur.empty()) {
      words.push_back(std::move(cur));
      cur.clear();
    }
  }
  if (!cur.empty()) words.push_back(std::move(cur));
  return PersonKeyOfWords(words);
}

}  // namespace chancery
