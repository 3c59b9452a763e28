// Viterbi decoding of one sentence for the tagger and the trainer: the
// best IOB2 tag sequence under per-token feature scores plus first-order
// tag transition scores, restricted to the model's entity types.
//
// Thread safety: pure function templates; `weights` is only read.
#ifndef CHANCERY_COMMON_NER_NER_DECODER_H_
#define CHANCERY_COMMON_NER_NER_DECODER_H_

#include <array>
#include <cstdint>
#include <limits>
#include <vector>

#include "common/ner/ner_features.h"
#include "common/ner/ner_tags.h"

namespace chancery {

// Weights provides `void AddRow(uint32_t bucket, int64_t* score) const`,
// adding the kNumNerTags weights of `bucket` to score[0..kNumNerTags).
template <typename Weights>
void DecodeNerTags(const NerFeatures& features,
                   const NerSentenceFeatures& sentence, uint8_t type_mask,
                   const Weights& weights, std::vector<NerTag>* tags) {
  const size_t n = sentence.lower.size();
  tags->assign(n, kTagOutside);
  if (n == 0) return;
  using Row = std::array<int64_t, kNumNerTags>;
  constexpr int64_t kImpossible = std::numeric_limits<int64_t>::min() / 4;
  // transition[p][t]: the score of tag t after tag p; row kTagOutside also
  // scores the first token (the sentence start behaves as an O).
  std::array<Row, kNumNerTags> transition{};
  for (NerTag p = 0; p < kNumNerTags; ++p) {
    weights.AddRow(features.TransitionBucket(p), transition[p].data());
  }
  std::vector<Row> best(n);
  std::vector<std::array<NerTag, kNumNerTags>> from(n);
  for (size_t i = 0; i < n; ++i) {
    Row emission{};
    const uint32_t* buckets = &sentence.buckets[i * sentence.per_token];
    for (size_t f = 0; f < sentence.per_token; ++f) {
      weights.AddRow(buckets[f], emission.data());
    }
    for (NerTag t = 0; t < kNumNerTags; ++t) {
      best[i][t] = kImpossible;
      if (!TagInTypes(t, type_mask)) continue;
      if (i == 0) {
        if (TagAllowedAfter(kTagOutside, t)) {
          best[i][t] = emission[t] + transition[kTagOutside][t];
        }
        continue;
      }
      for (NerTag p = 0; p < kNumNerTags; ++p) {
        if (best[i - 1][p] == kImpossible || !TagAllowedAfter(p, t)) continue;
        const int64_t score = best[i - 1][p] + transition[p][t];
        if (score > best[i][t]) {
          best[i][t] = score;
          from[i][t] = p;
        }
      }
      if (best[i][t] != kImpossible) best[i][t] += emission[t];
    }
  }
  NerTag last = kTagOutside;
  for (NerTag t = 1; t < kNumNerTags; ++t) {
    if (best[n - 1][t] > best[n - 1][last]) last = t;
  }
  for (size_t i = n; i-- > 0;) {
    (*tags)[i] = last;
    if (i > 0) last = from[i][last];
  }
}

}  // namespace chancery

#endif  // CHANCERY_COMMON_NER_NER_DECODER_H_
