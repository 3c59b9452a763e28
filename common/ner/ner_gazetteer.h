// Word lists behind the tagger's gazetteer features: given names, place
// and country names, demonyms and organisation words, read from the data
// files of config/entities/ when a model is trained and stored inside the
// model file, so a model never depends on files beside it.
//
// A token matches by its lower-cased form (the hash ner_features computes),
// and every capitalised word of a multi-word entry is listed on its own
// ("New York" lists "new" and "york" as place words).
//
// NerGazetteer is immutable once built; lookups are const and thread-safe.
#ifndef CHANCERY_COMMON_NER_NER_GAZETTEER_H_
#define CHANCERY_COMMON_NER_NER_GAZETTEER_H_

#include <cstdint>
#include <string>
#include <vector>

#include "common/status.h"

namespace chancery {

enum NerGazetteerFlag : uint8_t {
  kGazetteerFirstName = 1,  // config/entities first_names.txt (+ generated)
  kGazetteerPlace = 2,      // generated/cities.tsv, population >= 10,000
  kGazetteerCountry = 4,    // countries.tsv name, label, capital, abbr
  kGazetteerDemonym = 8,    // countries.tsv demonym ("French", "Soviet")
  kGazetteerOrg = 16,       // orgs.tsv names, company_words.txt
};

struct NerGazetteerEntry {
  uint32_t key = 0;   // NerGazetteerKey of the lower-cased word.
  uint8_t flags = 0;  // NerGazetteerFlag bits, never 0.
  bool operator==(const NerGazetteerEntry&) const = default;
};

// The key of a word whose ner_features lower-case hash is `lower_hash`.
inline uint32_t NerGazetteerKey(uint64_t lower_hash) {
  return static_cast<uint32_t>(lower_hash >> 32);
}

class NerGazetteer {
 public:
  NerGazetteer() = default;  // Empty: every lookup is 0.
  explicit NerGazetteer(const std::vector<NerGazetteerEntry>& entries);

  // The flags of the word whose lower-case hash is `lower_hash`, 0 if none.
  uint8_t Flags(uint64_t lower_hash) const {
    if (slots_.empty()) return 0;
    const uint32_t key = NerGazetteerKey(lower_hash);
    for (size_t at = key & mask_;; at = (at + 1) & mask_) {
      const uint64_t slot = slots_[at];
      if (slot == 0) return 0;
      if (static_cast<uint32_t>(slot >> 8) == key) {
        return static_cast<uint8_t>(slot);
      }
    }
  }

 private:
  std::vector<uint64_t> slots_;  // key << 8 | flags; 0 is an empty slot.
  size_t mask_ = 0;
};

// Reads the lists of `entities_dir` (config/entities; generated/ files are
// optional, as they need the npm data packages) into entries sorted by key,
// one per key (flags of colliding words are merged). IoError or
// InvalidArgument name FILE:LINE.
StatusOr<std::vector<NerGazetteerEntry>> ReadNerGazetteer(
    const std::string& entities_dir);

}  // namespace chancery

#endif  // CHANCERY_COMMON_NER_NER_GAZETTEER_H_
