// The chancery-index command: option parsing and the three things it does
// (index files, delete ids, extract entities without an index). Kept out of
// main.cc so tests can drive it without a process.
#ifndef CHANCERY_INDEXER_INDEXER_COMMAND_H_
#define CHANCERY_INDEXER_INDEXER_COMMAND_H_

#include <string>
#include <vector>

#include "common/status.h"
#include "indexer/indexer_config.h"

namespace chancery {

// Exit statuses, as documented in the README.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFatal = 1;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitRejected = 3;

struct IndexerOptions {
  IndexerConfig config;                 // the settings (indexer_config.h)
  std::vector<std::string> inputs;      // files, directories or "-"
  std::vector<std::string> delete_ids;  // --delete ID...
  std::string delete_from;              // --delete-from FILE (one id a line)
  bool extract_only = false;            // --extract
  bool no_entities = false;             // --no-entities: skip extraction
  bool no_compact = false;              // --no-compact: as --compact=false
  bool help = false;
};

// Parses argv: defaults, then --config FILE, then flags (common/settings.h),
// then checks the result. InvalidArgument names the offending option, or
// the file and key.
[[nodiscard]] StatusOr<IndexerOptions> ParseIndexerArgs(
    int argc, const char* const* argv);

// Usage text for --help and usage errors.
std::string IndexerUsage();

// Runs the command; returns the process exit status. Progress, rejections
// and the summary go to stderr; --extract output to stdout.
int RunIndexer(const IndexerOptions& options);

}  // namespace chancery

#endif  // CHANCERY_INDEXER_INDEXER_COMMAND_H_
