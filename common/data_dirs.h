// Where the programs' read-only data is: the gazetteers, boilerplate list
// and models (the "config dir") and the web UI's files.
//
// An installed binary, <prefix>/bin/chancery-*, uses <prefix>/share/chancery
// (config dir) and <prefix>/share/chancery/web. A binary in a build tree,
// which has no ../share/chancery beside it, uses the source tree it was built
// from: config/ and web/. The --config-dir and --web-root settings override
// either.
//
// Thread-safe; reads the file system (/proc/self/exe, one stat) per call.
#ifndef CHANCERY_COMMON_DATA_DIRS_H_
#define CHANCERY_COMMON_DATA_DIRS_H_

#include <string>

namespace chancery {

struct DataDirs {
  std::string config_dir;  // entities/, boilerplate.tsv, models/
  std::string web_root;    // index.html and the UI's scripts and styles
};

// The data of the running program (see above).
DataDirs FindDataDirs();

// The same rule for a binary at `exe_path` built from `source_dir`.
DataDirs FindDataDirs(const std::string& exe_path,
                      const std::string& source_dir);

}  // namespace chancery

#endif  // CHANCERY_COMMON_DATA_DIRS_H_
