#include "common/ner/ner_features.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <array>

#include "common/base/hash.h"
#include "common/ner/ner_arabic.h"

namespace chancery {
namespace {

constexpr uint64_t kFnvOffset = kFnv1aOffset;
constexpr uint64_t kFnvPrime = kFnv1aPrime;

// Static templates of the word tokenization, in bucket order.
enum WordTemplate : uint64_t {
  kWBias,
  kWLower,
  kWExact,
  kWShape,
  kWShortShape,
  kWPrefix1,  // kWPrefix1 + k - 1 is the k-character prefix, k = 1..4.
  kWSuffix1 = kWPrefix1 + 4,
  kWPrevLower = kWSuffix1 + 4,
  kWNextLower,
  kWPrev2Lower,
  kWNext2Lower,
  kWPrevLowerLower,
  kWLowerNextLower,
  kWPrevShapeShape,
  kWShapeNextShape,
  kWShapeTrigram,
  kWPrevLowerShape,
  kWShapeNextLower,
  kWPositionShape,
  kWGazetteer,
  kWGazetteerShape,
  kWGazetteerWindow,
  kWPrevExact,
  kWNextExact,
  kWPrevSuffix3,
  kWNextSuffix3,
  kWPrev2Shape,
  kWNext2Shape,
  kNumWordTemplates,
};

// More static templates of kArabicWords, after the word templates.
enum ArabicTemplate : uint64_t {
  kAStem = kNumWordTemplates,
  kAWithoutConjunction,
  kAProclitics,
  kAPrevStem,
  kANextStem,
  kNumArabicTemplates,
};

// Static templates of the character tokenization.
enum CharTemplate : uint64_t {
  kCBias,
  kCChar,
  kCClass,
  kCPrev,
  kCNext,
  kCPrev2,
  kCNext2,
  kCPrevChar,
  kCCharNext,
  kCPrev2Prev,
  kCNextNext2,
  kCTrigram,
  kCPrevNext,
  kCPrev2Trigram,
  kCNext2Trigram,
  kCClassTrigram,
  kNumCharTemplates,
};

// The transition template, salted apart from the static ones.
constexpr uint64_t kTransition = 100;

constexpr uint64_t Salt(uint64_t template_id) {
  return SplitMix64(template_id * 0x9e3779b97f4a7c15ULL +
                    0x632be59bd9b4e019ULL);
}
constexpr uint64_t Feat(uint64_t t, uint64_t a) {
  return SplitMix64(Salt(t) ^ a);
}
constexpr uint64_t Feat(uint64_t t, uint64_t a, uint64_t b) {
  return SplitMix64(Feat(t, a) + b);
}
constexpr uint64_t Feat(uint64_t t, uint64_t a, uint64_t b, uint64_t c) {
  return SplitMix64(Feat(t, a, b) + c);
}

// Stand-ins for the tokens before the sentence start and after its end.
constexpr std::array<uint64_t, 2> kBefore = {SplitMix64(0xb0f1),
                                             SplitMix64(0xb0f2)};
constexpr std::array<uint64_t, 2> kAfter = {SplitMix64(0xe0f1),
                                            SplitMix64(0xe0f2)};

inline uint64_t FnvStep(uint64_t h, uint64_t value) {
  return (h ^ value) * kFnvPrime;
}

bool IsHan(UChar32 c) {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) ||
         (c >= 0xf900 && c <= 0xfaff) || (c >= 0x20000 && c <= 0x3134f);
}

// What the features know of one token.
struct TokenFacts {
  uint64_t exact = kFnvOffset;
  uint64_t lower = kFnvOffset;
  uint64_t shape = kFnvOffset;
  uint64_t short_shape = kFnvOffset;
  std::array<uint64_t, 4> prefix{};
  std::array<uint64_t, 4> suffix{};
  bool has_lower = false;
  bool has_upper = false;
};

// Shape classes: X upper, x lower, d digit, H Han, a other letter; ASCII
// punctuation stands for itself, any other mark is '.'.
UChar32 ShapeClass(UChar32 c) {
  if (c < 0x80) {
    if (c >= 'A' && c <= 'Z') return 'X';
    if (c >= 'a' && c <= 'z') return 'x';
    if (c >= '0' && c <= '9') return 'd';
    return c;
  }
  if (IsHan(c)) return 'H';
  if (u_isupper(c)) return 'X';
  if (u_islower(c)) return 'x';
  if (u_isdigit(c)) return 'd';
  if (u_isalpha(c)) return 'a';
  return '.';
}

UChar32 LowerForFeatures(UChar32 c) {
  if (c < 0x80) {
    if (c >= 'A' && c <= 'Z') return c + ('a' - 'A');
    if (c >= '0' && c <= '9') return '0';  // Dates and figures generalise.
    return c;
  }
  if (u_isdigit(c)) return '0';
  return u_tolower(c);
}

// A word's folded, lower-cased code points (kArabicWords); longer words
// keep their first kMaxChars.
struct FoldedWord {
  static constexpr size_t kMaxChars = 32;
  std::array<UChar32, kMaxChars> chars{};
  size_t length = 0;
};

// The facts of `token`. With `folded`, Arabic letters are folded first
// (FoldArabic) and the folded lower-case code points are stored there.
void ComputeFacts(std::string_view token, TokenFacts* f,
                  FoldedWord* folded = nullptr) {
  if (folded != nullptr) folded->length = 0;
  *f = TokenFacts();
  for (unsigned char byte : token) f->exact = FnvStep(f->exact, byte);
  std::array<UChar32, 4> last{};  // Ring of the last four lowered chars.
  int32_t count = 0;
  UChar32 prev_class = 0;
  int run = 0;
  const auto* s = reinterpret_cast<const uint8_t*>(token.data());
  const auto length = static_cast<int32_t>(token.size());
  int32_t i = 0;
  while (i < length) {
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0) c = 0xfffd;
    if (folded != nullptr) {
      c = FoldArabic(c);
      if (c == 0) continue;
    }
    const UChar32 cls = ShapeClass(c);
    f->has_lower |= cls == 'x';
    f->has_upper |= cls == 'X';
    run = cls == prev_class ? run + 1 : 1;
    if (run <= 3) f->shape = FnvStep(f->shape, static_cast<uint64_t>(cls));
    if (run == 1) {
      f->short_shape = FnvStep(f->short_shape, static_cast<uint64_t>(cls));
    }
    prev_class = cls;
    const UChar32 lower = LowerForFeatures(c);
    f->lower = FnvStep(f->lower, static_cast<uint64_t>(lower));
    if (count < 4) f->prefix[count] = f->lower;
    if (folded != nullptr && folded->length < FoldedWord::kMaxChars) {
      folded->chars[folded->length++] = lower;
    }
    last[count % 4] = lower;
    ++count;
  }
  for (int k = count; k < 4; ++k) f->prefix[k] = f->lower;
  for (int k = 1; k <= 4; ++k) {
    uint64_t h = kFnvOffset ^ 0x5bd1e995;  // Apart from the prefix hashes.
    const int n = k < count ? k : count;
    for (int j = count - n; j < count; ++j) {
      h = FnvStep(h, static_cast<uint64_t>(last[j % 4]));
    }
    f->suffix[k - 1] = h;
  }
}

// The stem hashes of one Arabic word (kArabicWords templates).
struct ArabicStems {
  uint64_t stem = kFnvOffset;
  uint64_t without_conjunction = kFnvOffset;
  uint64_t proclitics = 0;
};

ArabicStems StemsOf(const FoldedWord& word) {
  const ArabicProclitics p =
      SplitArabicProclitics(word.chars.data(), word.length);
  ArabicStems s;
  for (size_t j = p.after_conjunction; j < word.length; ++j) {
    const auto c = static_cast<uint64_t>(word.chars[j]);
    s.without_conjunction = FnvStep(s.without_conjunction, c);
    if (j >= p.stem) s.stem = FnvStep(s.stem, c);
  }
  s.proclitics = (static_cast<uint64_t>(p.conjunction) << 32) |
                 (static_cast<uint64_t>(p.preposition) << 1) |
                 (p.article ? 1 : 0);
  return s;
}

}  // namespace

uint64_t NerLowerHash(std::string_view token) {
  TokenFacts facts;
  ComputeFacts(token, &facts);
  return facts.lower;
}

NerFeatures::NerFeatures(NerTokenization tokenization, uint32_t hash_bits,
                         const std::vector<NerGazetteerEntry>& gazetteer)
    : tokenization_(tokenization),
      hash_bits_(hash_bits),
      gazetteer_(gazetteer) {}

size_t NerFeatures::per_token() const {
  switch (tokenization_) {
    case NerTokenization::kWords:
      return kNumWordTemplates;
    case NerTokenization::kArabicWords:
      return kNumArabicTemplates;
    case NerTokenization::kCharacters:
      break;
  }
  return kNumCharTemplates;
}

void NerFeatures::Extract(const std::vector<std::string_view>& tokens,
                          NerSentenceFeatures* out) const {
  out->per_token = per_token();
  out->buckets.resize(tokens.size() * out->per_token);
  out->lower.resize(tokens.size());
  out->short_shape.resize(tokens.size());
  if (tokenization_ == NerTokenization::kCharacters) {
    ExtractCharacters(tokens, out);
  } else {
    ExtractWords(tokens, out);
  }
}

void NerFeatures::ExtractWords(const std::vector<std::string_view>& tokens,
                               NerSentenceFeatures* out) const {
  const size_t n = tokens.size();
  std::vector<TokenFacts> facts(n);
  bool any_lower = false;
  bool any_upper = false;
  const bool arabic = tokenization_ == NerTokenization::kArabicWords;
  std::vector<ArabicStems> stems(arabic ? n : 0);
  for (size_t i = 0; i < n; ++i) {
    if (arabic) {
      FoldedWord word;
      ComputeFacts(tokens[i], &facts[i], &word);
      stems[i] = StemsOf(word);
    } else {
      ComputeFacts(tokens[i], &facts[i]);
    }
    any_lower |= facts[i].has_lower;
    any_upper |= facts[i].has_upper;
    out->lower[i] = facts[i].lower;
    out->short_shape[i] = facts[i].short_shape;
  }
  // A headline in capitals ("BRUSSELS 1996-08-22") says nothing by case.
  const uint64_t all_caps = any_upper && !any_lower ? 1 : 0;
  const auto lower = [&](ptrdiff_t j) {
    if (j < 0) return kBefore[static_cast<size_t>(-j - 1)];
    if (static_cast<size_t>(j) >= n) return kAfter[static_cast<size_t>(j) - n];
    return facts[static_cast<size_t>(j)].lower;
  };
  std::vector<uint64_t> gazetteer(n + 2, 0);  // Padded by one each side.
  for (size_t i = 0; i < n; ++i) {
    gazetteer[i + 1] = gazetteer_.Flags(facts[i].lower);
  }
  const auto shape = [&](ptrdiff_t j) {
    if (j < 0) return kBefore[static_cast<size_t>(-j - 1)];
    if (static_cast<size_t>(j) >= n) return kAfter[static_cast<size_t>(j) - n];
    return facts[static_cast<size_t>(j)].short_shape;
  };
  for (size_t u = 0; u < n; ++u) {
    const auto i = static_cast<ptrdiff_t>(u);
    const TokenFacts& f = facts[u];
    uint32_t* b = &out->buckets[u * out->per_token];
    b[kWBias] = Bucket(Feat(kWBias, 0));
    b[kWLower] = Bucket(Feat(kWLower, f.lower));
    b[kWExact] = Bucket(Feat(kWExact, f.exact));
    b[kWShape] = Bucket(Feat(kWShape, f.shape));
    b[kWShortShape] = Bucket(Feat(kWShortShape, f.short_shape));
    for (int k = 0; k < 4; ++k) {
      b[kWPrefix1 + k] = Bucket(Feat(kWPrefix1 + k, f.prefix[k]));
      b[kWSuffix1 + k] = Bucket(Feat(kWSuffix1 + k, f.suffix[k]));
    }
    b[kWPrevLower] = Bucket(Feat(kWPrevLower, lower(i - 1)));
    b[kWNextLower] = Bucket(Feat(kWNextLower, lower(i + 1)));
    b[kWPrev2Lower] = Bucket(Feat(kWPrev2Lower, lower(i - 2)));
    b[kWNext2Lower] = Bucket(Feat(kWNext2Lower, lower(i + 2)));
    b[kWPrevLowerLower] = Bucket(Feat(kWPrevLowerLower, lower(i - 1), f.lower));
    b[kWLowerNextLower] = Bucket(Feat(kWLowerNextLower, f.lower, lower(i + 1)));
    b[kWPrevShapeShape] =
        Bucket(Feat(kWPrevShapeShape, shape(i - 1), f.short_shape));
    b[kWShapeNextShape] =
        Bucket(Feat(kWShapeNextShape, f.short_shape, shape(i + 1)));
    b[kWShapeTrigram] =
        Bucket(Feat(kWShapeTrigram, shape(i - 1), f.short_shape, shape(i + 1)));
    b[kWPrevLowerShape] =
        Bucket(Feat(kWPrevLowerShape, lower(i - 1), f.short_shape));
    b[kWShapeNextLower] =
        Bucket(Feat(kWShapeNextLower, f.short_shape, lower(i + 1)));
    b[kWPositionShape] =
        Bucket(Feat(kWPositionShape, u == 0 ? 1 : 0, all_caps, f.short_shape));
    const auto fact = [&](ptrdiff_t j, auto field) {
      if (j < 0) return kBefore[static_cast<size_t>(-j - 1)];
      if (static_cast<size_t>(j) >= n) {
        return kAfter[static_cast<size_t>(j) - n];
      }
      return field(facts[static_cast<size_t>(j)]);
    };
    const auto exact = [](const TokenFacts& t) { return t.exact; };
    const auto suffix3 = [](const TokenFacts& t) { return t.suffix[2]; };
    b[kWPrevExact] = Bucket(Feat(kWPrevExact, fact(i - 1, exact)));
    b[kWNextExact] = Bucket(Feat(kWNextExact, fact(i + 1, exact)));
    b[kWPrevSuffix3] = Bucket(Feat(kWPrevSuffix3, fact(i - 1, suffix3)));
    b[kWNextSuffix3] = Bucket(Feat(kWNextSuffix3, fact(i + 1, suffix3)));
    b[kWPrev2Shape] = Bucket(Feat(kWPrev2Shape, shape(i - 2)));
    b[kWNext2Shape] = Bucket(Feat(kWNext2Shape, shape(i + 2)));
    const uint64_t gaz = gazetteer[u + 1];
    b[kWGazetteer] = Bucket(Feat(kWGazetteer, gaz));
    b[kWGazetteerShape] = Bucket(Feat(kWGazetteerShape, gaz, f.short_shape));
    b[kWGazetteerWindow] =
        Bucket(Feat(kWGazetteerWindow, gazetteer[u], gaz, gazetteer[u + 2]));
    if (!arabic) continue;
    const auto stem = [&](ptrdiff_t j) {
      if (j < 0) return kBefore[0];
      if (static_cast<size_t>(j) >= n) return kAfter[0];
      return stems[static_cast<size_t>(j)].stem;
    };
    const ArabicStems& s = stems[u];
    b[kAStem] = Bucket(Feat(kAStem, s.stem));
    b[kAWithoutConjunction] =
        Bucket(Feat(kAWithoutConjunction, s.without_conjunction));
    b[kAProclitics] = Bucket(Feat(kAProclitics, s.proclitics, f.short_shape));
    b[kAPrevStem] = Bucket(Feat(kAPrevStem, stem(i - 1)));
    b[kANextStem] = Bucket(Feat(kANextStem, stem(i + 1)));
  }
}

void NerFeatures::ExtractCharacters(const std::vector<std::string_view>& tokens,
                                    NerSentenceFeatures* out) const {
  const size_t n = tokens.size();
  for (size_t i = 0; i < n; ++i) {
    TokenFacts f;
    ComputeFacts(tokens[i], &f);
    out->lower[i] = f.lower;
    out->short_shape[i] = f.short_shape;
  }
  const auto ch = [&](ptrdiff_t j) {
    if (j < 0) return kBefore[static_cast<size_t>(-j - 1)];
    if (static_cast<size_t>(j) >= n) return kAfter[static_cast<size_t>(j) - n];
    return out->lower[static_cast<size_t>(j)];
  };
  const auto cls = [&](ptrdiff_t j) {
    if (j < 0) return kBefore[static_cast<size_t>(-j - 1)];
    if (static_cast<size_t>(j) >= n) return kAfter[static_cast<size_t>(j) - n];
    return out->short_shape[static_cast<size_t>(j)];
  };
  for (size_t u = 0; u < n; ++u) {
    const auto i = static_cast<ptrdiff_t>(u);
    uint32_t* b = &out->buckets[u * kNumCharTemplates];
    const uint64_t c = ch(i);
    b[kCBias] = Bucket(Feat(kCBias, 0));
    b[kCChar] = Bucket(Feat(kCChar, c));
    b[kCClass] = Bucket(Feat(kCClass, cls(i)));
    b[kCPrev] = Bucket(Feat(kCPrev, ch(i - 1)));
    b[kCNext] = Bucket(Feat(kCNext, ch(i + 1)));
    b[kCPrev2] = Bucket(Feat(kCPrev2, ch(i - 2)));
    b[kCNext2] = Bucket(Feat(kCNext2, ch(i + 2)));
    b[kCPrevChar] = Bucket(Feat(kCPrevChar, ch(i - 1), c));
    b[kCCharNext] = Bucket(Feat(kCCharNext, c, ch(i + 1)));
    b[kCPrev2Prev] = Bucket(Feat(kCPrev2Prev, ch(i - 2), ch(i - 1)));
    b[kCNextNext2] = Bucket(Feat(kCNextNext2, ch(i + 1), ch(i + 2)));
    b[kCTrigram] = Bucket(Feat(kCTrigram, ch(i - 1), c, ch(i + 1)));
    b[kCPrevNext] = Bucket(Feat(kCPrevNext, ch(i - 1), ch(i + 1)));
    b[kCPrev2Trigram] = Bucket(Feat(kCPrev2Trigram, ch(i - 2), ch(i - 1), c));
    b[kCNext2Trigram] = Bucket(Feat(kCNext2Trigram, c, ch(i + 1), ch(i + 2)));
    b[kCClassTrigram] =
        Bucket(Feat(kCClassTrigram, cls(i - 1), cls(i), cls(i + 1)));
  }
}

uint32_t NerFeatures::TransitionBucket(NerTag prev) const {
  return Bucket(Feat(kTransition, prev));
}

}  // namespace chancery
