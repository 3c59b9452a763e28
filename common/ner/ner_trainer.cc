#include "common/ner/ner_trainer.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <cmath>
#include <cstdlib>
#include <string_view>

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

  void Score(uint32_t bucket, std::array<int64_t, kNumNerTags>* score) const {
    const int32_t* row = &weights_[static_cast<size_t>(bucket) * kNumNerTags];
    for (int t = 0; t < kNumNerTags; ++t) (*score)[t] += row[t];
  }

  void Update(uint32_t bucket, NerTag tag, int32_t delta) {
    const size_t at = static_cast<size_t>(bucket) * kNumNerTags + tag;
    weights_[at] += delta;
    sums_[at] += static_cast<int64_t>(delta) * steps_;
  }

  void Step() { ++steps_; }

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
    if (std::getenv("NER_STATS")) {
      std::vector<double> mags;
      for (double a : averaged) if (a != 0) mags.push_back(std::abs(a));
      std::sort(mags.begin(), mags.end());
      std::fprintf(stderr, "nonzero %zu max %g q50 %g q90 %g q99 %g q999 %g q9999 %g\n", mags.size(), largest,
        mags[mags.size()/2], mags[mags.size()*9/10], mags[mags.size()*99/100], mags[mags.size()*999/1000], mags[mags.size()*9999/10000]);
    }
    double scale = 32767.0 / largest;
    if (std::getenv("NER_SCALE")) scale = std::atof(std::getenv("NER_SCALE"));
    const double floor = options.prune_fraction * 32767.0;
    for (size_t i = 0; i < weights_.size(); ++i) {
      const double q = std::round(averaged[i] * scale);
      if (std::abs(q) >= floor && q != 0) {
        model.weights[i] = static_cast<int16_t>(std::clamp(q, -32767.0, 32767.0));
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
  NerModel model;
  for (int epoch = 1; epoch <= options.epochs; ++epoch) {
    for (size_t k = order.size(); k > 1; --k) {
      std::swap(order[k - 1], order[NextRandom(&random) % k]);
    }
    for (size_t s : order) {
      const NerSentenceFeatures& f = extracted[s];
      const std::vector<NerTag>& gold = sentences[s].tags;
      NerTag prev = kTagOutside;
      NerTag prev2 = kTagOutside;
      for (size_t i = 0; i < gold.size(); ++i) {
        std::array<uint32_t, kNumNerTagFeatures> tag_buckets;
        features.TagFeatures(f, i, prev, prev2, tag_buckets.data());
        const uint32_t* buckets = &f.buckets[i * f.per_token];
        std::array<int64_t, kNumNerTags> score{};
        for (size_t b = 0; b < f.per_token; ++b) {
          perceptron.Score(buckets[b], &score);
        }
        for (uint32_t b : tag_buckets) perceptron.Score(b, &score);
        const NerTag best = BestAllowedTag(score, prev, type_mask);
        if (best != gold[i]) {
          for (size_t b = 0; b < f.per_token; ++b) {
            perceptron.Update(buckets[b], gold[i], 1);
            perceptron.Update(buckets[b], best, -1);
          }
          for (uint32_t b : tag_buckets) {
            perceptron.Update(b, gold[i], 1);
            perceptron.Update(b, best, -1);
          }
        }
        perceptron.Step();
        prev2 = prev;
        prev = best;
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
