// Whether a short line of text is page furniture by what it says, in the
// manner of trafilatura's text filter: a lead-in to other stories ("Read
// more:", "Lesen Sie auch", "VEA TAMBIÉN:", "Zobacz również") or a call to
// subscribe, a credit line ("Foto: ...", "(Credit: ...)"), a date line
// ("Last modified: ..."), a line that only marks an advertisement or labels
// a byline or a contact block, a line naming two social networks (follow us,
// share bars), or a sentence addressed to the reader about the site (a
// paywall's "already a subscriber", a copyright or reprint notice, a
// disclaimer, "our apps for iOS and Android", "share this article").
// The main-text extractor asks it about short lines (up to 200 characters).
//
// Pure function; thread-safe.
#ifndef CHANCERY_INDEXER_READERS_FURNITURE_LINE_H_
#define CHANCERY_INDEXER_READERS_FURNITURE_LINE_H_

#include <string_view>

namespace chancery {

// `text` is the line (any case, any surrounding whitespace), `chars` its
// number of characters other than whitespace and `link_density` the share
// of them inside links (0 for plain text). Lead-ins that may also begin a
// sentence ("Read more about...") count only when they head something: a
// colon follows or ends the line, or it is mostly a link.
bool IsFurnitureLine(std::string_view text, int chars, double link_density);

}  // namespace chancery

#endif  // CHANCERY_INDEXER_READERS_FURNITURE_LINE_H_
