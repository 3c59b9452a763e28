// Getting legacy-encoded feeds, pages and text files into UTF-8, which
// everything downstream (libxml2, gumbo, the analyzer, the JSON API)
// requires. Detection is uchardet's and conversion ICU's; this file only
// decides in what order the evidence counts.
#ifndef CHANCERY_INDEXER_READERS_CHARSET_H_
#define CHANCERY_INDEXER_READERS_CHARSET_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace chancery {

// The charset `bytes` are in, from the strongest evidence present: a byte
// order mark; an XML declaration's encoding; an HTML <meta charset> or
// http-equiv Content-Type (both within the first 4 KiB); else "UTF-8" when
// the bytes are valid UTF-8; else uchardet's guess; else "windows-1252",
// which decodes every byte. A declaration of UTF-8 that the bytes
// contradict counts as no declaration. Never empty.
std::string DetectCharset(std::string_view bytes);

// What DecodeToUtf8 did.
struct Utf8Decoding {
  std::string charset;        // the charset the text was read as
  bool converted = false;     // whether the text changed
  size_t replaced = 0;        // undecodable sequences, now U+FFFD
  size_t first_bad_line = 0;  // 1-based line of the first; 0 if none
};

// Leaves valid UTF-8 as it is (bar a byte order mark, dropped) whatever
// is declared. Otherwise converts *text to UTF-8 from `declared_charset` (a
// transport's or caller's statement, e.g. an HTTP Content-Type) when ICU
// knows it and it is not UTF-8, else from DetectCharset. Bytes the charset
// cannot decode become U+FFFD and are counted, so the result is always
// valid UTF-8.
Utf8Decoding DecodeToUtf8(std::string* text,
                          std::string_view declared_charset = "");

// DecodeToUtf8 for callers that only need to know whether *text changed.
bool EnsureUtf8(std::string* text, std::string_view declared_charset = "");

}  // namespace chancery

#endif  // CHANCERY_INDEXER_READERS_CHARSET_H_
