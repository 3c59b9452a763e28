// InputSource: one input file (or standard input) read through a single
// buffer, gunzipped transparently when it starts with the gzip magic
// (whatever its name), and reporting how many raw bytes it has consumed.
// Every reader reads through it, so gzip support and progress reporting
// live in one place. Not thread-safe; one reader owns it.
//
// Gzip input may be a sequence of members (as WARC files and `cat a.gz
// b.gz` are); all are read. A member that fails to decompress (bad data,
// bad checksum) is skipped up to the next gzip member header and noted as
// a Gap, so one damaged record does not cost the rest of an archive. A
// stream cut short ends the input with an error status.
#ifndef CHANCERY_INDEXER_READERS_INPUT_SOURCE_H_
#define CHANCERY_INDEXER_READERS_INPUT_SOURCE_H_

#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

struct z_stream_s;  // zlib's z_stream, kept out of this header.

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

  // Appends up to `n` more bytes to *out (fewer at end of input, or at a
  // gap when stop_at_gaps is set); returns how many were appended.
  size_t Read(size_t n, std::string* out);

  // Appends the rest of the input to *out. For one-document formats (a
  // feed, a page, a text file), which are parsed whole. Fails with
  // InvalidArgument "PATH:LINE: ..." beyond `max_bytes` (decompressed),
  // LINE being where the limit was reached.
  static constexpr size_t kMaxDocumentBytes = 64 << 20;
  // For HTML, whose parse tree takes about 30 times the page's size (a
  // 16 MiB page took 480 MB): what keeps one page within the indexer's
  // memory bound (README "Robustness").
  static constexpr size_t kMaxHtmlBytes = 8 << 20;
  Status ReadAll(std::string* out, size_t max_bytes = kMaxDocumentBytes);

  // 1-based number of the line the next byte belongs to.
  int64_t line_number() const { return line_number_; }

  // Decompressed offset of the next byte.
  uint64_t offset() const { return buffer_start_ + pos_; }

  // Where the next byte comes from in the file: the raw offset of the gzip
  // member holding it (what WARC indexes such as CDX files record), or its
  // own offset for uncompressed input. Reads ahead to find out.
  uint64_t RawOffsetOfNextByte();

  // A region of compressed input that was skipped: the damaged member
  // starting at `raw_offset` in the file, whose readable part (if any)
  // ends at decompressed `offset`, where the next good member's bytes
  // follow.
  struct Gap {
    uint64_t raw_offset = 0;
    uint64_t offset = 0;
    std::string reason;  // zlib's message, e.g. "invalid block type"
  };
  // The gaps met since the last call, in input order.
  std::vector<Gap> TakeGaps();
  // The same, without taking them.
  const std::vector<Gap>& gaps() const { return gaps_; }

  // When set, reading stops at a gap as at the end of input (Get -1,
  // ReadLine false, Read short) until ResumeAfterGap(), so a record reader
  // can drop the record the gap cut. Off by default: readers of formats
  // without record framing read straight on.
  void set_stop_at_gaps(bool stop) { stop_at_gaps_ = stop; }
  // True when reading stopped at a gap; ResumeAfterGap() reads on.
  bool at_gap() const { return held_at_gap_ && pos_ == end_; }
  void ResumeAfterGap() { held_at_gap_ = false; }

  // Ok unless reading failed (e.g. a truncated gzip stream).
  const Status& status() const { return status_; }

  const std::string& path() const { return path_; }

 private:
  InputSource(std::string path, int fd, ProgressCallback on_progress,
              uint64_t progress_interval);

  // Moves unread bytes to the front and reads more after them. False at end
  // of input, at a held gap or on error, with nothing added.
  bool Refill();
  // Raw bytes into raw_; false at end of file or on error.
  bool FillRaw();
  // Decompresses into buffer_ from end_; false when nothing more can come.
  bool Inflate();
  // After a damaged member: drops raw bytes up to the next gzip header.
  // False when there is none.
  bool SkipToNextMember();
  // Notes the open member as a Gap and moves to the next member header;
  // false when there is none, and then no gap is noted if `only_if_more`.
  bool SkipDamagedMember(std::string reason, bool only_if_more);
  // Repositions a seekable input at `raw_offset`; false for a pipe.
  bool Rewind(uint64_t raw_offset);
  void StartMember();
  void ReportProgress(bool at_end);

  std::string path_;
  int fd_;
  bool gzip_ = false;
  std::unique_ptr<z_stream_s> zstream_;
  std::vector<unsigned char> raw_;
  size_t raw_pos_ = 0, raw_end_ = 0;
  uint64_t raw_consumed_ = 0;  // file offset of raw_[raw_pos_]
  bool raw_eof_ = false;
  bool member_open_ = false;  // inside a member (its header was seen)
  struct MemberStart {
    uint64_t offset;      // decompressed offset of its first byte
    uint64_t raw_offset;  // its offset in the file
  };
  std::deque<MemberStart> members_;  // the recent ones, oldest first
  std::vector<Gap> gaps_;
  bool stop_at_gaps_ = false;
  bool held_at_gap_ = false;

  ProgressCallback on_progress_;
  uint64_t progress_interval_;
  uint64_t next_progress_ = 0;
  uint64_t reported_ = 0;  // the most reported, as rewinds go back
  bool at_end_ = false;
  std::vector<char> buffer_;
  uint64_t buffer_start_ = 0;  // decompressed offset of buffer_[0]
  size_t pos_ = 0;             // next unread byte in buffer_
  size_t end_ = 0;             // one past the last valid byte in buffer_
  int64_t line_number_ = 1;
  bool line_was_cut_ = false;
  Status status_;
};

}  // namespace chancery

#endif  // CHANCERY_INDEXER_READERS_INPUT_SOURCE_H_
