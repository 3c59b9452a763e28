// Conditional GET (RFC 9110 section 13): the validators of a response
// (ETag, Last-Modified) and whether a request's If-None-Match or
// If-Modified-Since says the client's copy is still current, so that
// pollers such as feed readers get an empty 304 when nothing changed.
// Pure functions, thread-safe.
#ifndef CHANCERY_SEARCHD_HTTP_CONDITIONAL_GET_H_
#define CHANCERY_SEARCHD_HTTP_CONDITIONAL_GET_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "searchd/http/http_types.h"

namespace chancery {

// The request header fields ClientCopyIsCurrent reads.
inline constexpr std::string_view kIfNoneMatch = "If-None-Match";
inline constexpr std::string_view kIfModifiedSince = "If-Modified-Since";

// IMF-fixdate, the HTTP date format: "Sun, 06 Nov 1994 08:49:37 GMT".
std::string FormatHttpDate(int64_t epoch_seconds);
// Reads an IMF-fixdate (the only form a sender may generate); nullopt for
// anything else, which RFC 9110 says to ignore.
std::optional<int64_t> ParseHttpDate(std::string_view text);

// A strong entity tag ("\"0123456789abcdef\"", quotes included) of
// `body`: its FNV-1a 64 (common/base/hash.h) in hex. Equal bodies, equal
// tags.
std::string EntityTag(std::string_view body);

struct Validators {
  std::string etag;  // Quoted, as EntityTag gives it; "" = none.
  std::optional<int64_t> last_modified;  // Epoch seconds.
};

// Adds the ETag and Last-Modified headers of `v` to `response`.
void AddValidators(const Validators& v, HttpResponse& response);

// True when `req` is a GET or HEAD whose copy is current: If-None-Match
// lists v.etag (weak comparison, or "*"); or, only when there is no
// If-None-Match, If-Modified-Since is a valid date not before
// v.last_modified.
bool ClientCopyIsCurrent(const HttpRequest& req, const Validators& v);

// The 304 answer: empty body, the validators and `cache_control`.
HttpResponse NotModifiedResponse(const Validators& v,
                                 std::string_view cache_control);

}  // namespace chancery

#endif  // CHANCERY_SEARCHD_HTTP_CONDITIONAL_GET_H_
