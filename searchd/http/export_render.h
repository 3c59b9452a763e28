// The formats of GET /api/export: rows of the search core's ExportRun as
// CSV (RFC 4180: a header line of column names, then one line per row,
// CRLF-terminated; a field with a comma, quote, CR or LF is quoted with
// its quotes doubled; a list cell joins its items with ';'), JSON Lines
// (one object per row, lists as arrays) or one JSON array of those
// objects. And a facet's table (value, label, count) in the same formats.
//
// An ExportEncoder is a value owned by one thread; the functions are pure.
#ifndef CHANCERY_SEARCHD_HTTP_EXPORT_RENDER_H_
#define CHANCERY_SEARCHD_HTTP_EXPORT_RENDER_H_

#include <string>
#include <string_view>
#include <vector>

#include "searchd/search/exporter.h"

namespace chancery {

// Appends `field` to `out` as one CSV field.
void AppendCsvField(std::string_view field, std::string& out);

class ExportEncoder {
 public:
  // Precondition: `format` is one of kExportFormats (request_params.h).
  ExportEncoder(std::string format, std::vector<std::string> columns);
  // What comes before the rows (CSV header, "[").
  void Begin(std::string& out) const;
  void Row(const ExportRow& row, std::string& out);
  void End(std::string& out) const;  // What comes after them ("]").

  // "text/csv; charset=utf-8", ...
  std::string content_type() const;
  // "csv", "jsonl", "json": the download's file name extension.
  const std::string& format() const { return format_; }

 private:
  std::string format_;
  std::vector<std::string> columns_;
  bool first_ = true;  // No row written yet (JSON's commas).
};

// The whole table of one facet: a header "value,label,count" then a line
// per value (CSV), or objects with those keys (JSON Lines, JSON array).
std::string RenderFacetTable(const FacetTable& table,
                             const std::string& format);

}  // namespace chancery

#endif  // CHANCERY_SEARCHD_HTTP_EXPORT_RENDER_H_
