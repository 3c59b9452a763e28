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
constexpr size_t kRawBufferBytes = 64 << 10;

// ID1, ID2 and CM=deflate: how every gzip member starts (RFC 1952).
bool IsGzipHeader(const unsigned char* p) {
  return p[0] == 0x1f && p[1] == 0x8b && p[2] == 0x08;
}

// read(2) without EINTR; -1 with errno on error.
ssize_t ReadSome(int fd, void* into, size_t n) {
  for (;;) {
    const ssize_t got = ::read(fd, into, n);
    if (got >= 0 || errno != EINTR) return got;
  }
}

}  // namespace

StatusOr<std::unique_ptr<InputSource>> InputSource::Open(
    const std::string& path, ProgressCallback on_progress,
    uint64_t progress_interval) {
  int fd = path == "-" ? ::dup(STDIN_FILENO)
                       : ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    const int err = errno;
    std::string message = "cannot open " + path + ": " + std::strerror(err);
    if (err == ENOENT) return Status::NotFound(std::move(message));
    return Status::IoError(std::move(message));
  }
  std::unique_ptr<InputSource> source(
      new InputSource(path, fd, std::move(on_progress), progress_interval));
  // The gzip magic decides, not the name: archives are often renamed.
  while (source->raw_end_ < 3 && source->FillRaw()) {
  }
  if (!source->status_.ok()) return source->status_;
  if (source->raw_end_ >= 3 && IsGzipHeader(source->raw_.data())) {
    source->gzip_ = true;
    source->zstream_ = std::make_unique<z_stream_s>();
    if (::inflateInit2(source->zstream_.get(), 16 + MAX_WBITS) != Z_OK) {
      return Status::IoError("cannot open " + path + ": out of memory");
    }
  } else {
    // Plain input: what was read to look for the magic is the first data.
    std::memcpy(source->buffer_.data(), source->raw_.data(), source->raw_end_);
    source->end_ = source->raw_end_;
    source->raw_pos_ = source->raw_end_;
    source->raw_consumed_ = source->raw_end_;
  }
  // A UTF-8 byte order mark would otherwise hide the format from sniffing
  // and make the first JSON line malformed.
  if (source->Peek(3) == "\xEF\xBB\xBF") source->pos_ += 3;
  return source;
}

InputSource::InputSource(std::string path, int fd, ProgressCallback on_progress,
                         uint64_t progress_interval)
    : path_(std::move(path)),
      fd_(fd),
      raw_(kRawBufferBytes),
      on_progress_(std::move(on_progress)),
      progress_interval_(std::max<uint64_t>(progress_interval, 1)),
      next_progress_(progress_interval_),
      buffer_(kBufferBytes) {}

InputSource::~InputSource() {
  if (zstream_) ::inflateEnd(zstream_.get());
  ::close(fd_);
}

bool InputSource::FillRaw() {
  if (raw_eof_) return false;
  if (raw_pos_ > 0) {
    std::memmove(raw_.data(), raw_.data() + raw_pos_, raw_end_ - raw_pos_);
    raw_end_ -= raw_pos_;
    raw_pos_ = 0;
  }
  if (raw_end_ == raw_.size()) return true;  // full: nothing to add yet
  const ssize_t n =
      ReadSome(fd_, raw_.data() + raw_end_, raw_.size() - raw_end_);
  if (n <= 0) {
    raw_eof_ = true;
    if (n < 0) status_ = Status::IoError(path_ + ": " + std::strerror(errno));
    return false;
  }
  raw_end_ += static_cast<size_t>(n);
  return true;
}

void InputSource::StartMember() {
  // Members wholly before the next unread byte are no longer asked about.
  while (members_.size() > 1 && members_[1].offset <= offset()) {
    members_.pop_front();
  }
  members_.push_back({buffer_start_ + end_, raw_consumed_});
  ::inflateReset(zstream_.get());
  member_open_ = true;
}

bool InputSource::SkipToNextMember() {
  for (;;) {
    const unsigned char* begin = raw_.data() + raw_pos_;
    const unsigned char* end = raw_.data() + raw_end_;
    const unsigned char* found = begin;
    while ((found = static_cast<const unsigned char*>(
                std::memchr(found, 0x1f, end - found))) != nullptr &&
           end - found >= 3 && !IsGzipHeader(found)) {
      ++found;
    }
    // Keep a possible header cut by the buffer's end for the next look.
    const size_t skip = found != nullptr ? static_cast<size_t>(found - begin)
                                         : static_cast<size_t>(end - begin);
    raw_pos_ += skip;
    raw_consumed_ += skip;
    if (found != nullptr && end - found >= 3) return true;
    if (!FillRaw()) {
      raw_consumed_ += raw_end_ - raw_pos_;
      raw_pos_ = raw_end_;
      return false;
    }
  }
}

bool InputSource::Rewind(uint64_t raw_offset) {
  if (::lseek(fd_, static_cast<off_t>(raw_offset), SEEK_SET) < 0) return false;
  raw_pos_ = raw_end_ = 0;
  raw_consumed_ = raw_offset;
  raw_eof_ = false;
  return true;
}

bool InputSource::SkipDamagedMember(std::string reason, bool only_if_more) {
  // What the member gave before the damage stands (the reader judges it);
  // reading goes on at the next member header after the member's start.
  // Damage can make inflate read on into the members after it, so the
  // search starts back there when the input can seek, else where inflate
  // stopped (a pipe).
  const uint64_t member_start = members_.back().raw_offset;
  Gap gap{member_start, buffer_start_ + end_, std::move(reason)};
  member_open_ = false;
  if (!Rewind(member_start + 1) && raw_consumed_ == member_start) {
    ++raw_pos_;  // a bad header: look past its magic
    ++raw_consumed_;
  }
  const bool more = SkipToNextMember();
  if (!more && only_if_more) return false;
  gaps_.push_back(std::move(gap));
  if (more && stop_at_gaps_) held_at_gap_ = true;
  return more;
}

bool InputSource::Inflate() {
  const size_t before = end_;
  z_stream_s& z = *zstream_;
  while (end_ == before) {
    if (!member_open_) {
      while (raw_end_ - raw_pos_ < 3 && FillRaw()) {
      }
      if (raw_pos_ == raw_end_) return false;  // clean end after a member
      if (raw_end_ - raw_pos_ < 3 || !IsGzipHeader(raw_.data() + raw_pos_)) {
        // zlib's gzread ignores trailing bytes after the last member
        // (tape padding, say); bytes before another member are a gap.
        const uint64_t junk_at = raw_consumed_;
        if (!SkipToNextMember()) return false;
        gaps_.push_back({junk_at, buffer_start_ + end_,
                         "bytes that are not gzip between members"});
        if (stop_at_gaps_) {
          held_at_gap_ = true;
          return false;
        }
      }
      StartMember();
    }
    if (raw_pos_ == raw_end_ && !FillRaw()) {
      // A member cut short is a damaged one when another follows (the
      // damage made inflate read on into it), else the file's end.
      if (status_.ok() && SkipDamagedMember("unexpected end of member",
                                            /*only_if_more=*/true)) {
        if (stop_at_gaps_) return end_ > before;
        continue;
      }
      if (status_.ok()) {
        status_ = Status::IoError(path_ + ": unexpected end of file");
      }
      return end_ > before;
    }
    z.next_in = raw_.data() + raw_pos_;
    z.avail_in = static_cast<uInt>(raw_end_ - raw_pos_);
    z.next_out = reinterpret_cast<Bytef*>(buffer_.data() + end_);
    z.avail_out = static_cast<uInt>(buffer_.size() - end_);
    const int rc = ::inflate(&z, Z_NO_FLUSH);
    const size_t used = (raw_end_ - raw_pos_) - z.avail_in;
    raw_pos_ += used;
    raw_consumed_ += used;
    end_ = buffer_.size() - z.avail_out;
    if (rc == Z_STREAM_END) {
      member_open_ = false;
    } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
      const bool more =
          SkipDamagedMember(z.msg != nullptr ? z.msg : "corrupt gzip data",
                            /*only_if_more=*/false);
      if (!more || stop_at_gaps_) return end_ > before;
    }
  }
  return true;
}

bool InputSource::Refill() {
  if (at_end_ || held_at_gap_) return false;
  if (pos_ > 0) {
    std::memmove(buffer_.data(), buffer_.data() + pos_, end_ - pos_);
    end_ -= pos_;
    buffer_start_ += pos_;
    pos_ = 0;
  }
  if (end_ == buffer_.size()) return false;
  bool got = false;
  if (gzip_) {
    got = Inflate();
  } else {
    const ssize_t n =
        ReadSome(fd_, buffer_.data() + end_, buffer_.size() - end_);
    if (n < 0) status_ = Status::IoError(path_ + ": " + std::strerror(errno));
    if (n > 0) {
      end_ += static_cast<size_t>(n);
      raw_consumed_ += static_cast<uint64_t>(n);
      got = true;
    }
  }
  if (!got) {
    if (!held_at_gap_) {
      at_end_ = true;
      ReportProgress(/*at_end=*/true);
    }
    return false;
  }
  ReportProgress(/*at_end=*/false);
  return true;
}

void InputSource::ReportProgress(bool at_end) {
  if (!on_progress_) return;
  const uint64_t consumed = std::max(raw_consumed_, reported_);
  if (!at_end && consumed < next_progress_) return;
  reported_ = consumed;
  next_progress_ = consumed + progress_interval_;
  on_progress_(consumed);
}

uint64_t InputSource::RawOffsetOfNextByte() {
  Peek(1);
  if (!gzip_) return offset();
  while (members_.size() > 1 && members_[1].offset <= offset()) {
    members_.pop_front();
  }
  return members_.empty() ? 0 : members_.front().raw_offset;
}

std::vector<InputSource::Gap> InputSource::TakeGaps() {
  std::vector<Gap> gaps;
  gaps.swap(gaps_);
  return gaps;
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

size_t InputSource::Read(size_t n, std::string* out) {
  size_t copied = 0;
  while (copied < n) {
    if (pos_ == end_ && !Refill()) break;
    const size_t take = std::min(n - copied, end_ - pos_);
    const char* start = buffer_.data() + pos_;
    line_number_ += std::count(start, start + take, '\n');
    out->append(start, take);
    pos_ += take;
    copied += take;
  }
  return copied;
}

Status InputSource::ReadAll(std::string* out, size_t max_bytes) {
  do {
    out->append(buffer_.data() + pos_, end_ - pos_);
    line_number_ +=
        std::count(buffer_.data() + pos_, buffer_.data() + end_, '\n');
    pos_ = end_;
    if (out->size() > max_bytes) {
      return Status::InvalidArgument(
          path_ + ":" + std::to_string(line_number_) + ": larger than " +
          std::to_string(max_bytes >> 20) +
          " MiB, too large for one document; not indexed");
    }
  } while (Refill());
  return status_;
}

}  // namespace chancery
