#include "indexer/index_compactor.h"

#include <xapian.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string_view>

#include "common/index_layout.h"
#include "common/schema.h"

namespace chancery {
namespace {

namespace fs = std::filesystem;

class MetadataMerger : public Xapian::Compactor {
 public:
  explicit MetadataMerger(const CompactionHook& hook) : hook_(hook) {}

  // Xapian reports each table as it starts and ends it.
  void set_status(const std::string& table,
                  const std::string& status) override {
    if (hook_ && status.empty()) hook_("table " + table);
  }

  std::string resolve_duplicate_metadata(const std::string& key,
                                         size_t num_tags,
                                         const std::string tags[]) override {
    if (key == schema::kLastUpdateKey) {
      const std::string* latest = &tags[0];
      for (size_t i = 1; i < num_tags; ++i) {
        if (std::atoll(tags[i].c_str()) > std::atoll(latest->c_str())) {
          latest = &tags[i];
        }
      }
      return *latest;
    }
    return tags[0];  // the metadata shard's
  }

 private:
  const CompactionHook& hook_;
};

// The part of the index each glass table file holds.
constexpr std::pair<std::string_view, std::string_view> kParts[] = {
    {"postlist.glass", "postings"},  {"position.glass", "positions"},
    {"termlist.glass", "termlists"}, {"docdata.glass", "document data"},
    {"spelling.glass", "spelling"},  {"synonym.glass", "synonyms"},
};

std::string PartOf(const std::string& file) {
  for (const auto& [name, part] : kParts) {
    if (file == name) return std::string(part);
  }
  return "other";
}

std::string Megabytes(uint64_t bytes) {
  char buf[32];
  std::snprintf(buf, sizeof buf, bytes < 10000000 ? "%.2f MB" : "%.1f MB",
                bytes / 1e6);
  return buf;
}

}  // namespace

StatusOr<std::string> CompactShards(const std::string& index_dir,
                                    const std::vector<std::string>& shard_paths,
                                    const CompactionHook& hook) {
  const fs::path dir(index_dir);
  // A number above every compact-<n> present, so that no reader still
  // holding an older one sees its name reused.
  int number = 1;
  std::error_code ec;
  for (const fs::directory_entry& entry : fs::directory_iterator(dir, ec)) {
    const std::optional<int> n =
        CompactDirNumber(entry.path().filename().string());
    if (n && *n >= number) number = *n + 1;
  }
  const std::string name = CompactDirName(number);
  const fs::path merged = dir / name;
  try {
    Xapian::Database shards;
    for (const std::string& path : shard_paths) {
      shards.add_database(Xapian::Database(path));
    }
    MetadataMerger merger(hook);
    shards.compact(merged.string(), Xapian::Compactor::FULL, 0, merger);
  } catch (const Xapian::Error& e) {
    fs::remove_all(merged, ec);
    return Status::IoError("compacting " + index_dir + ": " +
                           e.get_description());
  }
  if (hook) hook("switch");
  Status switched = WriteStub(index_dir, {name}, false);
  if (!switched.ok()) {
    fs::remove_all(merged, ec);
    return Status::IoError("compacting " + index_dir + ": " +
                           switched.message());
  }
  if (hook) hook("switched");
  return merged.string();
}

StatusOr<int> RemoveIndexLeftovers(const std::string& index_dir,
                                   const CompactionHook& hook) {
  if (!IsShardedIndex(index_dir)) return 0;
  CHANCERY_ASSIGN_OR_RETURN(std::vector<std::string> named,
                            ShardPaths(index_dir));
  std::set<fs::path> keep;
  for (const std::string& path : named) {
    keep.insert(fs::path(path).lexically_normal());
  }
  const fs::path dir(index_dir);
  std::vector<fs::path> leftovers;
  std::error_code ec;
  for (const fs::directory_entry& entry : fs::directory_iterator(dir, ec)) {
    const fs::path name = entry.path().filename();
    if (keep.count(entry.path().lexically_normal()) > 0) continue;
    if (IsLayoutDirName(name.string()) ||
        name.string() == std::string(kStubFileName) + ".tmp") {
      leftovers.push_back(entry.path());
    }
  }
  if (ec) {
    return Status::IoError("cannot list " + index_dir + ": " + ec.message());
  }
  std::sort(leftovers.begin(), leftovers.end());
  int removed = 0;
  for (const fs::path& path : leftovers) {
    if (hook) hook("remove " + path.filename().string());
    fs::path doomed = path;
    if (fs::is_directory(path, ec) && path.extension() != kRemovingSuffix) {
      doomed += kRemovingSuffix;
      fs::rename(path, doomed, ec);
    }
    if (!ec) fs::remove_all(doomed, ec);
    if (ec) {
      return Status::IoError("cannot remove " + path.string() + ": " +
                             ec.message());
    }
    ++removed;
  }
  return removed;
}

Status CompactIndex(const std::string& index_dir,
                    const std::vector<std::string>& shard_paths) {
  CHANCERY_RETURN_IF_ERROR(CompactShards(index_dir, shard_paths).status());
  return RemoveIndexLeftovers(index_dir).status();
}

StatusOr<IndexSize> MeasureIndex(const std::string& index_dir) {
  CHANCERY_ASSIGN_OR_RETURN(std::vector<std::string> paths,
                            ShardPaths(index_dir));
  std::map<std::string, uint64_t> by_part;
  IndexSize size;
  for (const std::string& path : paths) {
    std::error_code ec;
    for (const fs::directory_entry& entry : fs::directory_iterator(path, ec)) {
      if (!entry.is_regular_file(ec)) continue;
      const uint64_t bytes = entry.file_size(ec);
      by_part[PartOf(entry.path().filename().string())] += bytes;
      size.total += bytes;
    }
  }
  try {
    Xapian::Database db;
    for (const std::string& path : paths)
      db.add_database(Xapian::Database(path));
    for (Xapian::valueno slot :
         {schema::kSlotDate, schema::kSlotDay, schema::kSlotId}) {
      for (auto v = db.valuestream_begin(slot); v != db.valuestream_end(slot);
           ++v) {
        size.value_bytes += (*v).size();
      }
    }
  } catch (const Xapian::Error& e) {
    return Status::IoError("reading " + index_dir + ": " + e.get_description());
  }
  size.parts.assign(by_part.begin(), by_part.end());
  std::sort(size.parts.begin(), size.parts.end(),
            [](const auto& a, const auto& b) { return a.second > b.second; });
  return size;
}

std::string FormatIndexSize(const IndexSize& size) {
  std::string out = "index " + Megabytes(size.total) + ":";
  const char* sep = " ";
  for (const auto& [part, bytes] : size.parts) {
    char pct[16];
    std::snprintf(pct, sizeof pct, "%.0f%%",
                  size.total ? 100.0 * bytes / size.total : 0.0);
    out += sep + part + " " + Megabytes(bytes) + " (" + pct + ")";
    sep = ", ";
    if (part == "postings") {
      out += " with values " + Megabytes(size.value_bytes);
    }
  }
  return out;
}

}  // namespace chancery
