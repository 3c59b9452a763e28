// The plain request and response the HTTP handlers take and return, so that
// handlers are tested without a socket and the server library (httplib)
// appears only in the adapter (http_server.h).
#ifndef CHANCERY_SEARCHD_HTTP_HTTP_TYPES_H_
#define CHANCERY_SEARCHD_HTTP_HTTP_TYPES_H_

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

struct HttpResponse {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
};

}  // namespace chancery

#endif  // CHANCERY_SEARCHD_HTTP_HTTP_TYPES_H_
