#include "common/data_dirs.h"

#include <filesystem>
#include <system_error>

namespace chancery {

namespace fs = std::filesystem;

DataDirs FindDataDirs(const std::string& exe_path,
                      const std::string& source_dir) {
  std::error_code ec;
  const fs::path share =
      fs::path(exe_path).parent_path().parent_path() / "share" / "chancery";
  if (!exe_path.empty() && fs::is_directory(share, ec)) {
    return {share.string(), (share / "web").string(),
            (share / "models" / "ner").string()};
  }
  const fs::path source(source_dir);
  return {(source / "config").string(), (source / "web").string(),
          (source / "models" / "ner").string()};
}

DataDirs FindDataDirs() {
  std::error_code ec;
  // Empty when /proc is not mounted: then the source tree's.
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  return FindDataDirs(ec ? std::string() : exe.string(), CHANCERY_SOURCE_DIR);
}

}  // namespace chancery
