#include "searchd/http/routes.h"

#include <array>
#include <exception>
#include <map>
#include <string_view>
#include <vector>

namespace chancery {
namespace {

constexpr std::array<Route, 17> kRoutes = {{
    {"GET", "/api/search", "search", GetSearch, SearchParamSpecs},
    {"GET", "/api/export", "export", GetExport, ExportParamSpecs},
    {"GET", "/api/feed", "feed", GetFeed, FeedParamSpecs},
    {"GET", "/api/doc/{id}", "doc", GetDocument, DocumentParamSpecs},
    {"GET", "/api/doc/{id}/similar", "similar", GetSimilar, SimilarParamSpecs},
    {"GET", "/api/facet/{name}", "facet", GetFacetValues,
     FacetValuesParamSpecs},
    {"GET", "/api/comentions", "comentions", GetComentions,
     ComentionParamSpecs},
    {"GET", "/api/timeline", "timeline", GetTimeline, TimelineParamSpecs},
    {"GET", "/api/bursts", "bursts", GetBursts, BurstParamSpecs},
    {"GET", "/api/story/{id}", "story", GetStory, StoryParamSpecs},
    {"GET", "/api/terms", "terms", GetTerms, TermsParamSpecs},
    {"GET", "/api/health", "health", GetHealth},
    {"GET", "/api/stats", "stats", GetStats},
    {"GET", "/api/schema", "schema", GetSchema},
    {"GET", "/api/openapi.json", "openapi", GetOpenApi},
    {"GET", "/metrics", "metrics", GetMetrics},
    // Everything outside /api/ is the web UI (see Matches).
    {"GET", "/{path*}", "static", GetStaticFile},
}};

std::vector<std::string_view> Segments(std::string_view path) {
  std::vector<std::string_view> out;
  while (!path.empty()) {
    if (path.front() == '/') {
      path.remove_prefix(1);
      continue;
    }
    size_t slash = path.find('/');
    out.push_back(path.substr(0, slash));
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash);
  }
  return out;
}

bool Matches(std::string_view pattern, std::string_view path,
             std::map<std::string, std::string>& params) {
  std::vector<std::string_view> want = Segments(pattern);
  std::vector<std::string_view> got = Segments(path);
  for (size_t i = 0; i < want.size(); ++i) {
    std::string_view w = want[i];
    bool capture = w.size() > 2 && w.front() == '{' && w.back() == '}';
    if (capture && w[w.size() - 2] == '*') {
      // The catch-all never serves the API's namespace.
      if (!got.empty() && got[0] == "api") return false;
      params[std::string(w.substr(1, w.size() - 3))] = std::string(path);
      return true;
    }
    if (i >= got.size()) return false;
    if (capture) {
      params[std::string(w.substr(1, w.size() - 2))] = std::string(got[i]);
    } else if (w != got[i]) {
      return false;
    }
  }
  return want.size() == got.size();
}

}  // namespace

std::span<const Route> RouteTable() { return kRoutes; }

Dispatched Dispatch(const ServerContext& ctx, HttpRequest req) {
  bool path_known = false;
  for (const Route& route : kRoutes) {
    std::map<std::string, std::string> params;
    if (!Matches(route.pattern, req.path, params)) continue;
    path_known = true;
    if (req.method != route.method &&
        !(req.method == "HEAD" && std::string_view(route.method) == "GET")) {
      continue;
    }
    req.path_params = std::move(params);
    try {
      return {route.handler(ctx, req), route.name};
    } catch (const std::exception& e) {
      return {ErrorResponse(500, "internal", e.what()), route.name};
    } catch (...) {
      return {ErrorResponse(500, "internal", "unexpected error"), route.name};
    }
  }
  if (path_known) {
    HttpResponse r =
        ErrorResponse(405, "method_not_allowed",
                      req.method + " is not allowed here; use GET");
    r.headers.emplace_back("Allow", "GET, HEAD");
    return {std::move(r), "unknown"};
  }
  return {ErrorResponse(404, "not_found", "no such route: " + req.path),
          "unknown"};
}

}  // namespace chancery
