// Test support, not part of chancery_http: a GoogleTest fixture that serves
// a test corpus (searchd/testing/test_corpus.h; by default StoryCorpus: the
// small corpus and later versions of three of its articles) through Dispatch,
// without a socket, with a web root holding one index.html. Shared by the
// test suites of one binary; built once per suite.
#ifndef CHANCERY_SEARCHD_HTTP_ROUTES_TEST_FIXTURE_H_
#define CHANCERY_SEARCHD_HTTP_ROUTES_TEST_FIXTURE_H_

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "searchd/http/routes.h"
#include "searchd/testing/test_corpus.h"

namespace chancery {

// A GET of `path` with `query` (percent-decoded pairs, in order).
inline HttpRequest TestRequest(
    std::string path,
    std::vector<std::pair<std::string, std::string>> query = {}) {
  HttpRequest r;
  r.path = std::move(path);
  r.query = std::move(query);
  return r;
}

template <std::vector<fixtures::TestArticle> (*Corpus)() =
              fixtures::StoryCorpus>
class RoutesTestFixtureOf : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    state_ = new State;
    state_->dir = fixtures::MakeTempDir("routes");
    ASSERT_TRUE(fixtures::WriteIndex(state_->dir, Corpus()).ok());
    SearcherOptions options;
    options.db_paths = {state_->dir};
    StatusOr<std::unique_ptr<Searcher>> searcher = Searcher::Open(options);
    ASSERT_TRUE(searcher.ok()) << searcher.status().ToString();
    state_->searcher = std::move(searcher).value();
    state_->config.search.db_paths = {state_->dir};
    state_->config.web_root = state_->dir + "/web";
    std::filesystem::create_directories(state_->config.web_root);
    std::ofstream(state_->config.web_root + "/index.html") << "<p>hi</p>";
  }
  static void TearDownTestSuite() {
    std::filesystem::remove_all(state_->dir);
    delete state_;
    state_ = nullptr;
  }
  static Dispatched Run(HttpRequest r) {
    return Dispatch(
        ServerContext{*state_->searcher, state_->config, state_->metrics},
        std::move(r));
  }

 private:
  struct State {
    std::string dir;
    std::unique_ptr<Searcher> searcher;
    ServerConfig config;
    Metrics metrics;
  };
  static inline State* state_ = nullptr;
};

using RoutesTestFixture = RoutesTestFixtureOf<>;

}  // namespace chancery

#endif  // CHANCERY_SEARCHD_HTTP_ROUTES_TEST_FIXTURE_H_
