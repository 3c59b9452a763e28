// Getting legacy-encoded pages and text files into UTF-8, which everything
// downstream (gumbo, the analyzer, the JSON API) requires. Conversion is
// ICU's; this file only decides when and from what.
#ifndef CHANCERY_INDEXER_READERS_CHARSET_H_
#define CHANCERY_INDEXER_READERS_CHARSET_H_

#include <string>
#include <string_view>

namespace chancery {

// Leaves *text alone when it is already valid UTF-8. Otherwise converts it
// from `declared_charset` (e.g. an HTML <meta charset>), or from
// windows-1252 when none is declared or ICU does not know the name:
// windows-1252 decodes every byte, and is what undeclared Western text
// most often is. Returns whether *text was converted.
bool EnsureUtf8(std::string* text, std::string_view declared_charset = "");

}  // namespace chancery

#endif  // CHANCERY_INDEXER_READERS_CHARSET_H_
