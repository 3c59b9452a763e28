// Reading the plain-text data files of config/ (gazetteers, lexicons): one
// record a line, '#' starts a comment line, blank lines are skipped, fields are
// separated by tabs.
#ifndef CHANCERY_COMMON_DATA_FILE_H_
#define CHANCERY_COMMON_DATA_FILE_H_

#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace chancery {

// Reads the records of `path` into `records`, each split on tabs (empty
// trailing fields kept). IoError names the path when it cannot be read.
Status ReadDataFile(const std::string& path,
                    std::vector<std::vector<std::string>>* records);

// Splits on `sep`, dropping empty pieces.
std::vector<std::string> SplitNonEmpty(std::string_view text, char sep);

// True when a regular file exists at `path`.
bool FileExists(const std::string& path);

}  // namespace chancery

#endif  // CHANCERY_COMMON_DATA_FILE_H_
