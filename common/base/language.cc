#include "common/base/language.h"

#include "common/base/strings.h"

namespace chancery {
namespace {

bool IsAsciiLetter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// What archives write instead of an ISO 639-1 code: each code with its
// English and native names and ISO 639-2 codes, separated by spaces.
struct LanguageNames {
  std::string_view code;
  std::string_view names;
};
constexpr LanguageNames kLanguageNames[] = {
    {"en", "english eng"},
    {"fr", "french fra fre francais"},
    {"de", "german deu ger deutsch"},
    {"es", "spanish spa espanol"},
    {"ru", "russian rus"},
    {"zh", "chinese zho chi"},
    {"ar", "arabic ara"},
    {"it", "italian ita"},
    {"pt", "portuguese por"},
    {"ja", "japanese jpn"},
    {"nl", "dutch nld"},
    {"ko", "korean kor"},
};

bool NamesContain(std::string_view names, std::string_view word) {
  while (!names.empty()) {
    const size_t space = names.find(' ');
    if (names.substr(0, space) == word) return true;
    if (space == std::string_view::npos) break;
    names.remove_prefix(space + 1);
  }
  return false;
}

}  // namespace

std::string NormalizeLanguage(std::string_view tag) {
  tag = TrimWhitespace(tag);
  const std::string lower =
      AsciiToLower(tag.substr(0, tag.find_first_of("-_")));
  if (lower.empty()) return "";
  for (const LanguageNames& language : kLanguageNames) {
    if (NamesContain(language.names, lower)) return std::string(language.code);
  }
  if (lower.size() == 2 && IsAsciiLetter(lower[0]) && IsAsciiLetter(lower[1])) {
    return lower;
  }
  return "";
}

}  // namespace chancery
