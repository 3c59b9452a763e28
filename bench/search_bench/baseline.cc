#include "bench/search_bench/baseline.h"

#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <nlohmann/json.hpp>

#include "common/schema.h"
#include "common/stored_article.h"
#include "common/text_analyzer.h"
#include "common/xapian_text.h"

namespace chancery::bench {
namespace {

// Counts the facet terms (one prefix) of every match by reading each
// matching document's term list: what a bare Xapian program does without
// the server's in-memory columns.
class TermCountMatchSpy : public Xapian::MatchSpy {
 public:
  explicit TermCountMatchSpy(std::string_view prefix) : prefix_(prefix) {}

  void operator()(const Xapian::Document& doc, double) override {
    Xapian::TermIterator t = doc.termlist_begin();
    for (t.skip_to(prefix_); t != doc.termlist_end(); ++t) {
      const std::string term = *t;
      if (term.compare(0, prefix_.size(), prefix_) != 0) break;
      ++counts_[term.substr(prefix_.size())];
    }
  }

  // The `n` values with the highest counts.
  std::vector<std::string> Top(size_t n) const {
    std::vector<std::pair<std::string, uint64_t>> all(counts_.begin(),
                                                      counts_.end());
    n = std::min(n, all.size());
    std::partial_sort(
        all.begin(), all.begin() + n, all.end(),
        [](const auto& a, const auto& b) { return a.second > b.second; });
    std::vector<std::string> top;
    for (size_t i = 0; i < n; ++i) top.push_back(all[i].first);
    return top;
  }

 private:
  const std::string prefix_;
  std::map<std::string, uint64_t> counts_;
};

}  // namespace

std::vector<double> RunBaseline(const std::string& db_path,
                                const std::vector<BenchQuery>& queries) {
  Xapian::Database db(db_path);
  std::vector<double> ms;
  Xapian::Stem stem("english");
  for (const BenchQuery& bq : queries) {
    auto start = std::chrono::steady_clock::now();
    Xapian::QueryParser qp;
    qp.set_database(db);
    qp.set_default_op(Xapian::Query::OP_AND);
    SetQueryLanguage("en", qp);
    Xapian::Query query = qp.parse_query(FoldQuery(bq.q), QueryParserFlags());
    if (!bq.country.empty()) {
      query = Xapian::Query(
          Xapian::Query::OP_FILTER, query,
          Xapian::Query(std::string(schema::kCountry) + bq.country));
    }
    if (!bq.month.empty()) {
      std::string m = bq.month.substr(0, 4) + bq.month.substr(5, 2);
      query = Xapian::Query(Xapian::Query::OP_FILTER, query,
                            Xapian::Query(std::string(schema::kMonth) + m));
    }
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    TermCountMatchSpy countries(schema::kCountry);
    TermCountMatchSpy people(schema::kPerson);
    enquire.add_matchspy(&countries);
    enquire.add_matchspy(&people);
    Xapian::MSet mset = enquire.get_mset(0, 10, db.get_doccount());
    size_t sink = 0;
    for (auto m = mset.begin(); m != mset.end(); ++m) {
      StatusOr<StoredArticle> stored =
          DecodeStoredListing(m.get_document().get_data(), /*with_body=*/true);
      std::string body = stored.ok() ? stored->article.body : "";
      sink += mset.snippet(body, 200, stem).size();
    }
    for (const TermCountMatchSpy* spy : {&countries, &people}) {
      for (const std::string& value : spy->Top(10)) sink += value.size();
    }
    ms.push_back(std::chrono::duration<double, std::milli>(
                     std::chrono::steady_clock::now() - start)
                     .count() +
                 static_cast<double>(sink % 1));
  }
  return ms;
}

}  // namespace chancery::bench
