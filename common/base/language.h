// Language codes as the index stores them: ISO 639-1, lower case. Pure
// functions, thread-safe.
#ifndef CHANCERY_COMMON_BASE_LANGUAGE_H_
#define CHANCERY_COMMON_BASE_LANGUAGE_H_

#include <string>
#include <string_view>

namespace chancery {

// Normalises a language tag to ISO 639-1 lower case: "EN", " en-US",
// "fr_FR", "French", "fre" -> "en", "en", "fr", "fr", "fr"; "" when
// unrecognised. Surrounding white space and everything from the first '-'
// or '_' (region, script) are dropped; English and native names and ISO
// 639-2 codes of common news languages are mapped; any other two ASCII
// letters are taken as a code. Idempotent.
std::string NormalizeLanguage(std::string_view tag);

}  // namespace chancery

#endif  // CHANCERY_COMMON_BASE_LANGUAGE_H_
