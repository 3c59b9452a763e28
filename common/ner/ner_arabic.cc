#include "common/ner/ner_arabic.h"

namespace chancery {
namespace {

constexpr UChar32 kAlef = 0x0627;
constexpr UChar32 kLam = 0x0644;
constexpr size_t kMinStem = 3;

bool IsConjunction(UChar32 c) { return c == 0x0648 || c == 0x0641; }
bool IsPreposition(UChar32 c) {
  return c == 0x0628 || c == kLam || c == 0x0643;
}

}  // namespace

bool IsArabicLetter(UChar32 c) {
  return (c >= 0x0620 && c <= 0x064a) || (c >= 0x066e && c <= 0x06d3);
}

UChar32 FoldArabic(UChar32 c) {
  if (c < 0x0622 || c > 0x0671) return c;
  switch (c) {
    case 0x0622:  // Alef with madda.
    case 0x0623:  // Alef with hamza above.
    case 0x0625:  // Alef with hamza below.
    case 0x0671:  // Alef wasla.
      return kAlef;
    case 0x0649:  // Alef maqsura.
      return 0x064a;
    case 0x0629:  // Teh marbuta.
      return 0x0647;
    case 0x0640:  // Tatweel.
    case 0x0670:  // Superscript alef.
      return 0;
    default:
      return c >= 0x064b && c <= 0x0652 ? 0 : c;
  }
}

ArabicProclitics SplitArabicProclitics(const UChar32* word, size_t length) {
  ArabicProclitics p;
  if (length == 0 || !IsArabicLetter(word[0])) return p;
  size_t at = 0;
  if (IsConjunction(word[at]) && length - at > kMinStem) {
    p.conjunction = word[at++];
  }
  p.after_conjunction = at;
  if (IsPreposition(word[at]) && length - at > kMinStem) {
    p.preposition = word[at++];
    // "لل": ل before the article drops the article's alef.
    if (p.preposition == kLam && word[at] == kLam && length - at > kMinStem) {
      p.article = true;
      ++at;
    }
  }
  if (!p.article && length - at >= kMinStem + 2 && word[at] == kAlef &&
      word[at + 1] == kLam) {
    p.article = true;
    at += 2;
  }
  p.stem = at;
  return p;
}

}  // namespace chancery
