// The index schema: every term prefix, value slot and metadata key that the
// indexer writes and the search side reads. This is the only place these
// strings and numbers are spelled; everything else refers to these names.
// (As Xapian Omega's values.h does for its indexers and query side.)
#ifndef CHANCERY_COMMON_SCHEMA_H_
#define CHANCERY_COMMON_SCHEMA_H_

#include <array>
#include <string_view>

namespace chancery::schema {

// --- Term prefixes -------------------------------------------------------
// Free text of title and body is indexed unprefixed (with positions) and
// stemmed with Xapian's "Z" convention; title words also under kTitle.
inline constexpr std::string_view kTitle = "S";
// Boolean terms: one per document, used for upsert and delete.
inline constexpr std::string_view kId = "Q";
// Boolean filter terms; values are as described.
inline constexpr std::string_view kCountry = "XC";  // + ISO code, "XCFR"
inline constexpr std::string_view kPerson = "XP";   // + person id
inline constexpr std::string_view kOrg = "XO";      // + org id, "XOeu"
inline constexpr std::string_view kSource = "XS";   // + folded source
inline constexpr std::string_view kLang = "L";      // + ISO 639-1 code
inline constexpr std::string_view kYear = "Y";      // + "2024"
inline constexpr std::string_view kMonth = "M";     // + "202402"
inline constexpr std::string_view kDay = "D";       // + "20240226"

// --- Value slots ---------------------------------------------------------
// Publication time: Xapian::sortable_serialise(seconds since epoch, UTC).
inline constexpr unsigned kSlotDate = 0;
// Facet values of the document, each list encoded by EncodeFacetValues
// (common/facet_values.h), for value-based readers such as Xapian's
// ValueCountMatchSpy (the search benchmark's bare-Xapian baseline). The
// search core counts from the facet terms' posting lists instead.
inline constexpr unsigned kSlotCountries = 1;
inline constexpr unsigned kSlotPeople = 2;
inline constexpr unsigned kSlotOrgs = 3;
// Day number since the epoch as a sortable_serialise'd double, for the date
// facet's buckets.
inline constexpr unsigned kSlotDay = 4;

// --- Metadata keys -------------------------------------------------------
// Display label of a facet value: key kLabelKey + term (e.g.
// "label:XPstephane-sejourne" -> "Stéphane Séjourné").
inline constexpr std::string_view kLabelKey = "label:";
// Unix seconds of the last commit, as decimal text.
inline constexpr std::string_view kLastUpdateKey = "chancery:last_update";

// The facets users can count and filter on, with their term prefixes and
// value slots, in the API's default order.
struct FacetField {
  std::string_view name;    // API name: "country", "person", "org"
  std::string_view prefix;  // term prefix
  unsigned slot;            // value slot with the document's values
};
inline constexpr std::array<FacetField, 3> kEntityFacets = {{
    {"country", kCountry, kSlotCountries},
    {"person", kPerson, kSlotPeople},
    {"org", kOrg, kSlotOrgs},
}};

}  // namespace chancery::schema

#endif  // CHANCERY_COMMON_SCHEMA_H_
