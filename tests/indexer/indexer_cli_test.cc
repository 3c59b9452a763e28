// chancery-index as users run it: exit statuses, FILE:LINE errors, upserts,
// deletes and idempotent re-runs, checked against the index on disk.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>
#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <thread>

#include "common/index_layout.h"
#include "common/schema.h"
#include "tests/testing/command_runner.h"

extern char** environ;

namespace chancery {
namespace {

using testing::BinaryPath;
using testing::CommandResult;
using testing::MakeTempDir;
using testing::RunCommand;
using testing::SourcePath;

const std::string kMixed = SourcePath("tests/fixtures/indexer/mixed.jsonl");

CommandResult Index(const std::vector<std::string>& args,
                    const std::string& stdin_text = "") {
  std::vector<std::string> argv = {BinaryPath("chancery-index")};
  argv.insert(argv.end(), args.begin(), args.end());
  return RunCommand(argv, stdin_text);
}

Xapian::doccount CountDocs(const std::string& db) {
  return Xapian::Database(db).get_doccount();
}

bool HasTerm(const std::string& db, const std::string& term) {
  return Xapian::Database(db).term_exists(term);
}

void ExpectNoCrash(const CommandResult& r) {
  EXPECT_LT(r.exit_status, 128) << r.err;
  EXPECT_EQ(r.err.find("terminate called"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("what()"), std::string::npos) << r.err;
}

TEST(IndexerCli, MalformedLineIsReportedSkippedAndExitIs3) {
  std::string db = MakeTempDir("idx") + "/db";
  CommandResult r = Index({"--db", db, kMixed});
  ExpectNoCrash(r);
  EXPECT_EQ(r.exit_status, 3) << r.err;
  EXPECT_NE(r.err.find(kMixed + ":3: "), std::string::npos) << r.err;
  // The date problem is a warning naming its line; the article is kept.
  EXPECT_NE(r.err.find(kMixed + ":4: "), std::string::npos) << r.err;
  EXPECT_EQ(CountDocs(db), 4u);
  EXPECT_TRUE(HasTerm(db, std::string(schema::kId) + "m4"));
  EXPECT_TRUE(HasTerm(db, std::string(schema::kMonth) + "202402"));
  EXPECT_NE(r.err.find("4 added"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("1 rejected"), std::string::npos) << r.err;
}

TEST(IndexerCli, SecondRunIsIdempotent) {
  std::string db = MakeTempDir("idx") + "/db";
  Index({"--db", db, kMixed});
  CommandResult again = Index({"--db", db, kMixed});
  EXPECT_EQ(again.exit_status, 3);
  EXPECT_EQ(CountDocs(db), 4u);
  EXPECT_NE(again.err.find("0 added"), std::string::npos) << again.err;
  EXPECT_NE(again.err.find("4 unchanged"), std::string::npos) << again.err;
}

TEST(IndexerCli, SameIdReplacesAndDeleteRemoves) {
  std::string db = MakeTempDir("idx") + "/db";
  std::string line1 =
      R"({"id":"x1","title":"Old title","body":"Old body text.","lang":"en"})";
  std::string line2 =
      R"({"id":"x1","title":"New title","body":"New body text.","lang":"en"})";
  ASSERT_EQ(Index({"--db", db, "-"}, line1 + "\n").exit_status, 0);
  CommandResult r = Index({"--db", db, "-"}, line2 + "\n");
  EXPECT_EQ(r.exit_status, 0) << r.err;
  EXPECT_NE(r.err.find("1 replaced"), std::string::npos) << r.err;
  EXPECT_EQ(CountDocs(db), 1u);
  EXPECT_TRUE(HasTerm(db, "new"));
  EXPECT_FALSE(HasTerm(db, "old"));

  r = Index({"--db", db, "--delete", "x1", "nope"});
  EXPECT_EQ(r.exit_status, 0) << r.err;
  EXPECT_NE(r.err.find("no article with id nope"), std::string::npos);
  EXPECT_EQ(CountDocs(db), 0u);
}

TEST(IndexerCli, ArticleThatCannotBeStoredIsRejectedNotFatal) {
  std::string db = MakeTempDir("idx") + "/db";
  std::string long_id(300, 'x');
  std::string long_source(400, 's');
  std::string input =
      R"({"id":"ok1","title":"First","body":"Kept.","lang":"en"})"
      "\n"
      R"({"id":")" +
      long_id +
      R"(","title":"Long id","body":"Too long."})"
      "\n"
      R"({"id":"ok2","title":"Third","body":"Kept.","source":")" +
      long_source +
      R"("})"
      "\n";
  CommandResult r = Index({"--db", db, "-"}, input);
  ExpectNoCrash(r);
  EXPECT_EQ(r.exit_status, 3) << r.err;
  EXPECT_NE(r.err.find("-:2: "), std::string::npos) << r.err;
  EXPECT_EQ(CountDocs(db), 2u);
}

TEST(IndexerCli, RepeatedIdInOneRunOnAFreshIndexKeepsTheLastVersion) {
  std::string db = MakeTempDir("idx") + "/db";
  std::string input =
      R"({"id":"d1","title":"First version","body":"Alpha.","lang":"en"})"
      "\n"
      R"({"id":"d2","title":"Other","body":"Beta.","lang":"en"})"
      "\n"
      R"({"id":"d1","title":"Second version","body":"Gamma.","lang":"en"})"
      "\n";
  CommandResult r = Index({"--db", db, "-"}, input);
  EXPECT_EQ(r.exit_status, 0) << r.err;
  EXPECT_NE(r.err.find("2 added, 1 replaced"), std::string::npos) << r.err;
  EXPECT_EQ(CountDocs(db), 2u);
  EXPECT_TRUE(HasTerm(db, "gamma"));
  EXPECT_FALSE(HasTerm(db, "alpha"));
}

TEST(IndexerCli, DeleteFromFile) {
  std::string dir = MakeTempDir("idx");
  std::string db = dir + "/db";
  Index({"--db", db, kMixed});
  std::ofstream(dir + "/ids.txt") << "m1\n# a comment\nm2\n";
  CommandResult r = Index({"--db", db, "--delete-from", dir + "/ids.txt"});
  EXPECT_EQ(r.exit_status, 0) << r.err;
  EXPECT_EQ(CountDocs(db), 2u);
}

TEST(IndexerCli, UsageErrorsAreOneLineAndExit2) {
  for (const auto& args : std::vector<std::vector<std::string>>{
           {kMixed},                            // missing --db
           {"--db", "/tmp/x", "--frobnicate"},  // unknown option
           {"--db", "/tmp/x", "--batch-size", "many", kMixed},
           {"--db"}}) {
    CommandResult r = Index(args);
    ExpectNoCrash(r);
    EXPECT_EQ(r.exit_status, 2) << r.err;
    EXPECT_EQ(r.err.rfind("chancery-index: ", 0), 0u) << r.err;
  }
}

// --config FILE used to drop --config-dir, --batch-size and --threads given
// beside it. Flags beat the file, which beats the defaults.
TEST(IndexerCli, FlagsBeatTheConfigFile) {
  std::string dir = MakeTempDir("idx");
  std::string db = dir + "/db";
  std::ofstream(dir + "/chancery.json")
      << R"({"db_path": ")" << db << R"(", "batch_size": 1,
             "config_dir": "/nonexistent/file-config"})";
  CommandResult r = Index({"--config", dir + "/chancery.json", kMixed});
  EXPECT_EQ(r.exit_status, 1) << r.err;
  EXPECT_NE(r.err.find("/nonexistent/file-config"), std::string::npos) << r.err;

  r = Index({"--config", dir + "/chancery.json", "--batch-size", "2",
             "--threads", "1", "--config-dir", SourcePath("config"), kMixed});
  EXPECT_EQ(r.exit_status, 3) << r.err;
  EXPECT_EQ(CountDocs(db), 4u);  // the file's db_path

  r = Index({"--config=" + dir + "/chancery.json", "--batch-size=0", kMixed});
  EXPECT_EQ(r.exit_status, 2) << r.err;
  EXPECT_NE(r.err.find("--batch-size must be between 1 and"), std::string::npos)
      << r.err;
}

TEST(IndexerCli, UnreadableInputIsFatalAndNamesThePath) {
  std::string db = MakeTempDir("idx") + "/db";
  CommandResult r = Index({"--db", db, "/nonexistent/archive.jsonl"});
  ExpectNoCrash(r);
  EXPECT_EQ(r.exit_status, 1) << r.err;
  EXPECT_NE(r.err.find("/nonexistent/archive.jsonl"), std::string::npos);
}

TEST(IndexerCli, ExtractPrintsOneJsonLinePerArticle) {
  CommandResult r = Index({"--extract", kMixed});
  EXPECT_EQ(r.exit_status, 3) << r.err;
  size_t lines = 0;
  for (char c : r.out) lines += c == '\n';
  EXPECT_EQ(lines, 4u) << r.out;
  EXPECT_NE(r.out.find(R"("id":"m1")"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find(R"("countries":[)"), std::string::npos) << r.out;
}

// A missing or damaged model is a fatal, one-line error that names the file,
// before anything is written.
TEST(IndexerCli, MissingOrCorruptModelIsOneLineAndExit1) {
  const std::string dir = MakeTempDir("models");
  for (const char* lang : {"ar", "de", "en", "es", "fr", "ru", "zh"}) {
    const std::string name = std::string(lang) + ".model";
    std::ifstream in(SourcePath("models/ner/" + name), std::ios::binary);
    std::ofstream(dir + "/" + name, std::ios::binary) << in.rdbuf();
  }
  const std::string db = MakeTempDir("idx") + "/db";
  auto expect_fatal = [&](const std::string& file) {
    CommandResult r = Index({"--db", db, "--ner-models", dir, kMixed});
    ExpectNoCrash(r);
    EXPECT_EQ(r.exit_status, 1) << r.err;
    EXPECT_EQ(r.err.rfind("chancery-index: ", 0), 0u) << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
    EXPECT_NE(r.err.find(file), std::string::npos) << r.err;
    EXPECT_FALSE(std::ifstream(db + "/iamglass").good()) << "index written";
  };
  // A damaged file: the right header, then garbage where the weights are.
  {
    std::ifstream in(dir + "/de.model", std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)),
                      std::istreambuf_iterator<char>());
    for (size_t i = bytes.size() / 2; i < bytes.size(); i += 7)
      bytes[i] ^= 0x5a;
    std::ofstream(dir + "/de.model", std::ios::binary | std::ios::trunc)
        << bytes;
  }
  expect_fatal(dir + "/de.model");
  std::ofstream(dir + "/de.model", std::ios::trunc) << "not a model\n";
  expect_fatal(dir + "/de.model");
  std::remove((dir + "/de.model").c_str());
  expect_fatal(dir + "/de.model");
  // --entities rules needs no models at all.
  CommandResult r =
      Index({"--db", db, "--entities", "rules", "--ner-models", dir, kMixed});
  EXPECT_EQ(r.exit_status, 3) << r.err;
}

// One feed that cannot be read among many: one "FILE: reason" line (the
// file named once), the others indexed, exit 3; the same whether the bad
// file is found in a directory walk or named on the command line.
TEST(IndexerCli, OneUnreadableFeedAmongManyIsOneLineAndExit3) {
  const std::string dir = MakeTempDir("feeds");
  std::filesystem::copy(SourcePath("tests/fixtures/readers/feeds"), dir,
                        std::filesystem::copy_options::recursive);
  const std::string bad = dir + "/broken.rss";
  std::ofstream(bad) << "<rss version=\"0.91\"><item/></rss>\n";
  const std::string expected_line = bad + ": RSS root <rss> has no <channel>";
  auto expect_one_line_about_bad = [&](const CommandResult& r) {
    ExpectNoCrash(r);
    EXPECT_EQ(r.exit_status, 3) << r.err;
    size_t lines_naming_bad = 0;
    std::istringstream err(r.err);
    for (std::string line; std::getline(err, line);) {
      if (line.find("broken.rss") == std::string::npos) continue;
      ++lines_naming_bad;
      EXPECT_EQ(line, expected_line);
    }
    EXPECT_EQ(lines_naming_bad, 1u) << r.err;
  };

  const std::string walked_db = MakeTempDir("idx") + "/db";
  CommandResult r = Index({"--db", walked_db, dir});
  expect_one_line_about_bad(r);
  // Ten fixtures, nineteen items, every one of them indexed.
  EXPECT_EQ(CountDocs(walked_db), 19u) << r.err;
  EXPECT_NE(r.err.find("1 rejected"), std::string::npos) << r.err;

  const std::string listed_db = MakeTempDir("idx") + "/db";
  r = Index({"--db", listed_db, dir + "/rss090.rdf", bad, dir + "/atom03.xml"});
  expect_one_line_about_bad(r);
  EXPECT_EQ(CountDocs(listed_db), 5u) << r.err;

  r = Index({"--extract", bad, dir + "/rss10.rdf"});
  expect_one_line_about_bad(r);
  EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 2) << r.out;
}

TEST(IndexerCli, HelpNamesTheFeedFormats) {
  CommandResult r = Index({"--help"});
  EXPECT_EQ(r.exit_status, 0) << r.err;
  const std::string help = r.out + r.err;
  for (const char* format : {"RSS 0.90-0.94", "RSS 1.0 (RDF)", "RSS 2.0",
                             "Atom 0.3", "Atom 1.0", "CDF", ".rdf", ".cdf"}) {
    EXPECT_NE(help.find(format), std::string::npos) << format << "\n" << help;
  }
}

TEST(IndexerCli, SampleCorpusIndexesCleanly) {
  std::string db = MakeTempDir("idx") + "/db";
  CommandResult r =
      Index({"--db", db, SourcePath("data/sample/articles.jsonl")});
  EXPECT_EQ(r.exit_status, 0) << r.err;
  EXPECT_GE(CountDocs(db), 60u);
}

// The run reads its articles from a pipe that the test fills with two
// whole batches and part of a third, then holds open: the indexer has
// committed the two and holds the part in memory when it is killed, at a
// point the test knows, and the input stays small enough for a sanitizer
// build (a file big enough to outlast the kill made the re-run 30,000
// articles, two minutes under ASan).
TEST(IndexerCli, KilledRunLeavesLastCommitAndReRunCompletes) {
  std::string dir = MakeTempDir("idx");
  std::string db = dir + "/db", input = dir + "/many.jsonl";
  constexpr int kBatch = 500, kCommitted = 2 * kBatch, kArticles = 1300;
  std::string lines;
  for (int i = 0; i < kArticles; ++i) {
    lines += R"({"id":"k)" + std::to_string(i) + R"(","title":"Dispatch )" +
             std::to_string(i) +
             R"(","body":"Ministers met in Geneva to discuss item )" +
             std::to_string(i) + R"( of the agenda.","lang":"en"})" + "\n";
  }
  std::ofstream(input) << lines;
  int to_indexer[2];
  ASSERT_EQ(pipe(to_indexer), 0);
  std::string bin = BinaryPath("chancery-index");
  std::string batch = std::to_string(kBatch);
  // Two shards commit kBatch / 2 articles each at a time.
  const char* argv[] = {bin.c_str(),   "--db",     db.c_str(), "--batch-size",
                        batch.c_str(), "--shards", "2",        "-",
                        nullptr};
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, to_indexer[0], 0);
  posix_spawn_file_actions_addclose(&actions, to_indexer[1]);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  pid_t pid = 0;
  ASSERT_EQ(posix_spawn(&pid, argv[0], &actions, nullptr,
                        const_cast<char* const*>(argv), environ),
            0);
  posix_spawn_file_actions_destroy(&actions);
  close(to_indexer[0]);
  // Everything but the last article: the indexer reads it all (the pipe
  // blocks this write until it has), committing kCommitted articles.
  const size_t held_back = lines.rfind('\n', lines.size() - 2) + 1;
  for (size_t done = 0; done < held_back;) {
    const ssize_t n =
        write(to_indexer[1], lines.data() + done, held_back - done);
    ASSERT_GT(n, 0) << "the indexer stopped reading";
    done += static_cast<size_t>(n);
  }
  // Start-up (loading models and gazetteers) takes seconds, and many more
  // in a sanitizer build, so the wait is bounded only against a hang.
  Xapian::doccount seen = 0;
  const auto give_up =
      std::chrono::steady_clock::now() + std::chrono::seconds(120);
  while (seen < kCommitted && std::chrono::steady_clock::now() < give_up) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    try {
      seen = Xapian::Database(db).get_doccount();
    } catch (const Xapian::Error&) {
    }
  }
  kill(pid, SIGKILL);
  int status = 0;
  waitpid(pid, &status, 0);
  close(to_indexer[1]);
  EXPECT_TRUE(WIFSIGNALED(status)) << "the indexer ended before the kill";
  const auto shards = ShardPaths(db);
  ASSERT_TRUE(shards.ok()) << shards.status().ToString();
  ASSERT_EQ(shards->size(), 2u);
  for (const std::string& shard : *shards) {
    EXPECT_EQ(CountDocs(shard) % (kBatch / 2), 0u)
        << shard << ": a shard must stop at a commit";
  }
  EXPECT_EQ(CountDocs(db), static_cast<Xapian::doccount>(kCommitted))
      << "the articles past the last commit are not in the index";

  // The re-run completes the index and the compaction the bulk run meant.
  CommandResult r = Index({"--db", db, input});
  EXPECT_EQ(r.exit_status, 0) << r.err;
  EXPECT_EQ(CountDocs(db), static_cast<Xapian::doccount>(kArticles));
  EXPECT_EQ(ShardPaths(db).value(),
            std::vector<std::string>{db + "/compact-1"});
}

}  // namespace
}  // namespace chancery
