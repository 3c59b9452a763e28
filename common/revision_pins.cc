#include "common/revision_pins.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

namespace chancery {

int64_t UnixNowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

Status WriteRevisionPins(const std::string& db_dir, std::string_view owner,
                         const std::vector<RevisionPin>& pins) {
  const std::string path =
      db_dir + "/" + std::string(kPinFilePrefix) + std::string(owner);
  std::error_code ec;
  if (pins.empty()) {
    std::filesystem::remove(path, ec);
    return Status::Ok();
  }
  std::string text;
  for (const RevisionPin& pin : pins) {
    text += pin.uuid + ' ' + std::to_string(pin.revision) + ' ' +
            std::to_string(pin.expires_ms) + '\n';
  }
  // The temporary name does not start with the prefix, so a writer never
  // reads it half-written. No fsync: pins are worth nothing after a crash.
  const std::string temp =
      db_dir + "/.tmp-" + std::string(kPinFilePrefix) + std::string(owner);
  {
    std::ofstream out(temp, std::ios::trunc);
    out << text;
    out.close();
    if (!out) {
      return Status::IoError("cannot write " + temp + ": " +
                             std::strerror(errno));
    }
  }
  std::filesystem::rename(temp, path, ec);
  if (ec) {
    std::filesystem::remove(temp, ec);
    return Status::IoError("cannot write " + path + ": " + ec.message());
  }
  return Status::Ok();
}

std::vector<RevisionPin> ReadRevisionPins(const std::string& db_dir) {
  std::vector<RevisionPin> pins;
  std::error_code ec;
  for (auto it = std::filesystem::directory_iterator(db_dir, ec);
       !ec && it != std::filesystem::directory_iterator(); it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (!name.starts_with(kPinFilePrefix)) continue;
    std::ifstream in(it->path());
    std::string line;
    while (std::getline(in, line)) {
      std::istringstream fields(line);
      RevisionPin pin;
      if (fields >> pin.uuid >> pin.revision >> pin.expires_ms) {
        pins.push_back(std::move(pin));
      }
    }
  }
  return pins;
}

int64_t PinnedUntilMs(const std::vector<RevisionPin>& pins,
                      std::string_view uuid, uint64_t committed,
                      int64_t now_ms) {
  if (committed == 0) return 0;
  int64_t until = 0;
  for (const RevisionPin& pin : pins) {
    if (pin.uuid == uuid && pin.revision + 1 == committed &&
        pin.expires_ms > now_ms) {
      until = std::max(until, pin.expires_ms);
    }
  }
  return until;
}

std::chrono::milliseconds WaitForRevisionPins(
    const std::string& db_dir, std::string_view uuid, uint64_t committed,
    std::chrono::milliseconds max_wait, std::chrono::milliseconds poll) {
  const auto start = std::chrono::steady_clock::now();
  const auto deadline = start + max_wait;
  while (std::chrono::steady_clock::now() < deadline) {
    if (PinnedUntilMs(ReadRevisionPins(db_dir), uuid, committed, UnixNowMs()) ==
        0) {
      break;
    }
    std::this_thread::sleep_for(poll);
  }
  return std::chrono::duration_cast<std::chrono::milliseconds>(
      std::chrono::steady_clock::now() - start);
}

}  // namespace chancery
