// Helpers shared by the libFuzzer targets in fuzz/: a reusable in-memory
// file for readers whose API takes a path, a sink that checks what
// ArticleSink promises, and splitting of an input into parts.
//
// A target is a single-threaded process; the objects here live for the
// whole run and are created once, on first use.
#ifndef CHANCERY_FUZZ_FUZZ_SUPPORT_H_
#define CHANCERY_FUZZ_FUZZ_SUPPORT_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include "common/article.h"
#include "indexer/readers/article_reader.h"
#include "indexer/readers/input_source.h"
#include "searchd/http/http_types.h"

namespace chancery::fuzz {

// Aborts (a finding for libFuzzer) with `what` when `ok` is false. Used for
// the contracts the components promise, beyond "does not crash".
void Require(bool ok, const char* what);

// An anonymous memory file (memfd) whose path InputSource::Open accepts,
// rewritten for every input, so the readers run unchanged and no disk is
// touched.
class MemoryFile {
 public:
  // The process-wide file; aborts when memfd_create fails.
  static MemoryFile& Get();
  // Replaces the contents with `data`; returns the path to open.
  const std::string& Write(const uint8_t* data, size_t size);

 private:
  explicit MemoryFile(int fd);
  int fd_;
  std::string path_;
};

// Records nothing; checks every delivered article against ArticleSink's
// contract (origin and id set, some title or body, lang a code or empty).
class CheckingSink : public ArticleSink {
 public:
  void OnArticle(Article&& article) override;
  void OnReject(const std::string& origin, const std::string& reason) override;
  void OnWarning(const std::string& origin, const std::string& reason) override;
  size_t articles() const { return articles_; }

 private:
  size_t articles_ = 0;
};

// Runs `read(source, sink)` over the input as a file, through InputSource
// (so gzip input is inflated as in production).
template <typename ReadFn>
void RunReader(const uint8_t* data, size_t size, ReadFn read) {
  const std::string& path = MemoryFile::Get().Write(data, size);
  auto source = InputSource::Open(path);
  Require(source.ok(), "the memory file opens");
  CheckingSink sink;
  read(**source, sink);
}

// The input up to the first '\n' and the rest after it (the whole input
// and "" when there is none).
std::pair<std::string_view, std::string_view> SplitFirstLine(
    std::string_view input);

// A GET request whose query string is `query` ("a=1&b=2", already
// percent-decoded, names may repeat; a pair without '=' has an empty
// value) and whose path parameters "id" and "name" are `path_value`.
HttpRequest RequestFromQuery(std::string_view path_value,
                             std::string_view query);

}  // namespace chancery::fuzz

#endif  // CHANCERY_FUZZ_FUZZ_SUPPORT_H_
