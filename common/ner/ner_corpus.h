// Labelled named-entity corpora and their evaluation: the IOB2 files of
// ../shared/ner (token<TAB>tag per line, a blank line between sentences)
// and CoNLL entity-level scoring (an entity counts only when both its span
// and its type are exact).
//
// Pure functions on values; thread-safe. NerScores is a plain value.
#ifndef CHANCERY_COMMON_NER_NER_CORPUS_H_
#define CHANCERY_COMMON_NER_NER_CORPUS_H_

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "common/ner/ner_tags.h"
#include "common/status.h"

namespace chancery {

struct LabelledSentence {
  std::vector<std::string> tokens;
  std::vector<NerTag> tags;  // One per token.
};

// Parses IOB2 text; errors are InvalidArgument naming `name`:LINE.
// A "-DOCSTART-" line is skipped; CR before LF is tolerated.
StatusOr<std::vector<LabelledSentence>> ParseIob2(std::string_view text,
                                                  std::string_view name);

// Reads and parses an IOB2 file; NotFound when it does not exist.
StatusOr<std::vector<LabelledSentence>> ReadIob2File(const std::string& path);

// Entity counts for one type (or all types together).
struct EntityCounts {
  size_t gold = 0;
  size_t predicted = 0;
  size_t correct = 0;

  double Precision() const;  // 0 when nothing was predicted.
  double Recall() const;     // 0 when there is nothing to find.
  double F1() const;
  void Add(const EntityCounts& other);
};

// CoNLL scores over any number of sentences.
class NerScores {
 public:
  // Adds one sentence's gold and predicted entities.
  void Add(const std::vector<EntitySpan>& gold,
           const std::vector<EntitySpan>& predicted);

  const EntityCounts& ForType(EntityType type) const {
    return by_type_[static_cast<size_t>(type)];
  }
  EntityCounts Total() const;

 private:
  std::array<EntityCounts, kNumEntityTypes> by_type_{};
};

}  // namespace chancery

#endif  // CHANCERY_COMMON_NER_NER_CORPUS_H_
