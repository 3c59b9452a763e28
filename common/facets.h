// The field registry: every facet and filterable field of the index in one
// constexpr table, with what each component needs to know about it. The
// document builder writes a field's terms from it, the HTTP parameter
// parser accepts its filter parameter from it, the request validator checks
// names against it, the index snapshot loads a column per value field, the
// query builder resolves values by its normalisation, and GET /api/schema
// hands it to the web UI. Adding a facet is one row here plus the
// extraction that fills the Article or ArticleEntities member it names.
//
// Field-specific behaviour is chosen by the row's kind, normalisation and
// label source, never by comparing names. Everything here is constexpr and
// immutable, so safe from any thread.
#ifndef CHANCERY_COMMON_FACETS_H_
#define CHANCERY_COMMON_FACETS_H_

#include <array>
#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/article.h"
#include "common/entities/entities.h"
#include "common/schema.h"

namespace chancery::schema {

// Named by KindName below, in this order.
enum class FieldKind {
  // Values found by entity extraction (ArticleEntities), one boolean term
  // per value, labelled in the index's metadata.
  kEntity,
  // One value given with the article (an Article string member).
  kKeyword,
  // The publication date: terms kYear/kMonth/kDay, values kSlotDate (the
  // time, for sorting and date: ranges) and kSlotDay (for the buckets).
  // Filtered by the from/to parameters and counted in date buckets, not by
  // value.
  kDate,
};

// How a value is spelled in the index, and so how what a user typed is
// matched to it. Every value field also matches the value as given, folded
// (FoldForMatching), folded with '-' for spaces, and a display label.
// Named by NormalisationName below, in this order.
enum class Normalisation {
  kId,            // Ids as the entity extractor writes them ("eu").
  kFolded,        // FoldForMatching of the article's text ("reuters").
  kCountryCode,   // ISO 3166-1 alpha-2, upper case; "fr" matches "FR".
  kLanguageCode,  // ISO 639-1 (NormalizeLanguage); "French" matches "fr".
  kPersonName,    // Folded hyphenated names; a surname finds the person.
  kIsoDate,       // YYYY, YYYY-MM or YYYY-MM-DD bounds and buckets.
};

// Where the display label of a value comes from.
// Named by LabelSourceName below, in this order.
enum class LabelSource {
  kIndex,         // Metadata kLabelKey + term, written by the indexer.
  kLanguageName,  // The code itself; the UI shows the language's name.
  kValue,         // The value is its own label (date buckets); not sent.
};

struct FieldSpec {
  // API name: filter parameter, facet name, "name:" prefix inside q.
  std::string_view name;
  FieldKind kind;
  // Term prefix of the values; "" for kDate (see FieldKind::kDate).
  std::string_view prefix;
  Normalisation normalisation;
  LabelSource label_source;
  // What the UI calls the field and a list of its values.
  std::string_view label;
  std::string_view plural_label;
  // Counted when a search does not name its facets.
  bool default_facet;
  // The UI offers a box to search the values (GET /api/facet/{name});
  // false where the list is short enough to read.
  bool value_search;
  // Where the indexer finds the values: `entities` for kEntity,
  // `attribute` for kKeyword (already normalised, as ResolveLanguage does
  // for lang, or folded here for kFolded).
  std::vector<Entity> ArticleEntities::*entities = nullptr;
  std::string Article::*attribute = nullptr;
  // kEntity: the hits' list of the values ("countries") and the key of a
  // value's id in it ("code"), as GET /api/search and /api/doc render them.
  std::string_view hit_key = {};
  std::string_view hit_id_key = {};
};

// In the API's order (facets in responses, UI panels).
inline constexpr std::array<FieldSpec, 6> kFields = {{
    {.name = "country",
     .kind = FieldKind::kEntity,
     .prefix = kCountry,
     .normalisation = Normalisation::kCountryCode,
     .label_source = LabelSource::kIndex,
     .label = "Country",
     .plural_label = "Countries",
     .default_facet = true,
     .value_search = true,
     .entities = &ArticleEntities::countries,
     .hit_key = "countries",
     .hit_id_key = "code"},
    {.name = "person",
     .kind = FieldKind::kEntity,
     .prefix = kPerson,
     .normalisation = Normalisation::kPersonName,
     .label_source = LabelSource::kIndex,
     .label = "Person",
     .plural_label = "People",
     .default_facet = true,
     .value_search = true,
     .entities = &ArticleEntities::people,
     .hit_key = "people",
     .hit_id_key = "id"},
    {.name = "org",
     .kind = FieldKind::kEntity,
     .prefix = kOrg,
     .normalisation = Normalisation::kId,
     .label_source = LabelSource::kIndex,
     .label = "Organisation",
     .plural_label = "Organisations",
     .default_facet = true,
     .value_search = true,
     .entities = &ArticleEntities::orgs,
     .hit_key = "orgs",
     .hit_id_key = "id"},
    {.name = "source",
     .kind = FieldKind::kKeyword,
     .prefix = kSource,
     .normalisation = Normalisation::kFolded,
     .label_source = LabelSource::kIndex,
     .label = "Source",
     .plural_label = "Sources",
     .default_facet = false,
     .value_search = true,
     .attribute = &Article::source},
    {.name = "lang",
     .kind = FieldKind::kKeyword,
     .prefix = kLang,
     .normalisation = Normalisation::kLanguageCode,
     .label_source = LabelSource::kLanguageName,
     .label = "Language",
     .plural_label = "Languages",
     .default_facet = false,
     .value_search = false,
     .attribute = &Article::lang},
    {.name = "date",
     .kind = FieldKind::kDate,
     .prefix = "",
     .normalisation = Normalisation::kIsoDate,
     .label_source = LabelSource::kValue,
     .label = "Date",
     .plural_label = "Dates",
     .default_facet = true,
     .value_search = false},
}};

// True for fields filtered and counted by value (every kind but kDate):
// each has a filter parameter, a term column and GET /api/facet/{name}.
constexpr bool HasValues(const FieldSpec& field) {
  return field.kind != FieldKind::kDate;
}

// The row named `name`, or nullptr.
constexpr const FieldSpec* FindField(std::string_view name) {
  for (const FieldSpec& f : kFields) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

// The row of a value field named `name`, or nullptr.
constexpr const FieldSpec* FindValueField(std::string_view name) {
  const FieldSpec* f = FindField(name);
  return f && HasValues(*f) ? f : nullptr;
}

namespace internal {

constexpr const FieldSpec& OnlyField(bool (*match)(const FieldSpec&)) {
  const FieldSpec* found = nullptr;
  for (const FieldSpec& f : kFields) {
    if (!match(f)) continue;
    // Not a constant expression (so a compile error) unless unique.
    if (found) throw "two fields match";
    found = &f;
  }
  if (!found) throw "no field matches";
  return *found;
}

template <size_t N>
constexpr std::array<std::string_view, N> Names(
    bool (*match)(const FieldSpec&)) {
  std::array<std::string_view, N> out{};
  size_t i = 0;
  for (const FieldSpec& f : kFields) {
    if (match(f)) out[i++] = f.name;
  }
  return out;
}

constexpr size_t Count(bool (*match)(const FieldSpec&)) {
  size_t n = 0;
  for (const FieldSpec& f : kFields) n += match(f) ? 1 : 0;
  return n;
}

constexpr bool Any(const FieldSpec&) { return true; }
constexpr bool IsDate(const FieldSpec& f) { return f.kind == FieldKind::kDate; }
constexpr bool IsLanguage(const FieldSpec& f) {
  return f.normalisation == Normalisation::kLanguageCode;
}
constexpr bool IsSource(const FieldSpec& f) { return f.prefix == kSource; }

}  // namespace internal

// Every row names its values' source for its kind, value fields have
// prefixes, and no two rows share a name or overlap in prefix.
constexpr bool WellFormed() {
  for (size_t i = 0; i < kFields.size(); ++i) {
    const FieldSpec& f = kFields[i];
    const bool entity = f.kind == FieldKind::kEntity;
    if (f.name.empty() || f.label.empty() || f.plural_label.empty()) {
      return false;
    }
    if (entity != (f.entities != nullptr) || entity == f.hit_key.empty() ||
        entity == f.hit_id_key.empty()) {
      return false;
    }
    if ((f.kind == FieldKind::kKeyword) != (f.attribute != nullptr)) {
      return false;
    }
    if (HasValues(f) == f.prefix.empty()) return false;
    for (size_t j = 0; j < i; ++j) {
      if (kFields[j].name == f.name) return false;
      // A prefix that starts another would read the other's terms too.
      if (HasValues(f) && HasValues(kFields[j]) &&
          (kFields[j].prefix.starts_with(f.prefix) ||
           f.prefix.starts_with(kFields[j].prefix))) {
        return false;
      }
    }
  }
  return true;
}
static_assert(WellFormed(), "a row of kFields is incomplete or repeated");

// The date field, and the field whose values choose the stemmers that
// parse a query (a lang filter narrows them; the index's languages
// otherwise). Each is unique, checked at compile time.
inline constexpr const FieldSpec& kDateField =
    internal::OnlyField(internal::IsDate);
inline constexpr const FieldSpec& kLanguageField =
    internal::OnlyField(internal::IsLanguage);
// The source field: a collapsed hit lists its story's other sources.
inline constexpr const FieldSpec& kSourceField =
    internal::OnlyField(internal::IsSource);

// Names of every facet, and of the value (filter) fields, in table order.
inline constexpr auto kFacetNames =
    internal::Names<internal::Count(internal::Any)>(internal::Any);
inline constexpr auto kValueFieldNames =
    internal::Names<internal::Count(HasValues)>(HasValues);

// The row describing the hits' entity list `list`. Precondition: a kEntity
// row names `list` (true of every ArticleEntities member).
constexpr const FieldSpec& EntityField(
    std::vector<Entity> ArticleEntities::*list) {
  for (const FieldSpec& f : kFields) {
    if (f.entities == list) return f;
  }
  throw "no field for this entity list";
}

// The facets a search counts unless it names its own.
inline std::vector<std::string> DefaultFacetNames() {
  std::vector<std::string> names;
  for (const FieldSpec& f : kFields) {
    if (f.default_facet) names.emplace_back(f.name);
  }
  return names;
}

// "country, person, org" for messages.
inline std::string JoinedNames(std::span<const std::string_view> names) {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i) out += ", ";
    out += names[i];
  }
  return out;
}

// The enum names GET /api/schema uses ("entity", "country_code",
// "index"), indexed by the enumerators, which are in declaration order.
constexpr std::string_view KindName(FieldKind kind) {
  constexpr std::string_view kNames[] = {"entity", "keyword", "date"};
  return kNames[static_cast<size_t>(kind)];
}
constexpr std::string_view NormalisationName(Normalisation n) {
  constexpr std::string_view kNames[] = {"id",           "folded",
                                         "country_code", "language_code",
                                         "person_name",  "iso_date"};
  return kNames[static_cast<size_t>(n)];
}
constexpr std::string_view LabelSourceName(LabelSource source) {
  constexpr std::string_view kNames[] = {"index", "language_name", "value"};
  return kNames[static_cast<size_t>(source)];
}
static_assert(KindName(FieldKind::kDate) == "date" &&
                  NormalisationName(Normalisation::kIsoDate) == "iso_date" &&
                  LabelSourceName(LabelSource::kValue) == "value",
              "a name list no longer matches its enum");

}  // namespace chancery::schema

#endif  // CHANCERY_COMMON_FACETS_H_
