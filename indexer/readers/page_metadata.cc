#include "indexer/readers/page_metadata.h"

#include <uriparser/Uri.h>

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

// A uriparser parse of a string that outlives it, freed on destruction.
struct ParsedUri {
  UriUriA uri{};
  bool owned = false;

  ParsedUri() = default;
  ParsedUri(const ParsedUri&) = delete;
  ParsedUri& operator=(const ParsedUri&) = delete;
  ~ParsedUri() {
    if (owned) uriFreeUriMembersA(&uri);
  }

  bool Parse(const std::string& text) {
    owned = true;
    const char* error_pos = nullptr;
    return uriParseSingleUriExA(&uri, text.data(), text.data() + text.size(),
                                &error_pos) == URI_SUCCESS;
  }
};

// A scheme: a letter, then letters, digits, '+', '-' or '.', up to a ':'
// that comes before any '/', '?' or '#'.
bool LooksAbsolute(std::string_view reference) {
  const size_t colon = reference.find(':');
  if (colon == std::string_view::npos || colon == 0 ||
      colon > reference.find_first_of("/?#")) {
    return false;
  }
  return std::all_of(reference.begin(), reference.begin() + colon, [](char c) {
    return IsWordByte(c) || c == '+' || c == '-' || c == '.';
  });
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
  const std::string reference_text(reference);
  ParsedUri parsed_reference;
  if (!parsed_reference.Parse(reference_text)) {
    // Not RFC 3986 (a space, a raw non-ASCII byte): an absolute URL is
    // still worth keeping as written; a relative one cannot be resolved.
    return LooksAbsolute(reference) ? reference_text : std::string();
  }
  // Absolute references are kept byte for byte: ids are derived from urls.
  if (parsed_reference.uri.scheme.first != nullptr) return reference_text;
  const std::string base_text(TrimWhitespace(base));
  ParsedUri parsed_base;
  if (!parsed_base.Parse(base_text) ||
      parsed_base.uri.scheme.first == nullptr) {
    return {};
  }
  const std::string_view scheme(
      parsed_base.uri.scheme.first,
      parsed_base.uri.scheme.afterLast - parsed_base.uri.scheme.first);
  if (!EqualsIgnoreAsciiCase(scheme, "http") &&
      !EqualsIgnoreAsciiCase(scheme, "https")) {
    return {};
  }
  ParsedUri resolved;
  resolved.owned = true;
  if (uriAddBaseUriExA(&resolved.uri, &parsed_reference.uri, &parsed_base.uri,
                       URI_RESOLVE_STRICTLY) != URI_SUCCESS) {
    return {};
  }
  int chars = 0;
  if (uriToStringCharsRequiredA(&resolved.uri, &chars) != URI_SUCCESS) {
    return {};
  }
  std::string out(static_cast<size_t>(chars) + 1, '\0');
  if (uriToStringA(out.data(), &resolved.uri, chars + 1, nullptr) !=
      URI_SUCCESS) {
    return {};
  }
  out.resize(static_cast<size_t>(chars));
  return out;
}

}  // namespace chancery
