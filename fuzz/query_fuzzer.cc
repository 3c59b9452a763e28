// The query builder against a small real index (the search tests' corpus,
// written once at start-up): first line the query text q, the rest filter
// parameters as a query string ("country=FR&any=country&from=2023"), parsed
// and validated as the server does, then the whole query built and run.
// Xapian::QueryParserError is the documented 400 for a query with nothing
// left to search; any other exception is a finding (the server's 5xx).
#include <xapian.h>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "fuzz/fuzz_support.h"
#include "searchd/http/request_params.h"
#include "searchd/search/index_handle.h"
#include "searchd/search/query_builder.h"
#include "searchd/search/request_validator.h"
#include "searchd/testing/test_corpus.h"

namespace {

struct SmallIndex {
  std::string dir;
  std::unique_ptr<chancery::HandlePool> pool;
};

// Created by LLVMFuzzerInitialize, never destroyed (the process ends).
SmallIndex* small_index = nullptr;

void RemoveIndexDir() {
  if (small_index) std::filesystem::remove_all(small_index->dir);
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  using chancery::fuzz::Require;
  small_index = new SmallIndex;
  small_index->dir = chancery::fixtures::MakeTempDir("fuzz_query");
  std::atexit(RemoveIndexDir);
  Require(chancery::fixtures::WriteIndex(small_index->dir,
                                         chancery::fixtures::SmallCorpus())
              .ok(),
          "the small index is written");
  // No reload checks while fuzzing: the index does not change.
  auto pool =
      chancery::HandlePool::Create({small_index->dir}, std::chrono::hours(24));
  Require(pool.ok(), "the small index opens");
  small_index->pool = std::move(*pool);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using chancery::fuzz::Require;
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const auto [q, filters] = chancery::fuzz::SplitFirstLine(input);
  auto request = chancery::ParseSearchParams(
      chancery::fuzz::RequestFromQuery("", filters));
  if (!request.ok()) return 0;
  request->q = std::string(q);
  const chancery::SearcherOptions options;
  auto bounds = chancery::ValidateSearchRequest(*request, options);
  if (!bounds.ok()) return 0;  // The server's 400.

  auto lease = small_index->pool->Borrow();
  Require(lease.ok(), "a handle is lent");
  const chancery::IndexHandle& handle = **lease;
  chancery::QueryBuilder builder(handle);
  chancery::HighlightTerms highlight;
  Xapian::Query query;
  try {
    query = builder.SearchQuery(*request, bounds->first_day, bounds->last_day,
                                {}, &highlight);
  } catch (const Xapian::QueryParserError&) {
    return 0;  // Documented: nothing left to search, a 400.
  }
  Xapian::Enquire enquire(handle.db);
  enquire.set_query(query);
  const Xapian::MSet mset = enquire.get_mset(0, 10);
  Require(mset.size() <= 10, "at most a page of hits");
  return 0;
}
