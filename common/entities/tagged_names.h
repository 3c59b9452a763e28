// The named-entity tagger's view of one field of an article, and how its
// spans join what the gazetteers and rules find there: a PER span makes a
// person of a name no title or first name announced ("Karel Kovanda") and
// keeps a person's name from being read as a place ("Michael Jordan"); a
// LOC, ORG or MISC span keeps a capitalised run from being read as a
// person ("Paris Games"); an ORG span the curated organisations do not
// cover becomes an organisation of its own.
//
// Internal to EntityExtractor. Values only; thread-compatible.
#ifndef CHANCERY_COMMON_ENTITIES_TAGGED_NAMES_H_
#define CHANCERY_COMMON_ENTITIES_TAGGED_NAMES_H_

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "common/entities/entities.h"
#include "common/entities/person_finder.h"
#include "common/entities/text_tokens.h"
#include "common/ner/ner_tagger.h"

namespace chancery {

struct TaggedField {
  std::string_view text;  // The field; tokens and spans point into it.
  MentionField field = MentionField::kBody;
  std::vector<Token> tokens;
  // Tokens a country or organisation alias has taken, and which of those
  // an organisation took.
  std::vector<bool> claimed;
  std::vector<bool> claimed_by_org;
  bool all_caps = false;
  // Whether the tagger read the field (a tagger was given and the field is
  // not in capitals): then the absence of a span is evidence too.
  bool tagged = false;
  // The tagger's entities, in order (none without a tagger; in a field in
  // capitals, where case, the tagger's main cue, says little, only PER
  // ones, for people), and for each token the index of the entity it
  // starts in, or -1 (always -1 in capitals).
  std::vector<TextEntity> spans;
  std::vector<int> span_of;

  // Tokenizes `text` (which must outlive this) and tags it with `tagger`
  // when it is not null.
  void Init(std::string_view text, MentionField field, const NerTagger* tagger);

  // Marks tokens [pos, pos + len) as taken by an alias.
  void Claim(size_t pos, size_t len, bool by_org);

  // The type of the tagger's entity that holds all of tokens
  // [pos, pos + len), if one does.
  std::optional<EntityType> TypeAt(size_t pos, size_t len) const;

  // Whether the tagger's entity at token `pos` covers more than tokens
  // [pos, pos + len).
  bool SpanIsLonger(size_t pos, size_t len) const;

  // The mention of tokens [pos, pos + len), typed by TypeAt.
  Mention MentionAt(size_t pos, size_t len) const;

  uint32_t Offset(const Token& t) const {
    return static_cast<uint32_t>(t.text.data() - text.data());
  }
};

MentionType MentionTypeOf(EntityType type);

// Gives candidates [first, end) of `people`, which PersonFinder::Collect
// found in `f`, their mentions, and checks them against the tagger: a
// candidate in a PER span takes the span as its mention and the span's
// words (from where the candidate began) as its name; a loose or
// first-name one the tagger read as a place, organisation or other name is
// dropped, and a first-name one where the tagger saw no name counts as
// loose.
void LocateAndCheckCandidates(const TaggedField& f, size_t first,
                              PersonCandidates* people);

// Adds the tagger's PER spans of `f` that no candidate from index `first`
// on overlaps.
void AddTaggedPeople(const TaggedField& f, size_t first,
                     PersonCandidates* people);

// Adds (or counts again, by id) the tagger's ORG spans of `f` that no
// curated organisation or country alias covers. The id is the folded name
// without a leading article or a trailing possessive ("foreign-ministry").
void AddTaggedOrgs(const TaggedField& f, std::vector<Entity>* orgs);

}  // namespace chancery

#endif  // CHANCERY_COMMON_ENTITIES_TAGGED_NAMES_H_
