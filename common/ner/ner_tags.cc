#include "common/ner/ner_tags.h"

#include <array>

namespace chancery {
namespace {

constexpr std::array<std::string_view, kNumEntityTypes> kTypeNames = {
    "PER", "LOC", "ORG", "MISC"};
constexpr std::array<std::string_view, kNumNerTags> kTagNames = {
    "O",     "B-PER", "I-PER",  "B-LOC", "I-LOC",
    "B-ORG", "I-ORG", "B-MISC", "I-MISC"};

}  // namespace

std::string_view EntityTypeName(EntityType type) {
  return kTypeNames[static_cast<size_t>(type)];
}

std::optional<EntityType> EntityTypeFromName(std::string_view name) {
  for (size_t i = 0; i < kTypeNames.size(); ++i) {
    if (kTypeNames[i] == name) return static_cast<EntityType>(i);
  }
  return std::nullopt;
}

std::optional<NerTag> NerTagFromName(std::string_view name) {
  for (size_t i = 0; i < kTagNames.size(); ++i) {
    if (kTagNames[i] == name) return static_cast<NerTag>(i);
  }
  return std::nullopt;
}

std::string_view NerTagName(NerTag tag) { return kTagNames[tag]; }

std::vector<EntitySpan> SpansFromTags(const std::vector<NerTag>& tags) {
  std::vector<EntitySpan> spans;
  bool open = false;
  for (size_t i = 0; i < tags.size(); ++i) {
    const NerTag tag = tags[i];
    const bool continues =
        open && IsInsideTag(tag) && spans.back().type == TagType(tag);
    if (continues) {
      spans.back().end_token = i + 1;
      continue;
    }
    open = tag != kTagOutside;
    if (open) spans.push_back({i, i + 1, TagType(tag)});
  }
  return spans;
}

}  // namespace chancery
