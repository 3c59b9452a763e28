// Entities found in an article: the countries, people and organisations it
// is about, and where the article names each. Produced by EntityExtractor
// (entity_extractor.h), stored by the indexer as facet terms and in the
// stored article, returned by the search API.
#ifndef CHANCERY_COMMON_ENTITIES_ENTITIES_H_
#define CHANCERY_COMMON_ENTITIES_ENTITIES_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace chancery {

// The part of the article a mention is in.
enum class MentionField : uint8_t {
  kTitle,
  kBody,
  kDateline,   // The wire dateline ("BEIJING, March 12").
  kPublisher,  // Named in the article's own people/countries/orgs lists.
};

// What found a mention: a span type of the named-entity tagger
// (common/ner), or a gazetteer or rule where no tagger span covers it
// (languages without a model, titles and aliases the tagger missed).
enum class MentionType : uint8_t { kPer, kLoc, kOrg, kMisc, kRule };

// "title", "body", "dateline", "publisher".
std::string_view MentionFieldName(MentionField field);
// "PER", "LOC", "ORG", "MISC", "rule".
std::string_view MentionTypeName(MentionType type);

// One place an article names an entity: bytes [begin, end) of the field
// (0, 0 for kPublisher).
struct Mention {
  MentionField field = MentionField::kBody;
  uint32_t begin = 0;
  uint32_t end = 0;
  MentionType type = MentionType::kRule;
  bool operator==(const Mention&) const = default;
};

struct Entity {
  // Facet value. Country: ISO 3166-1 alpha-2 ("FR", historical "SU").
  // Person: PersonKey of the name ("stephane-sejourne", "sergei-lavrov").
  // Org: a curated short id ("eu", "nato", "un") or, for other
  // organisations, the folded name ("foreign-ministry").
  std::string id;
  // Best display form: "France", "Stéphane Séjourné", "European Union".
  // For a person named in another script, the Latin form.
  std::string label;
  int mentions = 1;  // How often the article names it (>= 1).
  // Where, in article order (may be fewer than `mentions` when a mention
  // has no place, such as a surname merged from the publisher's list).
  std::vector<Mention> spans;
  // Written forms other than the label, in scripts other than the label's
  // ("Лавров" for "Sergey Lavrov"), so a value search finds them.
  std::vector<std::string> native_forms;
};

struct ArticleEntities {
  std::vector<Entity> countries;
  std::vector<Entity> people;
  std::vector<Entity> orgs;
};

}  // namespace chancery

#endif  // CHANCERY_COMMON_ENTITIES_ENTITIES_H_
