#include "fuzz/fuzz_support.h"

#include <sys/mman.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>

#include "common/base/language.h"
#include "common/base/utf8.h"

namespace chancery::fuzz {

void Require(bool ok, const char* what) {
  if (ok) return;
  std::fprintf(stderr, "contract broken: %s\n", what);
  std::abort();
}

MemoryFile& MemoryFile::Get() {
  static MemoryFile* file = [] {
    const int fd = memfd_create("chancery-fuzz", 0);
    Require(fd >= 0, "memfd_create");
    return new MemoryFile(fd);
  }();
  return *file;
}

MemoryFile::MemoryFile(int fd)
    : fd_(fd), path_("/proc/self/fd/" + std::to_string(fd)) {}

const std::string& MemoryFile::Write(const uint8_t* data, size_t size) {
  Require(ftruncate(fd_, 0) == 0, "ftruncate of the memory file");
  size_t written = 0;
  while (written < size) {
    const ssize_t n = pwrite(fd_, data + written, size - written,
                             static_cast<off_t>(written));
    Require(n > 0, "pwrite to the memory file");
    written += static_cast<size_t>(n);
  }
  return path_;
}

void CheckingSink::OnArticle(Article&& article) {
  ++articles_;
  Require(!article.origin.empty(), "an article has an origin");
  Require(!article.id.empty(), "an article has an id");
  Require(!article.title.empty() || !article.body.empty(),
          "an article has a title or a body");
  Require(
      article.lang.empty() || NormalizeLanguage(article.lang) == article.lang,
      "an article's lang is a normalised code or empty");
}

void CheckingSink::OnReject(const std::string& origin,
                            const std::string& reason) {
  Require(!origin.empty() && !reason.empty(), "a reject names place and why");
}

void CheckingSink::OnWarning(const std::string& origin,
                             const std::string& reason) {
  Require(!origin.empty() && !reason.empty(), "a warning names place and why");
}

std::pair<std::string_view, std::string_view> SplitFirstLine(
    std::string_view input) {
  const size_t newline = input.find('\n');
  if (newline == std::string_view::npos) return {input, {}};
  return {input.substr(0, newline), input.substr(newline + 1)};
}

HttpRequest RequestFromQuery(std::string_view path_value,
                             std::string_view query) {
  HttpRequest request;
  request.path_params["id"] = std::string(path_value);
  request.path_params["name"] = std::string(path_value);
  while (!query.empty()) {
    const size_t amp = query.find('&');
    const std::string_view pair = query.substr(0, amp);
    const size_t eq = pair.find('=');
    request.query.emplace_back(std::string(pair.substr(0, eq)),
                               eq == std::string_view::npos
                                   ? std::string()
                                   : std::string(pair.substr(eq + 1)));
    if (amp == std::string_view::npos) break;
    query.remove_prefix(amp + 1);
  }
  return request;
}

}  // namespace chancery::fuzz
