// A sharded index, kept or compacted into one, answers as a single index
// built from the same input: the real chancery-index builds each layout
// (--shards 1 --compact=false, --shards 3 --no-compact, --shards 3
// --compact), then the same upserts and deletes go into each,
// and the search core (searcher.h) must give the same totals, facet counts
// and labels, the same ranked ids with the same scores on every page and
// sort order, the same "more like this" and facet autocomplete.
//
// The compacted index answers byte for byte alike, scores to the last bit.
// Kept shards are searched as several Xapian databases, where Xapian 1.4
// sums a document's term weights in an order of each shard's own (so scores
// may differ in the last bits: compared to 12 digits) and expands a
// wildcard and weighs it as a synonym shard by shard (so wildcard queries
// rank differently: only their totals and facets are compared); "more like
// this" picks its terms from per-shard statistics there, so it is compared
// on the compacted index only.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "common/facets.h"
#include "common/index_layout.h"
#include "searchd/search/searcher.h"
#include "tests/testing/command_runner.h"

namespace chancery {
namespace {

using testing::BinaryPath;
using testing::CommandResult;
using testing::MakeTempDir;
using testing::RunCommand;

constexpr const char* kWords[] = {
    "trade",   "talks",    "minister", "bank",     "growth", "inflation",
    "oil",     "prices",   "market",   "shares",   "profit", "exports",
    "grain",   "harvest",  "currency", "interest", "rates",  "budget",
    "deficit", "election", "summit",   "treaty",   "tariff", "steel"};
constexpr const char* kCountries[] = {"France", "Germany", "China",
                                      "Japan",  "Brazil",  "Canada"};
constexpr const char* kSources[] = {"Chancery Wire", "Harbour News",
                                    "Valley Times"};
constexpr const char* kDates[] = {"2024-01-05T10:00:00Z",
                                  "2024-01-05T10:00:00Z",
                                  "2024-02-11T08:30:00Z",
                                  "2024-03-01T12:00:00Z",
                                  "2023-11-20T09:15:00Z",
                                  "2023-12-31T23:59:00Z",
                                  ""};

// A small deterministic generator, so the corpus is the same every run.
class Lcg {
 public:
  explicit Lcg(uint64_t seed) : state_(seed) {}
  uint32_t Next(uint32_t bound) {
    state_ = state_ * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<uint32_t>((state_ >> 33) % bound);
  }

 private:
  uint64_t state_;
};

std::string Article(const std::string& id, Lcg& rng, int version) {
  std::string body;
  const int sentences = 2 + rng.Next(4);
  for (int s = 0; s < sentences; ++s) {
    if (rng.Next(3) == 0) {
      body += std::string(kCountries[rng.Next(6)]) + " said ";
    }
    const int words = 4 + rng.Next(8);
    for (int w = 0; w < words; ++w) {
      body += std::string(kWords[rng.Next(24)]) + (w + 1 < words ? " " : ".\n");
    }
  }
  const char* source = kSources[rng.Next(3)];
  // Each source's sign-off: furniture the boilerplate filter learns.
  body += std::string("Reporting by the ") + source + " desk; all rights kept.";
  nlohmann::json j = {
      {"id", id},
      {"title", std::string(kWords[rng.Next(24)]) + " " + kWords[rng.Next(24)] +
                    (version > 0 ? " update" : "")},
      {"body", body},
      {"lang", "en"},
      {"source", source}};
  if (const char* date = kDates[rng.Next(7)]; *date) j["date"] = date;
  return j.dump() + "\n";
}

// Articles with equal text (so equal scores) and repeated ids.
void WriteBulkInput(const std::string& path) {
  std::ofstream out(path);
  Lcg rng(13);
  for (int i = 0; i < 300; ++i) {
    out << Article("g" + std::to_string(i), rng, 0);
    if (i % 25 == 0) {  // the same text under two ids: a score tie
      Lcg twin(1000 + i);
      out << Article("twin" + std::to_string(i) + "a", twin, 0);
      Lcg twin2(1000 + i);
      out << Article("twin" + std::to_string(i) + "b", twin2, 0);
    }
  }
  for (int i = 0; i < 300; i += 30) {  // later versions win
    out << Article("g" + std::to_string(i), rng, 1);
  }
}

// Upserts of existing ids (changed and unchanged) and new ids.
void WriteUpdateInput(const std::string& path, const std::string& bulk) {
  std::ofstream out(path);
  Lcg rng(77);
  for (int i = 5; i < 300; i += 7)
    out << Article("g" + std::to_string(i), rng, 2);
  for (int i = 0; i < 40; ++i) out << Article("n" + std::to_string(i), rng, 0);
  std::ifstream in(bulk);  // unchanged: the same lines again
  std::string line;
  for (int i = 0; i < 20 && std::getline(in, line); ++i) out << line << "\n";
}

enum class Match { kExact, kKeptShards };

struct Layout {
  std::string name;
  std::vector<std::string> flags;
  Match match;  // how alike its answers are to the single index's
};

const std::vector<Layout>& Layouts() {
  static const auto* layouts = new std::vector<Layout>{
      {"single", {"--shards", "1", "--compact=false"}, Match::kExact},
      {"sharded", {"--shards", "3", "--no-compact"}, Match::kKeptShards},
      {"compacted", {"--shards", "3", "--compact"}, Match::kExact},
  };
  return *layouts;
}

void Index(const std::string& db, const std::vector<std::string>& flags,
           const std::vector<std::string>& rest) {
  std::vector<std::string> argv = {BinaryPath("chancery-index"), "--db", db,
                                   "--entities", "rules"};
  argv.insert(argv.end(), flags.begin(), flags.end());
  argv.insert(argv.end(), rest.begin(), rest.end());
  CommandResult r = RunCommand(argv);
  ASSERT_EQ(r.exit_status, 0) << db << ": " << r.err;
}

std::unique_ptr<Searcher> Open(const std::string& db) {
  SearcherOptions options;
  options.db_paths = {db};
  options.counting_threads = 0;
  auto searcher = Searcher::Open(options);
  EXPECT_TRUE(searcher.ok()) << searcher.status().ToString();
  return searcher.ok() ? std::move(*searcher) : nullptr;
}

// Everything a response says that must not depend on the layout.
std::string Describe(const StatusOr<SearchResponse>& r,
                     Match match = Match::kExact, bool hits = true) {
  if (!r.ok()) return "error: " + r.status().ToString();
  std::string out =
      "total " + std::to_string(r->total) + (r->total_exact ? "" : "~") + "\n";
  for (const Hit& h : r->hits) {
    if (!hits) break;
    char score[64];
    std::snprintf(score, sizeof score,
                  match == Match::kExact ? "%.17g" : "%.12g", h.score);
    out += "  " + h.id + " " + score + " " + h.date + " " + h.snippet + "\n";
  }
  for (const FacetResult& f : r->facets) {
    out += " facet " + f.name + (f.exact ? "" : "~") + " " + f.interval + ":";
    for (const FacetValue& v : f.values) {
      out += " " + v.value + "=" + v.label + "/" + std::to_string(v.count) +
             (v.selected ? "*" : "");
    }
    out += "\n";
  }
  return out + "suggest " + r->suggestion + "\n";
}

std::vector<SearchRequest> Requests(const std::vector<std::string>& queries) {
  std::vector<SearchRequest> requests;
  for (const std::string& q : queries) {
    for (const char* sort : {"relevance", "date", "date_asc"}) {
      for (int page : {1, 2, 4}) {
        SearchRequest r;
        r.q = q;
        r.sort = sort;
        r.page = page;
        r.size = 7;  // pages end inside runs of ties
        r.facets.assign(schema::kFacetNames.begin(), schema::kFacetNames.end());
        r.facet_size = 50;
        requests.push_back(r);
      }
    }
  }
  SearchRequest filtered;
  filtered.q = "trade";
  filtered.filters["country"].values = {"FR"};
  filtered.facets.assign(schema::kFacetNames.begin(),
                         schema::kFacetNames.end());
  requests.push_back(filtered);
  return requests;
}

// Compares every layout's answers with the single index's.
void ExpectSameAnswers(const std::vector<std::string>& dbs,
                       const std::vector<std::string>& queries,
                       const std::vector<std::string>& ids) {
  std::vector<std::unique_ptr<Searcher>> searchers;
  for (const std::string& db : dbs) {
    searchers.push_back(Open(db));
    ASSERT_NE(searchers.back(), nullptr);
  }
  int nonempty = 0;
  for (const SearchRequest& request : Requests(queries)) {
    nonempty += Describe(searchers[0]->Search(request)).find("\n  ") !=
                std::string::npos;
    for (size_t i = 1; i < searchers.size(); ++i) {
      const Match match = Layouts()[i].match;
      const bool hits =
          match == Match::kExact || request.q.find('*') == std::string::npos;
      EXPECT_EQ(Describe(searchers[i]->Search(request), match, hits),
                Describe(searchers[0]->Search(request), match, hits))
          << Layouts()[i].name << " q=" << request.q << " sort=" << request.sort
          << " page=" << request.page;
    }
  }
  EXPECT_GT(nonempty, 20) << "the queries should find something";
  for (const std::string& id : ids) {
    SimilarRequest similar{id, 10};
    for (size_t i = 1; i < searchers.size(); ++i) {
      if (Layouts()[i].match != Match::kExact) continue;
      EXPECT_EQ(Describe(searchers[i]->Similar(similar)),
                Describe(searchers[0]->Similar(similar)))
          << Layouts()[i].name << " similar to " << id;
    }
  }
  for (const char* name : {"country", "source"}) {
    FacetValuesRequest values{name, "", "", 50};
    auto expected = searchers[0]->FacetValues(values);
    ASSERT_TRUE(expected.ok());
    for (size_t i = 1; i < searchers.size(); ++i) {
      auto got = searchers[i]->FacetValues(values);
      ASSERT_TRUE(got.ok());
      ASSERT_EQ(got->values.size(), expected->values.size());
      for (size_t v = 0; v < got->values.size(); ++v) {
        EXPECT_EQ(got->values[v].value, expected->values[v].value);
        EXPECT_EQ(got->values[v].label, expected->values[v].label);
        EXPECT_EQ(got->values[v].count, expected->values[v].count);
      }
    }
  }
  auto stats0 = searchers[0]->Stats();
  ASSERT_TRUE(stats0.ok());
  for (size_t i = 1; i < searchers.size(); ++i) {
    auto stats = searchers[i]->Stats();
    ASSERT_TRUE(stats.ok());
    EXPECT_EQ(stats->articles, stats0->articles) << Layouts()[i].name;
    EXPECT_EQ(stats->distinct_values, stats0->distinct_values);
  }
}

const std::vector<std::string> kQueries = {"",
                                           "trade",
                                           "trade talks",
                                           "\"oil prices\"",
                                           "bank OR budget",
                                           "growth -inflation",
                                           "tar*",
                                           "france",
                                           "summit treaty steel"};

TEST(ShardEquivalence, LayoutsAnswerAlikeAfterBulkAndIncrementalRuns) {
  const std::string dir = MakeTempDir("shards");
  const std::string bulk = dir + "/bulk.jsonl";
  const std::string update = dir + "/update.jsonl";
  WriteBulkInput(bulk);
  WriteUpdateInput(update, bulk);
  std::vector<std::string> dbs;
  for (const Layout& layout : Layouts()) {
    dbs.push_back(dir + "/" + layout.name);
    Index(dbs.back(), layout.flags, {bulk});
  }
  EXPECT_FALSE(IsShardedIndex(dbs[0]));
  EXPECT_TRUE(IsShardedIndex(dbs[1]));
  // Compacted: a stub naming the one database the shards became.
  EXPECT_EQ(ShardPaths(dbs[2]).value(),
            std::vector<std::string>{dbs[2] + "/compact-1"});
  const std::vector<std::string> ids = {"g1", "g30", "twin25a", "g299"};
  ExpectSameAnswers(dbs, kQueries, ids);

  // Incremental: upserts into each layout as it is, then deletes.
  for (size_t i = 0; i < dbs.size(); ++i) {
    Index(dbs[i], Layouts()[i].flags, {update});
    Index(dbs[i], Layouts()[i].flags,
          {"--delete", "g2", "g30", "n3", "twin50b", "g299"});
  }
  EXPECT_TRUE(IsShardedIndex(dbs[1])) << "an existing index keeps its layout";
  EXPECT_EQ(ShardPaths(dbs[2]).value(),
            std::vector<std::string>{dbs[2] + "/compact-1"})
      << "the compacted database is the one written";
  ExpectSameAnswers(dbs, kQueries, {"g1", "n5", "twin25a", "g12"});
}

// The same over real news, when the Reuters corpus is at hand.
TEST(ShardEquivalence, ReutersLayoutsAnswerAlike) {
  const std::string corpus =
      testing::SourcePath("../shared/corpora/reuters21578-train.jsonl.gz");
  if (!std::filesystem::exists(corpus)) {
    GTEST_SKIP() << "no corpus at " << corpus;
  }
  const std::string dir = MakeTempDir("shards-reuters");
  const std::string input = dir + "/reuters.jsonl";
  CommandResult head = RunCommand(
      {"/bin/sh", "-c", "zcat '" + corpus + "' | head -n 1500 > " + input});
  ASSERT_EQ(head.exit_status, 0) << head.err;
  std::vector<std::string> dbs;
  for (const Layout& layout : Layouts()) {
    dbs.push_back(dir + "/" + layout.name);
    Index(dbs.back(), layout.flags, {input});
  }
  ExpectSameAnswers(dbs,
                    {"", "oil prices", "bank rate", "\"trade deficit\"",
                     "japan OR tokyo", "cocoa", "shares -profit"},
                    {"reuters-1", "reuters-100"});
}

}  // namespace
}  // namespace chancery
