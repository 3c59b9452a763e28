#include "tests/robustness/robustness_util.h"

#include <xapian.h>

#include <fstream>

#include "common/base/hash.h"
#include "common/schema.h"

namespace chancery::robustness {

void WriteArticles(const std::string& path, const std::string& stem, int count,
                   int body_words) {
  static constexpr const char* kWords[] = {
      "minister", "talks",  "geneva",   "oil",    "price",   "bank",
      "market",   "trade",  "election", "vote",   "court",   "police",
      "border",   "treaty", "summit",   "growth", "economy", "inflation",
      "harbour",  "strike", "grain",    "export", "tariff",  "budget"};
  static constexpr const char* kPlaces[] = {"Paris", "Berlin", "Moscow",
                                            "Tokyo", "Cairo",  "Lima"};
  constexpr size_t kWordCount = sizeof(kWords) / sizeof(kWords[0]);
  std::ofstream out(path);
  uint64_t state = Fnv1a64(stem);
  for (int i = 0; i < count; ++i) {
    out << R"({"id":")" << stem << i << R"(","title":"Dispatch )" << i
        << " from " << kPlaces[i % 6] << R"(","date":"2024-0)" << 1 + i % 9
        << "-1" << i % 10 << R"(T10:00:00Z","source":"wire","lang":"en",)"
        << R"("body":")";
    for (int w = 0; w < body_words; ++w) {
      state = state * 6364136223846793005ULL + 1442695040888963407ULL;
      out << kWords[(state >> 33) % kWordCount] << ' ';
    }
    out << "item " << i << " in " << kPlaces[(i / 6) % 6] << ".\"}\n";
  }
}

testing::CommandResult RunIndexer(const std::vector<std::string>& args,
                                  int timeout_ms) {
  std::vector<std::string> argv = {testing::BinaryPath("chancery-index")};
  argv.insert(argv.end(), args.begin(), args.end());
  testing::BackgroundCommand command(argv);
  return command.Wait(timeout_ms);
}

IndexContents ReadIndexContents(const std::string& db_path) {
  Xapian::Database db(db_path);
  IndexContents contents;
  contents.documents = db.get_doccount();
  const std::string prefix(schema::kId);
  // allterms_begin(prefix) walks the id terms in byte order.
  for (auto term = db.allterms_begin(prefix); term != db.allterms_end(prefix);
       ++term) {
    for (auto post = db.postlist_begin(*term); post != db.postlist_end(*term);
         ++post) {
      contents.checksum = Fnv1a64(*term, contents.checksum);
      contents.checksum =
          Fnv1a64(db.get_document(*post).get_data(), contents.checksum);
    }
  }
  return contents;
}

std::string AllStoredData(const std::string& db_path) {
  Xapian::Database db(db_path);
  std::string all;
  for (auto post = db.postlist_begin(""); post != db.postlist_end(""); ++post) {
    all += db.get_document(*post).get_data();
    all += '\n';
  }
  return all;
}

}  // namespace chancery::robustness
