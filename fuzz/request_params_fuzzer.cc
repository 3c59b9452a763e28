// The request-parameter parsers over any query string (first line: the
// {id}/{name} path segment; the rest: name=value&...), then the search
// core's validation of what they accept, as the server runs them. Every
// error must be InvalidArgument naming the parameter (request_params.h,
// request_validator.h), which the server turns into a 400.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz/fuzz_support.h"
#include "searchd/http/request_params.h"
#include "searchd/search/request_validator.h"

namespace {

using chancery::Status;
using chancery::StatusOr;

const Status& StatusOf(const Status& status) { return status; }
template <typename T>
const Status& StatusOf(const StatusOr<T>& result) {
  return result.status();
}

void CheckError(const Status& status) {
  if (status.ok()) return;
  chancery::fuzz::Require(
      status.code() == chancery::StatusCode::kInvalidArgument,
      "a parameter error is InvalidArgument");
  chancery::fuzz::Require(!status.param().empty(),
                          "a parameter error names it");
}

// Validates what `parsed` holds, or checks why it failed to parse.
template <typename Request, typename Validate>
void ParseThenValidate(const StatusOr<Request>& parsed, Validate validate) {
  if (!parsed.ok()) return CheckError(parsed.status());
  const chancery::SearcherOptions options;
  CheckError(StatusOf(validate(*parsed, options)));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const auto [path_value, query] = chancery::fuzz::SplitFirstLine(input);
  const chancery::HttpRequest request =
      chancery::fuzz::RequestFromQuery(path_value, query);
  ParseThenValidate(chancery::ParseSearchParams(request),
                    chancery::ValidateSearchRequest);
  ParseThenValidate(chancery::ParseSimilarParams(request),
                    chancery::ValidateSimilarRequest);
  ParseThenValidate(chancery::ParseDocumentParams(request),
                    chancery::ValidateDocumentRequest);
  ParseThenValidate(chancery::ParseFacetValuesParams(request),
                    chancery::ValidateFacetValuesRequest);
  ParseThenValidate(chancery::ParseComentionParams(request),
                    chancery::ValidateComentionRequest);
  ParseThenValidate(chancery::ParseTimelineParams(request),
                    chancery::ValidateTimelineRequest);
  ParseThenValidate(chancery::ParseBurstParams(request),
                    chancery::ValidateBurstRequest);
  return 0;
}
