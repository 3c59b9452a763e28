#include "searchd/http/handlers.h"

#include "searchd/http/analyst_json.h"
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

// The shape every API handler shares: parse the parameters, `call` the
// core, `render` its answer; the first error becomes the error response.
template <typename Request, typename Response, typename Call>
HttpResponse Answer(const StatusOr<Request>& request,
                    std::string (*render)(const Response&), Call call) {
  if (!request.ok()) return ErrorResponse(request.status());
  StatusOr<Response> response = call(*request);
  if (!response.ok()) return ErrorResponse(response.status());
  return Json(render(*response));
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
    case StatusCode::kExpired:
      r.status = 410;
      code = "expired";
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
  return Answer(ParseSearchParams(req), RenderSearchResponse,
                [&](const SearchRequest& r) { return ctx.searcher.Search(r); });
}

HttpResponse GetDocument(const ServerContext& ctx, const HttpRequest& req) {
  return Answer(ParseDocumentParams(req), RenderDocument,
                [&](const DocumentRequest& r) -> StatusOr<DocumentView> {
                  if (r.id.empty()) {
                    return Status::InvalidArgument("id is missing", "id");
                  }
                  return ctx.searcher.GetDocument(r);
                });
}

HttpResponse GetSimilar(const ServerContext& ctx, const HttpRequest& req) {
  return Answer(
      ParseSimilarParams(req), RenderSearchResponse,
      [&](const SimilarRequest& r) { return ctx.searcher.Similar(r); });
}

HttpResponse GetFacetValues(const ServerContext& ctx, const HttpRequest& req) {
  return Answer(
      ParseFacetValuesParams(req), RenderFacetValues,
      [&](const FacetValuesRequest& r) { return ctx.searcher.FacetValues(r); });
}

HttpResponse GetComentions(const ServerContext& ctx, const HttpRequest& req) {
  return Answer(
      ParseComentionParams(req), RenderComentions,
      [&](const ComentionRequest& r) { return ctx.searcher.Comentions(r); });
}

HttpResponse GetTimeline(const ServerContext& ctx, const HttpRequest& req) {
  return Answer(
      ParseTimelineParams(req), RenderTimeline,
      [&](const TimelineRequest& r) { return ctx.searcher.Timeline(r); });
}

HttpResponse GetBursts(const ServerContext& ctx, const HttpRequest& req) {
  return Answer(ParseBurstParams(req), RenderBursts,
                [&](const BurstRequest& r) { return ctx.searcher.Bursts(r); });
}

HttpResponse GetStory(const ServerContext& ctx, const HttpRequest& req) {
  return Answer(ParseStoryParams(req), RenderStory, [&](const StoryRequest& r) {
    return ctx.searcher.GetStory(r);
  });
}

HttpResponse GetTerms(const ServerContext& ctx, const HttpRequest& req) {
  return Answer(ParseTermsParams(req), RenderTerms,
                [&](const TermsRequest& r) { return ctx.searcher.Terms(r); });
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
