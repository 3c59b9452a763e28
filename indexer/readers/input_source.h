// InputSource: one input file (or standard input) read through a single
// buffer, gunzipped transparently when it starts with the gzip magic
// (whatever its name), and reporting how many raw bytes it has consumed.
// Every reader reads through it, so gzip support and progress reporting
// live in one place. Not thread-safe; one reader owns it.
#ifndef CHANCERY_INDEXER_READERS_INPUT_SOURCE_H_
#define CHANCERY_INDEXER_READERS_INPUT_SOURCE_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

struct gzFile_s;  // zlib's gzFile, kept out of this header.

namespace chancery {

class InputSource {
 public:
  // Called with the raw (compressed-or-plain) bytes consumed so far, about
  // every `progress_interval` bytes and once at the end of input.
  using ProgressCallback = std::function<void(uint64_t bytes_read)>;
  static constexpr uint64_t kDefaultProgressInterval = 1 << 20;

  // Opens `path`; "-" is standard input. NotFound/IoError naming the path
  // when it cannot be opened.
  static StatusOr<std::unique_ptr<InputSource>> Open(
      const std::string& path, ProgressCallback on_progress = nullptr,
      uint64_t progress_interval = kDefaultProgressInterval);

  ~InputSource();
  InputSource(const InputSource&) = delete;
  InputSource& operator=(const InputSource&) = delete;

  // The next up to `n` decompressed bytes, without consuming them (fewer
  // at end of input). For sniffing the format before reading.
  std::string_view Peek(size_t n);

  // Replaces *line with the next line, without its "\n" or "\r\n".
  // False at end of input (or after a read error: check status()). A line
  // longer than kMaxLineBytes is cut there and line_was_cut() is set, so
  // one runaway line cannot exhaust memory.
  static constexpr size_t kMaxLineBytes = 64 << 20;
  bool ReadLine(std::string* line);
  bool line_was_cut() const { return line_was_cut_; }

  // The next decompressed byte as 0..255, or -1 at end of input.
  int Get() {
    if (pos_ == end_ && !Refill()) return -1;
    const unsigned char c = buffer_[pos_++];
    if (c == '\n') ++line_number_;
    return c;
  }

  // Appends the rest of the input to *out. For one-document formats (a
  // feed, a page, a text file), which are parsed whole. Fails with
  // InvalidArgument beyond `max_bytes` (decompressed).
  static constexpr size_t kMaxDocumentBytes = 64 << 20;
  Status ReadAll(std::string* out, size_t max_bytes = kMaxDocumentBytes);

  // 1-based number of the line the next byte belongs to.
  int64_t line_number() const { return line_number_; }

  // Ok unless reading failed (e.g. a corrupt or truncated gzip stream).
  const Status& status() const { return status_; }

  const std::string& path() const { return path_; }

 private:
  InputSource(std::string path, gzFile_s* gz_file, ProgressCallback on_progress,
              uint64_t progress_interval);

  // Moves unread bytes to the front and reads more after them. False at end
  // of input or on error, with nothing added.
  bool Refill();
  void ReportProgress(bool at_end);

  std::string path_;
  gzFile_s* gz_file_;
  ProgressCallback on_progress_;
  uint64_t progress_interval_;
  uint64_t next_progress_ = 0;
  uint64_t decompressed_bytes_ = 0;
  bool at_end_ = false;
  std::vector<char> buffer_;
  size_t pos_ = 0;  // next unread byte in buffer_
  size_t end_ = 0;  // one past the last valid byte in buffer_
  int64_t line_number_ = 1;
  bool line_was_cut_ = false;
  Status status_;
};

}  // namespace chancery

#endif  // CHANCERY_INDEXER_READERS_INPUT_SOURCE_H_
