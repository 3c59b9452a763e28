// EntityExtractor: the countries, people and organisations an article is
// about, as facet values with display labels (see entities.h).
//
// With named-entity models (common/ner), the tagger of the article's
// language finds the names and gazetteers and rules link them: PER spans
// become people (merged across spellings and, by transliteration, across
// scripts), LOC spans and MISC demonyms countries, ORG spans
// organisations (curated ones by id, others by folded name); a span's type
// settles what a name is ("Michael Jordan" is a person, so no Jordan).
// Without a model for the language (or in rules mode) the rule-based path
// alone runs: countries from names, abbreviations, demonyms, capitals and
// seats of power in many languages (CountryGazetteer) and from the wire
// dateline; people from titles, first names and known people
// (PersonFinder); organisations from OrgGazetteer. Either way a country
// named only in passing deep in a long story is left out, since facets say
// what a story is about, and entities named by the publisher
// (Article::countries/people/orgs) are merged in.
//
// Thread safety: immutable after Load(); Extract() and the label lookups
// are const and keep no mutable state, so indexing threads share one
// instance.
#ifndef CHANCERY_COMMON_ENTITIES_ENTITY_EXTRACTOR_H_
#define CHANCERY_COMMON_ENTITIES_ENTITY_EXTRACTOR_H_

#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "common/article.h"
#include "common/entities/entities.h"
#include "common/ner/ner_tagger.h"
#include "common/status.h"

namespace chancery {

class CountryGazetteer;
class OrgGazetteer;
class NameTransliterator;
class PersonFinder;

struct EntityExtractorOptions {
  // Directory of the named-entity models (<lang>.model for each language
  // NerModelLanguageFor names); "" runs the rule-based path only.
  std::string ner_models_dir;
};

class EntityExtractor {
 public:
  // Loads gazetteers and lexicons from config_dir/entities/ (the repo's
  // config/ directory) and the models of options.ner_models_dir. Data the
  // build generates (config/entities/generated/) improves coverage but is
  // optional; curated files and, when a models directory is given, every
  // model are not: a missing or corrupt one is an error naming its path.
  static StatusOr<std::unique_ptr<EntityExtractor>> Load(
      const std::string& config_dir, const EntityExtractorOptions& options);
  ~EntityExtractor();

  // Uses title, body, dateline, date, lang and the publisher-given
  // entities. Mentions' offsets are bytes of article.title, .body and
  // .dateline as given.
  ArticleEntities Extract(const Article& article) const;

  // Whether named-entity models are loaded (false in rules mode).
  bool has_ner() const { return !taggers_.empty(); }

  // Display label of a facet value: CountryName("FR") -> "France",
  // OrgName("eu") -> "European Union"; the value itself when unknown.
  std::string CountryName(std::string_view code) const;
  std::string OrgName(std::string_view id) const;

 private:
  EntityExtractor();
  // The tagger of an article in `lang`; null in rules mode or when no
  // model serves the language.
  const NerTagger* TaggerFor(std::string_view lang) const;
  std::unique_ptr<CountryGazetteer> countries_;
  std::unique_ptr<OrgGazetteer> orgs_;
  std::unique_ptr<PersonFinder> people_;
  // Model language -> tagger; empty in rules mode.
  std::map<std::string, NerTagger, std::less<>> taggers_;
  std::unique_ptr<NameTransliterator> transliterator_;
};

}  // namespace chancery

#endif  // CHANCERY_COMMON_ENTITIES_ENTITY_EXTRACTOR_H_
