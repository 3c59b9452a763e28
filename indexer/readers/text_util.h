// Small string helpers shared by the readers. Pure functions, thread-safe.
#ifndef CHANCERY_INDEXER_READERS_TEXT_UTIL_H_
#define CHANCERY_INDEXER_READERS_TEXT_UTIL_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace chancery {

// `s` without leading and trailing ASCII whitespace.
std::string_view TrimWhitespace(std::string_view s);
// Trims *s in place, without reallocating.
void TrimWhitespaceInPlace(std::string* s);

bool EqualsIgnoreAsciiCase(std::string_view a, std::string_view b);
std::string AsciiToLower(std::string_view s);

// The ISO 639-1 part of a language tag: "en-US" -> "en", "FR" -> "fr",
// "pt_BR" -> "pt". Whitespace is trimmed; other text is lower-cased as is.
std::string NormalizeLanguageTag(std::string_view tag);

// 64-bit FNV-1a: tiny, fast, and fixed by specification, so ids derived
// from it are the same on every machine and in every release.
uint64_t Fnv1a64(std::string_view data, uint64_t hash = 14695981039346656037u);

// `value` as 16 lower-case hex digits.
std::string Hex64(uint64_t value);

// Whether `s` is well-formed UTF-8 (no overlongs, surrogates or values
// beyond U+10FFFF).
bool IsValidUtf8(std::string_view s);

}  // namespace chancery

#endif  // CHANCERY_INDEXER_READERS_TEXT_UTIL_H_
