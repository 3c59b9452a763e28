// NameTransliterator: the Latin form of a person's name written in another
// script, so that one person named in Russian, Chinese, Greek or Arabic
// articles and in English ones is one facet value.
//
//   Cyrillic  Russian-Latin/BGN   "Мария Захарова" -> "Mariya Zakharova"
//   Greek     Greek-Latin/BGN     "Κυριάκος Μητσοτάκης" -> "Kiriakos
//   Mitsotakis" Han       Han-Latin, tones dropped, the given name's syllables
//   joined
//             after the one-syllable family name: "习近平" -> "Xi Jinping"
//   Arabic    Arabic-Latin (unvocalised, so only a fallback label)
//   other     Any-Latin
// then Latin-ASCII. Latin names are returned as they are.
//
// Thread safety: ICU transliterators are not documented as safe for
// concurrent use, so calls are serialised by a mutex; names in another
// script are a small share of all names, so the lock is rarely contended.
#ifndef CHANCERY_COMMON_ENTITIES_NAME_TRANSLITERATOR_H_
#define CHANCERY_COMMON_ENTITIES_NAME_TRANSLITERATOR_H_

#include <memory>
#include <mutex>
#include <string>
#include <string_view>

#include "common/status.h"

namespace chancery {

class NameTransliterator {
 public:
  // Fails (naming the transform) when this ICU lacks one of the transforms.
  static StatusOr<std::unique_ptr<NameTransliterator>> Create();
  ~NameTransliterator();

  // Whether `name` (UTF-8) has letters of a script other than Latin.
  static bool NeedsTransliteration(std::string_view name);

  // The Latin form of `name`, words capitalised; `name` itself when it
  // is already Latin or nothing could be transliterated.
  std::string ToLatin(std::string_view name) const;

 private:
  struct Transforms;
  explicit NameTransliterator(std::unique_ptr<Transforms> t);
  std::unique_ptr<Transforms> transforms_;
  mutable std::mutex mu_;  // Guards the use of transforms_.
};

}  // namespace chancery

#endif  // CHANCERY_COMMON_ENTITIES_NAME_TRANSLITERATOR_H_
