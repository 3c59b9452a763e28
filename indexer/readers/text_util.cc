#include "indexer/readers/text_util.h"

#include <cstdio>

namespace chancery {
std::string Hex64(uint64_t value) {
  char buffer[17];
  std::snprintf(buffer, sizeof(buffer), "%016llx",
                static_cast<unsigned long long>(value));
  return buffer;
}

}  // namespace chancery
