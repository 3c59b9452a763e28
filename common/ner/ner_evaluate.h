// Tagging a labelled corpus with a model and scoring the result, shared by
// the trainer (held-out figures per epoch) and bench/ner_quality.
//
// Thread safety: pure functions; the tagger is used const.
#ifndef CHANCERY_COMMON_NER_NER_EVALUATE_H_
#define CHANCERY_COMMON_NER_NER_EVALUATE_H_

#include <cstdio>
#include <vector>

#include "common/ner/ner_corpus.h"
#include "common/ner/ner_tagger.h"

namespace chancery {

struct NerEvaluation {
  NerScores scores;
  size_t tokens = 0;
  double seconds = 0;  // Time inside NerTagger::Tag only.
};

// Tags every sentence of `corpus` once (`passes` times for the timing;
// the scores count the first pass only).
NerEvaluation EvaluateNerTagger(const NerTagger& tagger,
                                const std::vector<LabelledSentence>& corpus,
                                int passes = 1);

// Prints "  TYPE  P 0.912  R 0.903  F1 0.907  (gold N)" lines for each type
// with gold or predicted entities and an "all" line, each prefixed by
// `prefix`.
void PrintNerScores(std::FILE* out, const char* prefix,
                    const NerScores& scores);

}  // namespace chancery

#endif  // CHANCERY_COMMON_NER_NER_EVALUATE_H_
