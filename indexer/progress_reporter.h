// ProgressReporter: what the person at the terminal sees while indexing.
// On a TTY, a progress bar redrawn at most 5 times a second (articles,
// articles/s, MB/s, ETA when the input size is known); otherwise a plain log
// line every 10 seconds. Messages (rejections, warnings) go through it too,
// so they never tangle with the bar. Thread-safe.
#ifndef CHANCERY_INDEXER_PROGRESS_REPORTER_H_
#define CHANCERY_INDEXER_PROGRESS_REPORTER_H_

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <mutex>
#include <string>

namespace chancery {

// Busy seconds of each indexing phase, summed over the threads doing it:
// reading (the reader thread: parsing, boilerplate marking), analysis
// (language, entities, building documents), writing (Xapian, per shard)
// and the final compaction.
struct PhaseTimes {
  double read = 0;
  double analyse = 0;
  int analyse_threads = 1;
  double write = 0;
  int write_threads = 1;
  double compact = 0;
};

// "read 21,000/s, analyse 2,900/s (2 threads), write 3,400/s (2 shards)":
// the articles per second each phase would sustain alone with its threads
// (articles / (busy seconds / threads)); the slowest is the bottleneck.
// Compaction, when it ran, as its seconds.
std::string FormatPhases(uint64_t articles, const PhaseTimes& phases);

class ProgressReporter {
 public:
  // `out` is where progress and messages go (stderr in the program);
  // `total_bytes` 0 when unknown. Not owned.
  ProgressReporter(std::FILE* out, bool is_tty, uint64_t total_bytes);

  // Prints one line (e.g. "FILE:LINE: reason") above the bar.
  void Message(const std::string& line);
  // Updates counts; redraws when due.
  void Update(uint64_t articles, uint64_t bytes_read);
  // Shown after the counts from the next redraw on.
  void SetPhases(const PhaseTimes& phases);
  // Clears the bar (call before printing the final summary).
  void Finish();

  double ElapsedSeconds() const;

 private:
  void DrawLocked(uint64_t articles, uint64_t bytes_read);
  void ClearLocked();

  std::mutex mu_;
  std::FILE* out_;
  const bool is_tty_;
  const uint64_t total_bytes_;
  const std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_draw_;
  bool bar_shown_ = false;
  uint64_t last_articles_ = 0;
  uint64_t last_bytes_ = 0;
  bool has_phases_ = false;
  PhaseTimes phases_;
};

}  // namespace chancery

#endif  // CHANCERY_INDEXER_PROGRESS_REPORTER_H_
