#include "common/index_layout.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "common/base/hash.h"

namespace chancery {
namespace {

// The stub's comment line of a bulk run not compacted yet.
constexpr std::string_view kCompactionPendingLine =
    "# chancery: compaction pending";

// Writes `text` to `path` and syncs it; IoError naming the path.
Status WriteSynced(const std::string& path, const std::string& text) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (fd < 0) {
    return Status::IoError("cannot write " + path + ": " +
                           std::strerror(errno));
  }
  size_t done = 0;
  while (done < text.size()) {
    const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    done += static_cast<size_t>(n);
  }
  const bool ok = done == text.size() && ::fsync(fd) == 0;
  const int saved = errno;
  ::close(fd);
  if (!ok) {
    return Status::IoError("cannot write " + path + ": " +
                           std::strerror(saved));
  }
  return Status::Ok();
}

// Makes a rename inside `dir` durable (best effort: a reader sees the
// rename at once either way).
void SyncDirectory(const std::string& dir) {
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

}  // namespace

std::string ShardDirName(int i) { return "shard-" + std::to_string(i); }

std::string CompactDirName(int n) { return "compact-" + std::to_string(n); }

namespace {

// The number after `prefix` in `name`, if name is prefix + digits.
std::optional<int> NumberAfter(std::string_view name, std::string_view prefix) {
  if (name.size() <= prefix.size() || name.substr(0, prefix.size()) != prefix ||
      name.size() - prefix.size() > 9) {
    return std::nullopt;
  }
  int n = 0;
  for (const char c : name.substr(prefix.size())) {
    if (c < '0' || c > '9') return std::nullopt;
    n = n * 10 + (c - '0');
  }
  return n;
}

}  // namespace

std::optional<int> CompactDirNumber(std::string_view name) {
  return NumberAfter(name, "compact-");
}

bool IsLayoutDirName(std::string_view name) {
  if (name.size() > kRemovingSuffix.size() &&
      name.substr(name.size() - kRemovingSuffix.size()) == kRemovingSuffix) {
    name.remove_suffix(kRemovingSuffix.size());
  }
  return CompactDirNumber(name).has_value() ||
         NumberAfter(name, "shard-").has_value();
}

uint32_t ShardOfId(std::string_view id, uint32_t shards) {
  uint64_t h = Fnv1a64(id);
  // FNV's low bits alone spread short ids that differ in one digit
  // unevenly; fold the high bits in.
  h ^= h >> 32;
  return shards <= 1 ? 0 : static_cast<uint32_t>(h % shards);
}

bool IsShardedIndex(const std::string& index_dir) {
  std::error_code ec;
  return std::filesystem::is_regular_file(
      std::filesystem::path(index_dir) / kStubFileName, ec);
}

StatusOr<std::vector<std::string>> ShardPaths(const std::string& index_dir) {
  if (!IsShardedIndex(index_dir)) return std::vector<std::string>{index_dir};
  const std::filesystem::path stub =
      std::filesystem::path(index_dir) / kStubFileName;
  std::ifstream in(stub);
  if (!in) return Status::IoError("cannot read " + stub.string());
  std::vector<std::string> paths;
  std::string line;
  for (int line_no = 1; std::getline(in, line); ++line_no) {
    if (line.empty() || line[0] == '#') continue;
    // "<backend> <path>", as Xapian reads it.
    const size_t space = line.find(' ');
    if (space == std::string::npos || space + 1 == line.size()) {
      return Status::Corruption(stub.string() + ":" + std::to_string(line_no) +
                                ": expected \"auto PATH\", got \"" + line +
                                "\"");
    }
    std::filesystem::path path = line.substr(space + 1);
    if (path.is_relative()) path = std::filesystem::path(index_dir) / path;
    paths.push_back(path.string());
  }
  if (paths.empty()) {
    return Status::Corruption(stub.string() + ": lists no shard");
  }
  return paths;
}

Status WriteStub(const std::string& index_dir,
                 const std::vector<std::string>& databases,
                 bool compaction_pending) {
  const std::filesystem::path stub =
      std::filesystem::path(index_dir) / kStubFileName;
  const std::string tmp = stub.string() + ".tmp";
  std::string text;
  if (compaction_pending) text.append(kCompactionPendingLine).append("\n");
  for (const std::string& db : databases) text += "auto " + db + "\n";
  CHANCERY_RETURN_IF_ERROR(WriteSynced(tmp, text));
  std::error_code ec;
  std::filesystem::rename(tmp, stub, ec);
  if (ec) {
    return Status::IoError("cannot write " + stub.string() + ": " +
                           ec.message());
  }
  SyncDirectory(index_dir);
  return Status::Ok();
}

Status WriteShardStub(const std::string& index_dir, int shards,
                      bool compaction_pending) {
  std::vector<std::string> names;
  for (int i = 0; i < shards; ++i) names.push_back(ShardDirName(i));
  return WriteStub(index_dir, names, compaction_pending);
}

bool CompactionPending(const std::string& index_dir) {
  std::ifstream in(std::filesystem::path(index_dir) / kStubFileName);
  std::string line;
  while (std::getline(in, line)) {
    if (line == kCompactionPendingLine) return true;
  }
  return false;
}

}  // namespace chancery
