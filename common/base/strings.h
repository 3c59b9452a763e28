// Byte-level string helpers: trimming, ASCII case and the word-byte rule. Pure
// functions on ASCII and UTF-8 text, thread-safe, locale-independent.
#ifndef CHANCERY_COMMON_BASE_STRINGS_H_
#define CHANCERY_COMMON_BASE_STRINGS_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace chancery {

// Whether `c` is ASCII white space: space, \t, \n, \v, \f or \r.
bool IsAsciiSpace(char c);

// `s` without leading and trailing ASCII white space; a view into `s`.
std::string_view TrimWhitespace(std::string_view s);
// Trims *s in place, without reallocating.
void TrimWhitespaceInPlace(std::string* s);

// ASCII case: bytes outside A-Z and a-z (UTF-8 sequences included) compare
// and copy as they are.
bool EqualsIgnoreAsciiCase(std::string_view a, std::string_view b);
std::string AsciiToLower(std::string_view s);

// Whether byte `c` belongs to a word as the search side splits text
// without decoding it: an ASCII letter or digit, or any byte of a non-ASCII
// UTF-8 sequence (so "Séjourné" and "北京" are one word each). The query
// parser's fallback, wildcard prefixes, query limits and spelling
// suggestions all split words by this rule, so they agree on what a word
// is.
bool IsWordByte(char c);

// The number of code points in UTF-8 text `s` (bytes that do not
// continue a sequence; invalid bytes count one each).
size_t CodePoints(std::string_view s);

}  // namespace chancery

#endif  // CHANCERY_COMMON_BASE_STRINGS_H_
