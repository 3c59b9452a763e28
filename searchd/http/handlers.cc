#include "searchd/http/handlers.h"

#include "searchd/http/json_render.h"
#include "searchd/http/openapi.h"
#include "searchd/http/request_params.h"

namespace chancery {
namespace {

HttpResponse Json(std::string body) {
  HttpResponse r;
  r.body = std::move(body);
  // API answers change with the index; let no cache keep them.
  r.headers.emplace_back("Cache-Control", "no-store");
  return r;
}

}  // namespace

HttpResponse ErrorResponse(int http_status, const std::string& code,
                           const std::string& message) {
  HttpResponse r;
  r.status = http_status;
  r.body = RenderError(code, message, "");
  r.headers.emplace_back("Cache-Control", "no-store");
  return r;
}

HttpResponse ErrorResponse(const Status& status) {
  HttpResponse r;
  std::string code;
  switch (status.code()) {
    case StatusCode::kInvalidArgument:
      r.status = 400;
      code = "invalid_argument";
      break;
    case StatusCode::kNotFound:
      r.status = 404;
      code = "not_found";
      break;
    case StatusCode::kUnavailable:
    case StatusCode::kIoError:
    case StatusCode::kCorruption:
      r.status = 503;
      code = "unavailable";
      break;
    default:
      r.status = 500;
      code = "internal";
  }
  r.body = RenderError(code, status.message(), status.param());
  r.headers.emplace_back("Cache-Control", "no-store");
  return r;
}

HttpResponse GetSearch(const ServerContext& ctx, const HttpRequest& req) {
  StatusOr<SearchRequest> request = ParseSearchParams(req);
  if (!request.ok()) return ErrorResponse(request.status());
  StatusOr<SearchResponse> response = ctx.searcher.Search(*request);
  if (!response.ok()) return ErrorResponse(response.status());
  return Json(RenderSearchResponse(*response));
}

HttpResponse GetDocument(const ServerContext& ctx, const HttpRequest& req) {
  StatusOr<DocumentRequest> request = ParseDocumentParams(req);
  if (!request.ok()) return ErrorResponse(request.status());
  if (request->id.empty()) {
    return ErrorResponse(Status::InvalidArgument("id is missing", "id"));
  }
  StatusOr<DocumentView> doc = ctx.searcher.GetDocument(*request);
  if (!doc.ok()) return ErrorResponse(doc.status());
  return Json(RenderDocument(*doc));
}

HttpResponse GetSimilar(const ServerContext& ctx, const HttpRequest& req) {
  StatusOr<SimilarRequest> request = ParseSimilarParams(req);
  if (!request.ok()) return ErrorResponse(request.status());
  StatusOr<SearchResponse> response = ctx.searcher.Similar(*request);
  if (!response.ok()) return ErrorResponse(response.status());
  return Json(RenderSearchResponse(*response));
}

HttpResponse GetFacetValues(const ServerContext& ctx, const HttpRequest& req) {
  StatusOr<FacetValuesRequest> request = ParseFacetValuesParams(req);
  if (!request.ok()) return ErrorResponse(request.status());
  StatusOr<FacetResult> facet = ctx.searcher.FacetValues(*request);
  if (!facet.ok()) return ErrorResponse(facet.status());
  return Json(RenderFacetValues(*facet));
}

HttpResponse GetHealth(const ServerContext& ctx, const HttpRequest&) {
  StatusOr<IndexStats> stats = ctx.searcher.Stats();
  if (!stats.ok()) return ErrorResponse(stats.status());
  return Json(RenderHealth(*stats));
}

HttpResponse GetStats(const ServerContext& ctx, const HttpRequest&) {
  StatusOr<IndexStats> stats = ctx.searcher.Stats();
  if (!stats.ok()) return ErrorResponse(stats.status());
  return Json(RenderStats(*stats));
}

HttpResponse GetSchema(const ServerContext&, const HttpRequest&) {
  return Json(RenderSchema());
}

HttpResponse GetOpenApi(const ServerContext&, const HttpRequest&) {
  return Json(std::string(OpenApiDocument()));
}

HttpResponse GetMetrics(const ServerContext& ctx, const HttpRequest&) {
  HttpResponse r;
  r.content_type = "text/plain; version=0.0.4; charset=utf-8";
  r.body = ctx.metrics.RenderPrometheus();
  return r;
}

}  // namespace chancery
