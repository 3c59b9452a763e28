// The plain request and response the HTTP handlers take and return, so that
// handlers are tested without a socket and the server library (httplib)
// appears only in the adapter (http_server.h).
#ifndef CHANCERY_SEARCHD_HTTP_HTTP_TYPES_H_
#define CHANCERY_SEARCHD_HTTP_HTTP_TYPES_H_

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/base/strings.h"

namespace chancery {

struct HttpRequest {
  std::string method = "GET";
  std::string path;  // Percent-decoded, without the query string.
  // Parameters from the path pattern ("{id}" -> "id").
  std::map<std::string, std::string> path_params;
  // Query parameters, percent-decoded, in order; names may repeat.
  std::vector<std::pair<std::string, std::string>> query;
  // Request header fields as received (names in any case), in order.
  std::vector<std::pair<std::string, std::string>> headers;

  // The value of the first header field named `name` (ASCII case-
  // insensitive), "" when there is none.
  std::string_view Header(std::string_view name) const {
    for (const auto& [k, v] : headers) {
      if (EqualsIgnoreAsciiCase(k, name)) return v;
    }
    return {};
  }
};

// Sends the next bytes of a streamed body; false when the client is gone.
using BodyWriter = std::function<bool(std::string_view bytes)>;

struct HttpResponse {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
  // A body too large to hold (an export): when set, `body` is ignored and
  // the adapter calls `stream` once, after sending status and headers,
  // with a writer of the body's bytes (chunked transfer encoding). It
  // returns false to break the body off (the client gone, or the data
  // lost midway): the connection is closed without the final chunk, so
  // the client sees an incomplete response, never a short one passing for
  // whole. Called on a server thread after the handler returned, so it
  // owns what it reads. Tests call it with a writer of their own.
  std::function<bool(const BodyWriter& write)> stream;
};

}  // namespace chancery

#endif  // CHANCERY_SEARCHD_HTTP_HTTP_TYPES_H_
