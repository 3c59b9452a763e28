#include "searchd/http/request_params.h"

#include <array>
#include <optional>
#include <string_view>

#include "common/base/numbers.h"
#include "common/base/strings.h"

namespace chancery {
namespace {

constexpr std::array<std::string_view, 5> kFilterFields = {
    "country", "person", "org", "source", "lang"};

bool IsFilterField(std::string_view name) {
  for (std::string_view f : kFilterFields) {
    if (f == name) return true;
  }
  return false;
}

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
std::string PathParam(const HttpRequest& req, const std::string& name) {
  auto it = req.path_params.find(name);
  return it == req.path_params.end() ? std::string() : it->second;
}

}  // namespace

StatusOr<SearchRequest> ParseSearchParams(const HttpRequest& req) {
  SearchRequest r;
  CHANCERY_RETURN_IF_ERROR(ReadString(req, "q", r.q));
  CHANCERY_RETURN_IF_ERROR(ReadString(req, "from", r.from));
  CHANCERY_RETURN_IF_ERROR(ReadString(req, "to", r.to));
  CHANCERY_RETURN_IF_ERROR(ReadString(req, "sort", r.sort));
  CHANCERY_RETURN_IF_ERROR(ReadString(req, "interval", r.interval));
  CHANCERY_RETURN_IF_ERROR(ReadInt(req, "page", r.page));
  CHANCERY_RETURN_IF_ERROR(ReadInt(req, "size", r.size));
  CHANCERY_RETURN_IF_ERROR(ReadInt(req, "facet_size", r.facet_size));
  CHANCERY_ASSIGN_OR_RETURN(std::optional<std::string> facets,
                            Single(req, "facets"));
  if (facets) r.facets = SplitCommas(*facets);
  for (const auto& [name, value] : req.query) {
    if (IsFilterField(name)) {
      r.filters[name].values.push_back(value);
    } else if (name == "any") {
      for (const std::string& field : SplitCommas(value)) {
        if (!IsFilterField(field)) {
          return Status::InvalidArgument(
              "any names a filter field (country, person, org, source, lang), "
              "got \"" + field + "\"",
              "any");
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

StatusOr<SimilarRequest> ParseSimilarParams(const HttpRequest& req) {
  SimilarRequest r;
  r.id = PathParam(req, "id");
  CHANCERY_RETURN_IF_ERROR(ReadInt(req, "size", r.size));
  return r;
}

StatusOr<DocumentRequest> ParseDocumentParams(const HttpRequest& req) {
  DocumentRequest r;
  r.id = PathParam(req, "id");
  CHANCERY_RETURN_IF_ERROR(ReadString(req, "q", r.q));
  return r;
}

StatusOr<FacetValuesRequest> ParseFacetValuesParams(const HttpRequest& req) {
  FacetValuesRequest r;
  r.name = PathParam(req, "name");
  CHANCERY_RETURN_IF_ERROR(ReadString(req, "prefix", r.prefix));
  CHANCERY_RETURN_IF_ERROR(ReadString(req, "q", r.q));
  CHANCERY_RETURN_IF_ERROR(ReadInt(req, "size", r.size));
  return r;
}

}  // namespace chancery
