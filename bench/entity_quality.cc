// entity_quality: entity-level P/R/F1 (CoNLL scoring: exact span and type)
// per language and type of the whole entity extractor (common/entities/)
// on the dev splits of ../shared/ner, in rules mode and in ner mode, beside
// the raw tagger (common/ner/) on the gold tokens and on the same text the
// extractor reads. One run, four columns:
//
//   tagger/tokens  NerTagger::Tag on the corpus tokens (= ner_quality)
//   tagger/text    NerTagger::TagText on the sentence text below: what the
//                  extractor's tagger sees (its own tokenization and
//                  sentence splitting)
//   rules          EntityExtractor without models (--entities rules)
//   ner            EntityExtractor with models (--entities ner, default)
//
// Each dev sentence becomes an Article whose body is its tokens joined by
// single spaces (Chinese, a character-level corpus: joined without spaces,
// as Chinese is written) and whose lang is the corpus language. Every body
// mention of an extracted entity is a predicted span: a person PER, an
// organisation ORG, a country LOC, except a mention the tagger typed MISC
// (a demonym: "French"), which stays MISC, and a country mention the
// tagger typed ORG (a team or government), which stays ORG. Byte ranges are
// snapped to the corpus tokens they touch; duplicate and overlapping spans keep
// the first (longest at a position). The extractor reports only names that link
// to a facet value (a LOC that is no country, such as a city, is never a
// country), so its LOC, ORG and MISC recall is bounded by linking; PER is
// the type where all four columns compare like for like.
//
//   build/bin/entity_quality [--config-dir config] [--models models/ner]
//       [--data ../shared/ner] [--langs en,de,es,fr,ru,zh,ar] [--split dev]
//       [--holdout PERCENT] [--join text|spaces] [--dump FILE]
//
// --holdout P scores only the last P% of the split's sentences: with
// `--split train` and models trained by `chancery-ner-train --holdout P`
// (on the first 100-P%), the tuning data on which the extractor's rules
// are chosen, so that dev stays held out:
//
//   build/bin/chancery-ner-train --lang en --epochs 10 --holdout 10
//       --train ../shared/ner/en/train.txt --gazetteer config/entities
//       --out /tmp/holdout/en.model    (each language; zh: --tokenization
//       characters, no --gazetteer)
//   build/bin/entity_quality --split train --holdout 10 --models /tmp/holdout
//
// --dump writes the errors of the tagger/text, rules and ner columns for
// analysis (compare ner with tagger/text to see what the extractor loses), one
// line each: lang<TAB>column<TAB>fp|fn<TAB>type<TAB>span<TAB>sentence.
//
// Exits 0 with a note when the data directory is missing.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bench/bench_args.h"
#include "common/data_dirs.h"
#include "common/entities/entity_extractor.h"
#include "common/ner/ner_corpus.h"
#include "common/ner/ner_evaluate.h"
#include "common/ner/ner_tagger.h"

namespace chancery {
namespace {

// Bytes [begin, end) of one corpus token in the sentence text.
struct TokenBytes {
  size_t begin = 0;
  size_t end = 0;
};

struct SentenceText {
  std::string text;
  std::vector<TokenBytes> tokens;
};

// How a sentence's tokens become text.
enum class Join {
  kSpaces,  // One space between tokens, as given.
  kText,    // As the text would be written (see NeedsSpaceBetween).
  kNone,    // No spaces: Chinese, a character-level corpus.
};

// Whether written text has a space between tokens `left` and `right`: not
// before closing punctuation (", . ; : ! ? ) ] %") or an English clitic
// ("'s", "n't"), not after an opening bracket or a French or Italian
// elision ("l'", "d'", "qu'").
bool NeedsSpaceBetween(std::string_view left, std::string_view right,
                       std::string_view lang) {
  if (right.size() == 1 &&
      std::string_view(",.;:!?)]}%").find(right[0]) != std::string_view::npos) {
    return false;
  }
  if (right.starts_with("'") || right == "n't") return false;
  if (left.size() == 1 &&
      std::string_view("([{").find(left[0]) != std::string_view::npos) {
    return false;
  }
  const bool elision_language = lang == "fr" || lang == "it";
  const bool elision = left.size() <= 4 && left.size() >= 2 &&
                       (left.ends_with("'") || left.ends_with("\u2019"));
  return !(elision_language && elision);
}

SentenceText JoinTokens(const LabelledSentence& s, Join join,
                        std::string_view lang) {
  SentenceText out;
  for (size_t i = 0; i < s.tokens.size(); ++i) {
    if (i > 0 && (join == Join::kSpaces ||
                  (join == Join::kText &&
                   NeedsSpaceBetween(s.tokens[i - 1], s.tokens[i], lang)))) {
      out.text += ' ';
    }
    out.tokens.push_back(
        {out.text.size(), out.text.size() + s.tokens[i].size()});
    out.text += s.tokens[i];
  }
  return out;
}

// The corpus tokens bytes [begin, end) touch, as [first, last + 1); nullopt
// when the range touches none.
std::optional<std::pair<size_t, size_t>> SnapToTokens(
    size_t begin, size_t end, const std::vector<TokenBytes>& tokens) {
  size_t first = 0;
  while (first < tokens.size() && tokens[first].end <= begin) ++first;
  size_t last = first;
  while (last < tokens.size() && tokens[last].begin < end) ++last;
  if (last == first) return std::nullopt;
  return std::make_pair(first, last);
}

// Spans in order, without duplicates or overlaps (NerScores::Add needs
// both): at one start the longest wins, then the earlier start.
std::vector<EntitySpan> InOrderWithoutOverlaps(std::vector<EntitySpan> spans) {
  std::sort(spans.begin(), spans.end(),
            [](const EntitySpan& a, const EntitySpan& b) {
              if (a.begin_token != b.begin_token) {
                return a.begin_token < b.begin_token;
              }
              return a.end_token > b.end_token;
            });
  std::vector<EntitySpan> out;
  for (const EntitySpan& s : spans) {
    if (!out.empty() && s.begin_token < out.back().end_token) continue;
    out.push_back(s);
  }
  return out;
}

std::vector<EntitySpan> SpansOfEntities(const ArticleEntities& entities,
                                        const std::vector<TokenBytes>& tokens) {
  std::vector<EntitySpan> spans;
  const auto add = [&](const std::vector<Entity>& list, EntityType type) {
    for (const Entity& entity : list) {
      for (const Mention& m : entity.spans) {
        if (m.field != MentionField::kBody || m.end <= m.begin) continue;
        const auto snapped = SnapToTokens(m.begin, m.end, tokens);
        if (!snapped) continue;
        // A country the tagger read as a team or government ("el
        // Madrid", "Brasil y Argentina aplican") is reported as an ORG
        // mention of the country, a demonym as a MISC one.
        EntityType span_type = type;
        if (m.type == MentionType::kMisc) span_type = EntityType::kMisc;
        if (type == EntityType::kLoc && m.type == MentionType::kOrg) {
          span_type = EntityType::kOrg;
        }
        spans.push_back({snapped->first, snapped->second, span_type});
      }
    }
  };
  add(entities.people, EntityType::kPer);
  add(entities.orgs, EntityType::kOrg);
  add(entities.countries, EntityType::kLoc);
  return InOrderWithoutOverlaps(std::move(spans));
}

std::vector<EntitySpan> SpansOfText(const std::vector<TextEntity>& entities,
                                    const std::vector<TokenBytes>& tokens) {
  std::vector<EntitySpan> spans;
  for (const TextEntity& e : entities) {
    const auto snapped = SnapToTokens(e.begin, e.end, tokens);
    if (snapped) spans.push_back({snapped->first, snapped->second, e.type});
  }
  return InOrderWithoutOverlaps(std::move(spans));
}

enum Column { kTaggerTokens, kTaggerText, kRules, kNer, kNumColumns };
constexpr const char* kColumnNames[kNumColumns] = {
    "tagger/tokens", "tagger/text", "rules", "ner"};

struct LanguageResult {
  std::string lang;
  NerScores scores[kNumColumns];
  double seconds[kNumColumns] = {};
  size_t sentences = 0;
  size_t tokens = 0;
};

// Writes the spans of `spans` that `others` lacks as `kind` lines.
void DumpMissing(std::FILE* out, const std::string& lang, const char* column,
                 const char* kind, const std::vector<EntitySpan>& spans,
                 const std::vector<EntitySpan>& others,
                 const SentenceText& sentence) {
  for (const EntitySpan& s : spans) {
    if (std::find(others.begin(), others.end(), s) != others.end()) continue;
    const size_t begin = sentence.tokens[s.begin_token].begin;
    const size_t end = sentence.tokens[s.end_token - 1].end;
    const std::string_view type = EntityTypeName(s.type);
    std::fprintf(out, "%s\t%s\t%s\t%.*s\t%.*s\t%s\n", lang.c_str(), column,
                 kind, static_cast<int>(type.size()), type.data(),
                 static_cast<int>(end - begin), sentence.text.data() + begin,
                 sentence.text.c_str());
  }
}

double Since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
      .count();
}

LanguageResult ScoreLanguage(const std::string& lang,
                             const std::vector<LabelledSentence>& corpus,
                             const NerTagger& tagger,
                             const EntityExtractor& rules,
                             const EntityExtractor& ner, Join join,
                             std::FILE* dump) {
  LanguageResult r;
  r.lang = lang;
  r.sentences = corpus.size();
  const NerEvaluation raw = EvaluateNerTagger(tagger, corpus, 1);
  r.scores[kTaggerTokens] = raw.scores;
  r.seconds[kTaggerTokens] = raw.seconds;
  r.tokens = raw.tokens;
  if (lang == "zh") join = Join::kNone;
  for (size_t i = 0; i < corpus.size(); ++i) {
    const std::vector<EntitySpan> gold = SpansFromTags(corpus[i].tags);
    const SentenceText sentence = JoinTokens(corpus[i], join, lang);
    Article article;
    article.id = lang + "-" + std::to_string(i + 1);
    article.lang = lang;
    article.body = sentence.text;

    auto start = std::chrono::steady_clock::now();
    const std::vector<TextEntity> tagged = tagger.TagText(article.body);
    r.seconds[kTaggerText] += Since(start);
    const std::vector<EntitySpan> tagged_spans =
        SpansOfText(tagged, sentence.tokens);
    r.scores[kTaggerText].Add(gold, tagged_spans);
    if (dump != nullptr) {
      const char* column = kColumnNames[kTaggerText];
      DumpMissing(dump, lang, column, "fp", tagged_spans, gold, sentence);
      DumpMissing(dump, lang, column, "fn", gold, tagged_spans, sentence);
    }

    const EntityExtractor* extractors[2] = {&rules, &ner};
    for (int m = 0; m < 2; ++m) {
      start = std::chrono::steady_clock::now();
      const ArticleEntities found = extractors[m]->Extract(article);
      r.seconds[kRules + m] += Since(start);
      const std::vector<EntitySpan> predicted =
          SpansOfEntities(found, sentence.tokens);
      r.scores[kRules + m].Add(gold, predicted);
      if (dump != nullptr) {
        const char* column = kColumnNames[kRules + m];
        DumpMissing(dump, lang, column, "fp", predicted, gold, sentence);
        DumpMissing(dump, lang, column, "fn", gold, predicted, sentence);
      }
    }
  }
  return r;
}

void PrintLanguage(const LanguageResult& r) {
  std::printf("%s  %zu sentences, %zu tokens\n", r.lang.c_str(), r.sentences,
              r.tokens);
  std::printf("  %-5s %6s", "type", "gold");
  for (const char* name : kColumnNames) std::printf("  %-19s", name);
  std::printf("\n  %-5s %6s", "", "");
  for (int c = 0; c < kNumColumns; ++c)
    std::printf("  %-19s", "P     R     F1");
  std::printf("\n");
  const auto row = [&](std::string_view name, auto counts_of) {
    std::printf("  %-5.*s %6zu", static_cast<int>(name.size()), name.data(),
                counts_of(r.scores[0]).gold);
    for (const NerScores& s : r.scores) {
      const EntityCounts c = counts_of(s);
      std::printf("  %.3f %.3f %.3f  ", c.Precision(), c.Recall(), c.F1());
    }
    std::printf("\n");
  };
  for (int t = 0; t < kNumEntityTypes; ++t) {
    const auto type = static_cast<EntityType>(t);
    if (r.scores[kTaggerTokens].ForType(type).gold == 0) continue;
    row(EntityTypeName(type),
        [type](const NerScores& s) { return s.ForType(type); });
  }
  row("all", [](const NerScores& s) { return s.Total(); });
  std::printf("  time  ");
  for (int c = 0; c < kNumColumns; ++c) {
    std::printf(" %s %.2f s", kColumnNames[c], r.seconds[c]);
  }
  std::printf("\n");
}

// F1 of one type in every language and column, the figure to compare.
void PrintSummary(const std::vector<LanguageResult>& results, EntityType type) {
  const std::string_view name = EntityTypeName(type);
  std::printf("%.*s F1  %-5s", static_cast<int>(name.size()), name.data(),
              "lang");
  for (const char* column : kColumnNames) std::printf(" %13s", column);
  std::printf("\n");
  for (const LanguageResult& r : results) {
    if (r.scores[kTaggerTokens].ForType(type).gold == 0) continue;
    std::printf("        %-5s", r.lang.c_str());
    for (const NerScores& s : r.scores) {
      std::printf(" %13.3f", s.ForType(type).F1());
    }
    std::printf("\n");
  }
}

int Run(int argc, char** argv) {
  const DataDirs dirs = FindDataDirs();
  std::string config_dir = dirs.config_dir;
  std::string models = dirs.ner_models_dir;
  std::string data = "../shared/ner";
  std::string langs = "en,de,es,fr,ru,zh,ar";
  std::string split = "dev";
  std::string dump;
  long holdout = 0;
  Join join = Join::kText;
  if (argc % 2 == 0) {
    std::fprintf(stderr, "entity_quality: missing value for %s\n",
                 argv[argc - 1]);
    return 2;
  }
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    const std::string value = argv[i + 1];
    if (flag == "--config-dir") {
      config_dir = value;
    } else if (flag == "--models") {
      models = value;
    } else if (flag == "--data") {
      data = value;
    } else if (flag == "--langs") {
      langs = value;
    } else if (flag == "--split") {
      split = value;
    } else if (flag == "--holdout") {
      char* end = nullptr;
      holdout = std::strtol(value.c_str(), &end, 10);
      if (end == value.c_str() || *end != '\0' || holdout < 1 || holdout > 50) {
        std::fprintf(stderr, "entity_quality: --holdout must be 1..50\n");
        return 2;
      }
    } else if (flag == "--join") {
      if (value != "text" && value != "spaces") {
        std::fprintf(stderr, "entity_quality: --join must be text or spaces\n");
        return 2;
      }
      join = value == "text" ? Join::kText : Join::kSpaces;
    } else if (flag == "--dump") {
      dump = value;
    } else {
      std::fprintf(stderr, "entity_quality: unknown flag %s\n", flag.c_str());
      return 2;
    }
  }
  if (!std::filesystem::is_directory(data)) {
    std::printf("entity_quality: %s not found; nothing to measure\n",
                data.c_str());
    return 0;
  }
  auto rules = EntityExtractor::Load(config_dir, {});
  auto ner = EntityExtractor::Load(config_dir, EntityExtractorOptions{models});
  for (const auto* loaded : {&rules, &ner}) {
    if (!loaded->ok()) {
      std::fprintf(stderr, "entity_quality: %s\n",
                   loaded->status().ToString().c_str());
      return 1;
    }
  }
  std::FILE* dump_file = nullptr;
  if (!dump.empty() && (dump_file = std::fopen(dump.c_str(), "w")) == nullptr) {
    std::fprintf(stderr, "entity_quality: cannot write %s\n", dump.c_str());
    return 1;
  }
  std::vector<LanguageResult> results;
  for (const std::string& lang : SplitList(langs)) {
    auto tagger = NerTagger::Load(models + "/" + lang + ".model");
    const std::string corpus_path = data + "/" + lang + "/" + split + ".txt";
    auto corpus = ReadIob2File(corpus_path);
    for (const Status& s : {tagger.status(), corpus.status()}) {
      if (!s.ok()) {
        std::fprintf(stderr, "entity_quality: %s\n", s.ToString().c_str());
        if (dump_file != nullptr) std::fclose(dump_file);
        return 1;
      }
    }
    if (holdout > 0) {
      // The sentences chancery-ner-train --holdout left out of training.
      const size_t keep =
          corpus->size() * static_cast<size_t>(100 - holdout) / 100;
      corpus->erase(corpus->begin(), corpus->begin() + keep);
    }
    results.push_back(
        ScoreLanguage(lang, *corpus, *tagger, **rules, **ner, join, dump_file));
    PrintLanguage(results.back());
    std::fflush(stdout);
  }
  std::printf("\n");
  for (EntityType type :
       {EntityType::kPer, EntityType::kOrg, EntityType::kLoc}) {
    PrintSummary(results, type);
  }
  if (dump_file != nullptr) std::fclose(dump_file);
  return 0;
}

}  // namespace
}  // namespace chancery

int main(int argc, char** argv) { return chancery::Run(argc, argv); }
