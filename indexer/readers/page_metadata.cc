#include "indexer/readers/page_metadata.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "common/base/strings.h"
#include "indexer/readers/date_parser.h"

namespace chancery {
namespace {

// Longer than any list of a few names; bylines longer are prose.
constexpr size_t kMaxBylineBytes = 80;
// Datelines come first on their line; a date further on is a mention.
constexpr size_t kMaxDatelineWords = 12;
// "Monday, 3 March 2024, 10:00 GMT" is six words; longer runs are not
// one date.
constexpr size_t kMaxDateWords = 7;

bool StartsWithIgnoreCase(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() &&
         EqualsIgnoreAsciiCase(text.substr(0, prefix.size()), prefix);
}

// `text` without the ASCII punctuation that separates a date or a name
// from its neighbours ("2024," "(Reuters)").
std::string_view TrimPunctuation(std::string_view text) {
  constexpr std::string_view kPunctuation = " \t,.;:|()[]-";
  const size_t begin = text.find_first_not_of(kPunctuation);
  if (begin == std::string_view::npos) return {};
  const size_t end = text.find_last_not_of(kPunctuation);
  return text.substr(begin, end - begin + 1);
}

std::vector<std::string_view> SplitWords(std::string_view line,
                                         size_t max_words) {
  std::vector<std::string_view> words;
  size_t at = 0;
  while (words.size() < max_words) {
    at = line.find_first_not_of(" \t\r", at);
    if (at == std::string_view::npos) break;
    const size_t end = std::min(line.find_first_of(" \t\r", at), line.size());
    words.push_back(line.substr(at, end - at));
    at = end;
  }
  return words;
}

bool IsAllDigits(std::string_view word) {
  return !word.empty() && std::all_of(word.begin(), word.end(), [](char c) {
    return c >= '0' && c <= '9';
  });
}

// The longest run of words from words[start] that ParseDate accepts, ""
// when none. A lone number is not taken: ParseDate reads 9 to 11 digits
// as Unix time, which in prose is a count or a phone number.
std::string DateAt(const std::vector<std::string_view>& words, size_t start) {
  const size_t longest = std::min(kMaxDateWords, words.size() - start);
  for (size_t count = longest; count >= 1; --count) {
    if (count == 1 && IsAllDigits(TrimPunctuation(words[start]))) break;
    const char* begin = words[start].data();
    const char* end =
        words[start + count - 1].data() + words[start + count - 1].size();
    const std::string_view run =
        TrimPunctuation(std::string_view(begin, end - begin));
    if (!run.empty() && ParseDate(run)) return std::string(run);
  }
  return {};
}

}  // namespace

std::string AuthorFromByline(std::string_view byline) {
  size_t cut = byline.size();
  for (std::string_view separator : {"|", "\u00b7", "\u2022", "\n"}) {
    cut = std::min(cut, byline.find(separator));
  }
  // A space after the names keeps a lone "By" a lead word.
  const std::string padded =
      std::string(TrimWhitespace(byline.substr(0, cut))) + " ";
  std::string_view names = padded;
  for (std::string_view lead : {"by ", "by:", "von ", "par ", "por ", "di "}) {
    if (StartsWithIgnoreCase(names, lead)) {
      names = TrimWhitespace(names.substr(lead.size()));
      break;
    }
  }
  const std::string lower = AsciiToLower(names);
  for (std::string_view trailer : {"published", "updated", "posted"}) {
    const size_t at = lower.find(trailer);
    if (at != std::string::npos && at > 0 && !IsWordByte(lower[at - 1])) {
      names = names.substr(0, std::min(at, names.size()));
    }
  }
  names = TrimPunctuation(names);
  if (names.size() > kMaxBylineBytes) return {};
  return std::string(names);
}

std::string FindDateline(std::string_view text, int max_lines) {
  int lines = 0;
  size_t at = 0;
  while (at < text.size() && lines < max_lines) {
    const size_t end = std::min(text.find('\n', at), text.size());
    const std::string_view line = text.substr(at, end - at);
    at = end + 1;
    const std::vector<std::string_view> words =
        SplitWords(line, kMaxDatelineWords);
    if (words.empty()) continue;
    ++lines;
    for (size_t start = 0; start < words.size(); ++start) {
      if (start > 0) {
        const std::string previous =
            AsciiToLower(TrimPunctuation(words[start - 1]));
        if (previous == "updated" || previous == "modified") continue;
      }
      std::string date = DateAt(words, start);
      if (!date.empty()) return date;
    }
  }
  return {};
}

std::string ResolveUrl(std::string_view base, std::string_view reference) {
  reference = TrimWhitespace(reference);
  if (reference.empty()) return {};
  // A scheme: letters (digits, '+', '-', '.') up to a ':' that comes
  // before any '/', '?' or '#'.
  const size_t colon = reference.find(':');
  if (colon != std::string_view::npos && colon > 0 &&
      colon < reference.find_first_of("/?#")) {
    const std::string_view scheme = reference.substr(0, colon);
    if (std::all_of(scheme.begin(), scheme.end(), [](char c) {
          return IsWordByte(c) || c == '+' || c == '-' || c == '.';
        })) {
      return std::string(reference);
    }
  }
  base = TrimWhitespace(base);
  const size_t scheme_end = base.find("://");
  if (scheme_end == std::string_view::npos ||
      !(EqualsIgnoreAsciiCase(base.substr(0, scheme_end), "http") ||
        EqualsIgnoreAsciiCase(base.substr(0, scheme_end), "https"))) {
    return {};
  }
  const size_t authority_end =
      std::min(base.find_first_of("/?#", scheme_end + 3), base.size());
  const size_t path_end =
      std::min(base.find_first_of("?#", authority_end), base.size());
  std::string resolved;
  if (reference.substr(0, 2) == "//") {
    resolved = std::string(base.substr(0, scheme_end + 1));
  } else if (reference[0] == '/') {
    resolved = std::string(base.substr(0, authority_end));
  } else if (reference[0] == '?') {
    resolved = std::string(base.substr(0, path_end));
  } else if (reference[0] == '#') {
    resolved = std::string(base.substr(0, base.find('#')));
  } else {
    const std::string_view path =
        base.substr(authority_end, path_end - authority_end);
    const size_t slash = path.rfind('/');
    resolved = std::string(base.substr(0, authority_end));
    resolved += slash == std::string_view::npos ? std::string_view("/")
                                                : path.substr(0, slash + 1);
  }
  resolved += reference;
  return resolved;
}

}  // namespace chancery
