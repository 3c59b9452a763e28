// The HTTP API's handlers: one verb+noun function per endpoint, each taking
// the server's context and a plain request and returning a plain response.
// Each validates its parameters, calls the search core, and renders JSON.
// Status -> HTTP status mapping lives here (ErrorResponse) and nowhere else.
//
// Thread-safe: handlers share only the context, whose members are
// thread-safe (Searcher, Metrics) or immutable (ServerConfig).
#ifndef CHANCERY_SEARCHD_HTTP_HANDLERS_H_
#define CHANCERY_SEARCHD_HTTP_HANDLERS_H_

#include "common/status.h"
#include "searchd/http/http_types.h"
#include "searchd/http/metrics.h"
#include "searchd/search/searcher.h"
#include "searchd/server_config.h"

namespace chancery {

struct ServerContext {
  const Searcher& searcher;
  const ServerConfig& config;
  Metrics& metrics;
};

HttpResponse GetSearch(const ServerContext& ctx, const HttpRequest& req);
HttpResponse GetDocument(const ServerContext& ctx, const HttpRequest& req);
HttpResponse GetSimilar(const ServerContext& ctx, const HttpRequest& req);
HttpResponse GetFacetValues(const ServerContext& ctx, const HttpRequest& req);
// A search's newest matches as an Atom feed, with ETag and Last-Modified
// and 304 for a current copy (feed_handler.cc).
HttpResponse GetFeed(const ServerContext& ctx, const HttpRequest& req);

// Every version of a story, oldest first, with what each added.
HttpResponse GetStory(const ServerContext& ctx, const HttpRequest& req);

// The words and phrases over-represented in a search's matches.
HttpResponse GetTerms(const ServerContext& ctx, const HttpRequest& req);
HttpResponse GetHealth(const ServerContext& ctx, const HttpRequest& req);
HttpResponse GetStats(const ServerContext& ctx, const HttpRequest& req);
// The analyst views: co-mentions, attention over time, bursts.
HttpResponse GetComentions(const ServerContext& ctx, const HttpRequest& req);
HttpResponse GetTimeline(const ServerContext& ctx, const HttpRequest& req);
HttpResponse GetBursts(const ServerContext& ctx, const HttpRequest& req);
// The facet and filter fields (common/facets.h), for the web UI.
HttpResponse GetSchema(const ServerContext& ctx, const HttpRequest& req);
// The OpenAPI 3 description of every route (searchd/http/openapi.json).
HttpResponse GetOpenApi(const ServerContext& ctx, const HttpRequest& req);
HttpResponse GetMetrics(const ServerContext& ctx, const HttpRequest& req);
// Every match of a search, streamed (export_handler.cc).
HttpResponse GetExport(const ServerContext& ctx, const HttpRequest& req);
// Files of the web UI under config.web_root; never outside it.
HttpResponse GetStaticFile(const ServerContext& ctx, const HttpRequest& req);

// {"error": {"code", "message", "param"}} with the HTTP status of
// `status`: InvalidArgument 400, NotFound 404, Expired 410 (a revision no
// longer kept), Unavailable/IoError/
// Corruption 503, anything else 500.
HttpResponse ErrorResponse(const Status& status);
// The same shape for an explicit HTTP status (404 route, 405 method).
HttpResponse ErrorResponse(int http_status, const std::string& code,
                           const std::string& message);

}  // namespace chancery

#endif  // CHANCERY_SEARCHD_HTTP_HANDLERS_H_
