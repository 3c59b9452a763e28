// The baseline chancery-index is measured against: a bare single-threaded
// Xapian indexer doing the minimum (TermGenerator with an English stemmer
// and positions, one boolean id term, the date in a value, the JSON line as
// document data, commit every 10,000 documents). No folding, no language
// detection, no entity extraction, no facets.
//   bare_indexer DB FILE.jsonl[.gz]
#include <xapian.h>
#include <zlib.h>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <nlohmann/json.hpp>
#include <string>

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: bare_indexer DB FILE.jsonl[.gz]\n");
    return 2;
  }
  gzFile in = gzopen(argv[2], "rb");
  if (!in) {
    std::fprintf(stderr, "bare_indexer: cannot read %s\n", argv[2]);
    return 1;
  }
  gzbuffer(in, 1 << 16);
  auto start = std::chrono::steady_clock::now();
  Xapian::WritableDatabase db(argv[1], Xapian::DB_CREATE_OR_OVERWRITE);
  Xapian::TermGenerator generator;
  generator.set_stemmer(Xapian::Stem("english"));
  std::string line;
  std::vector<char> buf(1 << 20);
  long count = 0;
  while (gzgets(in, buf.data(), static_cast<int>(buf.size()))) {
    line += buf.data();
    if (line.empty() || line.back() != '\n') continue;
    nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
    line.clear();
    if (!j.is_object()) continue;
    auto text = [&j](const char* key) {
      auto it = j.find(key);
      return it != j.end() && it->is_string() ? it->get<std::string>()
                                              : std::string();
    };
    Xapian::Document doc;
    generator.set_document(doc);
    generator.index_text(text("title"), 1, "S");
    generator.index_text(text("title"));
    generator.increase_termpos();
    generator.index_text(text("body"));
    std::string id = "Q" + text("id");
    doc.add_boolean_term(id);
    std::tm tm{};
    if (strptime(text("date").c_str(), "%Y-%m-%dT%H:%M:%S", &tm)) {
      doc.add_value(
          0, Xapian::sortable_serialise(static_cast<double>(timegm(&tm))));
    }
    doc.set_data(j.dump());
    db.replace_document(id, doc);
    if (++count % 10000 == 0) db.commit();
  }
  db.commit();
  gzclose(in);
  double secs =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  std::printf("bare_indexer: %ld articles in %.2f s (%.0f articles/s)\n", count,
              secs, count / secs);
  return 0;
}
