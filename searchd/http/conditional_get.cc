#include "searchd/http/conditional_get.h"

#include <array>
#include <cstdio>

#include "common/base/civil_date.h"
#include "common/base/hash.h"
#include "common/base/strings.h"

namespace chancery {
namespace {

constexpr std::array<std::string_view, 7> kWeekdays = {
    "Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"};  // 1970-01-01 first.
constexpr std::array<std::string_view, 12> kMonths = {
    "Jan", "Feb", "Mar", "Apr", "May", "Jun",
    "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

// The digits of text[at, at + n) as a number; -1 when not all digits.
int Digits(std::string_view text, size_t at, size_t n) {
  if (at + n > text.size()) return -1;
  int value = 0;
  for (size_t i = at; i < at + n; ++i) {
    if (text[i] < '0' || text[i] > '9') return -1;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

// The opaque-tag of an entity-tag, without W/ (weak comparison).
std::string_view Opaque(std::string_view tag) {
  tag = TrimWhitespace(tag);
  if (tag.substr(0, 2) == "W/") tag.remove_prefix(2);
  return tag;
}

}  // namespace

std::string FormatHttpDate(int64_t epoch_seconds) {
  const CivilTime t = CivilTimeFromEpochSeconds(epoch_seconds);
  const int64_t days = DayOfEpochSeconds(epoch_seconds);
  const size_t weekday = static_cast<size_t>(((days % 7) + 7) % 7);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%s, %02d %s %04d %02d:%02d:%02d GMT",
                kWeekdays[weekday].data(), t.date.day,
                kMonths[static_cast<size_t>(t.date.month - 1)].data(),
                t.date.year, t.hour, t.minute, t.second);
  return buf;
}

std::optional<int64_t> ParseHttpDate(std::string_view text) {
  // "Sun, 06 Nov 1994 08:49:37 GMT": fixed positions.
  text = TrimWhitespace(text);
  if (text.size() != 29 || text.substr(3, 2) != ", " || text[7] != ' ' ||
      text[11] != ' ' || text[16] != ' ' || text[19] != ':' ||
      text[22] != ':' || text.substr(25) != " GMT") {
    return std::nullopt;
  }
  CivilTime t{};
  t.date.day = Digits(text, 5, 2);
  t.date.month = 0;
  for (size_t m = 0; m < kMonths.size(); ++m) {
    if (text.substr(8, 3) == kMonths[m]) t.date.month = static_cast<int>(m) + 1;
  }
  t.date.year = Digits(text, 12, 4);
  t.hour = Digits(text, 17, 2);
  t.minute = Digits(text, 20, 2);
  t.second = Digits(text, 23, 2);
  if (!IsValidCivilDate(t.date.year, t.date.month, t.date.day) || t.hour < 0 ||
      t.hour > 23 || t.minute < 0 || t.minute > 59 || t.second < 0 ||
      t.second > 60) {
    return std::nullopt;
  }
  return EpochSecondsFromCivil(t);
}

std::string EntityTag(std::string_view body) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "\"%016llx\"",
                static_cast<unsigned long long>(Fnv1a64(body)));
  return buf;
}

void AddValidators(const Validators& v, HttpResponse& response) {
  if (!v.etag.empty()) response.headers.emplace_back("ETag", v.etag);
  if (v.last_modified) {
    response.headers.emplace_back("Last-Modified",
                                  FormatHttpDate(*v.last_modified));
  }
}

bool ClientCopyIsCurrent(const HttpRequest& req, const Validators& v) {
  if (req.method != "GET" && req.method != "HEAD") return false;
  bool has_if_none_match = false;
  for (const auto& [name, value] : req.headers) {
    if (!EqualsIgnoreAsciiCase(name, kIfNoneMatch)) continue;
    has_if_none_match = true;
    std::string_view list = value;
    while (!list.empty()) {
      const size_t comma = list.find(',');
      const std::string_view tag = Opaque(list.substr(0, comma));
      if (tag == "*" || (!v.etag.empty() && tag == v.etag)) return true;
      if (comma == std::string_view::npos) break;
      list.remove_prefix(comma + 1);
    }
  }
  if (has_if_none_match || !v.last_modified) return false;
  const std::optional<int64_t> since =
      ParseHttpDate(req.Header(kIfModifiedSince));
  return since && *v.last_modified <= *since;
}

HttpResponse NotModifiedResponse(const Validators& v,
                                 std::string_view cache_control) {
  HttpResponse r;
  r.status = 304;
  r.content_type.clear();
  AddValidators(v, r);
  r.headers.emplace_back("Cache-Control", std::string(cache_control));
  return r;
}

}  // namespace chancery
