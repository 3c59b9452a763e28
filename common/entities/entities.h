// Entities found in an article: the countries, people and organisations it
// is about. Produced by EntityExtractor (entity_extractor.h), stored by the
// indexer as facet terms, returned by the search API.
#ifndef CHANCERY_COMMON_ENTITIES_ENTITIES_H_
#define CHANCERY_COMMON_ENTITIES_ENTITIES_H_

#include <string>
#include <vector>

namespace chancery {

struct Entity {
  // Facet value. Country: ISO 3166-1 alpha-2 ("FR", historical "SU").
  // Person: folded canonical name ("stephane-sejourne"). Org: short id
  // ("eu", "nato", "un").
  std::string id;
  // Best display form: "France", "Stéphane Séjourné", "European Union".
  std::string label;
  int mentions = 1;  // How often the article names it (>= 1).
};

struct ArticleEntities {
  std::vector<Entity> countries;
  std::vector<Entity> people;
  std::vector<Entity> orgs;
};

}  // namespace chancery

#endif  // CHANCERY_COMMON_ENTITIES_ENTITIES_H_
