#include "indexer/progress_reporter.h"

#include <string>

namespace chancery {
namespace {

using Clock = std::chrono::steady_clock;

constexpr auto kTtyInterval = std::chrono::milliseconds(200);
constexpr auto kLogInterval = std::chrono::seconds(10);
constexpr int kBarWidth = 24;

std::string FormatDuration(double seconds) {
  long s = static_cast<long>(seconds + 0.5);
  char buf[32];
  if (s >= 3600) {
    std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", s / 3600, s / 60 % 60,
                  s % 60);
  } else {
    std::snprintf(buf, sizeof buf, "%ld:%02ld", s / 60, s % 60);
  }
  return buf;
}

// "12,345": rates are read at a glance.
std::string Grouped(double value) {
  std::string digits = std::to_string(static_cast<long long>(value + 0.5));
  for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3) {
    digits.insert(static_cast<size_t>(i), ",");
  }
  return digits;
}

std::string PhaseRate(const char* name, uint64_t articles, double seconds,
                      int threads, const char* unit) {
  std::string out = name;
  out += ' ';
  out += seconds > 0 ? Grouped(articles / (seconds / threads)) + "/s"
                     : std::string("-");
  if (threads > 1) {
    out += " (" + std::to_string(threads) + " " + unit + ")";
  }
  return out;
}

}  // namespace

std::string FormatPhases(uint64_t articles, const PhaseTimes& p) {
  std::string out =
      PhaseRate("read", articles, p.read, 1, "") + ", " +
      PhaseRate("analyse", articles, p.analyse, p.analyse_threads, "threads") +
      ", " + PhaseRate("write", articles, p.write, p.write_threads, "shards");
  if (p.compact > 0) {
    char buf[48];
    std::snprintf(buf, sizeof buf, ", compact %.1f s", p.compact);
    out += buf;
  }
  return out;
}

ProgressReporter::ProgressReporter(std::FILE* out, bool is_tty,
                                   uint64_t total_bytes)
    : out_(out),
      is_tty_(is_tty),
      total_bytes_(total_bytes),
      start_(Clock::now()),
      last_draw_(start_) {}

double ProgressReporter::ElapsedSeconds() const {
  return std::chrono::duration<double>(Clock::now() - start_).count();
}

void ProgressReporter::ClearLocked() {
  if (bar_shown_) std::fputs("\r\033[K", out_);
  bar_shown_ = false;
}

void ProgressReporter::Message(const std::string& line) {
  std::lock_guard<std::mutex> lock(mu_);
  ClearLocked();
  std::fprintf(out_, "%s\n", line.c_str());
  if (is_tty_) DrawLocked(last_articles_, last_bytes_);
}

void ProgressReporter::Update(uint64_t articles, uint64_t bytes_read) {
  std::lock_guard<std::mutex> lock(mu_);
  last_articles_ = articles;
  last_bytes_ = bytes_read;
  auto now = Clock::now();
  if (now - last_draw_ < (is_tty_ ? kTtyInterval : kLogInterval)) return;
  last_draw_ = now;
  DrawLocked(articles, bytes_read);
}

void ProgressReporter::SetPhases(const PhaseTimes& phases) {
  std::lock_guard<std::mutex> lock(mu_);
  phases_ = phases;
  has_phases_ = true;
}

void ProgressReporter::DrawLocked(uint64_t articles, uint64_t bytes_read) {
  double elapsed = std::max(ElapsedSeconds(), 1e-3);
  double rate = articles / elapsed;
  double mbps = bytes_read / elapsed / 1e6;
  std::string line;
  char buf[160];
  if (total_bytes_ > 0) {
    double frac = std::min(1.0, static_cast<double>(bytes_read) / total_bytes_);
    int filled = static_cast<int>(frac * kBarWidth);
    // Appended piecewise: GCC 12 -O3 warns (-Wrestrict) on the
    // operator+ chain.
    line.append(1, '[').append(filled, '=').append(kBarWidth - filled, ' ');
    line.append("] ");
    std::string eta = frac > 0 ? FormatDuration(elapsed * (1 - frac) / frac)
                               : std::string("--:--");
    std::snprintf(buf, sizeof buf,
                  "%3.0f%% %llu articles, %.0f/s, %.1f MB/s, ETA %s",
                  frac * 100, static_cast<unsigned long long>(articles), rate,
                  mbps, eta.c_str());
  } else {
    std::snprintf(buf, sizeof buf,
                  "%llu articles, %.0f/s, %.1f MB/s, %s elapsed",
                  static_cast<unsigned long long>(articles), rate, mbps,
                  FormatDuration(elapsed).c_str());
  }
  line += buf;
  if (has_phases_) line += "; " + FormatPhases(articles, phases_);
  if (is_tty_) {
    std::fprintf(out_, "\r\033[K%s", line.c_str());
    bar_shown_ = true;
  } else {
    std::fprintf(out_, "chancery-index: %s\n", line.c_str());
  }
  std::fflush(out_);
}

void ProgressReporter::Finish() {
  std::lock_guard<std::mutex> lock(mu_);
  ClearLocked();
  std::fflush(out_);
}

}  // namespace chancery
