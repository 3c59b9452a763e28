#include "searchd/http/request_params.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <map>
#include <optional>
#include <string_view>

#include "common/base/numbers.h"
#include "common/base/strings.h"
#include "common/facets.h"
#include "searchd/http/conditional_get.h"
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
    Text("collapse", &SearchRequest::collapse, kCollapseModes),
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
constexpr Param<StoryRequest> kStoryParams[] = {
    PathText("id", &StoryRequest::id),
};
constexpr Param<FacetValuesRequest> kFacetValuesParams[] = {
    PathText("name", &FacetValuesRequest::name),
    Text("prefix", &FacetValuesRequest::prefix),
    Text("q", &FacetValuesRequest::q),
    Integer("size", &FacetValuesRequest::size),
    Text("collapse", &FacetValuesRequest::collapse, kCollapseModes),
};
// The parameters of a search that select its articles, plus the number of
// entries (limit, into size); kFeedParams's first kSelectionParams.
constexpr Param<SearchRequest> kFeedParams[] = {
    Text("q", &SearchRequest::q),
    Text("from", &SearchRequest::from),
    Text("to", &SearchRequest::to),
    Integer(kFeedLimitParam, &SearchRequest::size),
};
constexpr size_t kSelectionParams = 3;
// The search part of the analyst views (the rest of a search's
// parameters means nothing there); without q for the timeline, whose q is
// one per series.
constexpr Param<SearchRequest> kQueryPartParams[] = {
    Text("q", &SearchRequest::q),
    Text("from", &SearchRequest::from),
    Text("to", &SearchRequest::to),
};
constexpr Param<SearchRequest> kPeriodParams[] = {
    Text("from", &SearchRequest::from),
    Text("to", &SearchRequest::to),
};
constexpr Param<ComentionRequest> kComentionParams[] = {
    Text("field", &ComentionRequest::field, schema::kValueFieldNames),
    Text("with", &ComentionRequest::with),
    Text("against", &ComentionRequest::against, schema::kValueFieldNames),
    Text("sort", &ComentionRequest::sort, kComentionSorts),
    Integer("size", &ComentionRequest::size),
};
constexpr Param<TimelineRequest> kTimelineParams[] = {
    Text("interval", &TimelineRequest::interval, kTimelineIntervals),
};
constexpr Param<BurstRequest> kBurstParams[] = {
    Text("field", &BurstRequest::field, schema::kValueFieldNames),
    Text("value", &BurstRequest::value),
    Integer("size", &BurstRequest::size),
};
// q=...&q=...: one series each.
constexpr ParamSpec kSeriesSpec = {.name = "q", .repeatable = true};
constexpr Param<TermsRequest> kTermsParams[] = {
    Integer("size", &TermsRequest::size),
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
StatusOr<R> ReadParams(const HttpRequest& req, const Param<R> (&params)[N],
                       R r = R()) {
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

// The filter parameters (one per value field) and any=.
Status ReadFilters(const HttpRequest& req, SearchRequest& r) {
  std::map<std::string, FieldFilter>& filters = r.filters;
  for (const auto& [name, value] : req.query) {
    if (schema::FindValueField(name)) {
      filters[name].values.push_back(value);
    } else if (name == kAnySpec.name) {
      for (const std::string& field : SplitCommas(value)) {
        if (!schema::FindValueField(field)) {
          return Status::InvalidArgument(
              "any names a filter field (" +
                  schema::JoinedNames(schema::kValueFieldNames) + "), got \"" +
                  field + "\"",
              std::string(kAnySpec.name));
        }
        filters[field].any = true;
      }
    }
  }
  // any=FIELD without values of FIELD is harmless; drop the empty filter.
  for (auto it = filters.begin(); it != filters.end();) {
    it = it->second.values.empty() ? filters.erase(it) : std::next(it);
  }
  return Status::Ok();
}

// The filter parameters' specs (see ReadFilters).
void AddFilterSpecs(std::vector<ParamSpec>& specs) {
  for (const schema::FieldSpec& field : schema::kFields) {
    if (!schema::HasValues(field)) continue;
    specs.push_back({.name = field.name, .repeatable = true});
  }
  specs.push_back(kAnySpec);
}

// The analyst views' search part: counts only, no hits.
template <size_t N>
StatusOr<SearchRequest> ReadQueryPart(const HttpRequest& req,
                                      const Param<SearchRequest> (&params)[N]) {
  CHANCERY_ASSIGN_OR_RETURN(SearchRequest r, ReadParams(req, params));
  CHANCERY_RETURN_IF_ERROR(ReadFilters(req, r));
  r.size = 0;
  r.facets.clear();
  return r;
}

template <size_t N>
std::vector<ParamSpec> QueryPartSpecs(const Param<SearchRequest> (&params)[N]) {
  std::vector<ParamSpec> specs = Specs(params);
  AddFilterSpecs(specs);
  return specs;
}

}  // namespace

StatusOr<SearchRequest> ParseSearchParams(const HttpRequest& req) {
  CHANCERY_ASSIGN_OR_RETURN(SearchRequest r, ReadParams(req, kSearchParams));
  CHANCERY_RETURN_IF_ERROR(ReadFilters(req, r));
  return r;
}

StatusOr<SearchRequest> ParseFeedParams(const HttpRequest& req) {
  SearchRequest defaults;
  defaults.sort = "date";
  defaults.size = kDefaultFeedEntries;
  defaults.facets.clear();
  defaults.suggest = false;
  CHANCERY_ASSIGN_OR_RETURN(SearchRequest r,
                            ReadParams(req, kFeedParams, defaults));
  CHANCERY_RETURN_IF_ERROR(ReadFilters(req, r));
  return r;
}

std::string PercentEncode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (char c : text) {
    const auto b = static_cast<unsigned char>(c);
    if ((b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') ||
        (b >= '0' && b <= '9') || c == '-' || c == '.' || c == '_' ||
        c == '~') {
      out += c;
    } else {
      out += '%';
      out += kHex[b >> 4];
      out += kHex[b & 15];
    }
  }
  return out;
}

std::string CanonicalSelectionQuery(const SearchRequest& r) {
  std::vector<std::pair<std::string, std::string>> pairs;
  for (size_t i = 0; i < kSelectionParams; ++i) {
    const Param<SearchRequest>& param = kFeedParams[i];
    const std::string& value = r.*param.text;
    if (!value.empty()) pairs.emplace_back(param.spec.name, value);
  }
  for (const auto& [field, filter] : r.filters) {
    for (const std::string& value : filter.values) {
      pairs.emplace_back(field, value);
    }
    if (filter.any) pairs.emplace_back(kAnySpec.name, field);
  }
  std::sort(pairs.begin(), pairs.end());
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
  std::string out;
  for (const auto& [name, value] : pairs) {
    if (!out.empty()) out += '&';
    out += PercentEncode(name) + '=' + PercentEncode(value);
  }
  return out;
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

StatusOr<TermsRequest> ParseTermsParams(const HttpRequest& req) {
  CHANCERY_ASSIGN_OR_RETURN(TermsRequest r, ReadParams(req, kTermsParams));
  CHANCERY_ASSIGN_OR_RETURN(r.search, ReadQueryPart(req, kQueryPartParams));
  return r;
}

StatusOr<StoryRequest> ParseStoryParams(const HttpRequest& req) {
  return ReadParams(req, kStoryParams);
}

std::vector<ParamSpec> SearchParamSpecs() {
  std::vector<ParamSpec> specs = Specs(kSearchParams);
  AddFilterSpecs(specs);
  return specs;
}

std::vector<ParamSpec> TermsParamSpecs() {
  std::vector<ParamSpec> specs = QueryPartSpecs(kQueryPartParams);
  for (const ParamSpec& spec : Specs(kTermsParams)) specs.push_back(spec);
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

std::vector<ParamSpec> FeedParamSpecs() {
  std::vector<ParamSpec> specs = Specs(kFeedParams);
  AddFilterSpecs(specs);
  // Read by the handler's conditional GET (conditional_get.h).
  for (std::string_view header : {kIfNoneMatch, kIfModifiedSince}) {
    specs.push_back({.name = header, .in = ParamSpec::In::kHeader});
  }
  return specs;
}

std::vector<ParamSpec> StoryParamSpecs() { return Specs(kStoryParams); }

std::vector<ParamSpec> FacetValuesParamSpecs() {
  std::vector<ParamSpec> specs = Specs(kFacetValuesParams);
  // The facet route's {name} is a value field.
  specs.front().choices = schema::kValueFieldNames;
  return specs;
}

StatusOr<ComentionRequest> ParseComentionParams(const HttpRequest& req) {
  CHANCERY_ASSIGN_OR_RETURN(ComentionRequest r,
                            ReadParams(req, kComentionParams));
  CHANCERY_ASSIGN_OR_RETURN(r.search, ReadQueryPart(req, kQueryPartParams));
  return r;
}

StatusOr<TimelineRequest> ParseTimelineParams(const HttpRequest& req) {
  CHANCERY_ASSIGN_OR_RETURN(TimelineRequest r,
                            ReadParams(req, kTimelineParams));
  CHANCERY_ASSIGN_OR_RETURN(r.search, ReadQueryPart(req, kPeriodParams));
  for (const auto& [name, value] : req.query) {
    if (name == kSeriesSpec.name) r.queries.push_back(value);
  }
  return r;
}

StatusOr<BurstRequest> ParseBurstParams(const HttpRequest& req) {
  CHANCERY_ASSIGN_OR_RETURN(BurstRequest r, ReadParams(req, kBurstParams));
  CHANCERY_ASSIGN_OR_RETURN(r.search, ReadQueryPart(req, kQueryPartParams));
  return r;
}

std::vector<ParamSpec> ComentionParamSpecs() {
  std::vector<ParamSpec> specs = Specs(kComentionParams);
  for (const ParamSpec& spec : QueryPartSpecs(kQueryPartParams)) {
    specs.push_back(spec);
  }
  return specs;
}

std::vector<ParamSpec> TimelineParamSpecs() {
  std::vector<ParamSpec> specs = Specs(kTimelineParams);
  specs.push_back(kSeriesSpec);
  for (const ParamSpec& spec : QueryPartSpecs(kPeriodParams)) {
    specs.push_back(spec);
  }
  return specs;
}

std::vector<ParamSpec> BurstParamSpecs() {
  std::vector<ParamSpec> specs = Specs(kBurstParams);
  for (const ParamSpec& spec : QueryPartSpecs(kQueryPartParams)) {
    specs.push_back(spec);
  }
  return specs;
}

}  // namespace chancery
