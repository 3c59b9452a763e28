#include "indexer/readers/http_message.h"

#include <zlib.h>

#include <charconv>
#include <optional>
#include <system_error>

#include "common/base/numbers.h"
#include "common/base/strings.h"

namespace chancery {
namespace {

// Bodies inflate to at most this; a page is never larger, a zip bomb is.
constexpr size_t kMaxInflatedBytes = 64 << 20;

// The body of a chunked message (RFC 7230 4.1), or nullopt when `body`
// is not validly chunked. Chunk extensions and trailers are dropped.
std::optional<std::string> Dechunk(std::string_view body) {
  std::string out;
  size_t pos = 0;
  for (;;) {
    const size_t line_end = body.find('\n', pos);
    if (line_end == std::string_view::npos) return std::nullopt;
    std::string_view size_text = body.substr(pos, line_end - pos);
    size_text = TrimWhitespace(size_text.substr(0, size_text.find(';')));
    if (size_text.empty() || size_text.size() > 15) return std::nullopt;
    size_t size = 0;
    const char* end = size_text.data() + size_text.size();
    const auto [stop, error] =
        std::from_chars(size_text.data(), end, size, /*base=*/16);
    if (error != std::errc() || stop != end) return std::nullopt;
    pos = line_end + 1;
    if (size == 0) return out;
    if (size > body.size() - pos) return std::nullopt;
    out.append(body.substr(pos, size));
    pos += size;
    if (body.substr(pos, 2) == "\r\n") {
      pos += 2;
    } else if (body.substr(pos, 1) == "\n") {
      pos += 1;
    }
  }
}

// gzip (window_bits 16+15), zlib or raw deflate (the "deflate" coding is
// either in the wild: 32+15 detects zlib and gzip, -15 is raw).
std::optional<std::string> Inflate(std::string_view data, int window_bits) {
  z_stream z{};
  if (inflateInit2(&z, window_bits) != Z_OK) return std::nullopt;
  std::string out;
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  int rc = Z_OK;
  char chunk[16384];
  while (rc == Z_OK) {
    z.next_out = reinterpret_cast<Bytef*>(chunk);
    z.avail_out = sizeof(chunk);
    rc = inflate(&z, Z_NO_FLUSH);
    out.append(chunk, sizeof(chunk) - z.avail_out);
    if (out.size() > kMaxInflatedBytes) rc = Z_MEM_ERROR;
    if (rc == Z_BUF_ERROR && z.avail_in == 0) break;  // truncated
  }
  inflateEnd(&z);
  if (rc != Z_STREAM_END) return std::nullopt;
  return out;
}

}  // namespace

std::string_view FieldValue(const HeaderFields& fields, std::string_view name) {
  for (const auto& [field, value] : fields) {
    if (EqualsIgnoreAsciiCase(field, name)) return value;
  }
  return {};
}

void AddFieldLine(std::string_view line, HeaderFields* fields) {
  if (!line.empty() && (line[0] == ' ' || line[0] == '\t')) {
    if (!fields->empty()) {
      fields->back().second += ' ';
      fields->back().second += TrimWhitespace(line);
    }
    return;
  }
  const size_t colon = line.find(':');
  if (colon == std::string_view::npos) return;
  fields->emplace_back(std::string(TrimWhitespace(line.substr(0, colon))),
                       std::string(TrimWhitespace(line.substr(colon + 1))));
}

StatusOr<HttpResponse> ParseHttpResponse(std::string_view message) {
  if (message.substr(0, 5) != "HTTP/") {
    return Status::InvalidArgument("not an HTTP response");
  }
  HttpResponse response;
  size_t pos = message.find('\n');
  if (pos == std::string_view::npos) {
    return Status::InvalidArgument("HTTP status line without end");
  }
  const std::string_view status_line = message.substr(0, pos);
  const size_t space = status_line.find(' ');
  if (space != std::string_view::npos) {
    response.status =
        ParseInt(TrimWhitespace(status_line.substr(space + 1, 3))).value_or(0);
  }
  ++pos;
  for (;;) {
    const size_t line_end = message.find('\n', pos);
    if (line_end == std::string_view::npos) {
      return Status::InvalidArgument("HTTP header without end");
    }
    std::string_view line = message.substr(pos, line_end - pos);
    pos = line_end + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) break;
    AddFieldLine(line, &response.headers);
  }
  response.body.assign(message.substr(pos));
  return response;
}

Status DecodeHttpBody(HttpResponse* response) {
  if (AsciiToLower(FieldValue(response->headers, "Transfer-Encoding"))
          .find("chunked") != std::string::npos) {
    if (std::optional<std::string> body = Dechunk(response->body)) {
      response->body = std::move(*body);
    }
  }
  const std::string coding =
      AsciiToLower(FieldValue(response->headers, "Content-Encoding"));
  if (coding.empty() || coding == "identity") return Status::Ok();
  std::optional<std::string> decoded;
  if (coding == "gzip" || coding == "x-gzip") {
    decoded = Inflate(response->body, 16 + MAX_WBITS);
  } else if (coding == "deflate") {
    decoded = Inflate(response->body, 32 + MAX_WBITS);
    if (!decoded) decoded = Inflate(response->body, -MAX_WBITS);
  } else {
    return Status::InvalidArgument("unsupported Content-Encoding \"" + coding +
                                   "\"");
  }
  if (decoded) response->body = std::move(*decoded);
  return Status::Ok();
}

std::string MediaType(std::string_view content_type) {
  return AsciiToLower(
      TrimWhitespace(content_type.substr(0, content_type.find(';'))));
}

}  // namespace chancery
