#include "common/base/strings.h"

namespace chancery {

bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
         c == '\v';
}

std::string_view TrimWhitespace(std::string_view s) {
  size_t begin = 0;
  size_t end = s.size();
  while (begin < end && IsAsciiSpace(s[begin])) ++begin;
  while (end > begin && IsAsciiSpace(s[end - 1])) --end;
  return s.substr(begin, end - begin);
}

void TrimWhitespaceInPlace(std::string* s) {
  const std::string_view trimmed = TrimWhitespace(*s);
  if (trimmed.size() == s->size()) return;
  const size_t begin = trimmed.data() - s->data();
  s->erase(begin + trimmed.size());
  s->erase(0, begin);
}

bool IsWordByte(char c) {
  const auto u = static_cast<unsigned char>(c);
  return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') ||
         (u >= '0' && u <= '9') || u >= 0x80;
}

}  // namespace chancery
