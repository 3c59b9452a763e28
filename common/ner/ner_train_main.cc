// chancery-ner-train: trains a named-entity model from IOB2 files.
//
//   chancery-ner-train --lang en --train ../shared/ner/en/train.txt
//       --out models/ner/en.model
//   chancery-ner-train --lang en --train FILE --holdout 10   # feature choice
//
// --holdout P trains on the first (100-P)% of the --train sentences and
// prints the scores on the remaining P% after each epoch (the figures used
// to choose features and epochs, so dev stays held out). --extra FILE adds
// another corpus to training only: it is never held out, so the held-out
// part stays the same with and without it. --eval FILE prints the
// scores on FILE after each epoch. Same input and flags give the same
// model bytes.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "common/ner/ner_corpus.h"
#include "common/ner/ner_evaluate.h"
#include "common/ner/ner_gazetteer.h"
#include "common/ner/ner_model.h"
#include "common/ner/ner_tagger.h"
#include "common/ner/ner_trainer.h"

namespace chancery {
namespace {

int Usage(const char* why) {
  std::fprintf(stderr,
               "chancery-ner-train: %s\n"
               "usage: chancery-ner-train --lang LANG --train FILE... "
               "[--extra FILE...] [--out MODEL]\n"
               "       [--tokenization words|characters|arabic-words]\n"
               "       [--epochs N] [--hash-bits N] [--prune F] [--seed N] "
               "[--holdout PERCENT] [--eval FILE]\n"
               "       [--gazetteer config/entities]\n",
               why);
  return 2;
}

// Appends the sentences of `files` to `out`; false (after saying why) when
// one cannot be read.
bool AppendCorpora(const std::vector<std::string>& files,
                   std::vector<LabelledSentence>* out) {
  for (const std::string& file : files) {
    auto sentences = ReadIob2File(file);
    if (!sentences.ok()) {
      std::fprintf(stderr, "chancery-ner-train: %s\n",
                   sentences.status().ToString().c_str());
      return false;
    }
    for (auto& s : *sentences) out->push_back(std::move(s));
  }
  return true;
}

bool ParseInt(const char* text, long low, long high, long* value) {
  char* end = nullptr;
  *value = std::strtol(text, &end, 10);
  return end != text && *end == '\0' && *value >= low && *value <= high;
}

int Run(int argc, char** argv) {
  NerTrainOptions options;
  std::vector<std::string> train_files;
  std::vector<std::string> extra_files;
  std::string out;
  std::string eval_file;
  long holdout = 0;
  for (int i = 1; i < argc; ++i) {
    const std::string flag = argv[i];
    if (i + 1 >= argc) return Usage(("missing value for " + flag).c_str());
    const char* value = argv[++i];
    long number = 0;
    if (flag == "--lang") {
      options.language = value;
      if (options.language.empty() ||
          options.language.size() > kMaxNerLanguageLength) {
        return Usage("--lang: 1 to 8 characters");
      }
    } else if (flag == "--train") {
      train_files.emplace_back(value);
    } else if (flag == "--extra") {
      extra_files.emplace_back(value);
    } else if (flag == "--gazetteer") {
      auto entries = ReadNerGazetteer(value);
      if (!entries.ok()) {
        std::fprintf(stderr, "chancery-ner-train: %s\n",
                     entries.status().ToString().c_str());
        return 1;
      }
      options.gazetteer = std::move(*entries);
    } else if (flag == "--out") {
      out = value;
    } else if (flag == "--eval") {
      eval_file = value;
    } else if (flag == "--tokenization") {
      const std::string t = value;
      if (t == "words") {
        options.tokenization = NerTokenization::kWords;
      } else if (t == "characters") {
        options.tokenization = NerTokenization::kCharacters;
      } else if (t == "arabic-words") {
        options.tokenization = NerTokenization::kArabicWords;
      } else {
        return Usage("--tokenization: words, characters or arabic-words");
      }
    } else if (flag == "--epochs") {
      if (!ParseInt(value, 1, 100, &number)) return Usage("--epochs: 1..100");
      options.epochs = static_cast<int>(number);
    } else if (flag == "--hash-bits") {
      if (!ParseInt(value, kMinNerHashBits, kMaxNerHashBits, &number)) {
        return Usage("--hash-bits: 12..24");
      }
      options.hash_bits = static_cast<uint32_t>(number);
    } else if (flag == "--seed") {
      if (!ParseInt(value, 0, 1L << 30, &number)) return Usage("--seed");
      options.seed = static_cast<uint64_t>(number);
    } else if (flag == "--holdout") {
      if (!ParseInt(value, 1, 50, &holdout)) return Usage("--holdout: 1..50");
    } else if (flag == "--prune") {
      char* end = nullptr;
      options.prune_fraction = std::strtod(value, &end);
      if (end == value || *end != '\0' || options.prune_fraction < 0 ||
          options.prune_fraction >= 1) {
        return Usage("--prune: a fraction in [0, 1)");
      }
    } else {
      return Usage(("unknown flag " + flag).c_str());
    }
  }
  if (options.language.empty()) return Usage("--lang is required");
  if (train_files.empty()) return Usage("--train is required");
  if (out.empty() && holdout == 0 && eval_file.empty()) {
    return Usage("nothing to do: give --out, --holdout or --eval");
  }
  std::vector<LabelledSentence> train;
  if (!AppendCorpora(train_files, &train)) return 1;
  std::vector<LabelledSentence> held_out;
  if (holdout > 0) {
    const size_t keep = train.size() * static_cast<size_t>(100 - holdout) / 100;
    held_out.assign(std::make_move_iterator(train.begin() + keep),
                    std::make_move_iterator(train.end()));
    train.resize(keep);
  }
  if (!AppendCorpora(extra_files, &train)) return 1;
  std::vector<LabelledSentence> eval;
  if (!eval_file.empty()) {
    auto sentences = ReadIob2File(eval_file);
    if (!sentences.ok()) {
      std::fprintf(stderr, "chancery-ner-train: %s\n",
                   sentences.status().ToString().c_str());
      return 1;
    }
    eval = std::move(*sentences);
  }
  std::fprintf(stderr, "%s: %zu training sentences, %zu held out\n",
               options.language.c_str(), train.size(), held_out.size());
  const auto start = std::chrono::steady_clock::now();
  NerEpochCallback report;
  if (!held_out.empty() || !eval.empty()) {
    report = [&](int epoch, const NerModel& model) {
      const NerTagger tagger(model);
      if (!held_out.empty()) {
        std::fprintf(stdout, "epoch %d held-out (last %ld%% of train):\n",
                     epoch, holdout);
        PrintNerScores(stdout, "  ",
                       EvaluateNerTagger(tagger, held_out).scores);
      }
      if (!eval.empty()) {
        std::fprintf(stdout, "epoch %d %s:\n", epoch, eval_file.c_str());
        PrintNerScores(stdout, "  ", EvaluateNerTagger(tagger, eval).scores);
      }
      std::fflush(stdout);
    };
  }
  const NerModel model = TrainNerModel(train, options, report);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  if (!out.empty()) {
    const Status written = WriteNerModelFile(model, out);
    if (!written.ok()) {
      std::fprintf(stderr, "chancery-ner-train: %s\n",
                   written.ToString().c_str());
      return 1;
    }
    std::fprintf(stderr, "%s: wrote %s (%zu bytes) in %.1f s\n",
                 options.language.c_str(), out.c_str(),
                 EncodeNerModel(model).size(), seconds);
  }
  return 0;
}

}  // namespace
}  // namespace chancery

int main(int argc, char** argv) { return chancery::Run(argc, argv); }
