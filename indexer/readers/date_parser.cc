// ParseDate works in three steps: the text is normalised (Arabic-Indic and
// full-width digits to ASCII, CJK year/month/day signs kept as number
// suffixes); a tokenizer turns it into numbers, words, clock times, zones
// and ISO date groups; an interpreter then gives each token a role (day,
// month, year, time, zone, or ignorable word) and rejects the text if any
// token has none or a role is filled twice. One grammar thus covers ISO
// 8601, RFC 2822, Reuters SGML and prose dates in many languages without a
// table of format strings, and free text fails instead of producing a
// plausible but wrong date. Names are hand-written tables of folded words
// (ICU's date parsing wants one locale and pattern at a time, which is slow
// and would not take mixed or genitive forms).
#include "indexer/readers/date_parser.h"

#include <unicode/utf8.h>

#include <algorithm>
#include <charconv>
#include <string>
#include <utility>
#include <vector>

#include "common/base/civil_date.h"
#include "common/base/numbers.h"
#include "common/base/strings.h"
#include "indexer/readers/date_zones.h"

namespace chancery {
namespace {

struct Token {
  enum class Kind { kNumber, kWord, kTime, kYearMonthDay, kYearMonth, kZone };
  Kind kind = Kind::kNumber;
  // '+' or '-' written immediately before a number or time, else 0. Only
  // meaningful as a zone offset; elsewhere '-' is a separator.
  char sign = 0;
  int value = 0;         // kNumber
  int digits = 0;        // kNumber: how many digits were written
  bool ordinal = false;  // kNumber followed by "st", "er", "th"...: a day
  char cjk_role = 0;  // kNumber followed by 年/년 'y', 月/월 'm', 日/일 'd'
  std::string word;                      // kWord, folded (see FoldWord)
  int hour = 0, minute = 0, second = 0;  // kTime
  bool has_seconds = false;              // kTime
  int year = 0, month = 0, day = 0;      // kYearMonthDay, kYearMonth
  // kZone: a fixed offset, or a US zone's standard offset (daylight time by
  // the US rule), or neither for a tz name we do not know (in `word`).
  std::optional<int> zone_minutes, us_standard_minutes;
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

// The code point at s[i], advancing i; negative when malformed (ICU).
UChar32 NextCodepoint(std::string_view s, size_t& i) {
  UChar32 c;
  int32_t pos = static_cast<int32_t>(i);
  U8_NEXT(s.data(), pos, static_cast<int32_t>(s.size()), c);
  i = static_cast<size_t>(pos);
  return c;
}

void AppendUtf8(UChar32 c, std::string& out) {
  char buf[U8_MAX_LENGTH];
  int32_t n = 0;
  U8_APPEND_UNSAFE(buf, n, c);
  out.append(buf, static_cast<size_t>(n));
}

// Lower case without accents, for the letters of the month and weekday
// names we accept: Latin-1 and the Polish and Hungarian letters of Latin
// Extended-A to ASCII, Cyrillic and Greek to lower case (Greek without
// tonos or dialytika, final sigma as sigma, Cyrillic ё as е), Arabic alef
// with hamza or madda to bare alef. Other characters are kept.
UChar32 FoldCodepoint(UChar32 c) {
  if (c >= 'A' && c <= 'Z') return c + 0x20;
  if (c >= 0xc0 && c <= 0xff && c != 0xd7 && c != 0xf7) {
    // Base letters of U+00C0..U+00DF, which U+00E0..U+00FF repeat in lower
    // case; 0 where there is none (Æ, Þ, ß).
    static constexpr char kLatin1[33] = "aaaaaa\0ceeeeiiiidnooooo\0ouuuuy\0\0";
    const char base = kLatin1[c & 0x1f];
    return base ? static_cast<UChar32>(base) : c;
  }
  switch (c) {  // Latin Extended-A letters of pl and hu month/day names.
    case 0x104:
    case 0x105:
      return 'a';
    case 0x106:
    case 0x107:
      return 'c';
    case 0x118:
    case 0x119:
      return 'e';
    case 0x141:
    case 0x142:
      return 'l';
    case 0x143:
    case 0x144:
      return 'n';
    case 0x150:
    case 0x151:
      return 'o';
    case 0x15a:
    case 0x15b:
      return 's';
    case 0x170:
    case 0x171:
      return 'u';
    case 0x179:
    case 0x17a:
    case 0x17b:
    case 0x17c:
      return 'z';
    default:
      break;
  }
  if (c >= 0x410 && c <= 0x42f) return c + 0x20;          // Cyrillic А..Я
  if (c == 0x401 || c == 0x451) return 0x435;             // Ё, ё -> е
  if (c >= 0x391 && c <= 0x3a9 && c != 0x3a2) c += 0x20;  // Greek Α..Ω
  switch (c) {
    case 0x386:
    case 0x3ac:
      return 0x3b1;  // ά
    case 0x388:
    case 0x3ad:
      return 0x3b5;  // έ
    case 0x389:
    case 0x3ae:
      return 0x3b7;  // ή
    case 0x38a:
    case 0x3af:
    case 0x390:
    case 0x3ca:
      return 0x3b9;  // ί ΐ ϊ
    case 0x38c:
    case 0x3cc:
      return 0x3bf;  // ό
    case 0x38e:
    case 0x3cd:
    case 0x3b0:
    case 0x3cb:
      return 0x3c5;  // ύ ΰ ϋ
    case 0x38f:
    case 0x3ce:
      return 0x3c9;  // ώ
    case 0x3c2:
      return 0x3c3;  // ς -> σ
    case 0x622:
    case 0x623:
    case 0x625:
      return 0x627;  // آ أ إ -> ا
    default:
      return c;
  }
}

std::string FoldWord(std::string_view raw) {
  std::string out;
  out.reserve(raw.size());
  for (size_t i = 0; i < raw.size();) {
    const size_t start = i;
    const UChar32 c = NextCodepoint(raw, i);
    if (c < 0) {
      out.append(raw.substr(start, i - start));
    } else {
      AppendUtf8(FoldCodepoint(c), out);
    }
  }
  return out;
}

// The text with Arabic-Indic, Extended Arabic-Indic and full-width digits as
// ASCII digits, and Arabic, ideographic and full-width commas and spaces as
// ASCII ones, so the tokenizer deals in ASCII punctuation only.
std::string NormalizeDigitsAndPunctuation(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    const size_t start = i;
    const UChar32 c = NextCodepoint(text, i);
    if (c >= 0x660 && c <= 0x669) {
      out += static_cast<char>('0' + (c - 0x660));
    } else if (c >= 0x6f0 && c <= 0x6f9) {
      out += static_cast<char>('0' + (c - 0x6f0));
    } else if (c >= 0xff10 && c <= 0xff19) {
      out += static_cast<char>('0' + (c - 0xff10));
    } else if (c == 0x60c || c == 0xff0c || c == 0x3001) {
      out += ',';
    } else if (c == 0x3000 || c == 0xa0) {
      out += ' ';
    } else if (c == 0xff1a) {
      out += ':';
    } else {
      out.append(text.substr(start, i - start));
    }
  }
  return out;
}

// 年/년 year, 月/월 month, 日/일/号 day, 時/时/点/시 hour, 分/분 minute,
// 秒/초 second written right after a number: the role letter ('y', 'm',
// 'd', 'H', 'M', 'S') and the sign's UTF-8 length, or {0, 0}.
std::pair<char, size_t> CjkDateSign(std::string_view rest) {
  struct Sign {
    std::string_view utf8;
    char role;
  };
  static constexpr Sign kSigns[] = {
      {"年", 'y'}, {"년", 'y'}, {"月", 'm'}, {"월", 'm'},
      {"日", 'd'}, {"일", 'd'}, {"号", 'd'}, {"時", 'H'},
      {"时", 'H'}, {"点", 'H'}, {"點", 'H'}, {"시", 'H'},
      {"分", 'M'}, {"분", 'M'}, {"秒", 'S'}, {"초", 'S'}};
  for (const Sign& s : kSigns) {
    if (rest.substr(0, s.utf8.size()) == s.utf8) return {s.role, s.utf8.size()};
  }
  return {0, 0};
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

bool AtDigit(std::string_view text, size_t p) {
  return p < text.size() && IsDigit(text[p]);
}

// Day `ordinal` (1..366) of `year` as a kYearMonthDay token; false if the
// year has no such day.
bool SetOrdinalDate(int year, int ordinal, Token& token) {
  const int year_days = IsValidCivilDate(year, 2, 29) ? 366 : 365;
  if (ordinal < 1 || ordinal > year_days) return false;
  const CivilDate date = CivilFromDays(DaysFromCivil(year, 1, 1) + ordinal - 1);
  token.kind = Token::Kind::kYearMonthDay;
  token.year = date.year;
  token.month = date.month;
  token.day = date.day;
  return true;
}

// "2024-02-26", "2024/02/26", ordinal "2024-057" or W3C-DTF "2024-02" at
// `pos`, which starts a 4-digit run.
bool TakeYearMonthDay(std::string_view text, size_t& pos, Token& token) {
  size_t p = pos;
  const int year = TakeDigits(text, p, 4);
  if (p >= text.size() || (text[p] != '-' && text[p] != '/')) return false;
  const char separator = text[p++];
  const size_t run = DigitRunEnd(text, p) - p;
  if (run == 3 && separator == '-') {
    if (!SetOrdinalDate(year, TakeDigits(text, p, 3), token)) return false;
    pos = p;
    return true;
  }
  const int month = TakeDigits(text, p, 2);
  if (month < 0 || AtDigit(text, p)) return false;
  if (p >= text.size() || text[p] != separator) {
    if (separator != '-' || (p < text.size() && IsLetterByte(text[p])))
      return false;
    if (month < 1 || month > 12) return false;
    token.kind = Token::Kind::kYearMonth;
    token.year = year;
    token.month = month;
    pos = p;
    return true;
  }
  ++p;
  const int day = TakeDigits(text, p, 2);
  if (day < 0 || AtDigit(text, p)) return false;
  token.kind = Token::Kind::kYearMonthDay;
  token.year = year;
  token.month = month;
  token.day = day;
  pos = p;
  return true;
}

// ISO 8601 basic "20240226" or ordinal "2024057": a run of 8 or 7 digits
// from `pos` to `end`, followed by the end, a space or 'T'.
bool TakeBasicDate(std::string_view text, size_t& pos, size_t end,
                   Token& token) {
  if (end < text.size() && text[end] != 'T' && text[end] != 't' &&
      text[end] != ' ')
    return false;
  size_t p = pos;
  const int year = TakeDigits(text, p, 4);
  if (end - pos == 7) {
    if (!SetOrdinalDate(year, TakeDigits(text, p, 3), token)) return false;
  } else {
    token.kind = Token::Kind::kYearMonthDay;
    token.year = year;
    token.month = TakeDigits(text, p, 2);
    token.day = TakeDigits(text, p, 2);
  }
  pos = end;
  return true;
}

// Skips ".79" or ",5" after seconds: fractions of a second are dropped.
size_t SkipFraction(std::string_view text, size_t p) {
  if (p + 1 < text.size() && (text[p] == '.' || text[p] == ',') &&
      IsDigit(text[p + 1]))
    return DigitRunEnd(text, p + 1);
  return p;
}

// ISO 8601 basic time "150101" or "1501" right after 'T' (run pos..end).
bool TakeBasicTime(std::string_view text, size_t& pos, size_t end,
                   Token& token) {
  if (pos == 0 || (text[pos - 1] != 'T' && text[pos - 1] != 't')) return false;
  const size_t digits = end - pos;
  if (digits != 4 && digits != 6) return false;
  size_t p = pos;
  token.kind = Token::Kind::kTime;
  token.hour = TakeDigits(text, p, 2);
  token.minute = TakeDigits(text, p, 2);
  token.has_seconds = digits == 6;
  token.second = token.has_seconds ? TakeDigits(text, p, 2) : 0;
  pos = SkipFraction(text, p);
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
  if (minute < 0 || AtDigit(text, p)) return false;
  int second = 0;
  bool has_seconds = false;
  if (!french && p < text.size() && text[p] == ':') {
    size_t q = p + 1;
    second = TakeDigits(text, q, 2);
    if (second < 0) return false;
    has_seconds = true;
    p = SkipFraction(text, q);
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
  for (std::string_view s : {"st", "nd", "rd", "th", "er"}) {
    if (folded == s) return true;
  }
  return false;
}

// Whether `word` is one of the space-separated words of `list`.
bool ListContains(std::string_view list, std::string_view word) {
  size_t start = 0;
  while (start < list.size()) {
    size_t end = list.find(' ', start);
    if (end == std::string_view::npos) end = list.size();
    if (list.substr(start, end - start) == word) return true;
    start = end + 1;
  }
  return false;
}

// The tz database's "Etc/GMT", "Etc/UTC" or "Etc/GMT+5" (which is UTC-5:
// POSIX signs are inverted) at `pos`, as a kZone token.
bool TakeEtcZone(std::string_view text, size_t& pos, Token& token) {
  if (!EqualsIgnoreAsciiCase(text.substr(pos, 4), "etc/")) return false;
  size_t p = pos + 4;
  size_t name_end = p;
  while (name_end < text.size() && IsAsciiLetter(text[name_end])) ++name_end;
  const std::string name = AsciiToLower(text.substr(p, name_end - p));
  if (name != "gmt" && name != "utc" && name != "uct" && name != "ut" &&
      name != "zulu" && name != "universal" && name != "greenwich")
    return false;
  p = name_end;
  int hours = 0;
  if (p < text.size() && (text[p] == '+' || text[p] == '-') &&
      AtDigit(text, p + 1) && name == "gmt") {
    const char sign = text[p];
    const size_t end = DigitRunEnd(text, p + 1);
    if (end - p - 1 > 2) return false;
    std::from_chars(text.data() + p + 1, text.data() + end, hours);
    if (hours > 14) return false;
    if (sign == '+') hours = -hours;
    p = end;
  }
  if (p < text.size() && IsLetterByte(text[p])) return false;
  token.kind = Token::Kind::kZone;
  token.zone_minutes = hours * 60;
  pos = p;
  return true;
}

// A tz database name such as "America/New_York" at `pos`, as a kZone token:
// the US and Canadian zones that follow the US rule and Arizona's fixed
// offset are known, any other Area/Location name is an unknown zone.
bool TakeTzName(std::string_view text, size_t& pos, Token& token) {
  size_t end = pos;
  while (end < text.size() &&
         (IsAsciiLetter(text[end]) || text[end] == '_' || text[end] == '/'))
    ++end;
  const std::string name = AsciiToLower(text.substr(pos, end - pos));
  const size_t slash = name.find('/');
  if (slash == std::string::npos || slash + 1 == name.size() ||
      (end < text.size() && IsLetterByte(text[end])))
    return false;
  static constexpr std::string_view kAreas =
      "africa america antarctica arctic asia atlantic australia europe "
      "indian pacific us canada brazil mexico chile";
  if (!ListContains(kAreas, name.substr(0, slash))) return false;
  static constexpr std::string_view kUsStandard[] = {
      // UTC-4 Atlantic, -5 Eastern, -6 Central, -7 Mountain, -8 Pacific
      "america/halifax america/moncton canada/atlantic",
      "america/new_york america/detroit america/toronto us/eastern "
      "canada/eastern",
      "america/chicago america/winnipeg us/central canada/central",
      "america/denver america/edmonton us/mountain canada/mountain",
      "america/los_angeles america/vancouver us/pacific canada/pacific"};
  token.kind = Token::Kind::kZone;
  for (int i = 0; i < 5; ++i) {
    if (ListContains(kUsStandard[i], name)) {
      token.us_standard_minutes = -240 - 60 * i;
    }
  }
  if (name == "america/phoenix" || name == "us/arizona") {
    token.zone_minutes = -420;
  } else if (!token.us_standard_minutes) {
    token.word = name;
  }
  pos = end;
  return true;
}

// A number at `pos` (a run to `end`): an ISO date group, a clock time, or a
// plain number with its ordinal or CJK suffix.
bool TakeNumeric(std::string_view text, size_t& pos, size_t end, Token& token) {
  const size_t digits = end - pos;
  if (token.sign == 0) {
    if (digits == 4 && TakeYearMonthDay(text, pos, token)) return true;
    if ((digits == 8 || digits == 7) && TakeBasicDate(text, pos, end, token))
      return true;
    if (TakeBasicTime(text, pos, end, token)) return true;
  }
  if (digits <= 2 && TakeTime(text, pos, end, token)) return true;
  if (digits > 4) return false;
  token.kind = Token::Kind::kNumber;
  token.digits = static_cast<int>(digits);
  std::from_chars(text.data() + pos, text.data() + end, token.value);
  pos = end;
  if (auto [role, length] = CjkDateSign(text.substr(pos)); role != 0) {
    token.cjk_role = role;
    pos += length;
    return true;
  }
  size_t word_end = pos;
  while (word_end < text.size() && IsAsciiLetter(text[word_end])) ++word_end;
  if (word_end > pos &&
      IsOrdinalSuffix(FoldWord(text.substr(pos, word_end - pos)))) {
    token.ordinal = true;
    pos = word_end;
  }
  return true;
}

std::optional<std::vector<Token>> Tokenize(std::string_view text) {
  std::vector<Token> tokens;
  size_t pos = 0;
  while (pos < text.size()) {
    const char c = text[pos];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ',' ||
        c == '.' || c == '/' || c == ';') {
      ++pos;
      continue;
    }
    if (c == '(') {  // RFC 2822 comment: "(PST)", "(Central European Time)"
      const size_t close = text.find(')', pos);
      if (close == std::string_view::npos) return std::nullopt;
      pos = close + 1;
      continue;
    }
    Token token;
    if (TakeEtcZone(text, pos, token) || TakeTzName(text, pos, token)) {
      tokens.push_back(std::move(token));
      continue;
    }
    if (c == '+' || c == '-') {
      if (AtDigit(text, pos + 1)) {
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
      if (!TakeNumeric(text, pos, DigitRunEnd(text, pos), token))
        return std::nullopt;
      tokens.push_back(std::move(token));
      continue;
    }
    if ((c == 'a' || c == 'A' || c == 'p' || c == 'P') &&
        EqualsIgnoreAsciiCase(text.substr(pos + 1, 2), ".m")) {
      token.kind = Token::Kind::kWord;  // "3:01 p.m." as "3:01 pm"
      token.word = (c == 'a' || c == 'A') ? "am" : "pm";
      pos += 3;
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

// Folded month names, abbreviations and genitive forms of each month, in
// en, fr, de, es, it, pt, pl, hu, ru, el (no tonos, σ for ς) and ar
// (Egyptian/Gulf and single-word Levantine names).
constexpr std::string_view kMonthNames[12] = {
    "january jan janvier janv januar janner enero ene gennaio gen "
    "janeiro styczen stycznia sty январь января "
    "янв ιανουαριοσ ιανουαριου ιαν "
    "يناير",
    "february feb fevrier fevr fev februar febrero febbraio "
    "fevereiro luty lutego lut febr февраль февраля "
    "фев февр φεβρουαριοσ "
    "φεβρουαριου φεβ فبراير شباط",
    "march mar mars marz maerz marzo marco marzec marca marcius "
    "marc март марта мар μαρτιοσ "
    "μαρτιου μαρ مارس اذار",
    "april apr avril avr abril abr aprile kwiecien kwietnia kwi "
    "aprilis апрель апреля апр απριλιοσ "
    "απριλιου απρ ابريل نيسان",
    "may mai mayo maggio mag maio maj maja majus май мая "
    "μαιοσ μαιου μαι مايو ايار",
    "june jun juin juni junio giugno giu junho czerwiec czerwca "
    "cze junius июнь июня июн ιουνιοσ "
    "ιουνιου ιουν يونيو يونيه حزيران",
    "july jul juillet juil juli julio luglio lug julho lipiec "
    "lipca lip julius июль июля июл ιουλιοσ "
    "ιουλιου ιουλ يوليو يوليه تموز",
    "august aug aout agosto ago sierpien sierpnia sie augusztus "
    "август августа авг αυγουστοσ "
    "αυγουστου αυγ اغسطس اب",
    "september sep sept septembre septiembre setiembre settembre "
    "set setembro wrzesien wrzesnia wrz szeptember szept "
    "сентябрь сентября сен сент "
    "σεπτεμβριοσ σεπτεμβριου σεπ "
    "سبتمبر ايلول",
    "october oct octobre oktober okt octubre ottobre ott outubro "
    "out pazdziernik pazdziernika paz октябрь "
    "октября окт οκτωβριοσ οκτωβριου "
    "οκτ اكتوبر",
    "november nov novembre noviembre novembro listopad listopada "
    "lis ноябрь ноября ноя нояб "
    "νοεμβριοσ νοεμβριου νοε نوفمبر",
    "december dec decembre dezember dez diciembre dic dicembre "
    "dezembro grudzien grudnia gru декабрь декабря "
    "дек δεκεμβριοσ δεκεμβριου δεκ "
    "ديسمبر",
};

// Month number (1..12) of a folded month name, or 0.
int MonthNumber(std::string_view w) {
  for (int m = 0; m < 12; ++m) {
    if (ListContains(kMonthNames[m], w)) return m + 1;
  }
  return 0;
}

// Levantine Arabic months of two words: كانون الثاني (January), تشرين الأول
// (October), تشرين الثاني (November), كانون الأول (December). The first
// word's code: 'k' kanun, 't' tishrin, or 0.
char ArabicMonthPrefix(std::string_view w) {
  if (w == "كانون") return 'k';
  if (w == "تشرين") return 't';
  return 0;
}
int ArabicMonthSecondWord(char prefix, std::string_view w) {
  const bool first = w == "الاول";
  const bool second = w == "الثاني";
  if (!first && !second) return 0;
  if (prefix == 'k') return first ? 12 : 1;
  return first ? 10 : 11;
}

// Weekday names (en, fr, de, es, it, pt, pl, hu, ru, el, ar, zh, ja, ko)
// and the little words of prose dates ("le", "de", "am", "Uhr", "г.",
// "r.", ISO's "T"), which carry no date information.
bool IsIgnorableWord(std::string_view w) {
  static constexpr std::string_view kWords =
      "monday mon tuesday tue tues wednesday wed thursday thu thur "
      "thurs friday fri saturday sat sunday sun lundi mardi "
      "mercredi jeudi vendredi samedi dimanche montag dienstag "
      "mittwoch donnerstag freitag samstag sonnabend sonntag lunes "
      "martes miercoles jueves viernes sabado domingo lunedi "
      "martedi mercoledi giovedi venerdi domenica segunda terca "
      "quarta quinta sexta feira poniedzialek wtorek sroda czwartek "
      "piatek sobota niedziela hetfo kedd szerda csutortok pentek "
      "szombat vasarnap понедельник вторник "
      "среда четверг пятница суббота "
      "воскресенье пн вт ср чт пт сб вс "
      "δευτερα τριτη τεταρτη πεμπτη "
      "παρασκευη σαββατο κυριακη "
      "الاثنين الثلاثاء الاربعاء "
      "الخميس الجمعة السبت الاحد 星期一 "
      "星期二 星期三 星期四 星期五 星期六 星期日 "
      "星期天 月曜日 火曜日 水曜日 木曜日 金曜日 "
      "土曜日 日曜日 월요일 화요일 수요일 목요일 "
      "금요일 토요일 일요일 t de del le la a am um at on "
      "the of en el uhr h as alle ore r roku godz an г года "
      "год в του στισ م";
  return ListContains(kWords, w);
}

// What the tokens have said so far.
struct DateFields {
  int year = 0, month = 0, day = 0;  // 0 = not seen
  std::optional<int> hour;
  int minute = 0, second = 0;
  std::optional<int> zone_minutes;
  bool zone_is_numeric = false;
  std::optional<int> us_standard_minutes;  // a generic US zone was named
  std::string unknown_zone;                // as folded
  bool after_clock = false;  // the previous token was the time or am/pm
  char arabic_prefix = 0;    // see ArabicMonthPrefix
  char meridiem = 0;         // 'a' or 'p' written before the time (오후 3:01)
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
  f.us_standard_minutes.reset();
  return true;
}

bool SetZone(DateFields& f, int minutes) {
  // A second zone is RFC 2822's comment, "-0800 PST": keep the first.
  if (!f.zone_minutes && !f.us_standard_minutes) f.zone_minutes = minutes;
  return true;
}

// A word right after the time: a zone, known or not, or am/pm.
std::optional<bool> TakeWordAfterClock(const Token& token,
                                       const Token* previous, DateFields& f) {
  const std::string& w = token.word;
  if ((w == "am" || w == "pm") && previous &&
      previous->kind == Token::Kind::kTime) {
    if (*f.hour < 1 || *f.hour > 12) return false;
    f.hour = *f.hour % 12 + (w == "pm" ? 12 : 0);
    return true;
  }
  if (f.zone_minutes || f.us_standard_minutes || !f.unknown_zone.empty())
    return std::nullopt;
  if (std::optional<int> zone = GenericUsZoneMinutes(w)) {
    f.us_standard_minutes = zone;
    return true;
  }
  if (std::optional<int> zone = MilitaryZoneMinutes(w))
    return SetZone(f, *zone);
  if (std::optional<int> zone = ZoneOffsetMinutes(w)) return SetZone(f, *zone);
  if (IsIgnorableWord(w)) return std::nullopt;
  const bool ascii_letters =
      w.size() >= 2 && w.size() <= 5 &&
      std::all_of(w.begin(), w.end(), [](char c) { return IsAsciiLetter(c); });
  if (!ascii_letters) return std::nullopt;
  f.unknown_zone = w;
  return true;
}

bool TakeWord(const Token& token, const Token* previous, DateFields& f) {
  const std::string& w = token.word;
  if (f.arabic_prefix) {
    const int month = ArabicMonthSecondWord(f.arabic_prefix, w);
    f.arabic_prefix = 0;
    if (!month || f.month) return false;
    f.month = month;
    return true;
  }
  if (int month = MonthNumber(w)) {
    if (f.month) return false;
    f.month = month;
    return true;
  }
  if ((f.arabic_prefix = ArabicMonthPrefix(w))) return true;
  // Korean, Japanese and Chinese write a.m./p.m. before the time.
  const bool am = w == "오전" || w == "午前" || w == "上午";
  const bool pm = w == "오후" || w == "午後" || w == "下午";
  if (am || pm) {
    if (f.hour || f.meridiem) return false;
    f.meridiem = pm ? 'p' : 'a';
    return true;
  }
  if (f.after_clock) {
    if (std::optional<bool> taken = TakeWordAfterClock(token, previous, f))
      return *taken;
  }
  if (IsIgnorableWord(w)) return true;
  if (std::optional<int> zone = ZoneOffsetMinutes(w)) return SetZone(f, *zone);
  return false;
}

bool TakeNumber(const Token& token, DateFields& f) {
  switch (token.cjk_role) {
    case 'y':
      if (f.year || token.digits != 4) return false;
      f.year = token.value;
      return true;
    case 'm':
      if (f.month || token.value < 1 || token.value > 12) return false;
      f.month = token.value;
      return true;
    case 'd':
      if (f.day || token.value < 1 || token.value > 31) return false;
      f.day = token.value;
      return true;
    case 'H':
      if (f.hour) return false;
      f.hour = token.value;
      return true;
    case 'M':
      if (!f.hour || f.minute) return false;
      f.minute = token.value;
      return true;
    case 'S':
      if (!f.hour || f.second) return false;
      f.second = token.value;
      return true;
    default:
      break;
  }
  if (token.digits == 4 && !token.ordinal) {
    if (f.year) return false;
    f.year = token.value;
    return true;
  }
  if (token.digits == 3 && f.day && !f.year && !token.ordinal) {
    f.year = 1900 + token.value;  // RFC 2822 4.3: three-digit years
    return true;
  }
  if (token.digits > 2) return false;
  if (!f.day) {
    if (token.value < 1 || token.value > 31) return false;
    f.day = token.value;
    return true;
  }
  // RFC 2822's two-digit year, "26 Feb 24", RFC 850's "06-Nov-94":
  // 00-49 is 20xx, 50-99 is 19xx.
  if (f.year || token.ordinal) return false;
  f.year = token.value + (token.value < 50 ? 2000 : 1900);
  return true;
}

bool TakeToken(const Token& token, const Token* previous, DateFields& f) {
  if (f.arabic_prefix && token.kind != Token::Kind::kWord) return false;
  if (TakeZoneOffset(token, f)) return true;
  if (token.sign == '+') return false;
  switch (token.kind) {
    case Token::Kind::kYearMonthDay:
    case Token::Kind::kYearMonth:
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
    case Token::Kind::kZone:
      if (f.zone_is_numeric || f.us_standard_minutes || !f.unknown_zone.empty())
        return false;
      f.zone_minutes = token.zone_minutes;
      f.us_standard_minutes = token.us_standard_minutes;
      f.unknown_zone = token.word;
      f.zone_is_numeric = true;
      return true;
    case Token::Kind::kNumber:
      return TakeNumber(token, f);
    case Token::Kind::kWord:
      return TakeWord(token, previous, f);
  }
  return false;
}

std::optional<int64_t> ParseEpochSeconds(std::string_view text) {
  if (text.size() < 9 || text.size() > 11) return std::nullopt;
  return ParseInt64(text);
}

// The ParsedDate of completely read fields, or nullopt if they are no date.
std::optional<ParsedDate> Resolve(DateFields f) {
  if (f.arabic_prefix || !f.year) return std::nullopt;
  if (f.meridiem) {
    if (!f.hour || *f.hour < 1 || *f.hour > 12) return std::nullopt;
    f.hour = *f.hour % 12 + (f.meridiem == 'p' ? 12 : 0);
  }
  ParsedDate result;
  if (!f.day) {
    // Reduced precision, "2024-02", "February 2024", "2024": no time.
    if (f.hour || f.zone_minutes || f.us_standard_minutes ||
        !f.unknown_zone.empty())
      return std::nullopt;
    if (f.month < 0 || f.month > 12) return std::nullopt;
    result.precision = f.month ? DatePrecision::kMonth : DatePrecision::kYear;
    result.epoch_seconds =
        DaysFromCivil(f.year, f.month ? f.month : 1, 1) * kSecondsPerDay;
    return result;
  }
  if (!f.month || !IsValidCivilDate(f.year, f.month, f.day))
    return std::nullopt;
  const int hour = f.hour.value_or(0);
  if (hour > 23 || f.minute > 59 || f.second > 60) return std::nullopt;
  const int64_t midnight =
      DaysFromCivil(f.year, f.month, f.day) * kSecondsPerDay;
  if (!f.hour || !f.unknown_zone.empty()) {
    result.precision = DatePrecision::kDay;
    result.epoch_seconds = midnight;
    if (!f.unknown_zone.empty()) {
      result.warning = "unknown time zone \"" + f.unknown_zone +
                       "\"; time dropped, day kept";
    }
    return result;
  }
  int zone = f.zone_minutes.value_or(0);
  if (f.us_standard_minutes) {
    zone = *f.us_standard_minutes +
           (IsUsDaylightTime(f.year, f.month, f.day, hour) ? 60 : 0);
  }
  result.precision = DatePrecision::kTime;
  result.epoch_seconds =
      midnight + hour * 3600 + f.minute * 60 + f.second - int64_t{zone} * 60;
  return result;
}

}  // namespace

std::optional<ParsedDate> ParseDateDetailed(std::string_view text) {
  text = TrimWhitespace(text);
  if (text.empty() || text.size() > 200) return std::nullopt;
  if (IsDigit(text[0])) {
    if (std::optional<int64_t> epoch = ParseEpochSeconds(text)) {
      return ParsedDate{*epoch, DatePrecision::kTime, {}};
    }
  }
  const std::string normalized = NormalizeDigitsAndPunctuation(text);
  std::optional<std::vector<Token>> tokens = Tokenize(normalized);
  if (!tokens) return std::nullopt;
  DateFields f;
  const Token* previous = nullptr;
  for (const Token& token : *tokens) {
    if (!TakeToken(token, previous, f)) return std::nullopt;
    f.after_clock = token.kind == Token::Kind::kTime ||
                    (f.after_clock && token.kind == Token::Kind::kWord &&
                     (token.word == "am" || token.word == "pm"));
    previous = &token;
  }
  return Resolve(f);
}

std::optional<int64_t> ParseDate(std::string_view text) {
  std::optional<ParsedDate> parsed = ParseDateDetailed(text);
  if (!parsed) return std::nullopt;
  return parsed->epoch_seconds;
}

}  // namespace chancery
