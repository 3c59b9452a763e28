// The index schema: every term prefix, value slot and metadata key that the
// indexer writes and the search side reads. This is the only place these
// strings and numbers are spelled; everything else refers to these names.
// (As Xapian Omega's values.h does for its indexers and query side.)
#ifndef CHANCERY_COMMON_SCHEMA_H_
#define CHANCERY_COMMON_SCHEMA_H_

#include <cstddef>
#include <string_view>

namespace chancery::schema {

// --- Term prefixes -------------------------------------------------------
// Free text of title and body is indexed unprefixed with positions, as
// stems where the language has a stemmer (common/xapian_text.h); title
// terms also under kTitle.
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
// A body line the boilerplate filter left out of the searchable text: +
// its FurnitureLineHash as 16 lower-case hex digits. Lets a later pass find
// the documents a changed decision affects.
inline constexpr std::string_view kFurnitureLine = "XF";
// The story an article belongs to (indexer/story_grouper.h): + the story
// id, which is the id of its earliest article; only on the story's other
// articles (the earliest has its kId term), since a unique term per
// document costs a tenth of the write speed. The id is in kSlotStory.
inline constexpr std::string_view kStory = "XT";

// --- Value slots ---------------------------------------------------------
// Publication time: Xapian::sortable_serialise(seconds since epoch, UTC).
inline constexpr unsigned kSlotDate = 0;
// Slots 1-3 are unused: indexes built before the field registry carry
// facet lists there that nothing reads, so the numbers are not reused.
// Day number since the epoch as a sortable_serialise'd double, for the date
// facet's buckets.
inline constexpr unsigned kSlotDay = 4;
// The article id, so that rankings break ties by id: docids differ between
// an index written in one pass and the same articles written as shards or
// compacted from them, ids do not.
inline constexpr unsigned kSlotId = 5;
// The story id (every document has one), for collapsing by story.
inline constexpr unsigned kSlotStory = 6;
// The MinHash sketch of the searchable text (EncodeMinHash), absent when
// the text is too short for one.
inline constexpr unsigned kSlotMinHash = 7;

// --- Metadata keys -------------------------------------------------------
// Display label of a facet value: key kLabelKey + term (e.g.
// "label:XPstephane-sejourne" -> "Stéphane Séjourné").
inline constexpr std::string_view kLabelKey = "label:";
// Written forms of an entity value in scripts other than its label's
// (common/entities/entities.h Entity::native_forms), so that typing
// "Лавров" finds "Sergey Lavrov": key kFormsKey + term (e.g.
// "forms:XPsergei-lavrov" -> "Лавров\nСергей Лавров"), the forms joined by
// '\n', in the order first seen, the union over the index's articles, at
// most kMaxNativeForms. Absent for values without such forms.
inline constexpr std::string_view kFormsKey = "forms:";
inline constexpr size_t kMaxNativeForms = 8;

// The boilerplate filter's learned statistics (BoilerplateFilter::
// Serialize), so that a later run into the index decides as this one did.
inline constexpr std::string_view kBoilerplateKey = "chancery:boilerplate";
// Unix seconds of the last commit, as decimal text.
inline constexpr std::string_view kLastUpdateKey = "chancery:last_update";
// How the index's words were analysed (common/xapian_text.h): kTextFormat,
// written into every index chancery-index creates. An index with articles
// and no such key was built before 2026-12-05 with unstemmed words beside
// "Z"-prefixed stems; its words are not the terms queries now ask for.
inline constexpr std::string_view kTextFormatKey = "chancery:text_format";
inline constexpr std::string_view kTextFormat = "stems-1";

// The facet and filter fields built from these (name, prefix, kind,
// normalisation, labels) are the registry in common/facets.h.

}  // namespace chancery::schema

#endif  // CHANCERY_COMMON_SCHEMA_H_
