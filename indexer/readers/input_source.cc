#include "indexer/readers/input_source.h"

#include <fcntl.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <utility>

namespace chancery {
namespace {

// Large enough that a typical JSON line is found with one memchr, small
// enough to stay in L2 alongside the parser's working set.
constexpr size_t kBufferBytes = 256 << 10;

}  // namespace

StatusOr<std::unique_ptr<InputSource>> InputSource::Open(
    const std::string& path, ProgressCallback on_progress,
    uint64_t progress_interval) {
  // zlib's gzdopen reads plain files unchanged ("transparent" mode), so one
  // code path serves .gz and uncompressed input and stdin alike.
  int fd = path == "-" ? ::dup(STDIN_FILENO)
                       : ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    const int err = errno;
    std::string message = "cannot open " + path + ": " + std::strerror(err);
    if (err == ENOENT) return Status::NotFound(std::move(message));
    return Status::IoError(std::move(message));
  }
  gzFile gz = ::gzdopen(fd, "rb");
  if (gz == nullptr) {
    ::close(fd);
    return Status::IoError("cannot open " + path + ": out of memory");
  }
  ::gzbuffer(gz, kBufferBytes);
  std::unique_ptr<InputSource> source(
      new InputSource(path, gz, std::move(on_progress), progress_interval));
  // A UTF-8 byte order mark would otherwise hide the format from sniffing
  // and make the first JSON line malformed.
  if (source->Peek(3) == "\xEF\xBB\xBF") source->pos_ += 3;
  return source;
}

InputSource::InputSource(std::string path, gzFile_s* gz_file,
                         ProgressCallback on_progress,
                         uint64_t progress_interval)
    : path_(std::move(path)),
      gz_file_(gz_file),
      on_progress_(std::move(on_progress)),
      progress_interval_(std::max<uint64_t>(progress_interval, 1)),
      next_progress_(progress_interval_),
      buffer_(kBufferBytes) {}

InputSource::~InputSource() { ::gzclose(gz_file_); }

bool InputSource::Refill() {
  if (at_end_) return false;
  if (pos_ > 0) {
    std::memmove(buffer_.data(), buffer_.data() + pos_, end_ - pos_);
    end_ -= pos_;
    pos_ = 0;
  }
  if (end_ == buffer_.size()) return false;
  const int n = ::gzread(gz_file_, buffer_.data() + end_,
                         static_cast<unsigned>(buffer_.size() - end_));
  int err = Z_OK;
  const char* message = ::gzerror(gz_file_, &err);
  if (n <= 0 || (err != Z_OK && err != Z_STREAM_END)) {
    at_end_ = true;
    if (err != Z_OK && err != Z_STREAM_END) {
      status_ = Status::IoError(
          path_ + ": " + (err == Z_ERRNO ? std::strerror(errno) : message));
    }
    ReportProgress(/*at_end=*/true);
    if (n <= 0) return false;
  }
  end_ += n;
  decompressed_bytes_ += n;
  if (!at_end_) ReportProgress(/*at_end=*/false);
  return true;
}

void InputSource::ReportProgress(bool at_end) {
  if (!on_progress_) return;
  // gzoffset counts compressed bytes; it fails on pipes, where the bytes
  // handed out are the best measure left.
  const z_off_t raw = ::gzoffset(gz_file_);
  const uint64_t consumed =
      raw >= 0 ? static_cast<uint64_t>(raw) : decompressed_bytes_;
  if (!at_end && consumed < next_progress_) return;
  next_progress_ = consumed + progress_interval_;
  on_progress_(consumed);
}

std::string_view InputSource::Peek(size_t n) {
  n = std::min(n, buffer_.size());
  while (end_ - pos_ < n && Refill()) {
  }
  return std::string_view(buffer_.data() + pos_, std::min(n, end_ - pos_));
}

bool InputSource::ReadLine(std::string* line) {
  line->clear();
  line_was_cut_ = false;
  bool got_any = false;
  for (;;) {
    if (pos_ == end_ && !Refill()) {
      if (got_any) ++line_number_;
      return got_any;
    }
    got_any = true;
    const char* start = buffer_.data() + pos_;
    const size_t available = end_ - pos_;
    const char* newline =
        static_cast<const char*>(std::memchr(start, '\n', available));
    const size_t length = newline ? newline - start : available;
    const size_t room = kMaxLineBytes - std::min(kMaxLineBytes, line->size());
    if (length > room) line_was_cut_ = true;
    line->append(start, std::min(length, room));
    if (newline == nullptr) {
      pos_ = end_;
      continue;
    }
    pos_ += length + 1;
    ++line_number_;
    if (!line->empty() && line->back() == '\r') line->pop_back();
    return true;
  }
}

Status InputSource::ReadAll(std::string* out, size_t max_bytes) {
  do {
    out->append(buffer_.data() + pos_, end_ - pos_);
    pos_ = end_;
    if (out->size() > max_bytes) {
      return Status::InvalidArgument(path_ + ": larger than " +
                                     std::to_string(max_bytes >> 20) +
                                     " MiB, too large for one document");
    }
  } while (Refill());
  return status_;
}

}  // namespace chancery
