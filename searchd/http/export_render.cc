#include "searchd/http/export_render.h"

#include <nlohmann/json.hpp>

namespace chancery {
namespace {

using json = nlohmann::ordered_json;

constexpr char kListSeparator = ';';

std::string DumpLine(const json& j) {
  // Invalid UTF-8 in stored text must not end an export with an exception.
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

// The facet table's column names.
constexpr std::string_view kFacetColumns[] = {"value", "label", "count"};

}  // namespace

void AppendCsvField(std::string_view field, std::string& out) {
  if (field.find_first_of(",\"\r\n") == std::string_view::npos) {
    out += field;
    return;
  }
  out += '"';
  for (char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

ExportEncoder::ExportEncoder(std::string format,
                             std::vector<std::string> columns)
    : format_(std::move(format)), columns_(std::move(columns)) {}

std::string ExportEncoder::content_type() const {
  if (format_ == "csv") return "text/csv; charset=utf-8";
  if (format_ == "jsonl") return "application/x-ndjson";
  return "application/json";
}

void ExportEncoder::Begin(std::string& out) const {
  if (format_ == "csv") {
    for (size_t i = 0; i < columns_.size(); ++i) {
      if (i > 0) out += ',';
      AppendCsvField(columns_[i], out);
    }
    out += "\r\n";
  } else if (format_ == "json") {
    out += '[';
  }
}

void ExportEncoder::Row(const ExportRow& row, std::string& out) {
  if (format_ == "csv") {
    for (size_t i = 0; i < row.size(); ++i) {
      if (i > 0) out += ',';
      const ExportCell& cell = row[i];
      if (!cell.is_list) {
        AppendCsvField(cell.text, out);
        continue;
      }
      std::string joined;
      for (size_t j = 0; j < cell.list.size(); ++j) {
        if (j > 0) joined += kListSeparator;
        joined += cell.list[j];
      }
      AppendCsvField(joined, out);
    }
    out += "\r\n";
    return;
  }
  json object = json::object();
  for (size_t i = 0; i < row.size(); ++i) {
    const ExportCell& cell = row[i];
    object[columns_[i]] = cell.is_list ? json(cell.list) : json(cell.text);
  }
  if (format_ == "json" && !first_) out += ',';
  out += DumpLine(object);
  if (format_ == "jsonl") out += '\n';
  first_ = false;
}

void ExportEncoder::End(std::string& out) const {
  if (format_ == "json") out += "]\n";
}

std::string RenderFacetTable(const FacetTable& table,
                             const std::string& format) {
  std::string out;
  if (format == "csv") {
    std::vector<std::string> columns(std::begin(kFacetColumns),
                                     std::end(kFacetColumns));
    ExportEncoder encoder(format, columns);
    encoder.Begin(out);
    ExportRow row(columns.size());
    for (const FacetValue& v : table.facet.values) {
      row[0].text = v.value;
      row[1].text = v.label;
      row[2].text = std::to_string(v.count);
      encoder.Row(row, out);
    }
    return out;
  }
  // JSON: the count a number.
  json all = json::array();
  for (const FacetValue& v : table.facet.values) {
    json object = {{kFacetColumns[0], v.value},
                   {kFacetColumns[1], v.label},
                   {kFacetColumns[2], v.count}};
    if (format == "jsonl") {
      out += DumpLine(object) + '\n';
    } else {
      all.push_back(std::move(object));
    }
  }
  if (format == "json") out = DumpLine(all) + '\n';
  return out;
}

}  // namespace chancery
