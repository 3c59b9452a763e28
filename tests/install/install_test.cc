// The install as users get it: `cmake --install` into a temporary prefix,
// then the installed binaries index the sample and serve it with the
// installed data; and the Debian package built by CPack, checked with
// dpkg-deb.
#include <gtest/gtest.h>
#include <httplib.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "tests/searchd/server_process.h"
#include "tests/testing/command_runner.h"

namespace chancery {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using testing::CommandResult;
using testing::MakeTempDir;
using testing::RunCommand;
using testing::SourcePath;

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// The build makes these from npm data when node and node_modules are there.
bool HasGeneratedGazetteers() {
  return fs::exists(SourcePath("config/entities/generated/cities.tsv"));
}

class InstallTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    prefix_ = new std::string(MakeTempDir("install"));
    CommandResult r = RunCommand({CHANCERY_CMAKE_COMMAND, "--install",
                                  CHANCERY_BUILD_DIR, "--prefix", *prefix_});
    ASSERT_EQ(r.exit_status, 0) << r.out << r.err;
  }
  static void TearDownTestSuite() {
    fs::remove_all(*prefix_);
    delete prefix_;
  }
  static fs::path Prefix() { return *prefix_; }
  static std::string* prefix_;
};

std::string* InstallTest::prefix_ = nullptr;

TEST_F(InstallTest, Layout) {
  const fs::path p = Prefix();
  for (const char* file :
       {"bin/chancery-index", "bin/chancery-searchd",
        "share/chancery/web/index.html", "share/chancery/web/app.js",
        "share/chancery/entities/countries.tsv",
        "share/chancery/entities/people.tsv", "share/chancery/boilerplate.tsv",
        "share/doc/chancery/README.md", "etc/chancery/chancery.json",
        "lib/systemd/system/chancery-searchd.service"}) {
    EXPECT_TRUE(fs::is_regular_file(p / file)) << file;
  }
  EXPECT_TRUE(fs::is_regular_file(p / "share/chancery/models/ner/en.model"));
  EXPECT_FALSE(fs::exists(p / "share/chancery/entities/node_modules"));
  if (HasGeneratedGazetteers()) {
    EXPECT_TRUE(fs::is_regular_file(
        p / "share/chancery/entities/generated/cities.tsv"));
    // Where the installed chancery-searchd looks for term profiles'
    // stopwords (SearcherOptions::stopwords_file).
    EXPECT_TRUE(fs::is_regular_file(
        p / "share/chancery/entities/generated/stopwords.tsv"));
  }
  // The unit names this prefix's binary and config.
  const std::string unit =
      ReadFile(p / "lib/systemd/system/chancery-searchd.service");
  EXPECT_TRUE(Contains(unit, "ExecStart=" + (p / "bin").string() +
                                 "/chancery-searchd --config " +
                                 (p / "etc/chancery/chancery.json").string()))
      << unit;
}

TEST_F(InstallTest, InstalledBinariesUseTheInstalledData) {
  const fs::path p = Prefix();
  CommandResult help = RunCommand({(p / "bin/chancery-index").string(), "-h"});
  EXPECT_EQ(help.exit_status, 0);
  EXPECT_TRUE(Contains(help.out, (p / "share/chancery").string())) << help.out;
  help = RunCommand({(p / "bin/chancery-searchd").string(), "--help"});
  EXPECT_EQ(help.exit_status, 0);
  EXPECT_TRUE(Contains(help.out, (p / "share/chancery/web").string()))
      << help.out;

  // Index the sample with the installed config (its db_path overridden).
  const std::string config = (p / "etc/chancery/chancery.json").string();
  const std::string db = (p / "index").string();
  CommandResult r =
      RunCommand({(p / "bin/chancery-index").string(), "--config", config,
                  "--db", db, SourcePath("data/sample/articles.jsonl")});
  ASSERT_EQ(r.exit_status, 0) << r.err;
  EXPECT_TRUE(Contains(r.err, "78 added")) << r.err;

  // A mark in the installed UI shows where the server reads it from.
  std::ofstream(p / "share/chancery/web/index.html", std::ios::app)
      << "<!-- installed copy -->\n";
  ServerProcess server({"--config", config, "--db", db},
                       (p / "bin/chancery-searchd").string());
  ASSERT_TRUE(server.ok()) << server.StderrText();
  httplib::Client client("127.0.0.1", server.port());
  auto res = client.Get("/api/search?q=sejourne+beijing&facets=country");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  json body = json::parse(res->body);
  EXPECT_GT(body["total"].get<int>(), 0) << res->body;
  // Countries come from the installed gazetteers.
  EXPECT_FALSE(body["facets"]["country"].empty()) << res->body;
  res = client.Get("/");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_TRUE(Contains(res->body, "<!-- installed copy -->"));
  EXPECT_EQ(server.Stop(), 0);
}

// --- The Debian package -------------------------------------------------

CommandResult DpkgDeb(const std::vector<std::string>& args) {
  std::vector<std::string> argv = {CHANCERY_DPKG_DEB};
  argv.insert(argv.end(), args.begin(), args.end());
  CommandResult r = RunCommand(argv);
  EXPECT_EQ(r.exit_status, 0) << r.err;
  return r;
}

class DebPackageTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    out_ = new std::string(MakeTempDir("deb"));
    if (std::string(CHANCERY_DPKG_DEB).empty()) return;
    CommandResult r = RunCommand(
        {CHANCERY_CPACK_COMMAND, "-G", "DEB", "--config",
         std::string(CHANCERY_BUILD_DIR) + "/CPackConfig.cmake", "-B", *out_});
    ASSERT_EQ(r.exit_status, 0) << r.out << r.err;
    for (const auto& entry : fs::directory_iterator(*out_)) {
      if (entry.path().extension() == ".deb")
        deb_ = new std::string(entry.path());
    }
  }
  static void TearDownTestSuite() {
    fs::remove_all(*out_);
    delete out_;
    delete deb_;
  }
  void SetUp() override {
    if (std::string(CHANCERY_DPKG_DEB).empty()) GTEST_SKIP() << "no dpkg-deb";
    ASSERT_NE(deb_, nullptr) << "cpack made no .deb in " << *out_;
  }
  static std::string* out_;
  static std::string* deb_;
};

std::string* DebPackageTest::out_ = nullptr;
std::string* DebPackageTest::deb_ = nullptr;

// cpack runs once (one test): it builds the tree's preinstall target, which
// concurrent runs in one build tree should not do at the same time.
void ExpectFiles(const std::string& deb) {
  const std::string list = DpkgDeb({"-c", deb}).out;
  for (const char* file :
       {" ./usr/bin/chancery-index\n", " ./usr/bin/chancery-searchd\n",
        " ./usr/lib/systemd/system/chancery-searchd.service\n",
        " ./etc/chancery/chancery.json\n",
        " ./usr/share/chancery/web/index.html\n",
        " ./usr/share/chancery/web/render/results.js\n",
        " ./usr/share/chancery/entities/countries.tsv\n",
        " ./usr/share/chancery/entities/orgs.tsv\n",
        " ./usr/share/chancery/boilerplate.tsv\n",
        " ./usr/share/chancery/models/ner/en.model\n"}) {
    EXPECT_TRUE(Contains(list, file)) << file << " not in\n" << list;
  }
  if (HasGeneratedGazetteers()) {
    EXPECT_TRUE(
        Contains(list, " ./usr/share/chancery/entities/generated/cities.tsv\n"))
        << list;
    EXPECT_TRUE(Contains(
        list, " ./usr/share/chancery/entities/generated/stopwords.tsv\n"))
        << list;
  }
  EXPECT_FALSE(Contains(list, "node_modules")) << list;
  EXPECT_TRUE(Contains(list, "root/root")) << list;
}

void ExpectControlFields(const std::string& deb) {
  const std::string info = DpkgDeb({"-I", deb}).out;
  EXPECT_TRUE(Contains(info, " Package: chancery\n")) << info;
  const std::string depends = DpkgDeb({"-f", deb, "Depends"}).out;
  for (const char* lib : {"libxapian30", "libicu", "libcld2-0", "libxml2",
                          "libgumbo1", "libuchardet0", "liburiparser1",
                          "zlib1g", "libcpp-httplib", "adduser"}) {
    EXPECT_TRUE(Contains(depends, lib)) << lib << " not in " << depends;
  }
  EXPECT_EQ(DpkgDeb({"-I", deb, "conffiles"}).out,
            "/etc/chancery/chancery.json\n");
  const std::string postinst = DpkgDeb({"-I", deb, "postinst"}).out;
  EXPECT_TRUE(Contains(postinst, "adduser --system")) << postinst;
  EXPECT_TRUE(Contains(postinst, "/var/lib/chancery")) << postinst;
}

void ExpectUnpackedBinariesRunAndTheUnitIsHardened(const std::string& deb,
                                                   const fs::path& root) {
  DpkgDeb({"-x", deb, root.string()});
  const std::string unit =
      ReadFile(root / "usr/lib/systemd/system/chancery-searchd.service");
  for (const char* line :
       {"\nUser=chancery\n",
        "\nExecStart=/usr/bin/chancery-searchd --config "
        "/etc/chancery/chancery.json\n",
        "\nRestart=on-failure\n", "\nStateDirectory=chancery\n",
        "\nProtectSystem=strict\n", "\nNoNewPrivileges=yes\n"}) {
    EXPECT_TRUE(Contains(unit, line)) << line << " not in\n" << unit;
  }
  // The packaged config sends the service to the package's index.
  EXPECT_TRUE(Contains(ReadFile(root / "etc/chancery/chancery.json"),
                       "\"db_path\": \"/var/lib/chancery/index\""));
  // Stripped binaries, packaged data: extraction finds countries.
  CommandResult r =
      RunCommand({(root / "usr/bin/chancery-index").string(), "--extract",
                  SourcePath("data/sample/articles.jsonl")});
  EXPECT_EQ(r.exit_status, 0) << r.err;
  EXPECT_TRUE(Contains(r.out, R"("countries":["FR")")) << r.out.substr(0, 500);
  r = RunCommand({(root / "usr/bin/chancery-searchd").string(), "--help"});
  EXPECT_TRUE(Contains(r.out, (root / "usr/share/chancery/web").string()));
  if (!std::string(CHANCERY_SYSTEMD_ANALYZE).empty()) {
    // Exposure 0 (locked down) to 100 (none); 20 is systemd's "OK" level.
    r = RunCommand({CHANCERY_SYSTEMD_ANALYZE, "security", "--offline=yes",
                    "--threshold=20", "--root=" + root.string(),
                    "chancery-searchd.service"});
    EXPECT_EQ(r.exit_status, 0) << r.out << r.err;
  }
}

TEST_F(DebPackageTest, FilesControlFieldsAndUnit) {
  ExpectFiles(*deb_);
  ExpectControlFields(*deb_);
  ExpectUnpackedBinariesRunAndTheUnitIsHardened(*deb_, *out_ + "/root");
}

}  // namespace
}  // namespace chancery
