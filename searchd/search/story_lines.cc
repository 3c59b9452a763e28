#include "searchd/search/story_lines.h"

#include "common/base/strings.h"
#include "common/text_analyzer.h"

namespace chancery {
namespace {

bool StartsSentence(unsigned char c) {
  return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '"' ||
         c == '\'' || c >= 0x80;
}

void Push(std::string_view piece, std::vector<std::string>& out) {
  piece = TrimWhitespace(piece);
  if (!piece.empty()) out.emplace_back(piece);
}

}  // namespace

std::vector<std::string> SplitSentences(std::string_view text) {
  std::vector<std::string> out;
  size_t start = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n') {
      Push(text.substr(start, i - start), out);
      start = i + 1;
      continue;
    }
    if (c != '.' && c != '!' && c != '?') continue;
    size_t next = i + 1;
    while (next < text.size() && (text[next] == ' ' || text[next] == '\t')) {
      ++next;
    }
    if (next == i + 1 || next >= text.size() ||
        !StartsSentence(static_cast<unsigned char>(text[next]))) {
      continue;
    }
    Push(text.substr(start, i + 1 - start), out);
    start = next;
  }
  Push(text.substr(start), out);
  return out;
}

std::string SentenceKey(std::string_view sentence) {
  const std::string folded = FoldForMatching(sentence);
  std::string key;
  bool space = false;
  for (unsigned char c : folded) {
    const bool keep =
        c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (!keep) {
      space = !key.empty();
      continue;
    }
    if (space) key.push_back(' ');
    space = false;
    key.push_back(static_cast<char>(c));
  }
  return key;
}

std::vector<std::string> AddedSentences::Add(
    const std::vector<std::string>& sentences) {
  std::vector<std::string> added;
  for (const std::string& s : sentences) {
    std::string key = SentenceKey(s);
    bool known = seen_.count(key) > 0;
    const size_t dash = s.find(" - ");
    if (!known && dash != std::string::npos && dash <= kMaxDateline) {
      known = seen_.count(SentenceKey(std::string_view(s).substr(dash + 3)));
    }
    if (!known) added.push_back(s);
    seen_.insert(std::move(key));
  }
  return added;
}

}  // namespace chancery
