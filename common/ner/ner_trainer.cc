#include "common/ner/ner_trainer.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>
#include <string_view>

#include "common/ner/ner_decoder.h"
#include "common/ner/ner_features.h"

namespace chancery {
namespace {

// splitmix64: a small generator whose sequence is fixed by its definition,
// unlike std::shuffle, whose algorithm the standard leaves open.
uint64_t NextRandom(uint64_t* state) {
  uint64_t z = (*state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

class Perceptron {
 public:
  explicit Perceptron(uint32_t hash_bits)
      : weights_((size_t{1} << hash_bits) * kNumNerTags, 0),
        sums_(weights_.size(), 0) {}

  void Update(uint32_t bucket, NerTag tag, int32_t delta) {
    const size_t at = static_cast<size_t>(bucket) * kNumNerTags + tag;
    weights_[at] += delta;
    sums_[at] += static_cast<int64_t>(delta) * steps_;
  }

  void Step() { ++steps_; }
  void AddRow(uint32_t bucket, int64_t* score) const {
    const int32_t* row = &weights_[static_cast<size_t>(bucket) * kNumNerTags];
    for (int t = 0; t < kNumNerTags; ++t) score[t] += row[t];
  }
  void Prefetch(uint32_t bucket) const {
    __builtin_prefetch(&weights_[static_cast<size_t>(bucket) * kNumNerTags]);
  }

  // Averaged weights, quantized to int16 and pruned.
  NerModel Averaged(const NerTrainOptions& options) const {
    std::vector<double> averaged(weights_.size());
    double largest = 0;
    const auto steps = static_cast<double>(steps_ == 0 ? 1 : steps_);
    for (size_t i = 0; i < weights_.size(); ++i) {
      averaged[i] = weights_[i] - static_cast<double>(sums_[i]) / steps;
      largest = std::max(largest, std::abs(averaged[i]));
    }
    NerModel model;
    model.language = options.language;
    model.tokenization = options.tokenization;
    model.hash_bits = options.hash_bits;
    model.gazetteer = options.gazetteer;
    model.weights.assign(weights_.size(), 0);
    if (largest == 0) return model;
    const double scale = 32767.0 / largest;
    const double floor = options.prune_fraction * 32767.0;
    for (size_t i = 0; i < weights_.size(); ++i) {
      const double q = std::round(averaged[i] * scale);
      if (std::abs(q) >= floor && q != 0) {
        model.weights[i] =
            static_cast<int16_t>(std::clamp(q, -32767.0, 32767.0));
      }
    }
    return model;
  }

 private:
  std::vector<int32_t> weights_;
  std::vector<int64_t> sums_;  // Sum of delta * step at each update.
  int64_t steps_ = 1;
};

}  // namespace

NerModel TrainNerModel(const std::vector<LabelledSentence>& sentences,
                       const NerTrainOptions& options,
                       const NerEpochCallback& on_epoch) {
  const NerFeatures features(options.tokenization, options.hash_bits,
                             options.gazetteer);
  std::vector<NerSentenceFeatures> extracted(sentences.size());
  for (size_t s = 0; s < sentences.size(); ++s) {
    const std::vector<std::string_view> tokens(sentences[s].tokens.begin(),
                                               sentences[s].tokens.end());
    features.Extract(tokens, &extracted[s]);
  }
  uint8_t type_mask = 0;
  for (const LabelledSentence& s : sentences) {
    for (NerTag tag : s.tags) {
      if (tag != kTagOutside) type_mask |= 1U << static_cast<int>(TagType(tag));
    }
  }
  if (type_mask == 0) type_mask = 0xf;
  std::vector<size_t> order(sentences.size());
  for (size_t s = 0; s < order.size(); ++s) order[s] = s;
  uint64_t random = options.seed;
  Perceptron perceptron(options.hash_bits);
  std::vector<NerTag> predicted;
  NerModel model;
  for (int epoch = 1; epoch <= options.epochs; ++epoch) {
    for (size_t k = order.size(); k > 1; --k) {
      std::swap(order[k - 1], order[NextRandom(&random) % k]);
    }
    for (size_t s : order) {
      const NerSentenceFeatures& f = extracted[s];
      const std::vector<NerTag>& gold = sentences[s].tags;
      DecodeNerTags(features, f, type_mask, perceptron, &predicted);
      // Structured perceptron update: towards the gold path and away from
      // the predicted one, where they differ.
      for (size_t i = 0; i < gold.size(); ++i) {
        const NerTag gold_prev = i == 0 ? kTagOutside : gold[i - 1];
        const NerTag predicted_prev = i == 0 ? kTagOutside : predicted[i - 1];
        if (gold[i] != predicted[i]) {
          const uint32_t* buckets = &f.buckets[i * f.per_token];
          for (size_t b = 0; b < f.per_token; ++b) {
            perceptron.Update(buckets[b], gold[i], 1);
            perceptron.Update(buckets[b], predicted[i], -1);
          }
        }
        if (gold[i] != predicted[i] || gold_prev != predicted_prev) {
          perceptron.Update(features.TransitionBucket(gold_prev), gold[i], 1);
          perceptron.Update(features.TransitionBucket(predicted_prev),
                            predicted[i], -1);
        }
        perceptron.Step();
      }
    }
    if (on_epoch || epoch == options.epochs) {
      model = perceptron.Averaged(options);
      model.type_mask = type_mask;
      if (on_epoch) on_epoch(epoch, model);
    }
  }
  return model;
}

}  // namespace chancery
