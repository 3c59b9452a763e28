// The weights of a trained named-entity tagger and their file format.
//
// A model file is a 56-byte little-endian header followed by two
// payloads. The weights: the non-zero rows, sparse, each a varint bucket
// delta, a 9-bit mask of the tags with a non-zero weight, then one int16
// per set bit. The gazetteer: entries sorted by key, each a varint key
// delta and a flags byte.
//
//   0  8  magic "CHNERMDL"           28 4  number of non-zero rows
//   8  4  format version (1)         32 4  weights payload size in bytes
//  12  4  feature version            36 4  number of gazetteer entries
//  16  8  language, NUL-padded       40 4  gazetteer payload size in bytes
//  24  1  tokenization (0 words, 1 characters, 2 Arabic words)
//  25  1  number of tags (9)         44 8  FNV-1a 64 of both payloads
//  26  1  hash bits                  52 4  FNV-1a 32 of bytes 0..51
//  27  1  entity types the model predicts, bit t for EntityType t
//
// Decoding checks every size, count and checksum, so a truncated or
// corrupt file is a Corruption status, never a crash or a wrong model.
// Functions are thread-safe; NerModel is a plain value.
#ifndef CHANCERY_COMMON_NER_NER_MODEL_H_
#define CHANCERY_COMMON_NER_NER_MODEL_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/ner/ner_features.h"
#include "common/status.h"

namespace chancery {

inline constexpr size_t kNerModelHeaderSize = 56;
inline constexpr size_t kMaxNerLanguageLength = 8;

struct NerModel {
  std::string language;  // ISO 639-1 code of the training corpus, <= 8 bytes.
  NerTokenization tokenization = NerTokenization::kWords;
  uint32_t hash_bits = 0;
  // Bit t set when the model may predict EntityType t: types absent from
  // the training corpus (MISC in Russian and Chinese) are never predicted.
  uint8_t type_mask = 0xf;
  // Dense: weights[bucket * kNumNerTags + tag], (1 << hash_bits) rows.
  std::vector<int16_t> weights;
  // Sorted by key, keys unique, flags non-zero.
  std::vector<NerGazetteerEntry> gazetteer;
};

// The file bytes of `model`. Precondition: language fits, hash_bits is in
// range and weights has (1 << hash_bits) * kNumNerTags entries.
// Deterministic: equal models give equal bytes.
std::string EncodeNerModel(const NerModel& model);

// Parses file bytes; `name` (the path) prefixes every error message.
StatusOr<NerModel> DecodeNerModel(std::string_view bytes,
                                  std::string_view name);

// NotFound when `path` does not exist, IoError when it cannot be read,
// Corruption when it is not a valid model.
StatusOr<NerModel> ReadNerModelFile(const std::string& path);

// Writes `path` through a temporary file and a rename, so a reader never
// sees half a model. IoError names the path on failure.
Status WriteNerModelFile(const NerModel& model, const std::string& path);

}  // namespace chancery

#endif  // CHANCERY_COMMON_NER_NER_MODEL_H_
