#include "searchd/search/request_validator.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <span>
#include <string_view>

#include "common/base/numbers.h"
#include "common/base/strings.h"
#include "common/base/utf8.h"
#include "common/facets.h"
#include "searchd/search/date_range.h"

namespace chancery {
namespace {

constexpr size_t kMaxFilterValues = 20;
constexpr size_t kMaxValueBytes = 200;

// "x must be a, b or c, got \"v\"" unless `value` is one of `choices`.
Status CheckChoice(const char* param, const std::string& value,
                   std::span<const std::string_view> choices) {
  if (std::find(choices.begin(), choices.end(), value) != choices.end()) {
    return Status::Ok();
  }
  std::string list;
  for (size_t i = 0; i < choices.size(); ++i) {
    if (i > 0) list += i + 1 == choices.size() ? " or " : ", ";
    list += choices[i];
  }
  return Status::InvalidArgument(
      std::string(param) + " must be " + list + ", got \"" + value + "\"",
      param);
}

StatusOr<std::optional<int64_t>> ParseBound(const std::string& text,
                                            const char* param, bool end) {
  if (text.empty()) return std::optional<int64_t>();
  std::optional<int64_t> day = ParseDateBound(text, end);
  if (!day) {
    return Status::InvalidArgument(std::string(param) +
                                       " must be a date YYYY, YYYY-MM or "
                                       "YYYY-MM-DD, got \"" +
                                       text + "\"",
                                   param);
  }
  return day;
}

// Words (runs of IsWordByte bytes, as the query parser's fallback splits
// them) and wildcards (a '*' ending a word).
Status CheckQueryText(const std::string& q, const SearcherOptions& options) {
  if (q.size() > static_cast<size_t>(options.max_query_bytes)) {
    return Status::InvalidArgument("q is longer than " +
                                       std::to_string(options.max_query_bytes) +
                                       " bytes",
                                   "q");
  }
  if (!IsValidUtf8(q))
    return Status::InvalidArgument("q is not valid UTF-8", "q");
  int words = 0;
  int wildcards = 0;
  bool in_word = false;
  for (char c : q) {
    const bool word_char = IsWordByte(c);
    if (word_char && !in_word) ++words;
    if (c == '*' && in_word) ++wildcards;
    in_word = word_char;
  }
  if (words > options.max_query_words) {
    return Status::InvalidArgument(
        "q has more than " + std::to_string(options.max_query_words) + " words",
        "q");
  }
  if (wildcards > options.max_query_wildcards) {
    return Status::InvalidArgument(
        "q has more than " + std::to_string(options.max_query_wildcards) +
            " wildcards (word*)",
        "q");
  }
  return Status::Ok();
}

// A value field named by parameter `param`.
Status CheckValueField(const char* param, const std::string& name) {
  if (schema::FindValueField(name)) return Status::Ok();
  return Status::InvalidArgument(
      std::string(param) + " must be one of " +
          schema::JoinedNames(schema::kValueFieldNames) + ", got \"" + name +
          "\"",
      param);
}

// A value as filters take it, given in parameter `param`.
Status CheckValue(const char* param, std::string_view value) {
  if (value.empty() || value.size() > kMaxValueBytes || !IsValidUtf8(value)) {
    return Status::InvalidArgument(std::string(param) +
                                       ": the value must be non-empty UTF-8 "
                                       "of at most " +
                                       std::to_string(kMaxValueBytes) +
                                       " bytes",
                                   param);
  }
  return Status::Ok();
}

}  // namespace

StatusOr<DateBounds> ValidateSearchRequest(const SearchRequest& request,
                                           const SearcherOptions& options) {
  CHANCERY_RETURN_IF_ERROR(CheckQueryText(request.q, options));
  for (const auto& [field, filter] : request.filters) {
    if (!schema::FindValueField(field)) {
      return Status::InvalidArgument("unknown filter field \"" + field + "\"",
                                     field);
    }
    if (filter.values.size() > kMaxFilterValues) {
      return Status::InvalidArgument(
          "at most " + std::to_string(kMaxFilterValues) + " values of " + field,
          field);
    }
    for (const std::string& v : filter.values) {
      if (v.empty() || v.size() > kMaxValueBytes || !IsValidUtf8(v)) {
        return Status::InvalidArgument(
            field + " values must be non-empty UTF-8 of at most " +
                std::to_string(kMaxValueBytes) + " bytes",
            field);
      }
    }
  }
  DateBounds dates;
  CHANCERY_ASSIGN_OR_RETURN(dates.first_day,
                            ParseBound(request.from, "from", false));
  CHANCERY_ASSIGN_OR_RETURN(dates.last_day, ParseBound(request.to, "to", true));
  if (dates.first_day && dates.last_day && *dates.first_day > *dates.last_day) {
    return Status::InvalidArgument("from is after to", "from");
  }
  CHANCERY_RETURN_IF_ERROR(CheckChoice("sort", request.sort, kSortOrders));
  CHANCERY_RETURN_IF_ERROR(
      CheckRange("page", request.page, 1, options.max_result_window));
  CHANCERY_RETURN_IF_ERROR(
      CheckRange("size", request.size, 0, options.max_page_size));
  if (static_cast<int64_t>(request.page) * request.size >
      options.max_result_window) {
    return Status::InvalidArgument(
        "page * size may not exceed " +
            std::to_string(options.max_result_window),
        "page");
  }
  for (size_t i = 0; i < request.facets.size(); ++i) {
    const std::string& name = request.facets[i];
    if (!schema::FindField(name)) {
      return Status::InvalidArgument("unknown facet \"" + name + "\"",
                                     "facets");
    }
    if (std::find(request.facets.begin(), request.facets.begin() + i, name) !=
        request.facets.begin() + i) {
      return Status::InvalidArgument("facet \"" + name + "\" given twice",
                                     "facets");
    }
  }
  CHANCERY_RETURN_IF_ERROR(
      CheckRange("facet_size", request.facet_size, 1, options.max_facet_size));
  CHANCERY_RETURN_IF_ERROR(
      CheckChoice("interval", request.interval, kDateIntervals));
  CHANCERY_RETURN_IF_ERROR(
      CheckChoice("collapse", request.collapse, kCollapseModes));
  return dates;
}

Status ValidateStoryRequest(const StoryRequest& request) {
  if (request.id.empty()) return Status::InvalidArgument("id is empty", "id");
  return Status::Ok();
}

Status ValidateSimilarRequest(const SimilarRequest& request,
                              const SearcherOptions& options) {
  if (request.id.empty()) return Status::InvalidArgument("id is empty", "id");
  return CheckRange("size", request.size, 1, options.max_page_size);
}

Status ValidateDocumentRequest(const DocumentRequest& request,
                               const SearcherOptions& options) {
  if (request.id.empty()) return Status::InvalidArgument("id is empty", "id");
  CHANCERY_RETURN_IF_ERROR(CheckQueryText(request.q, options));
  return Status::Ok();
}

Status ValidateFacetValuesRequest(const FacetValuesRequest& request,
                                  const SearcherOptions& options) {
  if (!schema::FindValueField(request.name)) {
    return Status::InvalidArgument(
        "unknown facet \"" + request.name + "\"; one of " +
            schema::JoinedNames(schema::kValueFieldNames),
        "name");
  }
  if (request.prefix.size() > kMaxValueBytes || !IsValidUtf8(request.prefix)) {
    return Status::InvalidArgument("prefix is too long or not UTF-8", "prefix");
  }
  CHANCERY_RETURN_IF_ERROR(CheckQueryText(request.q, options));
  CHANCERY_RETURN_IF_ERROR(
      CheckChoice("collapse", request.collapse, kCollapseModes));
  return CheckRange("size", request.size, 1, options.max_facet_size);
}

StatusOr<DateBounds> ValidateComentionRequest(const ComentionRequest& request,
                                              const SearcherOptions& options) {
  CHANCERY_RETURN_IF_ERROR(CheckValueField("field", request.field));
  if (!request.with.empty()) {
    const size_t colon = request.with.find(':');
    if (colon == std::string::npos) {
      return Status::InvalidArgument(
          "with must be FIELD:VALUE (person:emmanuel-macron), got \"" +
              request.with + "\"",
          "with");
    }
    CHANCERY_RETURN_IF_ERROR(
        CheckValueField("with", request.with.substr(0, colon)));
    CHANCERY_RETURN_IF_ERROR(
        CheckValue("with", std::string_view(request.with).substr(colon + 1)));
  }
  if (!request.against.empty()) {
    CHANCERY_RETURN_IF_ERROR(CheckValueField("against", request.against));
  }
  CHANCERY_RETURN_IF_ERROR(CheckChoice("sort", request.sort, kComentionSorts));
  CHANCERY_RETURN_IF_ERROR(CheckRange("size", request.size, 1,
                                      request.against.empty()
                                          ? options.max_facet_size
                                          : kMaxComentionMatrixSize));
  return ValidateSearchRequest(request.search, options);
}

StatusOr<DateBounds> ValidateTimelineRequest(const TimelineRequest& request,
                                             const SearcherOptions& options) {
  if (request.queries.size() > kMaxTimelineQueries) {
    return Status::InvalidArgument(
        "at most " + std::to_string(kMaxTimelineQueries) + " q (series)", "q");
  }
  for (const std::string& q : request.queries) {
    CHANCERY_RETURN_IF_ERROR(CheckQueryText(q, options));
  }
  CHANCERY_RETURN_IF_ERROR(
      CheckChoice("interval", request.interval, kTimelineIntervals));
  return ValidateSearchRequest(request.search, options);
}

StatusOr<DateBounds> ValidateBurstRequest(const BurstRequest& request,
                                          const SearcherOptions& options) {
  CHANCERY_RETURN_IF_ERROR(CheckValueField("field", request.field));
  if (!request.value.empty()) {
    CHANCERY_RETURN_IF_ERROR(CheckValue("value", request.value));
  }
  CHANCERY_RETURN_IF_ERROR(
      CheckRange("size", request.size, 1, options.max_facet_size));
  return ValidateSearchRequest(request.search, options);
}

}  // namespace chancery
