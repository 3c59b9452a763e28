// Revision pins: how chancery-searchd asks chancery-index not to destroy a
// revision of a database it still answers from.
//
// A Xapian glass database keeps the blocks of the last committed revision
// intact while the writer prepares the next one; the blocks of the one
// before become free once the next is committed, and any change made after
// that commit may overwrite them (a reader of that revision then gets
// DatabaseModifiedError). So after committing revision C, a writer that
// changes anything destroys revision C-1. A pin (database UUID, revision,
// expiry) says "revision R of this database must stay readable until
// expiry"; a writer that just committed R+1 (or opened at R+1) waits
// before its next change until no live pin names R. It never waits for a
// pin it cannot honour (a revision older than C-1 is already gone).
//
// The pins of one reader process live in one file inside each database
// directory, "searchd-pins.<pid>", written whole (temporary file, rename),
// so readers and writers never see half a file. A file left by a dead
// process stops mattering when its pins expire.
//
// Plain functions of the file system; thread-safe.
#ifndef CHANCERY_COMMON_REVISION_PINS_H_
#define CHANCERY_COMMON_REVISION_PINS_H_

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace chancery {

struct RevisionPin {
  std::string uuid;        // Xapian::Database::get_uuid()
  uint64_t revision = 0;   // Xapian::Database::get_revision()
  int64_t expires_ms = 0;  // Unix time in milliseconds.
};

// "searchd-pins.": the start of every pin file's name.
inline constexpr std::string_view kPinFilePrefix = "searchd-pins.";

// Milliseconds since the Unix epoch, the clock pins expire by.
int64_t UnixNowMs();

// Replaces the pin file `owner` (a name unique to the process, e.g. its
// pid) in database directory `db_dir` by `pins` (all databases' pins: a
// writer reads only those of its UUID). No pins removes the file. IoError
// naming the path when it cannot be written (a read-only index).
[[nodiscard]] Status WriteRevisionPins(const std::string& db_dir,
                                       std::string_view owner,
                                       const std::vector<RevisionPin>& pins);

// Every pin of every pin file in `db_dir`; unreadable or malformed lines
// are skipped (a pin file is advice; its writer may be gone).
std::vector<RevisionPin> ReadRevisionPins(const std::string& db_dir);

// When a writer of database `uuid` whose last commit is `committed` may
// change it again: the latest expiry of the live pins (at `now_ms`) on
// revision committed - 1, or 0 when none holds it back.
int64_t PinnedUntilMs(const std::vector<RevisionPin>& pins,
                      std::string_view uuid, uint64_t committed,
                      int64_t now_ms);

// Blocks, re-reading the pins of `db_dir` every `poll`, until no live pin
// holds revision committed - 1 of `uuid` or `max_wait` has passed; returns
// how long it waited. For a writer, after each commit and at opening.
std::chrono::milliseconds WaitForRevisionPins(
    const std::string& db_dir, std::string_view uuid, uint64_t committed,
    std::chrono::milliseconds max_wait,
    std::chrono::milliseconds poll = std::chrono::milliseconds(50));

}  // namespace chancery

#endif  // CHANCERY_COMMON_REVISION_PINS_H_
