// ner_quality: entity-level P/R/F1 (CoNLL scoring: exact span and type)
// per language and type of the committed NER models on the dev splits of
// ../shared/ner, and tagging speed in tokens per second on one core.
//
//   build/bin/ner_quality [--models models/ner] [--data ../shared/ner]
//       [--langs en,de,es,fr,ru,zh,ar] [--split dev] [--passes 3]
//       [--dump FILE]
//
// --dump writes token<TAB>gold<TAB>predicted lines for error analysis.
// Exits 0 with a note when the data directory is missing (a user's clone
// has no ../shared).
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "bench/bench_args.h"
#include "common/ner/ner_corpus.h"
#include "common/ner/ner_evaluate.h"
#include "common/ner/ner_tagger.h"

namespace chancery {
namespace {

void Dump(std::FILE* out, const NerTagger& tagger,
          const std::vector<LabelledSentence>& corpus) {
  for (const LabelledSentence& s : corpus) {
    const std::vector<std::string_view> tokens(s.tokens.begin(),
                                               s.tokens.end());
    const std::vector<NerTag> predicted = tagger.TagSequence(tokens);
    for (size_t i = 0; i < tokens.size(); ++i) {
      const std::string_view gold = NerTagName(s.tags[i]);
      const std::string_view guess = NerTagName(predicted[i]);
      std::fprintf(out, "%s\t%.*s\t%.*s\n", s.tokens[i].c_str(),
                   static_cast<int>(gold.size()), gold.data(),
                   static_cast<int>(guess.size()), guess.data());
    }
    std::fputc('\n', out);
  }
}

int Run(int argc, char** argv) {
  std::string models = "models/ner";
  std::string data = "../shared/ner";
  std::string langs = "en,de,es,fr,ru,zh,ar";
  std::string split = "dev";
  std::string dump;
  int passes = 3;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    const std::string value = argv[i + 1];
    if (flag == "--models") {
      models = value;
    } else if (flag == "--data") {
      data = value;
    } else if (flag == "--langs") {
      langs = value;
    } else if (flag == "--split") {
      split = value;
    } else if (flag == "--dump") {
      dump = value;
    } else if (flag == "--passes") {
      passes = std::max(1, std::atoi(value.c_str()));
    } else {
      std::fprintf(stderr, "ner_quality: unknown flag %s\n", flag.c_str());
      return 2;
    }
  }
  if (argc % 2 == 0) {
    std::fprintf(stderr, "ner_quality: missing value for %s\n", argv[argc - 1]);
    return 2;
  }
  if (!std::filesystem::is_directory(data)) {
    std::printf("ner_quality: %s not found; nothing to measure\n",
                data.c_str());
    return 0;
  }
  std::FILE* dump_file = nullptr;
  if (!dump.empty() && (dump_file = std::fopen(dump.c_str(), "w")) == nullptr) {
    std::fprintf(stderr, "ner_quality: cannot write %s\n", dump.c_str());
    return 1;
  }
  size_t all_tokens = 0;
  double all_seconds = 0;
  for (const std::string& lang : SplitList(langs)) {
    const std::string model_path = models + "/" + lang + ".model";
    auto tagger = NerTagger::Load(model_path);
    if (!tagger.ok()) {
      std::fprintf(stderr, "ner_quality: %s\n",
                   tagger.status().ToString().c_str());
      return 1;
    }
    const std::string corpus_path = data + "/" + lang + "/" + split + ".txt";
    auto corpus = ReadIob2File(corpus_path);
    if (!corpus.ok()) {
      std::fprintf(stderr, "ner_quality: %s\n",
                   corpus.status().ToString().c_str());
      return 1;
    }
    const NerEvaluation result = EvaluateNerTagger(*tagger, *corpus, passes);
    std::printf("%s  %s (%zu sentences, %zu tokens)  %.0f tokens/s\n",
                lang.c_str(), corpus_path.c_str(), corpus->size(),
                result.tokens, result.tokens / result.seconds);
    PrintNerScores(stdout, "  ", result.scores);
    if (dump_file != nullptr) Dump(dump_file, *tagger, *corpus);
    all_tokens += result.tokens;
    all_seconds += result.seconds;
  }
  if (all_seconds > 0) {
    std::printf("all languages: %zu tokens, %.0f tokens/s (one thread)\n",
                all_tokens, all_tokens / all_seconds);
  }
  if (dump_file != nullptr) std::fclose(dump_file);
  return 0;
}

}  // namespace
}  // namespace chancery

int main(int argc, char** argv) { return chancery::Run(argc, argv); }
