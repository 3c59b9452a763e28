// EntityExtractor: the countries, people and organisations an article is
// about, as facet values with display labels (see entities.h).
//
// Countries come from names, abbreviations, demonyms, capitals and seats
// of power in many languages (CountryGazetteer) and from the wire dateline;
// a country named only in passing deep in a long story is left out, since
// facets say what a story is about. People come from PersonFinder,
// organisations from OrgGazetteer. Entities named by the publisher
// (Article::countries/people/orgs) are merged in.
//
// Thread safety: immutable after Load(); Extract() and the label lookups
// are const and keep no mutable state, so indexing threads share one
// instance.
#ifndef CHANCERY_COMMON_ENTITIES_ENTITY_EXTRACTOR_H_
#define CHANCERY_COMMON_ENTITIES_ENTITY_EXTRACTOR_H_

#include <memory>
#include <string>
#include <string_view>

#include "common/article.h"
#include "common/entities/entities.h"
#include "common/status.h"

namespace chancery {

class CountryGazetteer;
class OrgGazetteer;
class PersonFinder;

class EntityExtractor {
 public:
  // Loads gazetteers and lexicons from config_dir/entities/ (the repo's
  // config/ directory). Data the build generates (config/entities/
  // generated/) improves coverage but is optional; curated files are not.
  static StatusOr<std::unique_ptr<EntityExtractor>> Load(
      const std::string& config_dir);
  ~EntityExtractor();

  // Uses title, body, dateline, date and the publisher-given entities.
  ArticleEntities Extract(const Article& article) const;

  // Display label of a facet value: CountryName("FR") -> "France",
  // OrgName("eu") -> "European Union"; the value itself when unknown.
  std::string CountryName(std::string_view code) const;
  std::string OrgName(std::string_view id) const;

 private:
  EntityExtractor();
  std::unique_ptr<CountryGazetteer> countries_;
  std::unique_ptr<OrgGazetteer> orgs_;
  std::unique_ptr<PersonFinder> people_;
};

}  // namespace chancery

#endif  // CHANCERY_COMMON_ENTITIES_ENTITY_EXTRACTOR_H_
