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
// adding the kNumNerTags weights of `bucket` to score[0..kNumNerTags), and
// `void Prefetch(uint32_t bucket) const`, a hint that the row is next.
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
  // The tags the model may predict, and for each the tags it may follow.
  std::array<NerTag, kNumNerTags> allowed{};
  int num_allowed = 0;
  for (NerTag t = 0; t < kNumNerTags; ++t) {
    if (TagInTypes(t, type_mask)) allowed[num_allowed++] = t;
  }
  std::array<std::array<NerTag, kNumNerTags>, kNumNerTags> before{};
  std::array<int, kNumNerTags> num_before{};
  for (int a = 0; a < num_allowed; ++a) {
    for (int b = 0; b < num_allowed; ++b) {
      if (TagAllowedAfter(allowed[b], allowed[a])) {
        before[allowed[a]][num_before[allowed[a]]++] = allowed[b];
      }
    }
  }
  const size_t per_token = sentence.per_token;
  const auto prefetch = [&](size_t i) {
    if (i >= n) return;
    for (size_t f = 0; f < per_token; ++f) {
      weights.Prefetch(sentence.buckets[i * per_token + f]);
    }
  };
  prefetch(0);
  prefetch(1);
  std::vector<Row> best(n);
  std::vector<std::array<NerTag, kNumNerTags>> from(n);
  for (size_t i = 0; i < n; ++i) {
    prefetch(i + 2);  // Rows come from all over the table: hide the misses.
    Row emission{};
    const uint32_t* buckets = &sentence.buckets[i * per_token];
    for (size_t f = 0; f < per_token; ++f) {
      weights.AddRow(buckets[f], emission.data());
    }
    best[i].fill(kImpossible);
    for (int a = 0; a < num_allowed; ++a) {
      const NerTag t = allowed[a];
      if (i == 0) {
        if (TagAllowedAfter(kTagOutside, t)) {
          best[i][t] = emission[t] + transition[kTagOutside][t];
        }
        continue;
      }
      int64_t top = kImpossible;
      NerTag top_from = kTagOutside;
      for (int b = 0; b < num_before[t]; ++b) {
        const NerTag p = before[t][b];
        if (best[i - 1][p] == kImpossible) continue;
        const int64_t score = best[i - 1][p] + transition[p][t];
        if (score > top) {
          top = score;
          top_from = p;
        }
      }
      if (top != kImpossible) {
        best[i][t] = top + emission[t];
        from[i][t] = top_from;
      }
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
