#include "common/ner/ner_evaluate.h"

#include <chrono>
#include <string_view>

namespace chancery {

NerEvaluation EvaluateNerTagger(const NerTagger& tagger,
                                const std::vector<LabelledSentence>& corpus,
                                int passes) {
  NerEvaluation result;
  std::vector<std::vector<std::string_view>> views;
  views.reserve(corpus.size());
  for (const LabelledSentence& s : corpus) {
    views.emplace_back(s.tokens.begin(), s.tokens.end());
    result.tokens += s.tokens.size();
  }
  std::vector<std::vector<EntitySpan>> predicted(corpus.size());
  const auto start = std::chrono::steady_clock::now();
  for (int pass = 0; pass < passes; ++pass) {
    for (size_t s = 0; s < corpus.size(); ++s) {
      predicted[s] = tagger.Tag(views[s]);
    }
  }
  result.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count() /
      (passes < 1 ? 1 : passes);
  for (size_t s = 0; s < corpus.size(); ++s) {
    result.scores.Add(SpansFromTags(corpus[s].tags), predicted[s]);
  }
  return result;
}

void PrintNerScores(std::FILE* out, const char* prefix,
                    const NerScores& scores) {
  const auto line = [&](std::string_view name, const EntityCounts& c) {
    std::fprintf(out, "%s%-5.*s P %.3f  R %.3f  F1 %.3f  (gold %zu)\n", prefix,
                 static_cast<int>(name.size()), name.data(), c.Precision(),
                 c.Recall(), c.F1(), c.gold);
  };
  for (int t = 0; t < kNumEntityTypes; ++t) {
    const auto type = static_cast<EntityType>(t);
    const EntityCounts& c = scores.ForType(type);
    if (c.gold + c.predicted > 0) line(EntityTypeName(type), c);
  }
  line("all", scores.Total());
}

}  // namespace chancery
