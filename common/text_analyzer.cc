#include "common/text_analyzer.h"

#include <cld2/public/compact_lang_det.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <array>
#include <cctype>
#include <string_view>
#include <utility>

#include "common/base/strings.h"
#include "common/base/utf8.h"

namespace chancery {
namespace {

bool IsAscii(std::string_view s) {
  for (unsigned char c : s) {
    if (c >= 0x80) return false;
  }
  return true;
}

// Scripts whose combining marks are accents a reader ignores when typing
// (Séjourné/Sejourne, й/и, Arabic vowel marks). Japanese voicing marks and
// Indic vowel signs change the letter and are kept.
bool FoldsMarks(UScriptCode script) {
  return script == USCRIPT_LATIN || script == USCRIPT_GREEK ||
         script == USCRIPT_CYRILLIC || script == USCRIPT_ARABIC;
}

// Letters with no canonical decomposition that readers still type plain,
// and typographic apostrophes.
constexpr std::pair<UChar32, const char16_t*> kExtraFolding[] = {
    {0x00F8, u"o"},   // ø
    {0x0142, u"l"},   // ł
    {0x0111, u"d"},   // đ
    {0x00F0, u"d"},   // ð
    {0x00FE, u"th"},  // þ
    {0x00E6, u"ae"},  // æ
    {0x0153, u"oe"},  // œ
    {0x0131, u"i"},   // dotless ı
    {0x2018, u"'"},   // ‘
    {0x2019, u"'"},   // ’
    {0x02BC, u"'"},   // ʼ
};

const char16_t* ExtraFolding(UChar32 c) {
  for (const auto& [letter, folded] : kExtraFolding) {
    if (letter == c) return folded;
  }
  return nullptr;
}

// A letter or digit, or a mark continuing one: what a word is made of.
bool IsWordChar(UChar32 c) {
  return u_isalnum(c) || u_charType(c) == U_NON_SPACING_MARK;
}

// A letter that can stand for a word in an acronym; ideographs are words
// of their own.
bool IsAcronymLetter(UChar32 c) {
  return u_isalpha(c) && !u_hasBinaryProperty(c, UCHAR_IDEOGRAPHIC);
}

// DottedAcronymLength without looking at what comes before `pos`.
size_t AcronymLengthAt(std::string_view text, size_t pos) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const auto n = static_cast<int32_t>(text.size());
  auto i = static_cast<int32_t>(pos);
  int letters = 0;
  int32_t end = i;
  while (i < n) {
    UChar32 c;
    int32_t next = i;
    U8_NEXT(s, next, n, c);
    if (c < 0 || !IsAcronymLetter(c)) break;
    ++letters;
    if (next < n && s[next] == '.') {
      i = end = next + 1;
      continue;
    }
    end = next;  // the last letter, without its dot
    break;
  }
  if (letters < 2) return 0;
  if (end < n) {
    UChar32 after;
    int32_t j = end;
    U8_NEXT(s, j, n, after);
    if (after >= 0 && IsWordChar(after)) return 0;
  }
  return static_cast<size_t>(end) - pos;
}

}  // namespace

size_t DottedAcronymLength(std::string_view text, size_t pos) {
  if (pos >= text.size()) return 0;
  if (pos > 0) {
    const auto* s = reinterpret_cast<const uint8_t*>(text.data());
    auto i = static_cast<int32_t>(pos);
    UChar32 before;
    U8_PREV(s, 0, i, before);
    if (before == '.' || (before >= 0 && IsWordChar(before))) return 0;
  }
  return AcronymLengthAt(text, pos);
}

std::string JoinDottedAcronyms(std::string_view text) {
  if (text.find('.') == std::string_view::npos) return std::string(text);
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const auto n = static_cast<int32_t>(text.size());
  std::string out;
  out.reserve(text.size());
  bool after_word = false;  // after a word or a dot: no acronym starts
  int32_t i = 0;
  while (i < n) {
    int32_t at = i;
    UChar32 c;
    U8_NEXT(s, i, n, c);
    // Only a letter directly followed by '.' can start an acronym.
    if (!after_word && i < n && s[i] == '.' && c >= 0) {
      if (size_t len = AcronymLengthAt(text, at)) {
        for (char ch : text.substr(at, len)) {
          if (ch != '.') out += ch;
        }
        i = at + static_cast<int32_t>(len);
        after_word = true;
        continue;
      }
    }
    out.append(text.substr(at, i - at));
    after_word = c == '.' || (c >= 0 && IsWordChar(c));
  }
  return out;
}

std::string FoldForIndexing(std::string_view utf8) {
  return JoinDottedAcronyms(FoldForMatching(utf8));
}

std::string FoldForMatching(std::string_view utf8) {
  if (IsAscii(utf8)) return AsciiToLower(utf8);
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* casefold =
      icu::Normalizer2::getNFKCCasefoldInstance(err);
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(err);
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(err);
  if (U_FAILURE(err)) return std::string(utf8);

  icu::UnicodeString text = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  icu::UnicodeString folded = casefold->normalize(text, err);
  icu::UnicodeString decomposed = nfd->normalize(folded, err);
  if (U_FAILURE(err)) return std::string(utf8);

  icu::UnicodeString kept;
  kept.getBuffer(decomposed.length());
  kept.releaseBuffer(0);
  UScriptCode base_script = USCRIPT_COMMON;
  for (int32_t i = 0; i < decomposed.length();) {
    UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    if (u_charType(c) == U_NON_SPACING_MARK) {
      if (FoldsMarks(base_script)) continue;
      kept.append(c);
      continue;
    }
    UErrorCode script_err = U_ZERO_ERROR;
    base_script = uscript_getScript(c, &script_err);
    if (const char16_t* repl = ExtraFolding(c)) {
      kept.append(repl);
    } else {
      kept.append(c);
    }
  }
  icu::UnicodeString composed = nfc->normalize(kept, err);
  if (U_FAILURE(err)) return std::string(utf8);
  std::string out;
  composed.toUTF8String(out);
  return out;
}

std::string FoldQuery(std::string_view query) {
  static constexpr std::array<std::string_view, 6> kOperators = {
      "AND", "OR", "NOT", "XOR", "NEAR", "ADJ"};
  std::string out;
  out.reserve(query.size());
  size_t segment_start = 0;
  size_t i = 0;
  while (i < query.size()) {
    if (!std::isupper(static_cast<unsigned char>(query[i])) ||
        (i > 0 && std::isalnum(static_cast<unsigned char>(query[i - 1])))) {
      ++i;
      continue;
    }
    size_t end = i;
    while (end < query.size() &&
           std::isupper(static_cast<unsigned char>(query[end]))) {
      ++end;
    }
    std::string_view word = query.substr(i, end - i);
    bool word_ends = end == query.size() ||
                     !std::isalnum(static_cast<unsigned char>(query[end]));
    bool is_operator = false;
    for (std::string_view op : kOperators) is_operator |= (word == op);
    if (is_operator && word_ends) {
      out += FoldForIndexing(query.substr(segment_start, i - segment_start));
      out += word;
      segment_start = end;
    }
    i = end;
  }
  out += FoldForIndexing(query.substr(segment_start));
  return out;
}

std::string DetectLanguage(std::string_view utf8) {
  // CLD2 reads past the end of malformed UTF-8 (SIGSEGV on undeclared
  // KOI8-R or Shift_JIS); a sample cut at a byte count can end mid-sequence.
  std::string repaired;
  if (!IsValidUtf8(utf8)) {
    repaired = ReplaceInvalidUtf8(utf8);
    utf8 = repaired;
  }
  bool reliable = false;
  CLD2::Language lang =
      CLD2::DetectLanguage(utf8.data(), static_cast<int>(utf8.size()),
                           /*is_plain_text=*/true, &reliable);
  if (lang == CLD2::UNKNOWN_LANGUAGE || !reliable) return "";
  return NormalizeLanguage(CLD2::LanguageCode(lang));
}

namespace {
// ISO 639-1 code → Snowball stemmer name.
constexpr std::pair<std::string_view, std::string_view> kStemmers[] = {
    {"ar", "arabic"},     {"hy", "armenian"},  {"eu", "basque"},
    {"ca", "catalan"},    {"da", "danish"},    {"nl", "dutch"},
    {"en", "english"},    {"fi", "finnish"},   {"fr", "french"},
    {"de", "german"},     {"hu", "hungarian"}, {"id", "indonesian"},
    {"ga", "irish"},      {"it", "italian"},   {"lt", "lithuanian"},
    {"ne", "nepali"},     {"no", "norwegian"}, {"nb", "norwegian"},
    {"pt", "portuguese"}, {"ro", "romanian"},  {"ru", "russian"},
    {"es", "spanish"},    {"sv", "swedish"},   {"ta", "tamil"},
    {"tr", "turkish"},
};
}  // namespace

std::string_view StemmerName(std::string_view lang) {
  for (const auto& [code, name] : kStemmers) {
    if (lang == code) return name;
  }
  return "";
}

std::vector<std::string_view> StemmedLanguages() {
  std::vector<std::string_view> codes;
  for (const auto& [code, name] : kStemmers) codes.push_back(code);
  return codes;
}

}  // namespace chancery
