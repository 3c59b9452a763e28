#include "common/entities/text_tokens.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include "common/text_analyzer.h"

namespace chancery {
namespace {

enum class CharClass { kSpace, kNewline, kWord, kIdeograph, kPunct };

bool IsIdeographic(UChar32 c) {
  UErrorCode err = U_ZERO_ERROR;
  UScriptCode script = uscript_getScript(c, &err);
  return script == USCRIPT_HAN || script == USCRIPT_HIRAGANA ||
         script == USCRIPT_KATAKANA;
}

CharClass Classify(UChar32 c) {
  if (c < 0x80) {
    if (c == '\n') return CharClass::kNewline;
    if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
      return CharClass::kSpace;
    }
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
        (c >= '0' && c <= '9')) {
      return CharClass::kWord;
    }
    return CharClass::kPunct;
  }
  if (u_isUWhiteSpace(c)) return CharClass::kSpace;
  if (IsIdeographic(c)) return CharClass::kIdeograph;
  int8_t type = u_charType(c);
  if (u_isalnum(c) || type == U_NON_SPACING_MARK ||
      type == U_COMBINING_SPACING_MARK || type == U_ENCLOSING_MARK) {
    return CharClass::kWord;
  }
  return CharClass::kPunct;
}

void SetCase(Token& token) {
  int32_t i = 0;
  const auto* s = reinterpret_cast<const uint8_t*>(token.text.data());
  int32_t n = static_cast<int32_t>(token.text.size());
  UChar32 c;
  U8_NEXT(s, i, n, c);
  if (c < 0) return;
  if (c < 0x80) {
    token.capitalised = c >= 'A' && c <= 'Z';
    return;
  }
  token.capitalised = u_isupper(c) || u_istitle(c);
  token.caseless = !token.capitalised && !u_islower(c) && u_isalpha(c);
}

}  // namespace

std::vector<Token> Tokenize(std::string_view text) {
  std::vector<Token> tokens;
  tokens.reserve(text.size() / 5 + 4);
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t n = static_cast<int32_t>(text.size());
  bool sentence_start = true;
  int newlines = 0;
  int32_t i = 0;
  while (i < n) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, n, c);
    CharClass cls = c < 0 ? CharClass::kPunct : Classify(c);
    if (cls == CharClass::kSpace || cls == CharClass::kNewline) {
      if (cls == CharClass::kNewline && ++newlines >= 2) sentence_start = true;
      continue;
    }
    newlines = 0;
    if (cls == CharClass::kWord) {
      // Extend over the rest of the word.
      while (i < n) {
        int32_t next = i;
        UChar32 d;
        U8_NEXT(s, next, n, d);
        if (d < 0 || Classify(d) != CharClass::kWord) break;
        i = next;
      }
    }
    Token token;
    token.text = text.substr(start, i - start);
    token.folded = FoldForMatching(token.text);
    token.word = cls != CharClass::kPunct;
    token.sentence_start = sentence_start && token.word;
    if (token.word) {
      SetCase(token);
      sentence_start = false;
    } else if (token.text == "." || token.text == "!" || token.text == "?" ||
               token.text == ":" || token.text == "\xE3\x80\x82") {
      sentence_start = true;
    }
    tokens.push_back(std::move(token));
  }
  return tokens;
}

bool IsAllCaps(std::string_view text) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t n = static_cast<int32_t>(text.size());
  bool upper = false;
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < 0) continue;
    if (c < 0x80) {
      if (c >= 'a' && c <= 'z') return false;
      upper |= c >= 'A' && c <= 'Z';
    } else if (u_islower(c)) {
      return false;
    } else if (u_isupper(c)) {
      upper = true;
    }
  }
  return upper;
}

std::vector<std::string> FoldedTokens(std::string_view phrase) {
  std::vector<std::string> out;
  for (Token& t : Tokenize(phrase)) out.push_back(std::move(t.folded));
  return out;
}

}  // namespace chancery
