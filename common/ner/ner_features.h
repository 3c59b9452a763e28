// Hashed features of the named-entity tagger. Every feature is a template
// (word, lower-case form, shape, prefix, suffix, a neighbour within two
// tokens, gazetteer flags) applied to one token position and hashed into one
// of 2^hash_bits weight rows; one more row per tag holds the weights of
// the transitions from that tag (ner_decoder.h). The tagger and the trainer
// share this code, so a model and the features it was trained on cannot drift
// apart; the feature set version is stored in the model header.
//
// NerFeatures is an immutable value; all methods are const and
// thread-safe. NerSentenceFeatures is per-call scratch owned by the caller.
#ifndef CHANCERY_COMMON_NER_NER_FEATURES_H_
#define CHANCERY_COMMON_NER_NER_FEATURES_H_

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "common/ner/ner_gazetteer.h"
#include "common/ner/ner_tags.h"

namespace chancery {

// How the training corpus was tokenized, which decides the templates.
enum class NerTokenization : uint8_t {
  kWords = 0,       // CoNLL-style words and punctuation marks.
  kCharacters = 1,  // One token per character (Chinese).
  // Words, with Arabic letters folded and proclitic-free stems as more
  // features (ner_arabic.h).
  kArabicWords = 2,
};

// Bumped whenever a template or the hashing changes: a model stores the
// version it was trained with and the tagger refuses any other.
inline constexpr uint32_t kNerFeatureVersion = 1;

inline constexpr uint32_t kMinNerHashBits = 12;
inline constexpr uint32_t kMaxNerHashBits = 24;

// The per-token static feature buckets of one sentence: token i owns
// buckets[i * per_token, (i + 1) * per_token).
struct NerSentenceFeatures {
  size_t per_token = 0;
  std::vector<uint32_t> buckets;
  // Per-token hashes of the lower-cased form and the short shape.
  std::vector<uint64_t> lower;
  std::vector<uint64_t> short_shape;
};

// The hash of `token`'s lower-cased form (digits folded to 0), as the
// features and the gazetteer use it.
uint64_t NerLowerHash(std::string_view token);

class NerFeatures {
 public:
  // Precondition: kMinNerHashBits <= hash_bits <= kMaxNerHashBits.
  // `gazetteer` may be empty (the flags are then always 0).
  NerFeatures(NerTokenization tokenization, uint32_t hash_bits,
              const std::vector<NerGazetteerEntry>& gazetteer = {});

  NerTokenization tokenization() const { return tokenization_; }
  uint32_t hash_bits() const { return hash_bits_; }
  // Number of static feature buckets per token.
  size_t per_token() const;

  // Fills `out` with the static features of every token of one sentence.
  // Tokens are UTF-8; invalid bytes are hashed as they are.
  void Extract(const std::vector<std::string_view>& tokens,
               NerSentenceFeatures* out) const;

  // The bucket of the transition weights into each tag after tag `prev`.
  uint32_t TransitionBucket(NerTag prev) const;

 private:
  void ExtractWords(const std::vector<std::string_view>& tokens,
                    NerSentenceFeatures* out) const;
  void ExtractCharacters(const std::vector<std::string_view>& tokens,
                         NerSentenceFeatures* out) const;
  uint32_t Bucket(uint64_t hash) const {
    return static_cast<uint32_t>(hash >> (64 - hash_bits_));
  }

  NerTokenization tokenization_;
  uint32_t hash_bits_;
  NerGazetteer gazetteer_;
};

}  // namespace chancery

#endif  // CHANCERY_COMMON_NER_NER_FEATURES_H_
