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

#include "common/base/hash.h"
#include "common/base/strings.h"
#include "indexer/readers/feed_reader.h"
#include "indexer/readers/html_reader.h"
#include "indexer/readers/input_format.h"
#include "indexer/readers/input_source.h"
#include "indexer/readers/json_array_reader.h"
#include "indexer/readers/json_lines_reader.h"
#include "indexer/readers/newsml_reader.h"
#include "indexer/readers/nitf_reader.h"
#include "indexer/readers/text_reader.h"
#include "indexer/readers/text_util.h"
#include "indexer/readers/warc_reader.h"

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
    // Errors about one entry (a dangling symlink) only skip that entry.
    std::error_code entry_error;
    if (IsHidden(it->path())) {
      if (it->is_directory(entry_error)) it.disable_recursion_pending();
      continue;
    }
    if (!it->is_regular_file(entry_error)) continue;
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

// Reads `source` with the reader of `format`.
Status ReadWith(InputFormat format, InputSource& source, ArticleSink& sink) {
  switch (format) {
    case InputFormat::kJsonLines:
      ReadJsonLines(source, sink);
      return Status::Ok();
    case InputFormat::kJsonArray:
      ReadJsonArray(source, sink);
      return Status::Ok();
    case InputFormat::kFeed:
      return ReadFeed(source, sink);
    case InputFormat::kHtml:
      return ReadHtmlPage(source, sink);
    case InputFormat::kNewsMl:
      return ReadNewsMl(source, sink);
    case InputFormat::kNitf:
      return ReadNitf(source, sink);
    case InputFormat::kWarc:
      return ReadWarc(source, sink);
    case InputFormat::kText:
    case InputFormat::kUnknown:
    case InputFormat::kJson:
    case InputFormat::kXml:
      break;
  }
  return ReadTextDocument(source, sink);
}

// Reads one file (or stdin) with the reader its name or content calls for.
// Progress is reported as `bytes_before` plus this file's raw bytes, so
// that a directory's progress grows monotonically; *bytes_after receives
// the sum once the file is done.
Status ReadFile(const std::string& path, ArticleSink& sink,
                uint64_t bytes_before, uint64_t* bytes_after) {
  *bytes_after = bytes_before;
  CHANCERY_ASSIGN_OR_RETURN(
      std::unique_ptr<InputSource> source,
      InputSource::Open(path,
                        [&sink, bytes_before, bytes_after](uint64_t bytes) {
                          *bytes_after = bytes_before + bytes;
                          sink.OnProgress(*bytes_after);
                        }));
  // Standard input is JSON Lines by contract: sniffing a pipe would guess
  // "text" for a stream that merely starts with a bad line.
  InputFormat format =
      path == "-" ? InputFormat::kJsonLines : FormatFromFileName(path);
  if (format == InputFormat::kUnknown || format == InputFormat::kJson ||
      format == InputFormat::kXml) {
    const InputFormat sniffed = FormatFromContent(source->Peek(kSniffBytes));
    if (format == InputFormat::kJson) {
      // A .json file is JSON whatever it starts with; let the JSON Lines
      // reader say what is wrong with it, line by line.
      format = sniffed == InputFormat::kJsonArray ? sniffed
                                                  : InputFormat::kJsonLines;
    } else if (format == InputFormat::kXml) {
      // A .xml file is XML: let the feed reader say what else it is.
      format = sniffed == InputFormat::kNewsMl || sniffed == InputFormat::kNitf
                   ? sniffed
                   : InputFormat::kFeed;
    } else {
      format = sniffed;
    }
  }
  Status read = ReadWith(format, *source, sink);
  // Damaged gzip members that the reader did not report as lost records.
  for (const InputSource::Gap& gap : source->TakeGaps()) {
    sink.OnReject(path + ":offset " + std::to_string(gap.raw_offset),
                  "damaged gzip member skipped (" + gap.reason + ")");
  }
  return read;
}

}  // namespace

Status ReadArticles(const std::string& path, ArticleSink& sink) {
  uint64_t bytes_read = 0;
  if (path == "-") return ReadFile(path, sink, 0, &bytes_read);
  std::error_code ec;
  const fs::file_status status = fs::status(path, ec);
  if (!fs::exists(status)) {
    return Status::NotFound("cannot read " + path +
                            ": no such file or directory");
  }
  if (!fs::is_directory(status)) return ReadFile(path, sink, 0, &bytes_read);
  for (const std::string& file : ListInputFiles(path, &sink)) {
    // One unreadable file must not stop an archive walk: report it as a
    // rejected record and go on.
    Status file_status = ReadFile(file, sink, bytes_read, &bytes_read);
    if (!file_status.ok()) RejectUnreadableFile(file, file_status, sink);
  }
  return Status::Ok();
}

void RejectUnreadableFile(const std::string& file, const Status& status,
                          ArticleSink& sink) {
  std::string origin = file;
  std::string reason = status.message();
  if (reason.starts_with(file + ":")) {
    // "FILE: why", or "FILE:LINE: why" from a reader that knows the line:
    // the origin as the reader named it.
    if (const size_t colon = reason.find(": ", file.size());
        colon != std::string::npos) {
      origin = reason.substr(0, colon);
      reason.erase(0, colon + 2);
    }
  } else if (const size_t at = reason.find(" " + file + ":");
             at != std::string::npos) {
    reason.erase(at, file.size() + 1);  // "cannot open FILE: why"
  }
  sink.OnReject(origin, reason);
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
  hash = Fnv1a64Extend(hash, kSeparator);
  if (article.date) hash = Fnv1a64Extend(hash, std::to_string(*article.date));
  hash = Fnv1a64Extend(hash, kSeparator);
  hash = Fnv1a64Extend(hash, TrimWhitespace(article.body));
  return "c-" + Hex64(hash);
}

}  // namespace chancery
