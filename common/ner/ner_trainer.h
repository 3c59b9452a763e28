// Training of the named-entity tagger: an averaged structured perceptron
// (Collins 2002) over the hashed features of ner_features.h and first-order
// tag transitions, decoding each sentence with Viterbi as the tagger does.
// Deterministic: a fixed seed drives the per-epoch shuffle, and the arithmetic
// is integer until the final averaging, so the same corpus and options give the
// same model bytes.
//
// Thread safety: TrainNerModel is a pure function of its arguments.
#ifndef CHANCERY_COMMON_NER_NER_TRAINER_H_
#define CHANCERY_COMMON_NER_NER_TRAINER_H_

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "common/ner/ner_corpus.h"
#include "common/ner/ner_model.h"

namespace chancery {

struct NerTrainOptions {
  std::string language;  // Stored in the model header.
  NerTokenization tokenization = NerTokenization::kWords;
  uint32_t hash_bits = 20;
  int epochs = 10;
  uint64_t seed = 1;
  // Quantized weights with |w| below this share of the largest |w| are
  // dropped; rows left with no weight are not stored.
  double prune_fraction = 0;
  // Word lists for the gazetteer features (ReadNerGazetteer), stored in
  // the model; empty for none. Ignored by the character tokenization.
  std::vector<NerGazetteerEntry> gazetteer;
};

// Called after each epoch with the averaged, quantized model so far.
using NerEpochCallback = std::function<void(int epoch, const NerModel&)>;

// Trains on `sentences` (none may be empty of tokens; tags must be valid
// IOB2 indices). Precondition: options.hash_bits in range, epochs >= 1.
NerModel TrainNerModel(const std::vector<LabelledSentence>& sentences,
                       const NerTrainOptions& options,
                       const NerEpochCallback& on_epoch = nullptr);

}  // namespace chancery

#endif  // CHANCERY_COMMON_NER_NER_TRAINER_H_
