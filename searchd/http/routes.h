// The route table: every endpoint of chancery-searchd in one place, and the
// dispatch of a request to its handler. Paths match segment by segment;
// "{name}" captures one segment into path_params, a final "{name*}" the
// rest. Unknown routes get a JSON 404, a known path with another method a
// JSON 405. Thread-safe (the table is immutable).
#ifndef CHANCERY_SEARCHD_HTTP_ROUTES_H_
#define CHANCERY_SEARCHD_HTTP_ROUTES_H_

#include <span>
#include <string>
#include <vector>

#include "searchd/http/handlers.h"
#include "searchd/http/http_types.h"
#include "searchd/http/request_params.h"

namespace chancery {

using Handler = HttpResponse (*)(const ServerContext&, const HttpRequest&);

struct Route {
  const char* method;
  const char* pattern;  // "/api/doc/{id}/similar"
  const char* name;     // For metrics and logs: "similar".
  Handler handler;
  // The parameters the handler reads (request_params.h); nullptr when it
  // reads none but the pattern's. The OpenAPI test checks the document
  // against these.
  std::vector<ParamSpec> (*params)() = nullptr;
};

std::span<const Route> RouteTable();

struct Dispatched {
  HttpResponse response;
  std::string route;  // Route name, "unknown" when none matched.
};

// Finds the route, fills req.path_params and runs the handler. Never throws:
// an exception from a handler becomes a JSON 500.
Dispatched Dispatch(const ServerContext& ctx, HttpRequest req);

}  // namespace chancery

#endif  // CHANCERY_SEARCHD_HTTP_ROUTES_H_
