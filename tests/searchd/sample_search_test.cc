// The bundled sample and an acronym fixture, indexed by the real
// chancery-index binary and served by the real chancery-searchd: what a
// user of `make demo` types finds what they mean.
#include <gtest/gtest.h>
#include <httplib.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "tests/searchd/server_process.h"
#include "tests/testing/command_runner.h"

namespace chancery {
namespace {

using nlohmann::json;
using testing::BinaryPath;
using testing::CommandResult;
using testing::MakeTempDir;
using testing::RunCommand;
using testing::SourcePath;

class SampleSearchTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new std::string(MakeTempDir("sample-search"));
    CommandResult r =
        RunCommand({BinaryPath("chancery-index"), "--db", *dir_ + "/db",
                    SourcePath("data/sample/articles.jsonl"),
                    SourcePath("tests/fixtures/searchd/acronyms.jsonl")});
    ASSERT_EQ(r.exit_status, 0) << r.err;
    server_ = new ServerProcess(
        {"--db", *dir_ + "/db", "--web-root", SourcePath("web")});
    ASSERT_TRUE(server_->ok()) << server_->StderrText();
  }
  static void TearDownTestSuite() {
    delete server_;
    std::filesystem::remove_all(*dir_);
    delete dir_;
  }

  static json Search(const std::string& q) {
    httplib::Client client("127.0.0.1", server_->port());
    const httplib::Params params = {{"q", q}, {"size", "100"}};
    auto res = client.Get("/api/search", params, httplib::Headers());
    EXPECT_TRUE(res) << q;
    if (!res) return json();
    EXPECT_EQ(res->status, 200) << q << " -> " << res->body;
    return json::parse(res->body, nullptr, false);
  }
  static std::set<std::string> Ids(const json& j) {
    std::set<std::string> ids;
    for (const json& h : j["hits"]) ids.insert(h["id"].get<std::string>());
    return ids;
  }

  static std::string* dir_;
  static ServerProcess* server_;
};

std::string* SampleSearchTest::dir_ = nullptr;
ServerProcess* SampleSearchTest::server_ = nullptr;

// US, U.S., us and u.s. are one word in the index and in queries.
TEST_F(SampleSearchTest, DottedAndPlainAcronymsFindTheSameArticles) {
  for (const auto& forms :
       std::vector<std::vector<std::string>>{{"US", "U.S.", "us", "u.s."},
                                             {"UK", "U.K.", "uk", "u.k."},
                                             {"UN", "U.N.", "un", "u.n."},
                                             {"EU", "E.U.", "eu", "e.u."}}) {
    const std::set<std::string> first = Ids(Search(forms[0]));
    for (const std::string& q : forms) {
      EXPECT_EQ(Ids(Search(q)), first) << q << " vs " << forms[0];
    }
  }
  const std::set<std::string> us = Ids(Search("U.S."));
  EXPECT_TRUE(us.count("acr-dotted") && us.count("acr-plain") &&
              us.count("acr-lower"));
  // The sample's own "US" articles are among them.
  EXPECT_GT(us.size(), 5u);
  const std::set<std::string> uk = Ids(Search("uk"));
  EXPECT_TRUE(uk.count("acr-dotted") && uk.count("acr-plain"));
  EXPECT_TRUE(Ids(Search("\"U.S. and the E.U.\"")).count("acr-dotted"));
}

// Snippets mark the acronym as the article writes it.
TEST_F(SampleSearchTest, SnippetsMarkTheAcronymAsWritten) {
  const json found = Search("us grain");
  for (const json& h : found["hits"]) {
    if (h["id"] != "acr-dotted") continue;
    EXPECT_NE(h["snippet"].get<std::string>().find("<mark>U.S.</mark>"),
              std::string::npos)
        << h["snippet"];
    return;
  }
  ADD_FAILURE() << "acr-dotted not found by \"us grain\"";
}

}  // namespace
}  // namespace chancery
