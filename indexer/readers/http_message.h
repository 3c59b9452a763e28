// HTTP/1.x responses as WARC response records hold them: status line,
// header fields, payload. For the WARC reader; pure functions on bytes,
// thread-safe.
#ifndef CHANCERY_INDEXER_READERS_HTTP_MESSAGE_H_
#define CHANCERY_INDEXER_READERS_HTTP_MESSAGE_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/status.h"

namespace chancery {

// Header fields in order, names as sent. Shared by WARC record headers and
// HTTP headers, which have the same shape (RFC 7230 field lines).
using HeaderFields = std::vector<std::pair<std::string, std::string>>;

// The value of the first field named `name` (case-insensitive), trimmed;
// "" when absent.
std::string_view FieldValue(const HeaderFields& fields, std::string_view name);

// Parses "Name: value" lines (a line starting with a space or tab continues
// the previous value) into *fields. Lines without a colon are ignored.
void AddFieldLine(std::string_view line, HeaderFields* fields);

struct HttpResponse {
  int status = 0;  // 200, 404...
  HeaderFields headers;
  std::string body;  // as received; see DecodeHttpBody
};

// Splits a response into status, headers and body. InvalidArgument when
// `message` does not start with an "HTTP/" status line or its header has
// no end.
StatusOr<HttpResponse> ParseHttpResponse(std::string_view message);

// Undoes what the response says was applied to its body: chunked transfer
// coding, then gzip, x-gzip or deflate content coding (identity is none).
// Crawlers often store bodies already decoded while keeping the headers,
// so a body that does not decode as declared is left as it is. Unsupported
// codings (br, zstd) are InvalidArgument naming them.
Status DecodeHttpBody(HttpResponse* response);

// The media type of a Content-Type value, lower-cased, without parameters:
// "Text/HTML; charset=utf-8" -> "text/html".
std::string MediaType(std::string_view content_type);

}  // namespace chancery

#endif  // CHANCERY_INDEXER_READERS_HTTP_MESSAGE_H_
