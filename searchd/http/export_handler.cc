// GET /api/export (handlers.h): every match of a search, streamed in
// chunks from one pinned revision (searchd/search/exporter.h), or with
// facet=NAME every value of that facet with its count.
#include <memory>

#include "searchd/http/export_render.h"
#include "searchd/http/handlers.h"
#include "searchd/http/request_params.h"
#include "searchd/search/exporter.h"

namespace chancery {
namespace {

// Bytes gathered before each write to the client: big enough that a
// write costs little per row, small enough that memory stays flat.
constexpr size_t kChunkBytes = 64 * 1024;

void AddDownloadHeaders(HttpResponse& r, const std::string& name,
                        const std::string& revision, const std::string& format,
                        int64_t total) {
  r.headers.emplace_back("Cache-Control", "no-store");
  r.headers.emplace_back("Content-Disposition",
                         "attachment; filename=\"chancery-" + name + "-" +
                             revision + "." + format + "\"");
  r.headers.emplace_back("X-Chancery-Revision", revision);
  r.headers.emplace_back("X-Total-Count", std::to_string(total));
}

HttpResponse GetFacetTable(const ServerContext& ctx, const ExportParams& p) {
  StatusOr<FacetTable> table = ExportFacet(ctx.searcher, p.search, p.facet);
  if (!table.ok()) return ErrorResponse(table.status());
  HttpResponse r;
  r.content_type = ExportEncoder(p.format, {}).content_type();
  r.body = RenderFacetTable(*table, p.format);
  AddDownloadHeaders(r, p.facet, table->revision, p.format,
                     static_cast<int64_t>(table->facet.values.size()));
  return r;
}

}  // namespace

HttpResponse GetExport(const ServerContext& ctx, const HttpRequest& req) {
  StatusOr<ExportParams> params = ParseExportParams(req);
  if (!params.ok()) return ErrorResponse(params.status());
  const ExportParams& p = *params;
  if (std::find(kExportFormats.begin(), kExportFormats.end(), p.format) ==
      kExportFormats.end()) {
    return ErrorResponse(Status::InvalidArgument(
        "format must be csv, jsonl or json, got \"" + p.format + "\"",
        "format"));
  }
  if (!p.facet.empty()) {
    if (!p.fields.empty()) {
      return ErrorResponse(Status::InvalidArgument(
          "fields does not apply to a facet's table (value, label, count)",
          "fields"));
    }
    return GetFacetTable(ctx, p);
  }
  ExportRequest request;
  request.search = p.search;
  if (!p.fields.empty()) request.columns = p.fields;
  StatusOr<std::unique_ptr<ExportRun>> started =
      StartExport(ctx.searcher, request);
  if (!started.ok()) return ErrorResponse(started.status());
  std::shared_ptr<ExportRun> run = std::move(*started);

  HttpResponse r;
  ExportEncoder encoder(p.format, run->columns());
  r.content_type = encoder.content_type();
  AddDownloadHeaders(r, "export", run->revision(), p.format, run->total());
  r.stream = [run, encoder](const BodyWriter& write) mutable -> bool {
    std::string chunk;
    chunk.reserve(kChunkBytes * 2);
    encoder.Begin(chunk);
    bool client_there = true;
    Status streamed = run->Stream([&](const ExportRow& row) {
      encoder.Row(row, chunk);
      if (chunk.size() >= kChunkBytes) {
        client_there = write(chunk);
        chunk.clear();
      }
      return client_there;
    });
    // A revision lost midway breaks the body off: rows of another one
    // must not follow.
    if (!streamed.ok() || !client_there) return false;
    encoder.End(chunk);
    return write(chunk);
  };
  return r;
}

}  // namespace chancery
