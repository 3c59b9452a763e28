// PersonKey: the facet value (id) of a person, shared by the indexer,
// which names people by it, and the query side, which resolves what a
// user typed to it (schema::Normalisation::kPersonName).
//
// A key is the folded name's words joined by '-', without dots and
// apostrophes, with 'y' read as 'i' and "ii" (so "iy", "yy") as 'i': the
// spellings transliteration systems and newsrooms disagree on (Sergey /
// Sergei, Mariya / Maria, Zelenskyy / Zelensky, Dmitriy / Dmitry) give one
// key. Names in other scripts are transliterated before they are keyed
// (common/entities/name_transliterator.h).
//
// Pure functions; thread-safe.
#ifndef CHANCERY_COMMON_PERSON_KEY_H_
#define CHANCERY_COMMON_PERSON_KEY_H_

#include <string>
#include <string_view>
#include <vector>

namespace chancery {

// Key of a name given as folded words (FoldForMatching of each).
std::string PersonKeyOfWords(const std::vector<std::string>& folded_words);

// Key of a name as written: folded, split at spaces and punctuation other
// than '-' inside a word.
std::string PersonKey(std::string_view name);

}  // namespace chancery

#endif  // CHANCERY_COMMON_PERSON_KEY_H_
