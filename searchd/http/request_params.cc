#include "searchd/http/request_params.h"

#include <array>
#include <charconv>
#include <optional>
#include <string_view>

#include "common/base/numbers.h"
#include "common/base/strings.h"
#include "common/facets.h"
#include "searchd/search/exporter.h"

namespace chancery {
namespace {

// The value of a parameter given at most once.
StatusOr<std::optional<std::string>> Single(const HttpRequest& req,
                                            std::string_view name) {
  std::optional<std::string> value;
  for (const auto& [k, v] : req.query) {
    if (k != name) continue;
    if (value) {
      return Status::InvalidArgument(std::string(name) + " may be given once",
                                     std::string(name));
    }
    value = v;
  }
  return value;
}

Status ReadInt(const HttpRequest& req, std::string_view name, int& out) {
  CHANCERY_ASSIGN_OR_RETURN(std::optional<std::string> text, Single(req, name));
  if (!text) return Status::Ok();
  std::optional<int> value = ParseInt(*text);
  if (!value) {
    return Status::InvalidArgument(
        std::string(name) + " must be an integer, got \"" + *text + "\"",
        std::string(name));
  }
  out = *value;
  return Status::Ok();
}

Status ReadString(const HttpRequest& req, std::string_view name,
                  std::string& out) {
  CHANCERY_ASSIGN_OR_RETURN(std::optional<std::string> text, Single(req, name));
  if (text) out = std::move(*text);
  return Status::Ok();
}

std::vector<std::string> SplitCommas(std::string_view text) {
  std::vector<std::string> out;
  while (!text.empty()) {
    size_t comma = text.find(',');
    std::string_view item = TrimWhitespace(text.substr(0, comma));
    if (!item.empty()) out.emplace_back(item);
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
  return out;
}

// The value of a {name} segment of the route, or "" when absent.
std::string PathParam(const HttpRequest& req, std::string_view name) {
  auto it = req.path_params.find(std::string(name));
  return it == req.path_params.end() ? std::string() : it->second;
}

// A parameter of request type R and the member it is parsed into (exactly
// one of the three is set, by the constructors below).
template <typename R>
struct Param {
  ParamSpec spec;
  std::string R::*text = nullptr;
  int R::*number = nullptr;
  std::vector<std::string> R::*list = nullptr;
};

template <typename R>
constexpr Param<R> Text(std::string_view name, std::string R::*member,
                        std::span<const std::string_view> choices = {}) {
  return {.spec = {.name = name, .choices = choices}, .text = member};
}
template <typename R>
constexpr Param<R> PathText(std::string_view name, std::string R::*member) {
  return {.spec = {.name = name, .in = ParamSpec::In::kPath}, .text = member};
}
template <typename R>
constexpr Param<R> Integer(std::string_view name, int R::*member) {
  return {.spec = {.name = name, .type = ParamSpec::Type::kInteger},
          .number = member};
}
template <typename R>
constexpr Param<R> List(std::string_view name,
                        std::vector<std::string> R::*member,
                        std::span<const std::string_view> choices) {
  return {.spec = {.name = name,
                   .type = ParamSpec::Type::kList,
                   .choices = choices},
          .list = member};
}

// In the order they are read, so the first bad one is the one reported.
constexpr Param<SearchRequest> kSearchParams[] = {
    Text("q", &SearchRequest::q),
    Text("from", &SearchRequest::from),
    Text("to", &SearchRequest::to),
    Text("sort", &SearchRequest::sort, kSortOrders),
    Text("interval", &SearchRequest::interval, kDateIntervals),
    Integer("page", &SearchRequest::page),
    Integer("size", &SearchRequest::size),
    Integer("facet_size", &SearchRequest::facet_size),
    List("facets", &SearchRequest::facets, schema::kFacetNames),
    Text("revision", &SearchRequest::revision),
};
constexpr Param<SimilarRequest> kSimilarParams[] = {
    PathText("id", &SimilarRequest::id),
    Integer("size", &SimilarRequest::size),
};
constexpr Param<DocumentRequest> kDocumentParams[] = {
    PathText("id", &DocumentRequest::id),
    Text("q", &DocumentRequest::q),
};
constexpr Param<FacetValuesRequest> kFacetValuesParams[] = {
    PathText("name", &FacetValuesRequest::name),
    Text("prefix", &FacetValuesRequest::prefix),
    Text("q", &FacetValuesRequest::q),
    Integer("size", &FacetValuesRequest::size),
};
constexpr Param<ExportParams> kExportParams[] = {
    Text("format", &ExportParams::format, kExportFormats),
    List("fields", &ExportParams::fields, {}),
    Text("facet", &ExportParams::facet, schema::kFacetNames),
};
// any=FIELD[,FIELD]: the filters of FIELD need only one of their values.
constexpr ParamSpec kAnySpec = {.name = "any",
                                .type = ParamSpec::Type::kList,
                                .repeatable = true,
                                .choices = schema::kValueFieldNames};

template <typename R>
Status ReadParam(const HttpRequest& req, const Param<R>& param, R& out) {
  const std::string_view name = param.spec.name;
  if (param.spec.in == ParamSpec::In::kPath) {
    out.*param.text = PathParam(req, name);
    return Status::Ok();
  }
  if (param.text) return ReadString(req, name, out.*param.text);
  if (param.number) return ReadInt(req, name, out.*param.number);
  CHANCERY_ASSIGN_OR_RETURN(std::optional<std::string> text, Single(req, name));
  if (text) out.*param.list = SplitCommas(*text);
  return Status::Ok();
}

template <typename R, size_t N>
StatusOr<R> ReadParams(const HttpRequest& req, const Param<R> (&params)[N]) {
  R r;
  for (const Param<R>& param : params) {
    CHANCERY_RETURN_IF_ERROR(ReadParam(req, param, r));
  }
  return r;
}

template <typename R, size_t N>
std::vector<ParamSpec> Specs(const Param<R> (&params)[N]) {
  std::vector<ParamSpec> specs;
  for (const Param<R>& param : params) specs.push_back(param.spec);
  return specs;
}

}  // namespace

StatusOr<SearchRequest> ParseSearchParams(const HttpRequest& req) {
  CHANCERY_ASSIGN_OR_RETURN(SearchRequest r, ReadParams(req, kSearchParams));
  for (const auto& [name, value] : req.query) {
    if (schema::FindValueField(name)) {
      r.filters[name].values.push_back(value);
    } else if (name == kAnySpec.name) {
      for (const std::string& field : SplitCommas(value)) {
        if (!schema::FindValueField(field)) {
          return Status::InvalidArgument(
              "any names a filter field (" +
                  schema::JoinedNames(schema::kValueFieldNames) + "), got \"" +
                  field + "\"",
              std::string(kAnySpec.name));
        }
        r.filters[field].any = true;
      }
    }
  }
  // any=FIELD without values of FIELD is harmless; drop the empty filter.
  for (auto it = r.filters.begin(); it != r.filters.end();) {
    it = it->second.values.empty() ? r.filters.erase(it) : std::next(it);
  }
  return r;
}

StatusOr<ExportParams> ParseExportParams(const HttpRequest& req) {
  CHANCERY_ASSIGN_OR_RETURN(SearchRequest search, ParseSearchParams(req));
  CHANCERY_ASSIGN_OR_RETURN(ExportParams r, ReadParams(req, kExportParams));
  r.search = std::move(search);
  return r;
}

StatusOr<SimilarRequest> ParseSimilarParams(const HttpRequest& req) {
  return ReadParams(req, kSimilarParams);
}

StatusOr<DocumentRequest> ParseDocumentParams(const HttpRequest& req) {
  return ReadParams(req, kDocumentParams);
}

StatusOr<FacetValuesRequest> ParseFacetValuesParams(const HttpRequest& req) {
  return ReadParams(req, kFacetValuesParams);
}

std::vector<ParamSpec> SearchParamSpecs() {
  std::vector<ParamSpec> specs = Specs(kSearchParams);
  for (const schema::FieldSpec& field : schema::kFields) {
    if (!schema::HasValues(field)) continue;
    specs.push_back({.name = field.name, .repeatable = true});
  }
  specs.push_back(kAnySpec);
  return specs;
}

std::vector<ParamSpec> ExportParamSpecs() {
  std::vector<ParamSpec> specs = SearchParamSpecs();
  for (ParamSpec spec : Specs(kExportParams)) {
    // The columns are the search core's (exporter.h), checked there.
    if (spec.name == "fields") spec.choices = ExportColumnNames();
    specs.push_back(spec);
  }
  return specs;
}

std::vector<ParamSpec> SimilarParamSpecs() { return Specs(kSimilarParams); }

std::vector<ParamSpec> DocumentParamSpecs() { return Specs(kDocumentParams); }

std::vector<ParamSpec> FacetValuesParamSpecs() {
  std::vector<ParamSpec> specs = Specs(kFacetValuesParams);
  // The facet route's {name} is a value field.
  specs.front().choices = schema::kValueFieldNames;
  return specs;
}

}  // namespace chancery
