#include "common/ner/ner_model.h"

#include <bit>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>

#include "common/base/hash.h"

namespace chancery {
namespace {

constexpr std::string_view kMagic = "CHNERMDL";
constexpr uint32_t kFormatVersion = 1;

uint64_t Fnv64(std::string_view bytes) { return Fnv1a64(bytes); }

uint32_t Fnv32(std::string_view bytes) {
  uint32_t h = 0x811c9dc5U;
  for (unsigned char c : bytes) h = (h ^ c) * 0x01000193U;
  return h;
}

void PutLe(std::string* out, uint64_t value, int bytes) {
  for (int i = 0; i < bytes; ++i) {
    out->push_back(static_cast<char>((value >> (8 * i)) & 0xff));
  }
}

uint64_t GetLe(std::string_view bytes, size_t at, int n) {
  uint64_t value = 0;
  for (int i = 0; i < n; ++i) {
    value |= static_cast<uint64_t>(static_cast<unsigned char>(bytes[at + i]))
             << (8 * i);
  }
  return value;
}

void PutVarint(std::string* out, uint64_t value) {
  while (value >= 0x80) {
    out->push_back(static_cast<char>((value & 0x7f) | 0x80));
    value >>= 7;
  }
  out->push_back(static_cast<char>(value));
}

// Reads a varint at *at; false when the bytes end first or it is too long.
bool GetVarint(std::string_view bytes, size_t* at, uint64_t* value) {
  *value = 0;
  for (int shift = 0; shift < 35; shift += 7) {
    if (*at >= bytes.size()) return false;
    const auto byte = static_cast<unsigned char>(bytes[(*at)++]);
    *value |= static_cast<uint64_t>(byte & 0x7f) << shift;
    if ((byte & 0x80) == 0) return true;
  }
  return false;
}

Status Corrupt(std::string_view name, const std::string& why) {
  return Status::Corruption(std::string(name) +
                            ": not a valid NER model: " + why);
}

}  // namespace

std::string EncodeNerModel(const NerModel& model) {
  std::string weights;
  uint32_t rows = 0;
  uint64_t next_bucket = 0;
  const size_t num_rows = model.weights.size() / kNumNerTags;
  for (size_t bucket = 0; bucket < num_rows; ++bucket) {
    const int16_t* row = &model.weights[bucket * kNumNerTags];
    uint32_t mask = 0;
    for (int t = 0; t < kNumNerTags; ++t) {
      if (row[t] != 0) mask |= 1U << t;
    }
    if (mask == 0) continue;
    PutVarint(&weights, bucket - next_bucket);
    PutLe(&weights, mask, 2);
    for (int t = 0; t < kNumNerTags; ++t) {
      if (row[t] != 0) PutLe(&weights, static_cast<uint16_t>(row[t]), 2);
    }
    next_bucket = bucket + 1;
    ++rows;
  }
  std::string gazetteer;
  uint64_t next_key = 0;
  for (const NerGazetteerEntry& e : model.gazetteer) {
    PutVarint(&gazetteer, e.key - next_key);
    gazetteer.push_back(static_cast<char>(e.flags));
    next_key = uint64_t{e.key} + 1;
  }
  std::string out(kMagic);
  PutLe(&out, kFormatVersion, 4);
  PutLe(&out, kNerFeatureVersion, 4);
  std::string language = model.language;
  language.resize(kMaxNerLanguageLength, '\0');
  out += language;
  out.push_back(static_cast<char>(model.tokenization));
  out.push_back(static_cast<char>(kNumNerTags));
  out.push_back(static_cast<char>(model.hash_bits));
  out.push_back(static_cast<char>(model.type_mask));
  PutLe(&out, rows, 4);
  PutLe(&out, weights.size(), 4);
  PutLe(&out, model.gazetteer.size(), 4);
  PutLe(&out, gazetteer.size(), 4);
  PutLe(&out, Fnv64(weights + gazetteer), 8);
  PutLe(&out, Fnv32(out), 4);
  out += weights;
  out += gazetteer;
  return out;
}

namespace {

Status DecodeWeights(std::string_view payload, uint64_t rows,
                     std::string_view name, NerModel* model) {
  const uint64_t num_buckets = uint64_t{1} << model->hash_bits;
  if (rows > num_buckets) return Corrupt(name, "more rows than buckets");
  model->weights.assign(num_buckets * kNumNerTags, 0);
  size_t at = 0;
  uint64_t next_bucket = 0;
  for (uint64_t r = 0; r < rows; ++r) {
    uint64_t delta = 0;
    if (!GetVarint(payload, &at, &delta) || at + 2 > payload.size()) {
      return Corrupt(name, "weight row " + std::to_string(r) + " truncated");
    }
    const uint64_t bucket = next_bucket + delta;
    const uint64_t mask = GetLe(payload, at, 2);
    at += 2;
    if (bucket >= num_buckets || mask == 0 || mask >= (1U << kNumNerTags)) {
      return Corrupt(name, "weight row " + std::to_string(r) + " malformed");
    }
    const int set = std::popcount(mask);
    if (at + 2 * static_cast<size_t>(set) > payload.size()) {
      return Corrupt(name, "weight row " + std::to_string(r) + " truncated");
    }
    for (int t = 0; t < kNumNerTags; ++t) {
      if ((mask & (1U << t)) == 0) continue;
      model->weights[bucket * kNumNerTags + t] =
          static_cast<int16_t>(GetLe(payload, at, 2));
      at += 2;
    }
    next_bucket = bucket + 1;
  }
  if (at != payload.size()) {
    return Corrupt(name, "trailing bytes after the last weight row");
  }
  return Status::Ok();
}

Status DecodeGazetteer(std::string_view payload, uint64_t entries,
                       std::string_view name, NerModel* model) {
  if (entries > payload.size()) {
    return Corrupt(name, "more gazetteer entries than bytes");
  }
  model->gazetteer.reserve(entries);
  size_t at = 0;
  uint64_t next_key = 0;
  for (uint64_t e = 0; e < entries; ++e) {
    uint64_t delta = 0;
    if (!GetVarint(payload, &at, &delta) || at >= payload.size()) {
      return Corrupt(name,
                     "gazetteer entry " + std::to_string(e) + " truncated");
    }
    const uint64_t key = next_key + delta;
    const auto flags = static_cast<uint8_t>(payload[at++]);
    if (key > 0xffffffffULL || flags == 0) {
      return Corrupt(name,
                     "gazetteer entry " + std::to_string(e) + " malformed");
    }
    model->gazetteer.push_back({static_cast<uint32_t>(key), flags});
    next_key = key + 1;
  }
  if (at != payload.size()) {
    return Corrupt(name, "trailing bytes after the gazetteer");
  }
  return Status::Ok();
}

}  // namespace

StatusOr<NerModel> DecodeNerModel(std::string_view bytes,
                                  std::string_view name) {
  if (bytes.size() < kNerModelHeaderSize) {
    return Corrupt(name, "truncated: " + std::to_string(bytes.size()) +
                             " bytes, the header alone is " +
                             std::to_string(kNerModelHeaderSize));
  }
  if (bytes.substr(0, kMagic.size()) != kMagic) {
    return Corrupt(name, "bad magic (expected \"CHNERMDL\")");
  }
  if (GetLe(bytes, 52, 4) != Fnv32(bytes.substr(0, 52))) {
    return Corrupt(name, "header checksum mismatch");
  }
  const uint64_t version = GetLe(bytes, 8, 4);
  if (version != kFormatVersion) {
    return Corrupt(name, "format version " + std::to_string(version) +
                             ", this build reads " +
                             std::to_string(kFormatVersion));
  }
  const uint64_t feature_version = GetLe(bytes, 12, 4);
  if (feature_version != kNerFeatureVersion) {
    return Corrupt(name, "feature version " + std::to_string(feature_version) +
                             ", this build computes " +
                             std::to_string(kNerFeatureVersion) +
                             " (retrain with make ner-models)");
  }
  NerModel model;
  std::string_view language = bytes.substr(16, kMaxNerLanguageLength);
  model.language = std::string(language.substr(0, language.find('\0')));
  const auto tokenization = static_cast<uint8_t>(bytes[24]);
  const auto num_tags = static_cast<uint8_t>(bytes[25]);
  model.hash_bits = static_cast<uint8_t>(bytes[26]);
  model.type_mask = static_cast<uint8_t>(bytes[27]);
  if (tokenization > 2) return Corrupt(name, "unknown tokenization");
  model.tokenization = static_cast<NerTokenization>(tokenization);
  if (num_tags != kNumNerTags) {
    return Corrupt(name, std::to_string(num_tags) + " tags, expected " +
                             std::to_string(kNumNerTags));
  }
  if (model.hash_bits < kMinNerHashBits || model.hash_bits > kMaxNerHashBits) {
    return Corrupt(
        name, "hash bits " + std::to_string(model.hash_bits) + " out of range");
  }
  if (model.type_mask == 0 || model.type_mask >= (1U << kNumEntityTypes)) {
    return Corrupt(name, "bad entity type mask");
  }
  const uint64_t weights_size = GetLe(bytes, 32, 4);
  const uint64_t gazetteer_size = GetLe(bytes, 40, 4);
  if (bytes.size() != kNerModelHeaderSize + weights_size + gazetteer_size) {
    return Corrupt(name, "file is " + std::to_string(bytes.size()) +
                             " bytes, header says " +
                             std::to_string(kNerModelHeaderSize + weights_size +
                                            gazetteer_size));
  }
  const std::string_view payload = bytes.substr(kNerModelHeaderSize);
  if (GetLe(bytes, 44, 8) != Fnv64(payload)) {
    return Corrupt(name, "payload checksum mismatch");
  }
  CHANCERY_RETURN_IF_ERROR(DecodeWeights(payload.substr(0, weights_size),
                                         GetLe(bytes, 28, 4), name, &model));
  CHANCERY_RETURN_IF_ERROR(DecodeGazetteer(payload.substr(weights_size),
                                           GetLe(bytes, 36, 4), name, &model));
  return model;
}

StatusOr<NerModel> ReadNerModelFile(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    return Status::NotFound(path + ": no such NER model file");
  }
  if (!std::filesystem::is_regular_file(path, ec)) {
    return Status::IoError(path + ": not a regular file");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in.is_open()) {
    return Status::IoError(
        path + ": cannot open NER model file: " + std::strerror(errno));
  }
  // Read in blocks: an istreambuf_iterator copy goes a character at a time,
  // a fifth of chancery-index's start-up in the sanitizer builds.
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (in.bad()) return Status::IoError(path + ": cannot read NER model file");
  return DecodeNerModel(bytes.str(), path);
}

Status WriteNerModelFile(const NerModel& model, const std::string& path) {
  const std::string bytes = EncodeNerModel(model);
  const std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.close();
    if (!out) return Status::IoError(tmp + ": cannot write NER model file");
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) {
    return Status::IoError(path + ": cannot rename " + tmp + ": " +
                           ec.message());
  }
  return Status::Ok();
}

}  // namespace chancery
