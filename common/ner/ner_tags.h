// The label set of the named-entity tagger: four entity types and their
// IOB2 tags, and the conversion between a tag sequence and entity spans.
//
// Pure functions on values; thread-safe.
#ifndef CHANCERY_COMMON_NER_NER_TAGS_H_
#define CHANCERY_COMMON_NER_NER_TAGS_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace chancery {

enum class EntityType : uint8_t { kPer = 0, kLoc = 1, kOrg = 2, kMisc = 3 };
inline constexpr int kNumEntityTypes = 4;

// "PER", "LOC", "ORG", "MISC".
std::string_view EntityTypeName(EntityType type);
// The inverse of EntityTypeName; nullopt for any other text.
std::optional<EntityType> EntityTypeFromName(std::string_view name);

// Tokens [begin_token, end_token) of one sentence form an entity of `type`.
struct EntitySpan {
  size_t begin_token = 0;
  size_t end_token = 0;  // Exclusive.
  EntityType type = EntityType::kPer;
  bool operator==(const EntitySpan&) const = default;
};

// IOB2 tags as small integers: 0 is O, 1 + 2t is B-t, 2 + 2t is I-t for
// EntityType t. The model file stores weights in this order.
using NerTag = uint8_t;
inline constexpr NerTag kTagOutside = 0;
inline constexpr int kNumNerTags = 1 + 2 * kNumEntityTypes;

inline constexpr NerTag BeginTag(EntityType t) {
  return static_cast<NerTag>(1 + 2 * static_cast<int>(t));
}
inline constexpr NerTag InsideTag(EntityType t) {
  return static_cast<NerTag>(2 + 2 * static_cast<int>(t));
}
inline constexpr bool IsInsideTag(NerTag tag) {
  return tag != kTagOutside && tag % 2 == 0;
}
inline constexpr EntityType TagType(NerTag tag) {  // tag != kTagOutside
  return static_cast<EntityType>((tag - 1) / 2);
}
// IOB2 allows I-t only after B-t or I-t.
inline constexpr bool TagAllowedAfter(NerTag prev, NerTag tag) {
  return !IsInsideTag(tag) ||
         (prev != kTagOutside && TagType(prev) == TagType(tag));
}

// Whether `tag` is O or of a type whose bit is set in `type_mask`.
inline constexpr bool TagInTypes(NerTag tag, uint8_t type_mask) {
  return tag == kTagOutside ||
         (type_mask & (1U << static_cast<int>(TagType(tag)))) != 0;
}

// "O", "B-PER", "I-PER", ...; nullopt for any other text.
std::optional<NerTag> NerTagFromName(std::string_view name);
std::string_view NerTagName(NerTag tag);

// The entities of a tag sequence. An I-t that does not continue a t
// entity starts one (the CoNLL evaluation script's reading).
std::vector<EntitySpan> SpansFromTags(const std::vector<NerTag>& tags);

}  // namespace chancery

#endif  // CHANCERY_COMMON_NER_NER_TAGS_H_
