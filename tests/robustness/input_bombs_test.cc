// Hostile and oversized inputs, scaled down where the property is the same
// (bench/faults.sh runs the full sizes): each is rejected or truncated with
// a FILE:LINE message, the peak resident set of chancery-index stays under
// robustness::kIndexerPeakRssBoundKb, and the article after it is indexed.
// Inputs are generated here, in a temp dir, never stored in the repo.
#include <gtest/gtest.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

#include "tests/robustness/robustness_util.h"
#include "tests/testing/command_runner.h"

namespace chancery {
namespace {

using robustness::kIndexerPeakRssBoundKb;
using testing::CommandResult;

constexpr char kBefore[] =
    R"({"id":"before","title":"Before the bomb","body":"Indexed first."})";
constexpr char kAfter[] =
    R"({"id":"after","title":"After the bomb","body":"Still indexed."})";

class InputBombs : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = testing::MakeTempDir("bombs"); }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::string Path(const std::string& name) const { return dir_ + "/" + name; }

  // `after.jsonl` holds kAfter: the input given after each bomb.
  std::string AfterFile() const {
    std::ofstream(Path("after.jsonl")) << kAfter << "\n";
    return Path("after.jsonl");
  }

  // Indexes `inputs` with the default settings (entity models loaded).
  CommandResult Index(const std::vector<std::string>& inputs) {
    std::vector<std::string> args = {"--db", Path("db")};
    args.insert(args.end(), inputs.begin(), inputs.end());
    CommandResult r = robustness::RunIndexer(args, 120000);
    EXPECT_FALSE(r.timed_out);
    EXPECT_LT(r.exit_status, 128) << r.err.substr(0, 2000);
    EXPECT_EQ(r.err.find("terminate called"), std::string::npos);
    EXPECT_LT(r.peak_rss_kb, kIndexerPeakRssBoundKb)
        << "peak RSS " << r.peak_rss_kb / 1024 << " MB";
    RecordProperty("peak_rss_mb", static_cast<int>(r.peak_rss_kb / 1024));
    return r;
  }

  std::string Stored() const { return robustness::AllStoredData(Path("db")); }

  std::string dir_;
};

// Writes `size` bytes of `c` to `out` in 1 MiB pieces.
void WriteRepeated(std::ostream& out, char c, size_t size) {
  const std::string piece(1 << 20, c);
  for (size_t done = 0; done < size; done += piece.size()) {
    out.write(piece.data(), static_cast<std::streamsize>(
                                std::min(piece.size(), size - done)));
  }
}

// Appends one gzip member holding what `produce` feeds it, compressing as
// it goes (nothing of the inflated size is ever in memory or on disk).
void AppendGzipMember(
    std::ostream& out,
    const std::function<void(const std::function<void(const std::string&)>&)>&
        produce) {
  z_stream z{};
  ASSERT_EQ(deflateInit2(&z, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 9,
                         Z_DEFAULT_STRATEGY),
            Z_OK);
  std::string buffer(1 << 16, '\0');
  auto pump = [&](const std::string& in, int flush) {
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
    z.avail_in = static_cast<uInt>(in.size());
    do {
      z.next_out = reinterpret_cast<Bytef*>(buffer.data());
      z.avail_out = static_cast<uInt>(buffer.size());
      deflate(&z, flush);
      out.write(buffer.data(),
                static_cast<std::streamsize>(buffer.size() - z.avail_out));
    } while (z.avail_out == 0);
  };
  produce([&](const std::string& piece) { pump(piece, Z_NO_FLUSH); });
  pump("", Z_FINISH);
  deflateEnd(&z);
}

// "What already held": one JSON line that inflates to gigabytes. 1 GiB
// here (3 GB and 10 GB in bench/faults.sh): the same bounded line buffer.
TEST_F(InputBombs, GzipLineInflatingToAGigabyteIsRejectedAndTheNextIndexed) {
  const std::string bomb = Path("bomb.jsonl.gz");
  {
    std::ofstream out(bomb, std::ios::binary);
    AppendGzipMember(out, [](const auto& emit) {
      emit(std::string(kBefore) + "\n" +
           R"({"id":"bomb","title":"x","body":")");
    });
    AppendGzipMember(out, [](const auto& emit) {
      const std::string piece(1 << 20, 'a');
      for (int i = 0; i < 1024; ++i) emit(piece);
    });
    AppendGzipMember(out, [](const auto& emit) {
      emit(std::string("\"}\n") + kAfter + "\n");
    });
  }
  ASSERT_LT(std::filesystem::file_size(bomb), 2u << 20);
  CommandResult r = Index({bomb});
  EXPECT_EQ(r.exit_status, 3) << r.err;
  EXPECT_NE(r.err.find(bomb + ":2: line longer than 64 MiB"), std::string::npos)
      << r.err;
  const std::string stored = Stored();
  EXPECT_NE(stored.find("Before the bomb"), std::string::npos);
  EXPECT_NE(stored.find("After the bomb"), std::string::npos);
}

TEST_F(InputBombs, HundredMegabyteJsonLineIsRejected) {
  const std::string bomb = Path("line.jsonl");
  {
    std::ofstream out(bomb);
    out << kBefore << "\n"
        << R"({"id":"bomb","title":"x","body":")";
    WriteRepeated(out, 'w', 100 << 20);
    out << "\"}\n" << kAfter << "\n";
  }
  CommandResult r = Index({bomb});
  EXPECT_EQ(r.exit_status, 3) << r.err;
  EXPECT_NE(r.err.find(bomb + ":2: line longer than 64 MiB"), std::string::npos)
      << r.err;
  EXPECT_NE(Stored().find("After the bomb"), std::string::npos);
}

// Under the line limit, but far over the body limit: indexed, truncated.
TEST_F(InputBombs, SixtyMegabyteBodyIsTruncatedWithAWarning) {
  const std::string big = Path("big.jsonl");
  {
    std::ofstream out(big);
    out << R"({"id":"big","title":"Big","body":")";
    const std::string words = "minister talks geneva oil price bank ";
    for (size_t done = 0; done < (60u << 20); done += words.size())
      out << words;
    out << "\"}\n" << kAfter << "\n";
  }
  CommandResult r = Index({big});
  EXPECT_EQ(r.exit_status, 0) << r.err;
  EXPECT_NE(r.err.find(big + ":1: warning: body longer than 4 MiB; truncated"),
            std::string::npos)
      << r.err;
  const std::string stored = Stored();
  EXPECT_NE(stored.find("After the bomb"), std::string::npos);
  EXPECT_LT(stored.size(), 6u << 20);
}

// 500,000 objects here, 5 million in bench/faults.sh: the array is
// streamed, one element in memory at a time.
TEST_F(InputBombs, JsonArrayOfHalfAMillionObjectsIsStreamed) {
  const std::string bomb = Path("array.json");
  {
    std::ofstream out(bomb);
    out << "[\n" << kBefore << ",\n";
    for (int i = 0; i < 500000; ++i) out << R"({"n":)" << i << "},";
    out << "\n" << kAfter << "]\n";
  }
  CommandResult r = Index({bomb});
  EXPECT_EQ(r.exit_status, 3) << r.err.substr(0, 2000);
  EXPECT_NE(r.err.find(bomb + ":3: no title or body text"), std::string::npos);
  EXPECT_NE(r.err.find("2 added"), std::string::npos);
  EXPECT_NE(r.err.find("500000 rejected"), std::string::npos);
}

// A page over the HTML limit (8 MiB; a 100 MB page in bench/faults.sh) is
// not parsed: one FILE:LINE line, and the run goes on to the next input.
TEST_F(InputBombs, OversizedHtmlPageIsRejectedAndTheRunGoesOn) {
  const std::string page = Path("page.html");
  {
    std::ofstream out(page);
    out << "<html><head><title>Huge</title></head><body>\n";
    for (int i = 0; i < 200000; ++i) {
      out << "<p>Ministers met in Geneva to discuss the agenda.</p>\n";
    }
    out << "</body></html>\n";
  }
  CommandResult r = Index({page, AfterFile()});
  // A whole input that cannot be read is exit 1 (README), after the rest.
  EXPECT_EQ(r.exit_status, 1) << r.err;
  EXPECT_NE(r.err.find(page + ":"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(": larger than 8 MiB, too large for one document"),
            std::string::npos)
      << r.err;
  EXPECT_NE(Stored().find("After the bomb"), std::string::npos);

  // In a directory walk it is one rejected file, named once, and exit 3.
  const std::string walk = Path("walk");
  std::filesystem::create_directories(walk);
  std::filesystem::rename(page, walk + "/page.html");
  std::filesystem::copy_file(AfterFile(), walk + "/after.jsonl");
  std::filesystem::remove_all(Path("db"));
  r = Index({walk});
  EXPECT_EQ(r.exit_status, 3) << r.err;
  EXPECT_NE(r.err.find(walk + "/page.html:"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("page.html: " + walk), std::string::npos) << r.err;
  EXPECT_NE(Stored().find("After the bomb"), std::string::npos);
}

// A text file with no newline (1 GB in bench/faults.sh).
TEST_F(InputBombs, TextWithoutNewlineOverTheDocumentLimitIsRejected) {
  const std::string text = Path("flat.txt");
  {
    std::ofstream out(text);
    WriteRepeated(out, 'a', 100 << 20);
  }
  CommandResult r = Index({text, AfterFile()});
  EXPECT_EQ(r.exit_status, 1) << r.err;
  EXPECT_NE(r.err.find(text + ":1: larger than 64 MiB"), std::string::npos)
      << r.err;
  EXPECT_NE(Stored().find("After the bomb"), std::string::npos);
}

// "What already held": an entity-expansion bomb and an external entity
// (file:// must never be read) in a feed.
TEST_F(InputBombs, FeedEntitiesAreNeitherExpandedNorLoaded) {
  const std::string secret = Path("secret.txt");
  std::ofstream(secret) << "TOPSECRET";
  const std::string xxe = Path("xxe.xml");
  std::ofstream(xxe) << "<?xml version=\"1.0\"?>\n"
                        "<!DOCTYPE rss [<!ENTITY x SYSTEM \"file://"
                     << secret
                     << "\">]>\n<rss><channel><item><title>External &x; "
                        "entity</title><description>Body &x;</description>"
                        "</item></channel></rss>\n";
  const std::string lol = Path("lol.xml");
  {
    std::ofstream out(lol);
    out << "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n"
           " <!ENTITY a0 \"lollollollollollollollollollollollollol\">\n";
    for (int i = 1; i <= 12; ++i) {
      out << " <!ENTITY a" << i << " \"";
      for (int k = 0; k < 10; ++k) out << "&a" << i - 1 << ";";
      out << "\">\n";
    }
    out << "]>\n<rss><channel><item><title>Bomb &a12;</title>"
           "<description>x</description></item></channel></rss>\n";
  }
  CommandResult r = Index({xxe, lol, AfterFile()});
  EXPECT_EQ(r.exit_status, 0) << r.err;
  const std::string stored = Stored();
  EXPECT_EQ(stored.find("TOPSECRET"), std::string::npos);
  EXPECT_NE(stored.find("External"), std::string::npos);
  EXPECT_LT(stored.size(), 1u << 20) << "entities were expanded";
  EXPECT_NE(stored.find("After the bomb"), std::string::npos);
}

}  // namespace
}  // namespace chancery
