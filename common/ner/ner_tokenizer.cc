#include "common/ner/ner_tokenizer.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <string>

namespace chancery {
namespace {

struct CodePoint {
  UChar32 c;
  size_t begin;
  size_t end;
};

enum class Kind { kSpace, kHan, kWord, kOther };

Kind KindOf(UChar32 c) {
  if (c < 0) return Kind::kOther;
  if (u_isUWhiteSpace(c) || u_iscntrl(c)) return Kind::kSpace;
  if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) ||
      (c >= 0x3040 && c <= 0x30ff) || (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0x20000 && c <= 0x3134f)) {
    return Kind::kHan;
  }
  if (u_isalnum(c) || (U_GET_GC_MASK(c) & U_GC_M_MASK) != 0) {
    return Kind::kWord;
  }
  return Kind::kOther;
}

bool IsApostrophe(UChar32 c) { return c == '\'' || c == 0x2019; }

// Characters that join two word characters into one token.
bool Joins(UChar32 c, UChar32 before, UChar32 after) {
  switch (c) {
    case '-':
    case '.':
    case '&':
    case '_':
      return true;
    case ',':  // 1,500
      return u_isdigit(before) && u_isdigit(after);
    default:
      return IsApostrophe(c) && u_isalpha(before) && u_isalpha(after);
  }
}

std::vector<CodePoint> Decode(std::string_view text) {
  std::vector<CodePoint> cps;
  cps.reserve(text.size());
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(text.size());
  int32_t i = 0;
  while (i < length) {
    const int32_t begin = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    cps.push_back({c, static_cast<size_t>(begin), static_cast<size_t>(i)});
  }
  return cps;
}

// ASCII-lowered text of code points [i, j), empty if any is not ASCII.
std::string AsciiLower(const std::vector<CodePoint>& cps, size_t i, size_t j) {
  std::string out;
  for (size_t k = i; k < j; ++k) {
    const UChar32 c = cps[k].c;
    if (c < 0 || c >= 0x80) return "";
    out.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c));
  }
  return out;
}

// Abbreviations that keep their period ("Mr. Smith", "St. Louis").
bool IsAbbreviation(const std::string& lower) {
  static constexpr std::array<std::string_view, 30> kAbbreviations = {
      "mr",  "mrs",  "ms",  "dr",  "st",   "jr",  "sr", "vs",  "inc",  "co",
      "ltd", "corp", "gen", "sen", "rep",  "gov", "lt", "col", "sgt",  "prof",
      "mt",  "ft",   "no",  "nr",  "bros", "sra", "hr", "av",  "dept", "cie"};
  return std::find(kAbbreviations.begin(), kAbbreviations.end(), lower) !=
         kAbbreviations.end();
}

// Whether the word [i, j) takes the period right after it.
bool TakesPeriod(const std::vector<CodePoint>& cps, size_t i, size_t j) {
  if (j - i == 1) return u_isalpha(cps[i].c);  // An initial: "J."
  const std::string lower = AsciiLower(cps, i, j);
  if (lower.empty()) return false;
  if (IsAbbreviation(lower)) return true;
  // Dotted letters: U.S, a.m, F.C (segments of at most three letters).
  size_t segment = 0;
  bool dotted = false;
  for (char c : lower) {
    if (c == '.') {
      dotted = true;
      segment = 0;
    } else if (c >= 'a' && c <= 'z' && ++segment <= 3) {
      continue;
    } else if (c != '.') {
      return false;
    }
  }
  return dotted;
}

// French and Italian elided articles and pronouns that stay one token
// with their apostrophe: l'Europe -> l' Europe.
bool IsElision(const std::string& lower) {
  static constexpr std::array<std::string_view, 17> kElisions = {
      "l",      "d",    "j",    "m",     "n",      "s",
      "t",      "c",    "qu",   "jusqu", "lorsqu", "puisqu",
      "quoiqu", "dell", "nell", "dall",  "sull"};
  return std::find(kElisions.begin(), kElisions.end(), lower) !=
         kElisions.end();
}

bool IsEnglishClitic(const std::string& lower) {
  return lower == "s" || lower == "re" || lower == "ve" || lower == "ll" ||
         lower == "m" || lower == "d";
}

// Emits word [i, j), split at apostrophes the CoNLL way.
void EmitWord(const std::vector<CodePoint>& cps, size_t i, size_t j,
              std::vector<NerToken>* out) {
  const auto emit = [&](size_t a, size_t b) {
    if (a < b) out->push_back({cps[a].begin, cps[b - 1].end});
  };
  size_t start = i;
  for (size_t p = i + 1; p + 1 < j; ++p) {
    if (!IsApostrophe(cps[p].c)) continue;
    size_t right_end = p + 1;
    while (right_end < j && !IsApostrophe(cps[right_end].c)) ++right_end;
    const std::string right = AsciiLower(cps, p + 1, right_end);
    const std::string left = AsciiLower(cps, start, p);
    if (right_end == j && IsEnglishClitic(right)) {  // John's -> John 's
      emit(start, p);
      start = p;
    } else if (right_end == j && right == "t" && p - start > 1 &&
               (cps[p - 1].c == 'n' || cps[p - 1].c == 'N')) {
      emit(start, p - 1);  // don't -> do n't
      start = p - 1;
    } else if (IsElision(left)) {
      emit(start, p + 1);
      start = p + 1;
    }
  }
  emit(start, j);
}

}  // namespace

std::vector<NerToken> TokenizeForNer(std::string_view text,
                                     NerTokenization tokenization) {
  const std::vector<CodePoint> cps = Decode(text);
  std::vector<NerToken> tokens;
  const size_t n = cps.size();
  size_t i = 0;
  while (i < n) {
    const Kind kind = KindOf(cps[i].c);
    if (kind == Kind::kSpace) {
      ++i;
      continue;
    }
    if (tokenization == NerTokenization::kCharacters || kind == Kind::kHan) {
      tokens.push_back({cps[i].begin, cps[i].end});
      ++i;
      continue;
    }
    size_t j = i + 1;
    if (kind == Kind::kOther) {  // A run of one mark: "...", "--".
      while (j < n && cps[j].c == cps[i].c && cps[i].c >= 0) ++j;
      tokens.push_back({cps[i].begin, cps[j - 1].end});
      i = j;
      continue;
    }
    while (true) {
      while (j < n && KindOf(cps[j].c) == Kind::kWord) ++j;
      if (j + 1 < n && KindOf(cps[j + 1].c) == Kind::kWord &&
          Joins(cps[j].c, cps[j - 1].c, cps[j + 1].c)) {
        j += 2;
        continue;
      }
      break;
    }
    if (j < n && cps[j].c == '.' && TakesPeriod(cps, i, j)) ++j;
    EmitWord(cps, i, j, &tokens);
    i = j;
  }
  return tokens;
}

namespace {

bool IsSentenceFinal(std::string_view token) {
  static constexpr std::array<std::string_view, 9> kFinal = {
      ".", "!", "?", "...", "\u2026", "\u3002", "\uff01", "\uff1f", "\u061f"};
  if (std::find(kFinal.begin(), kFinal.end(), token) != kFinal.end()) {
    return true;
  }
  return token.size() > 1 && token.find_first_not_of('.') == token.npos;
}

bool IsClosing(std::string_view token) {
  static constexpr std::array<std::string_view, 11> kClosing = {
      "\"",     "'",      "''",     ")",      "]",     "\u201d",
      "\u2019", "\u00bb", "\u300d", "\u300f", "\uff09"};
  return std::find(kClosing.begin(), kClosing.end(), token) != kClosing.end() ||
         IsSentenceFinal(token);
}

}  // namespace

std::vector<NerSentence> SplitNerSentences(std::string_view text,
                                           const std::vector<NerToken>& tokens,
                                           size_t max_tokens) {
  std::vector<NerSentence> sentences;
  size_t begin = 0;
  const auto text_of = [&](size_t k) {
    return text.substr(tokens[k].begin, tokens[k].end - tokens[k].begin);
  };
  for (size_t k = 0; k < tokens.size(); ++k) {
    bool end = k + 1 == tokens.size() || k + 1 - begin >= max_tokens;
    if (!end && IsSentenceFinal(text_of(k))) {
      // Closing quotes and brackets glued to the mark stay with it.
      while (k + 1 < tokens.size() && tokens[k + 1].begin == tokens[k].end &&
             IsClosing(text_of(k + 1)) && k + 1 - begin < max_tokens) {
        ++k;
      }
      end = true;
    }
    if (!end) {
      const std::string_view gap =
          text.substr(tokens[k].end, tokens[k + 1].begin - tokens[k].end);
      end = std::count(gap.begin(), gap.end(), '\n') >= 2;
    }
    if (end) {
      sentences.push_back({begin, k + 1});
      begin = k + 1;
    }
  }
  return sentences;
}

}  // namespace chancery
