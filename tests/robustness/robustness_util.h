// Helpers of the robustness tests (tests/robustness/): generated inputs,
// what an index holds, and the peak-memory bound they assert.
#ifndef CHANCERY_TESTS_ROBUSTNESS_ROBUSTNESS_UTIL_H_
#define CHANCERY_TESTS_ROBUSTNESS_ROBUSTNESS_UTIL_H_

#include <cstdint>
#include <string>
#include <vector>

#include "tests/testing/command_runner.h"

namespace chancery::robustness {

// The documented bound (README "Robustness", notes/faults.md) on the peak
// resident set of one chancery-index run over any input, bombs included:
// about 175 MB of entity models and tables, plus a line or document at the
// 64 MiB limits (InputSource::kMaxLineBytes, kMaxDocumentBytes) being
// parsed, plus one body at kMaxBodyBytes (4 MiB) or an HTML page at
// kMaxHtmlBytes (8 MiB) being analysed. The worst measured: 410 MB for a
// 60 MB JSON line, 435 MB for a 7 MB HTML page.
inline constexpr long kIndexerPeakRssBoundKb = 512 * 1024;

// Writes `count` JSON Lines articles with ids "<stem>0", "<stem>1", ...:
// English wire copy with a title, date, source and a body of `body_words`
// words drawn from a fixed vocabulary (deterministic for a given stem).
void WriteArticles(const std::string& path, const std::string& stem, int count,
                   int body_words = 60);

// chancery-index with `args`, run to completion.
testing::CommandResult RunIndexer(const std::vector<std::string>& args,
                                  int timeout_ms = 120000);

struct IndexContents {
  uint64_t documents = 0;
  // FNV-1a over every (id, stored article) pair in id order: equal for two
  // indexes holding the same articles whatever their docids.
  uint64_t checksum = 0;
};
// Throws Xapian::Error when the index cannot be read.
IndexContents ReadIndexContents(const std::string& db);

// The text of the index's stored articles joined (for "was X stored").
std::string AllStoredData(const std::string& db);

}  // namespace chancery::robustness

#endif  // CHANCERY_TESTS_ROBUSTNESS_ROBUSTNESS_UTIL_H_
