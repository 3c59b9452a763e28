// NerTagger: finds person, location, organisation and other (MISC) names
// in one language's text with a trained model file (models/ner/<lang>.model,
// built by `make ner-models`): an averaged structured perceptron over
// hashed features (common/ner/ner_features.h) with first-order tag
// transitions, decoded by Viterbi over valid IOB2 tag sequences.
//
// Thread safety: a loaded NerTagger is immutable; Tag and TagText are const
// and may be called from any number of threads at once.
#ifndef CHANCERY_COMMON_NER_NER_TAGGER_H_
#define CHANCERY_COMMON_NER_NER_TAGGER_H_

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "common/ner/ner_features.h"
#include "common/ner/ner_model.h"
#include "common/ner/ner_tags.h"
#include "common/ner/ner_weight_table.h"
#include "common/status.h"

namespace chancery {

// An entity in raw text: bytes [begin, end) of the text given to TagText.
struct TextEntity {
  size_t begin = 0;
  size_t end = 0;
  EntityType type = EntityType::kPer;
  bool operator==(const TextEntity&) const = default;
};

class NerTagger {
 public:
  // Loads a model file. NotFound when it is missing, Corruption (naming the
  // path and the defect) when it is truncated, garbage or of another
  // format or feature version.
  static StatusOr<NerTagger> Load(const std::string& path);

  // Takes ownership of a model already in memory (the trainer's).
  explicit NerTagger(NerModel model);

  // The language code the model was trained for ("en", "zh", ...).
  const std::string& language() const { return language_; }
  NerTokenization tokenization() const { return features_.tokenization(); }

  // The entities of one sentence of tokens, as TokenizeForNer would give
  // them (one token per character for a kCharacters model). Spans are in
  // order and do not overlap.
  std::vector<EntitySpan> Tag(
      const std::vector<std::string_view>& tokens) const;

  // The IOB2 tag of every token of one sentence.
  std::vector<NerTag> TagSequence(
      const std::vector<std::string_view>& tokens) const;

  // Tokenizes `text` (TokenizeForNer with this model's tokenization),
  // splits it into sentences and tags each; entities are byte ranges of
  // `text`, in order.
  std::vector<TextEntity> TagText(std::string_view text) const;

 private:
  std::string language_;
  uint8_t type_mask_;
  NerFeatures features_;
  NerWeightTable weights_;
};

// The languages models are trained for, one <lang>.model file each.
inline constexpr std::array<std::string_view, 7> kNerModelLanguages = {
    "en", "de", "es", "fr", "ru", "zh", "ar"};

// Which model serves an article in language `lang` (ISO 639-1, as the
// indexer's language detection gives it; case and a region suffix such
// as "zh-Hant" or "pt_BR" are ignored): the language itself for the seven
// trained ones (en de es fr ru zh ar); "en" for other languages written in
// the Latin script; "ru" for other Cyrillic ones (uk be bg mk sr kk ky
// mn tg); "" when there is none, and the caller keeps its rule-based path.
std::string NerModelLanguageFor(std::string_view lang);

}  // namespace chancery

#endif  // CHANCERY_COMMON_NER_NER_TAGGER_H_
