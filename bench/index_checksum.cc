// index_checksum DB [TEXT...]: prints "documents N checksum HEX" for a
// Chancery index, the FNV-1a of every (id, stored article) pair in id order
// (tests/robustness/robustness_util.h), so bench/faults.sh can tell an
// index completed after kills from an uninterrupted run's; then, for each
// TEXT, "TEXT: yes|no" (is it in some stored article). Exit 1 when the
// index cannot be read.
#include <xapian.h>

#include <cstdio>
#include <string>

#include "tests/robustness/robustness_util.h"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: index_checksum DB [TEXT...]\n");
    return 2;
  }
  try {
    const chancery::robustness::IndexContents c =
        chancery::robustness::ReadIndexContents(argv[1]);
    std::printf("documents %llu checksum %016llx\n",
                static_cast<unsigned long long>(c.documents),
                static_cast<unsigned long long>(c.checksum));
    if (argc > 2) {
      const std::string all = chancery::robustness::AllStoredData(argv[1]);
      for (int i = 2; i < argc; ++i) {
        std::printf("%s: %s\n", argv[i],
                    all.find(argv[i]) != std::string::npos ? "yes" : "no");
      }
    }
    return 0;
  } catch (const Xapian::Error& e) {
    std::fprintf(stderr, "index_checksum: %s: %s\n", argv[1],
                 e.get_description().c_str());
    return 1;
  }
}
