// GetStaticFile: the web UI's files. The request path is checked segment by
// segment (no "..", ".", empty, hidden or backslashed segments; the path is
// already percent-decoded, so "%2e%2e" arrives as ".."), and the resolved
// file must still lie under the canonical web root (symlinks cannot lead
// out either).
#include <filesystem>
#include <fstream>
#include <sstream>

#include "searchd/http/handlers.h"

namespace chancery {
namespace {

constexpr const char* kContentSecurityPolicy =
    "default-src 'self'; img-src 'self' data:; style-src 'self'; "
    "script-src 'self'; object-src 'none'; base-uri 'none'; "
    "frame-ancestors 'none'";
constexpr std::uintmax_t kMaxFileBytes = 32 << 20;

std::string ContentType(const std::filesystem::path& file) {
  static constexpr std::pair<const char*, const char*> kTypes[] = {
      {".html", "text/html; charset=utf-8"},
      {".htm", "text/html; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".json", "application/json"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".jpeg", "image/jpeg"},
      {".gif", "image/gif"},
      {".ico", "image/x-icon"},
      {".webp", "image/webp"},
      {".woff2", "font/woff2"},
      {".woff", "font/woff"},
      {".txt", "text/plain; charset=utf-8"},
      {".map", "application/json"},
      {".webmanifest", "application/manifest+json"},
  };
  const std::string ext = file.extension().string();
  for (const auto& [e, type] : kTypes) {
    if (ext == e) return type;
  }
  return "application/octet-stream";
}

bool SafeRelativePath(const std::string& path, std::string& relative) {
  if (path.empty() || path[0] != '/') return false;
  if (path.find('\0') != std::string::npos ||
      path.find('\\') != std::string::npos) {
    return false;
  }
  relative.clear();
  size_t start = 1;
  while (start <= path.size()) {
    size_t end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    std::string segment = path.substr(start, end - start);
    if (!segment.empty()) {
      if (segment[0] == '.') return false;  // "..", ".", dotfiles
      if (!relative.empty()) relative += '/';
      relative += segment;
    }
    start = end + 1;
  }
  return true;
}

HttpResponse WithUiHeaders(HttpResponse r) {
  r.headers.emplace_back("Content-Security-Policy", kContentSecurityPolicy);
  r.headers.emplace_back("X-Content-Type-Options", "nosniff");
  r.headers.emplace_back("Referrer-Policy", "no-referrer");
  return r;
}

}  // namespace

HttpResponse GetStaticFile(const ServerContext& ctx, const HttpRequest& req) {
  namespace fs = std::filesystem;
  auto not_found = [&] {
    return WithUiHeaders(
        ErrorResponse(404, "not_found", "no such file: " + req.path));
  };
  std::string relative;
  if (!SafeRelativePath(req.path, relative)) return not_found();
  std::error_code ec;
  const fs::path root = fs::canonical(ctx.config.web_root, ec);
  if (ec) return not_found();
  fs::path file = root / relative;
  if (fs::is_directory(file, ec)) file /= "index.html";
  file = fs::canonical(file, ec);
  if (ec) return not_found();
  const std::string root_text = root.string() + "/";
  if (file.string().compare(0, root_text.size(), root_text) != 0) {
    return not_found();
  }
  if (!fs::is_regular_file(file, ec) ||
      fs::file_size(file, ec) > kMaxFileBytes) {
    return not_found();
  }
  std::ifstream in(file, std::ios::binary);
  if (!in) return not_found();
  std::ostringstream body;
  body << in.rdbuf();
  HttpResponse r;
  r.content_type = ContentType(file);
  r.body = body.str();
  r.headers.emplace_back("Cache-Control", "no-cache");
  return WithUiHeaders(std::move(r));
}

}  // namespace chancery
