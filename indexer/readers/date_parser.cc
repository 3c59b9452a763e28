// ParseDate works in two steps: a tokenizer turns the text into numbers,
// words, clock times and ISO year-month-day groups; an interpreter then gives
// each token a role (day, month, year, time, zone, or ignorable word) and
// rejects the text if any token has none or a role is filled twice. One
// grammar thus covers ISO 8601, RFC 2822, Reuters SGML and prose dates in
// several languages without a table of format strings, and free text fails
// instead of producing a plausible but wrong date.
#include "indexer/readers/date_parser.h"

#include <array>
#include <charconv>
#include <string>
#include <utility>
#include <vector>

#include "common/base/civil_date.h"
#include "common/base/numbers.h"
#include "common/base/strings.h"

namespace chancery {
namespace {

struct Token {
  enum class Kind { kNumber, kWord, kTime, kYearMonthDay };
  Kind kind = Kind::kNumber;
  // '+' or '-' written immediately before a number or time, else 0. Only
  // meaningful as a zone offset; elsewhere '-' is a separator.
  char sign = 0;
  int value = 0;         // kNumber
  int digits = 0;        // kNumber: how many digits were written
  bool ordinal = false;  // kNumber followed by "st", "er", "th"...: a day
  std::string word;      // kWord, lower-cased with Latin accents removed
  int hour = 0, minute = 0, second = 0;  // kTime
  bool has_seconds = false;              // kTime
  int year = 0, month = 0, day = 0;      // kYearMonthDay
};

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAsciiLetter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
// Non-ASCII UTF-8 bytes are taken as letters so "février" stays one word.
// Unlike the search side's word bytes, digits are not: "12th" is a number
// and a suffix, "14h30" a clock time.
bool IsLetterByte(char c) {
  return IsAsciiLetter(c) || static_cast<unsigned char>(c) >= 0x80;
}

// Base letter of a Latin-1 letter encoded as 0xC3 `second` in UTF-8, or 0.
// Enough to fold the month and weekday names we accept ("août", "März").
char FoldLatin1Letter(unsigned char second) {
  if (second >= 0x80 && second <= 0x9e && second != 0x97) second += 0x20;
  switch (second) {
    case 0xa0:
    case 0xa1:
    case 0xa2:
    case 0xa3:
    case 0xa4:
    case 0xa5:
      return 'a';
    case 0xa7:
      return 'c';
    case 0xa8:
    case 0xa9:
    case 0xaa:
    case 0xab:
      return 'e';
    case 0xac:
    case 0xad:
    case 0xae:
    case 0xaf:
      return 'i';
    case 0xb1:
      return 'n';
    case 0xb2:
    case 0xb3:
    case 0xb4:
    case 0xb5:
    case 0xb6:
      return 'o';
    case 0xb9:
    case 0xba:
    case 0xbb:
    case 0xbc:
      return 'u';
    default:
      return 0;
  }
}

std::string FoldWord(std::string_view raw) {
  std::string out;
  out.reserve(raw.size());
  for (size_t i = 0; i < raw.size(); ++i) {
    const unsigned char c = raw[i];
    if (c == 0xc3 && i + 1 < raw.size()) {
      if (char base = FoldLatin1Letter(raw[i + 1])) {
        out += base;
        ++i;
        continue;
      }
    }
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a')
                                  : static_cast<char>(c);
  }
  return out;
}

// Parses exactly `n` digits at text[pos], advancing pos; -1 if not digits.
int TakeDigits(std::string_view text, size_t& pos, size_t n) {
  if (pos + n > text.size()) return -1;
  int value = 0;
  for (size_t i = 0; i < n; ++i) {
    if (!IsDigit(text[pos + i])) return -1;
    value = value * 10 + (text[pos + i] - '0');
  }
  pos += n;
  return value;
}

size_t DigitRunEnd(std::string_view text, size_t pos) {
  while (pos < text.size() && IsDigit(text[pos])) ++pos;
  return pos;
}

// "2024-02-26" or "2024/02/26" at `pos`, which starts a 4-digit run.
bool TakeYearMonthDay(std::string_view text, size_t& pos, Token& token) {
  size_t p = pos;
  const int year = TakeDigits(text, p, 4);
  if (p >= text.size() || (text[p] != '-' && text[p] != '/')) return false;
  const char separator = text[p++];
  const int month = TakeDigits(text, p, 2);
  if (month < 0 || p >= text.size() || text[p++] != separator) return false;
  const int day = TakeDigits(text, p, 2);
  if (day < 0 || (p < text.size() && IsDigit(text[p]))) return false;
  token.kind = Token::Kind::kYearMonthDay;
  token.year = year;
  token.month = month;
  token.day = day;
  pos = p;
  return true;
}

// "15:01", "15:01:01", "15:01:01.79", "15:01:01,5" or French "15h01" at
// `pos` (a 1-2 digit run ending at `end`).
bool TakeTime(std::string_view text, size_t& pos, size_t end, Token& token) {
  size_t p = end;
  if (p >= text.size() || (text[p] != ':' && text[p] != 'h' && text[p] != 'H'))
    return false;
  const bool french = text[p] != ':';
  ++p;
  const int minute = TakeDigits(text, p, 2);
  if (minute < 0 || (p < text.size() && IsDigit(text[p]))) return false;
  int second = 0;
  bool has_seconds = false;
  if (!french && p < text.size() && text[p] == ':') {
    size_t q = p + 1;
    second = TakeDigits(text, q, 2);
    if (second < 0) return false;
    has_seconds = true;
    p = q;
    if (p + 1 < text.size() && (text[p] == '.' || text[p] == ',') &&
        IsDigit(text[p + 1])) {
      p = DigitRunEnd(text, p + 1);  // Fractions of a second are dropped.
    }
  }
  if (french && p < text.size() && IsLetterByte(text[p])) return false;
  token.kind = Token::Kind::kTime;
  std::from_chars(text.data() + pos, text.data() + end, token.hour);
  token.minute = minute;
  token.second = second;
  token.has_seconds = has_seconds;
  pos = p;
  return true;
}

bool IsOrdinalSuffix(std::string_view folded) {
  static constexpr std::array<std::string_view, 5> kSuffixes = {
      "st", "nd", "rd", "th", "er"};
  for (std::string_view s : kSuffixes) {
    if (folded == s) return true;
  }
  return false;
}

std::optional<std::vector<Token>> Tokenize(std::string_view text) {
  std::vector<Token> tokens;
  size_t pos = 0;
  while (pos < text.size()) {
    const char c = text[pos];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ',' ||
        c == '.' || c == '/' || c == '(' || c == ')' || c == ';') {
      ++pos;
      continue;
    }
    Token token;
    if (c == '+' || c == '-') {
      if (pos + 1 < text.size() && IsDigit(text[pos + 1])) {
        token.sign = c;
        ++pos;
      } else if (c == '-') {
        ++pos;
        continue;
      } else {
        return std::nullopt;
      }
    }
    if (IsDigit(text[pos])) {
      const size_t end = DigitRunEnd(text, pos);
      const size_t digits = end - pos;
      if (digits == 4 && token.sign == 0 &&
          TakeYearMonthDay(text, pos, token)) {
        tokens.push_back(std::move(token));
        continue;
      }
      if (digits <= 2 && TakeTime(text, pos, end, token)) {
        tokens.push_back(std::move(token));
        continue;
      }
      if (digits > 4) return std::nullopt;
      token.kind = Token::Kind::kNumber;
      token.digits = static_cast<int>(digits);
      std::from_chars(text.data() + pos, text.data() + end, token.value);
      pos = end;
      size_t word_end = pos;
      while (word_end < text.size() && IsLetterByte(text[word_end])) ++word_end;
      if (word_end > pos &&
          IsOrdinalSuffix(FoldWord(text.substr(pos, word_end - pos)))) {
        token.ordinal = true;
        pos = word_end;
      }
      tokens.push_back(std::move(token));
      continue;
    }
    if (IsLetterByte(c)) {
      size_t end = pos;
      while (end < text.size() && IsLetterByte(text[end])) ++end;
      token.kind = Token::Kind::kWord;
      token.word = FoldWord(text.substr(pos, end - pos));
      pos = end;
      tokens.push_back(std::move(token));
      continue;
    }
    return std::nullopt;
  }
  return tokens;
}

// Month number of a folded English, French, German or Spanish month name
// or abbreviation, or 0.
int MonthNumber(std::string_view word) {
  struct Name {
    std::string_view name;
    int month;
  };
  static constexpr Name kNames[] = {
      {"january", 1},   {"jan", 1},        {"janvier", 1},    {"janv", 1},
      {"januar", 1},    {"janner", 1},     {"enero", 1},      {"ene", 1},
      {"february", 2},  {"feb", 2},        {"fevrier", 2},    {"fevr", 2},
      {"fev", 2},       {"februar", 2},    {"febrero", 2},    {"march", 3},
      {"mar", 3},       {"mars", 3},       {"marz", 3},       {"maerz", 3},
      {"marzo", 3},     {"april", 4},      {"apr", 4},        {"avril", 4},
      {"avr", 4},       {"abril", 4},      {"abr", 4},        {"may", 5},
      {"mai", 5},       {"mayo", 5},       {"june", 6},       {"jun", 6},
      {"juin", 6},      {"juni", 6},       {"junio", 6},      {"july", 7},
      {"jul", 7},       {"juillet", 7},    {"juil", 7},       {"juli", 7},
      {"julio", 7},     {"august", 8},     {"aug", 8},        {"aout", 8},
      {"agosto", 8},    {"ago", 8},        {"september", 9},  {"sep", 9},
      {"sept", 9},      {"septembre", 9},  {"septiembre", 9}, {"setiembre", 9},
      {"october", 10},  {"oct", 10},       {"octobre", 10},   {"oktober", 10},
      {"okt", 10},      {"octubre", 10},   {"november", 11},  {"nov", 11},
      {"novembre", 11}, {"noviembre", 11}, {"december", 12},  {"dec", 12},
      {"decembre", 12}, {"dezember", 12},  {"dez", 12},       {"diciembre", 12},
      {"dic", 12},
  };
  for (const Name& n : kNames) {
    if (n.name == word) return n.month;
  }
  return 0;
}

// Weekday names and the little words of prose dates ("le", "de", "am",
// "Uhr", ISO's "T"), which carry no date information.
bool IsIgnorableWord(std::string_view word) {
  static constexpr std::string_view kWords[] = {
      "monday",    "mon",      "tuesday",    "tue",      "tues",
      "wednesday", "wed",      "thursday",   "thu",      "thur",
      "thurs",     "friday",   "fri",        "saturday", "sat",
      "sunday",    "sun",      "lundi",      "mardi",    "mercredi",
      "jeudi",     "vendredi", "samedi",     "dimanche", "montag",
      "dienstag",  "mittwoch", "donnerstag", "freitag",  "samstag",
      "sonnabend", "sonntag",  "lunes",      "martes",   "miercoles",
      "jueves",    "viernes",  "sabado",     "domingo",  "t",
      "de",        "del",      "le",         "la",       "a",
      "am",        "um",       "at",         "on",       "the",
      "of",        "en",       "el",         "uhr",      "h"};
  for (std::string_view w : kWords) {
    if (w == word) return true;
  }
  return false;
}

// Offset from UTC in minutes of a zone abbreviation, or nullopt.
std::optional<int> ZoneOffsetMinutes(std::string_view word) {
  struct Zone {
    std::string_view name;
    int minutes;
  };
  static constexpr Zone kZones[] = {
      {"z", 0},      {"gmt", 0},     {"ut", 0},      {"utc", 0},
      {"wet", 0},    {"est", -300},  {"edt", -240},  {"cst", -360},
      {"cdt", -300}, {"mst", -420},  {"mdt", -360},  {"pst", -480},
      {"pdt", -420}, {"akst", -540}, {"akdt", -480}, {"hst", -600},
      {"bst", 60},   {"west", 60},   {"cet", 60},    {"met", 60},
      {"mez", 60},   {"cest", 120},  {"mest", 120},  {"mesz", 120},
      {"eet", 120},  {"eest", 180},  {"msk", 180},   {"hkt", 480},
      {"sgt", 480},  {"awst", 480},  {"jst", 540},   {"kst", 540},
      {"aest", 600}, {"aedt", 660},  {"nzst", 720},  {"nzdt", 780},
  };
  for (const Zone& z : kZones) {
    if (z.name == word) return z.minutes;
  }
  return std::nullopt;
}

// What the tokens have said so far.
struct DateFields {
  int year = 0, month = 0, day = 0;  // 0 = not seen
  std::optional<int> hour;
  int minute = 0, second = 0;
  std::optional<int> zone_minutes;
  bool zone_is_numeric = false;
};

// A signed number or time right after the clock time is a zone offset:
// "+01:00", "+0100", "-05".
bool TakeZoneOffset(const Token& token, DateFields& f) {
  if (token.sign == 0 || !f.hour || f.zone_is_numeric) return false;
  int hours = 0, minutes = 0;
  if (token.kind == Token::Kind::kTime && !token.has_seconds) {
    hours = token.hour;
    minutes = token.minute;
  } else if (token.kind == Token::Kind::kNumber && token.digits == 4) {
    hours = token.value / 100;
    minutes = token.value % 100;
  } else if (token.kind == Token::Kind::kNumber && token.digits <= 2) {
    hours = token.value;
  } else {
    return false;
  }
  if (hours > 14 || minutes > 59) return false;
  const int offset = hours * 60 + minutes;
  f.zone_minutes = token.sign == '-' ? -offset : offset;
  f.zone_is_numeric = true;
  return true;
}

bool TakeWord(const Token& token, const Token* previous, DateFields& f) {
  const std::string& w = token.word;
  if (int month = MonthNumber(w)) {
    if (f.month) return false;
    f.month = month;
    return true;
  }
  if ((w == "am" || w == "pm") && previous &&
      previous->kind == Token::Kind::kTime && f.hour) {
    if (*f.hour < 1 || *f.hour > 12) return false;
    f.hour = *f.hour % 12 + (w == "pm" ? 12 : 0);
    return true;
  }
  if (IsIgnorableWord(w)) return true;
  if (std::optional<int> zone = ZoneOffsetMinutes(w)) {
    // A second zone is RFC 2822's comment, "-0800 (PST)": keep the first.
    if (!f.zone_minutes) f.zone_minutes = zone;
    return true;
  }
  return false;
}

bool TakeToken(const Token& token, const Token* previous, DateFields& f) {
  if (TakeZoneOffset(token, f)) return true;
  if (token.sign == '+') return false;
  switch (token.kind) {
    case Token::Kind::kYearMonthDay:
      if (f.year || f.month || f.day) return false;
      f.year = token.year;
      f.month = token.month;
      f.day = token.day;
      return true;
    case Token::Kind::kTime:
      if (f.hour) return false;
      f.hour = token.hour;
      f.minute = token.minute;
      f.second = token.second;
      return true;
    case Token::Kind::kNumber:
      if (token.digits == 4 && !token.ordinal) {
        if (f.year) return false;
        f.year = token.value;
        return true;
      }
      if (token.digits > 2) return false;
      if (!f.day) {
        f.day = token.value;
        return true;
      }
      // RFC 850's two-digit year, "Sunday, 06-Nov-94": 50-99 is 19xx.
      if (f.year || token.ordinal) return false;
      f.year = token.value + (token.value < 50 ? 2000 : 1900);
      return true;
    case Token::Kind::kWord:
      return TakeWord(token, previous, f);
  }
  return false;
}

std::optional<int64_t> ParseEpochSeconds(std::string_view text) {
  if (text.size() < 9 || text.size() > 11) return std::nullopt;
  return ParseInt64(text);
}

}  // namespace

std::optional<int64_t> ParseDate(std::string_view text) {
  text = TrimWhitespace(text);
  if (text.empty() || text.size() > 200) return std::nullopt;
  if (IsDigit(text[0])) {
    if (std::optional<int64_t> epoch = ParseEpochSeconds(text)) return epoch;
  }
  std::optional<std::vector<Token>> tokens = Tokenize(text);
  if (!tokens) return std::nullopt;
  DateFields f;
  const Token* previous = nullptr;
  for (const Token& token : *tokens) {
    if (!TakeToken(token, previous, f)) return std::nullopt;
    previous = &token;
  }
  if (!f.year || !f.month || !f.day) return std::nullopt;
  const int hour = f.hour.value_or(0);
  if (hour > 23 || f.minute > 59 || f.second > 60) return std::nullopt;

  if (!IsValidCivilDate(f.year, f.month, f.day)) return std::nullopt;
  return EpochSecondsFromCivil(
             {{f.year, f.month, f.day}, hour, f.minute, f.second}) -
         int64_t{f.zone_minutes.value_or(0)} * 60;
}

}  // namespace chancery
