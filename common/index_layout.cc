#include "common/index_layout.h"

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "common/base/hash.h"

namespace chancery {

std::string ShardDirName(int i) { return "shard-" + std::to_string(i); }

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

Status WriteShardStub(const std::string& index_dir, int shards) {
  const std::filesystem::path stub =
      std::filesystem::path(index_dir) / kStubFileName;
  const std::filesystem::path tmp = stub.string() + ".tmp";
  {
    std::ofstream out(tmp, std::ios::trunc);
    for (int i = 0; i < shards; ++i) out << "auto " << ShardDirName(i) << "\n";
    out.close();
    if (!out) return Status::IoError("cannot write " + tmp.string());
  }
  std::error_code ec;
  std::filesystem::rename(tmp, stub, ec);
  if (ec) {
    return Status::IoError("cannot write " + stub.string() + ": " +
                           ec.message());
  }
  return Status::Ok();
}

}  // namespace chancery
