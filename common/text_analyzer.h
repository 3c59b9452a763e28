// Text analysis shared by indexing and query parsing, so that a word is
// found the way a reader expects whichever way it was written: ICU NFKC
// normalisation, case folding and diacritic folding (Séjourné, Sejourne,
// SEJOURNE and sejourné are one word), language detection (CLD2) and the
// choice of Snowball stemmer.
//
// All functions are thread-safe (ICU normalisers are immutable singletons;
// CLD2 is stateless).
#ifndef CHANCERY_COMMON_TEXT_ANALYZER_H_
#define CHANCERY_COMMON_TEXT_ANALYZER_H_

#include <string>
#include <string_view>
#include <vector>

// NormalizeLanguage, for the language codes DetectLanguage and StemmerName
// speak.
#include "common/base/language.h"  // IWYU pragma: export

namespace chancery {

// Folds UTF-8 text for matching: NFKC, full case folding, removal of
// combining diacritical marks on Latin, Greek and Cyrillic letters (and
// Arabic vowel marks), and a few letters that have no decomposition
// (ø->o, ł->l, đ->d, æ->ae, œ->oe, ı->i). Typographic apostrophes become
// "'". Invalid UTF-8 is replaced by U+FFFD. Word boundaries and lengths in
// characters are kept except where folding expands a letter (ß->ss, æ->ae).
std::string FoldForMatching(std::string_view utf8);

// Dotted acronyms ("U.S.", "u.n", "E.U.", "С.Ш.А.") are one word, written
// without their dots: U.S., u.s., US and us are the same word "us" in the
// index, in queries and in snippets. (As Lucene's classic analyser and
// Xapian's own TermGenerator do for upper-case acronyms; text here is
// folded first, so the dots are dropped explicitly.) The English pronoun
// "us" is then the same word as the country's acronym: the issue asks that
// they find the same articles, and the ranking is left to the other words.

// Length in bytes of the dotted acronym starting at text[pos], dots
// included: two or more single letters each followed by '.' (the last dot
// optional), with no letter, digit or dot just before and no letter or
// digit just after. 0 when
// none starts there. "U.S." -> 4, "e.g.," -> 4, "U.Sa" -> 0, "v.1" -> 0.
size_t DottedAcronymLength(std::string_view text, size_t pos);

// `text` with each dotted acronym replaced by its letters ("u.s. trade" ->
// "us trade"); everything else unchanged.
std::string JoinDottedAcronyms(std::string_view text);

// JoinDottedAcronyms(FoldForMatching(utf8)): how article text and the
// words of a query become index words.
std::string FoldForIndexing(std::string_view utf8);

// Folds a user's query like FoldForMatching but keeps its syntax intact:
// the upper-case operators AND, OR, NOT, XOR, NEAR, ADJ stay upper case and
// "field:" prefixes are kept as written (lower-cased ASCII). Dotted acronyms
// are joined (JoinDottedAcronyms), as the indexer does.
std::string FoldQuery(std::string_view query);

// Detects the language of a text with CLD2. Returns an ISO 639-1 code
// ("en", "fr", "zh", ...) or "" when CLD2 is not reliably sure.
std::string DetectLanguage(std::string_view utf8);

// The Snowball stemmer name Xapian knows for an ISO 639-1 code ("en" ->
// "english"), or "" when the language has none (zh, ja, ko, ...).
std::string_view StemmerName(std::string_view lang);
// Every code StemmerName knows.
std::vector<std::string_view> StemmedLanguages();

}  // namespace chancery

#endif  // CHANCERY_COMMON_TEXT_ANALYZER_H_
