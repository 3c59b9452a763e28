#include "searchd/testing/test_corpus.h"

#include <unistd.h>

#include <atomic>
#include <filesystem>

#include "common/base/civil_date.h"
#include "indexer/document_builder.h"
#include "indexer/index_writer.h"

namespace chancery::fixtures {
namespace {

Entity Named(const std::string& id, const std::string& label, int mentions) {
  Entity e;
  e.id = id;
  e.label = label;
  e.mentions = mentions;
  return e;
}

Entity Country(const std::string& code) {
  static const std::pair<const char*, const char*> kNames[] = {
      {"FR", "France"},        {"CN", "China"},   {"DE", "Germany"},
      {"US", "United States"}, {"UA", "Ukraine"}, {"RU", "Russia"}};
  for (const auto& [c, name] : kNames) {
    if (code == c) return Named(code, name, 1);
  }
  return Named(code, code, 1);
}

Entity Person(const std::string& id) {
  static const std::pair<const char*, const char*> kNames[] = {
      {"stephane-sejourne", "Stéphane Séjourné"},
      {"emmanuel-macron", "Emmanuel Macron"},
      {"brigitte-macron", "Brigitte Macron"},
      {"xi-jinping", "Xi Jinping"},
      {"olaf-scholz", "Olaf Scholz"},
      {"antony-blinken", "Antony Blinken"}};
  for (const auto& [i, name] : kNames) {
    if (id == i) return Named(id, name, 2);
  }
  return Named(id, id, 1);
}

Entity Org(const std::string& id) {
  static const std::pair<const char*, const char*> kNames[] = {
      {"eu", "European Union"}, {"nato", "NATO"}, {"un", "United Nations"}};
  for (const auto& [i, name] : kNames) {
    if (id == i) return Named(id, name, 1);
  }
  return Named(id, id, 1);
}

TestArticle Make(std::string id, std::string title, std::string body,
                 std::string lang, std::string source, int64_t date,
                 const std::vector<std::string>& countries,
                 const std::vector<std::string>& people,
                 const std::vector<std::string>& orgs) {
  TestArticle t;
  t.article.id = std::move(id);
  t.article.title = std::move(title);
  t.article.body = std::move(body);
  t.article.lang = std::move(lang);
  t.article.source = std::move(source);
  t.article.date = date;
  t.article.url = "https://example.org/" + t.article.id;
  for (const auto& c : countries) t.entities.countries.push_back(Country(c));
  for (const auto& p : people) t.entities.people.push_back(Person(p));
  for (const auto& o : orgs) t.entities.orgs.push_back(Org(o));
  return t;
}

// Records where `field` (title or body) of `t` first names `text`, as the
// extractor would, on `entity`.
void AddSpan(const TestArticle& t, MentionField field, std::string_view text,
             MentionType type, Entity& entity) {
  const std::string& haystack =
      field == MentionField::kTitle ? t.article.title : t.article.body;
  const size_t at = haystack.find(text);
  if (at == std::string::npos) return;
  entity.spans.push_back({field, static_cast<uint32_t>(at),
                          static_cast<uint32_t>(at + text.size()), type});
}

// a1's entities with where it names them and a native form.
void AddMentions(TestArticle& t) {
  ArticleEntities& e = t.entities;
  AddSpan(t, MentionField::kTitle, "France", MentionType::kLoc, e.countries[0]);
  AddSpan(t, MentionField::kBody, "Paris", MentionType::kRule, e.countries[0]);
  AddSpan(t, MentionField::kTitle, "China", MentionType::kLoc, e.countries[1]);
  AddSpan(t, MentionField::kBody, "Beijing", MentionType::kLoc, e.countries[1]);
  AddSpan(t, MentionField::kBody, "Chinese", MentionType::kMisc,
          e.countries[1]);
  AddSpan(t, MentionField::kBody, "Stéphane Séjourné", MentionType::kPer,
          e.people[0]);
  e.people[1].spans.push_back(
      {MentionField::kPublisher, 0, 0, MentionType::kRule});
  e.people[1].native_forms = {"习近平"};
}

}  // namespace

int64_t EpochSeconds(int year, int month, int day) {
  // Noon, so that no time-zone reading moves the day.
  return EpochSecondsFromCivil({{year, month, day}, 12, 0, 0});
}

std::vector<TestArticle> SmallCorpus() {
  std::vector<TestArticle> corpus = {
      Make("a1", "France and China open trade talks",
           "Paris and Beijing negotiated a new trade framework on Monday. "
           "Foreign minister Stéphane Séjourné met his Chinese counterpart.",
           "en", "Reuters", EpochSeconds(2024, 1, 15), {"FR", "CN"},
           {"stephane-sejourne", "xi-jinping"}, {}),
      Make(
          "a2", "Séjourné à Pékin pour des négociations commerciales",
          "Le ministre Stéphane Séjourné doit négocier avec la Chine un accord "
          "commercial. Les négociations reprennent mardi.",
          "fr", "AFP", EpochSeconds(2024, 2, 3), {"FR", "CN"},
          {"stephane-sejourne"}, {"eu"}),
      Make("a3", "Macron visits Berlin",
           "President Emmanuel Macron met Chancellor Olaf Scholz in Berlin to "
           "discuss European defence and NATO spending.",
           "en", "Reuters", EpochSeconds(2024, 2, 20), {"FR", "DE"},
           {"emmanuel-macron", "olaf-scholz"}, {"nato", "eu"}),
      Make("a4", "Blinken in Kyiv",
           "Secretary of State Antony Blinken arrived in Kyiv to discuss "
           "military aid to Ukraine with NATO allies.",
           "en", "AP", EpochSeconds(2024, 3, 5), {"US", "UA"},
           {"antony-blinken"}, {"nato"}),
      Make("a5", "China and Germany sign trade accord",
           "Xi Jinping and Olaf Scholz signed a trade accord in Beijing after "
           "long negotiations over tariffs.",
           "en", "Reuters", EpochSeconds(2024, 3, 18), {"CN", "DE"},
           {"xi-jinping", "olaf-scholz"}, {}),
      Make("a6", "UN Security Council meets on Ukraine",
           "The United Nations Security Council met in New York on the war in "
           "Ukraine. Russia vetoed the resolution.",
           "en", "AP", EpochSeconds(2023, 11, 2), {"UA", "RU", "US"}, {},
           {"un"}),
      Make("a7", "Macron et Scholz à Paris",
           "Emmanuel Macron a reçu Olaf Scholz à l'Élysée pour parler de "
           "l'Union européenne et de la défense.",
           "fr", "AFP", EpochSeconds(2023, 12, 12), {"FR", "DE"},
           {"emmanuel-macron", "olaf-scholz"}, {"eu"}),
      Make("a8", "France, China and the United States discuss climate",
           "Envoys from France, China and the United States discussed climate "
           "finance ahead of the summit. Blinken joined by video.",
           "en", "Reuters", EpochSeconds(2024, 4, 9), {"FR", "CN", "US"},
           {"antony-blinken"}, {"un"}),
      Make("a9", "EU ministers meet in Brussels",
           "European Union foreign ministers, including Stéphane Séjourné, met "
           "in Brussels on sanctions against Russia.",
           "en", "AP", EpochSeconds(2024, 4, 22), {"FR", "RU"},
           {"stephane-sejourne"}, {"eu"}),
      Make(
          "a10", "Brigitte Macron opens exhibition",
          "Brigitte Macron opened an exhibition on Chinese porcelain in Paris.",
          "en", "AFP", EpochSeconds(2024, 5, 1), {"FR", "CN"},
          {"brigitte-macron"}, {}),
      Make("a11", "NATO summit preparations",
           "NATO officials prepared the summit in Washington; Blinken and "
           "Scholz spoke about Ukraine.",
           "en", "Reuters", EpochSeconds(2024, 6, 14), {"US", "UA", "DE"},
           {"antony-blinken", "olaf-scholz"}, {"nato"}),
      Make("a12", "Commerce: la France et l'Allemagne négocient",
           "Paris et Berlin négocient un accord sur l'énergie. La Chine "
           "observe.",
           "fr", "AFP", EpochSeconds(2024, 6, 30), {"FR", "DE", "CN"}, {},
           {"eu"}),
  };
  AddMentions(corpus[0]);
  return corpus;
}

std::vector<TestArticle> DailyCorpus() {
  std::vector<TestArticle> corpus;
  const int64_t first = EpochSeconds(2024, 9, 1);
  for (int day = 0; day < kDailyCorpusDays; ++day) {
    if (day == 20) continue;  // A day without news.
    for (int i = 0; i < 10; ++i) {
      std::vector<std::string> people;
      if ((day % 2 == 0 && i == 0) || (day == 35 && i < 5)) {
        people.push_back("olaf-scholz");
      }
      if (day == 36 && i < 3) people.push_back("xi-jinping");
      if (day == 37 && i < 2) people.push_back("antony-blinken");
      const std::string n = std::to_string(day) + "-" + std::to_string(i);
      corpus.push_back(Make(
          "d" + n, "Daily report " + n, "Routine news of the day from Paris.",
          "en", "Reuters", first + day * int64_t{86400}, {"FR"}, people, {}));
    }
  }
  return corpus;
}

std::vector<TestArticle> StoryCorpus() {
  std::vector<TestArticle> corpus = SmallCorpus();
  auto version = [&](TestArticle t, const std::string& story) {
    t.story = story;
    corpus.push_back(std::move(t));
  };
  auto root = [&](const std::string& id) {
    for (TestArticle& t : corpus) {
      if (t.article.id == id) t.story = id;
    }
  };
  root("a1");
  root("a4");
  root("a12");
  const std::string a1_body = corpus[0].article.body;
  version(Make("s1", "France and China open trade talks",
               a1_body + " The European Union welcomed the framework.", "en",
               "AFP", EpochSeconds(2024, 1, 15), {"FR", "CN"},
               {"stephane-sejourne"}, {"eu"}),
          "a1");
  version(Make("s2", "UPDATE 1-France and China open trade talks",
               a1_body + "\nAntony Blinken said the United States would "
                         "watch the talks closely.",
               "en", "AP", EpochSeconds(2024, 1, 16), {"FR", "CN", "US"},
               {"stephane-sejourne", "antony-blinken"}, {}),
          "a1");
  version(Make("s3", "Blinken arrives in Kyiv",
               corpus[3].article.body +
                   " The United Nations asked for a humanitarian corridor.",
               "en", "Reuters", EpochSeconds(2024, 3, 5), {"US", "UA"},
               {"antony-blinken"}, {"nato", "un"}),
          "a4");
  version(Make("s4", "Blinken in Kyiv", corpus[3].article.body, "en", "AFP",
               EpochSeconds(2024, 3, 7), {"US", "UA"}, {"antony-blinken"},
               {"nato"}),
          "a4");
  version(Make("s5", "Trade: France and Germany negotiate",
               "Paris and Berlin negotiate an energy accord. China is "
               "watching. NATO allies were briefed.",
               "en", "Reuters", EpochSeconds(2024, 7, 1), {"FR", "DE"}, {},
               {"eu", "nato"}),
          "a12");
  version(Make("s6", "France and Germany negotiate energy accord",
               "Paris and Berlin negotiate an energy accord. Olaf Scholz "
               "spoke of progress.",
               "en", "Reuters", EpochSeconds(2024, 7, 1), {"FR", "DE"},
               {"olaf-scholz"}, {"eu"}),
          "a12");
  return corpus;
}

Status WriteIndex(const std::string& path,
                  const std::vector<TestArticle>& articles) {
  CHANCERY_ASSIGN_OR_RETURN(std::unique_ptr<IndexWriter> writer,
                            IndexWriter::Open(path, 1000));
  DocumentBuilder builder;
  for (const TestArticle& t : articles) {
    BuiltDocument built = builder.Build(t.article, t.entities);
    if (!t.story.empty()) SetStory(t.story, built.document);
    CHANCERY_ASSIGN_OR_RETURN(WriteOutcome unused, writer->Upsert(built));
    (void)unused;
  }
  return writer->Commit();
}

std::string MakeTempDir(const std::string& tag) {
  static std::atomic<int> counter{0};
  std::filesystem::path dir =
      std::filesystem::temp_directory_path() /
      ("chancery-" + tag + "-" + std::to_string(getpid()) + "-" +
       std::to_string(counter++));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir.string();
}

}  // namespace chancery::fixtures
