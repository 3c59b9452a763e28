// Arabic letter folding and proclitic splitting for the tagger's features
// (NerTokenization::kArabicWords). Arabic writes the conjunctions و and ف,
// the prepositions ب, ل and ك and the article ال as one word with what
// follows ("ومحمد", "بالقاهرة"), and spells the same name with or without
// hamza on the alef ("أبو" / "ابو"); a name seen once should match all of
// these, so the features look at the folded stem as well as the word.
//
// Pure functions; thread-safe.
#ifndef CHANCERY_COMMON_NER_NER_ARABIC_H_
#define CHANCERY_COMMON_NER_NER_ARABIC_H_

#include <unicode/umachine.h>

#include <cstddef>

namespace chancery {

// Whether `c` is an Arabic letter (U+0620..U+064A, U+066E..U+06D3).
bool IsArabicLetter(UChar32 c);

// The folded form of `c`: alef with hamza or madda and alef wasla become
// bare alef (U+0627), alef maqsura yeh (U+064A), teh marbuta heh (U+0647);
// 0 for the harakat (U+064B..U+0652, U+0670) and tatweel (U+0640), which are
// dropped; any other code point is returned as it is.
UChar32 FoldArabic(UChar32 c);

// Where the proclitics of a folded word end. The word keeps a stem of at
// least three letters: a conjunction (و, ف) comes first, then a preposition
// (ب, ل, ك), then the article ال (after ل written ل: "للرئيس").
struct ArabicProclitics {
  size_t after_conjunction = 0;  // Start of the word without its conjunction.
  size_t stem = 0;               // Start of the stem, after every proclitic.
  UChar32 conjunction = 0;       // و or ف, 0 if none.
  UChar32 preposition = 0;       // ب, ل or ك, 0 if none.
  bool article = false;
};

// Splits the folded code points `word[0, length)`; a word that does not
// start with an Arabic letter has no proclitics.
ArabicProclitics SplitArabicProclitics(const UChar32* word, size_t length);

}  // namespace chancery

#endif  // CHANCERY_COMMON_NER_NER_ARABIC_H_
