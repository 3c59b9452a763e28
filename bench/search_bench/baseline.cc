#include "bench/search_bench/baseline.h"

#include <xapian.h>

#include <chrono>
#include <nlohmann/json.hpp>

#include "common/schema.h"
#include "common/text_analyzer.h"
#include "common/xapian_text.h"

namespace chancery::bench {

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
      query = Xapian::Query(Xapian::Query::OP_FILTER, query,
                            Xapian::Query(std::string(schema::kCountry) + bq.country));
    }
    if (!bq.month.empty()) {
      std::string m = bq.month.substr(0, 4) + bq.month.substr(5, 2);
      query = Xapian::Query(Xapian::Query::OP_FILTER, query,
                            Xapian::Query(std::string(schema::kMonth) + m));
    }
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    Xapian::ValueCountMatchSpy countries(schema::kSlotCountries);
    Xapian::ValueCountMatchSpy people(schema::kSlotPeople);
    enquire.add_matchspy(&countries);
    enquire.add_matchspy(&people);
    Xapian::MSet mset = enquire.get_mset(0, 10, db.get_doccount());
    size_t sink = 0;
    for (auto m = mset.begin(); m != mset.end(); ++m) {
      auto j = nlohmann::json::parse(m.get_document().get_data(), nullptr, false);
      std::string body = j.is_object() ? j.value("body", "") : "";
      sink += mset.snippet(body, 200, stem).size();
    }
    for (auto v = countries.top_values_begin(10); v != countries.top_values_end(10); ++v) {
      sink += (*v).size();
    }
    for (auto v = people.top_values_begin(10); v != people.top_values_end(10); ++v) {
      sink += (*v).size();
    }
    ms.push_back(std::chrono::duration<double, std::milli>(
                     std::chrono::steady_clock::now() - start).count() +
                 static_cast<double>(sink % 1) );
  }
  return ms;
}

}  // namespace chancery::bench
