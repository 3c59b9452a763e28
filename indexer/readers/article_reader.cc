// ReadArticles: decides which files to read and with which reader; the
// readers themselves live in one file per format.
#include "indexer/readers/article_reader.h"

#include <algorithm>
#include <filesystem>
#include <memory>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

#include "indexer/readers/input_format.h"
#include "indexer/readers/input_source.h"
#include "indexer/readers/json_lines_reader.h"
#include "indexer/readers/text_util.h"

namespace chancery {
namespace {

namespace fs = std::filesystem;

// How many leading bytes FormatFromContent looks at.
constexpr size_t kSniffBytes = 1024;

bool IsHidden(const fs::path& path) {
  const std::string name = path.filename().string();
  return !name.empty() && name[0] == '.';
}

// The readable files under `dir`, recursively, sorted so that runs are
// reproducible; hidden files and directories are skipped, and so are
// files whose names are not of a format we read (reported as warnings).
std::vector<std::string> ListInputFiles(const std::string& dir,
                                        ArticleSink* sink) {
  std::vector<std::string> files;
  std::error_code ec;
  fs::recursive_directory_iterator it(
      dir, fs::directory_options::skip_permission_denied, ec);
  for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (IsHidden(it->path())) {
      if (it->is_directory(ec)) it.disable_recursion_pending();
      continue;
    }
    if (!it->is_regular_file(ec)) continue;
    std::string file = it->path().string();
    if (FormatFromFileName(file) == InputFormat::kUnknown) {
      if (sink) sink->OnWarning(file, "skipped: not a recognised file type");
      continue;
    }
    files.push_back(std::move(file));
  }
  if (ec && sink) sink->OnReject(dir, "cannot list directory: " + ec.message());
  std::sort(files.begin(), files.end());
  return files;
}

Status ReadFile(const std::string& path, ArticleSink& sink) {
  CHANCERY_ASSIGN_OR_RETURN(
      std::unique_ptr<InputSource> source,
      InputSource::Open(path, [&sink](uint64_t bytes) {
        sink.OnProgress(bytes);
      }));
  // Standard input is JSON Lines by contract: sniffing a pipe would guess
  // "text" for a stream that merely starts with a bad line.
  InputFormat format =
      path == "-" ? InputFormat::kJsonLines : FormatFromFileName(path);
  if (format == InputFormat::kUnknown || format == InputFormat::kJson) {
    format = FormatFromContent(source->Peek(kSniffBytes));
    if (format == InputFormat::kText &&
        FormatFromFileName(path) == InputFormat::kJson) {
      format = InputFormat::kJsonLines;  // a .json file of anything else
    }
  }
  switch (format) {
    case InputFormat::kJsonLines:
      ReadJsonLines(*source, sink);
      return Status::Ok();
    default:
      return Status::InvalidArgument(path + ": format not supported yet");
  }
}

}  // namespace

Status ReadArticles(const std::string& path, ArticleSink& sink) {
  if (path == "-") return ReadFile(path, sink);
  std::error_code ec;
  const fs::file_status status = fs::status(path, ec);
  if (!fs::exists(status)) {
    return Status::NotFound("cannot read " + path +
                            ": no such file or directory");
  }
  if (!fs::is_directory(status)) return ReadFile(path, sink);
  for (const std::string& file : ListInputFiles(path, &sink)) {
    // One unreadable file must not stop an archive walk: report it as a
    // rejected record and go on.
    Status file_status = ReadFile(file, sink);
    if (!file_status.ok()) sink.OnReject(file, file_status.message());
  }
  return Status::Ok();
}

uint64_t InputSizeBytes(const std::string& path) {
  if (path == "-") return 0;
  std::error_code ec;
  if (!fs::is_directory(path, ec)) {
    const uintmax_t size = fs::file_size(path, ec);
    return ec ? 0 : size;
  }
  uint64_t total = 0;
  for (const std::string& file : ListInputFiles(path, nullptr)) {
    const uintmax_t size = fs::file_size(file, ec);
    if (!ec) total += size;
  }
  return total;
}

std::string DeriveArticleId(const Article& article) {
  const std::string_view url = TrimWhitespace(article.url);
  if (!url.empty()) return "u-" + Hex64(Fnv1a64(url));
  // Fields are separated by a byte that cannot occur in text so that
  // ("ab", "c") and ("a", "bc") hash differently.
  constexpr std::string_view kSeparator = "\x1f";
  uint64_t hash = Fnv1a64(TrimWhitespace(article.title));
  hash = Fnv1a64(kSeparator, hash);
  if (article.date) hash = Fnv1a64(std::to_string(*article.date), hash);
  hash = Fnv1a64(kSeparator, hash);
  hash = Fnv1a64(TrimWhitespace(article.body), hash);
  return "c-" + Hex64(hash);
}

}  // namespace chancery
