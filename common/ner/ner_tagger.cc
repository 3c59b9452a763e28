#include "common/ner/ner_tagger.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>

#include "common/ner/ner_decoder.h"
#include "common/ner/ner_tokenizer.h"

namespace chancery {

StatusOr<NerTagger> NerTagger::Load(const std::string& path) {
  CHANCERY_ASSIGN_OR_RETURN(NerModel model, ReadNerModelFile(path));
  return NerTagger(std::move(model));
}

NerTagger::NerTagger(NerModel model)
    : language_(std::move(model.language)),
      type_mask_(model.type_mask),
      features_(model.tokenization, model.hash_bits, model.gazetteer),
      weights_(model.weights) {}

std::vector<NerTag> NerTagger::TagSequence(
    const std::vector<std::string_view>& tokens) const {
  NerSentenceFeatures sentence;
  features_.Extract(tokens, &sentence);
  std::vector<NerTag> tags;
  DecodeNerTags(features_, sentence, type_mask_, weights_, &tags);
  return tags;
}

std::vector<EntitySpan> NerTagger::Tag(
    const std::vector<std::string_view>& tokens) const {
  return SpansFromTags(TagSequence(tokens));
}

std::vector<TextEntity> NerTagger::TagText(std::string_view text) const {
  const std::vector<NerToken> tokens = TokenizeForNer(text, tokenization());
  std::vector<TextEntity> entities;
  std::vector<std::string_view> words;
  for (const NerSentence& s : SplitNerSentences(text, tokens)) {
    words.clear();
    for (size_t k = s.begin; k < s.end; ++k) {
      words.push_back(
          text.substr(tokens[k].begin, tokens[k].end - tokens[k].begin));
    }
    for (const EntitySpan& span : Tag(words)) {
      entities.push_back({tokens[s.begin + span.begin_token].begin,
                          tokens[s.begin + span.end_token - 1].end, span.type});
    }
  }
  return entities;
}

std::string NerModelLanguageFor(std::string_view lang) {
  std::string code;
  for (char c : lang.substr(0, lang.find_first_of("-_"))) {
    code.push_back(
        static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  static constexpr std::array<std::string_view, 6> kRomance = {
      "it", "pt", "ca", "gl", "ro", "oc"};
  static constexpr std::array<std::string_view, 40> kLatin = {
      "af", "az", "br", "bs", "co", "cs", "cy", "da", "eo", "et",
      "eu", "fi", "fy", "ga", "gd", "hr", "ht", "hu", "id", "is",
      "la", "lb", "lt", "lv", "mg", "ms", "mt", "nb", "nl", "nn",
      "no", "pl", "sk", "sl", "sq", "sv", "sw", "tl", "tr", "vi"};
  static constexpr std::array<std::string_view, 9> kCyrillic = {
      "uk", "be", "bg", "mk", "sr", "kk", "ky", "mn", "tg"};
  const auto in = [&](const auto& list) {
    return std::find(list.begin(), list.end(), code) != list.end();
  };
  if (in(kNerModelLanguages)) return code;
  if (in(kRomance)) return "es";
  if (in(kLatin)) return "en";
  if (in(kCyrillic)) return "ru";
  return "";
}

}  // namespace chancery
