// Where the programs' read-only data is: the gazetteers, boilerplate list
// and models (the "config dir") and the web UI's files.
//
// An installed binary, <prefix>/bin/chancery-*, uses <prefix>/share/chancery
// (config dir), <prefix>/share/chancery/web and
// <prefix>/share/chancery/models/ner. A binary in a build tree,
// which has no ../share/chancery beside it, uses the source tree it was built
// from: config/, web/ and models/ner/. The --config-dir and --web-root settings
// override either.
//
// Thread-safe; reads the file system (/proc/self/exe, one stat) per call.
#ifndef CHANCERY_COMMON_DATA_DIRS_H_
#define CHANCERY_COMMON_DATA_DIRS_H_

#include <string>

namespace chancery {

struct DataDirs {
  std::string config_dir;  // entities/, boilerplate.tsv
  std::string web_root;    // index.html and the UI's scripts and styles
  // The named-entity models: <prefix>/share/chancery/models/ner, or the
  // source tree's models/ner.
  std::string ner_models_dir;
};

// The data of the running program (see above).
DataDirs FindDataDirs();

// The same rule for a binary at `exe_path` built from `source_dir`.
DataDirs FindDataDirs(const std::string& exe_path,
                      const std::string& source_dir);

}  // namespace chancery

#endif  // CHANCERY_COMMON_DATA_DIRS_H_
