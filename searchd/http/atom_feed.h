// An Atom 1.0 feed document (RFC 4287) from plain values, written with
// libxml2's xmlTextWriter, which escapes text and attribute values; text
// is first made valid XML 1.0 (invalid UTF-8 replaced, control characters
// other than tab, LF and CR dropped), so any stored article renders to a
// well-formed document. Links and ids are written as given: callers pass
// absolute IRIs (or references resolved against the feed's own URL).
// Pure functions, thread-safe (libxml2's writer keeps no global state).
#ifndef CHANCERY_SEARCHD_HTTP_ATOM_FEED_H_
#define CHANCERY_SEARCHD_HTTP_ATOM_FEED_H_

#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace chancery {

inline constexpr std::string_view kAtomContentType =
    "application/atom+xml; charset=utf-8";

struct AtomEntry {
  std::string id;              // An IRI, stable for the article.
  std::string title;           // Plain text.
  std::string updated;         // RFC 3339 date-time ("2024-03-01T12:00:00Z").
  std::string published;       // RFC 3339, "" = none.
  std::string summary;         // Plain text, "" = none.
  std::string author;          // Name, "" = none (the feed's author applies).
  std::string source_title;    // Publisher, as <source><title>; "" = none.
  std::string alternate_href;  // rel="alternate" (the article itself).
  std::string related_href;    // rel="related", "" = none.
};

struct AtomFeed {
  std::string id;              // An IRI, stable for the feed.
  std::string title;           // Plain text.
  std::string updated;         // RFC 3339 date-time.
  std::string author;          // Name; required unless every entry has one.
  std::string self_href;       // rel="self": where the feed is fetched.
  std::string alternate_href;  // rel="alternate" text/html, "" = none.
  std::string generator;       // e.g. "Chancery", "" = none.
  std::vector<AtomEntry> entries;
};

// The document, UTF-8, with its XML declaration. Internal only if libxml2
// fails (out of memory).
StatusOr<std::string> RenderAtomFeed(const AtomFeed& feed);

// `text` as XML 1.0 character data may hold it: invalid UTF-8 replaced
// with U+FFFD, code points XML forbids (C0 controls but tab, LF, CR;
// U+FFFE, U+FFFF) dropped. Not escaped: the writer escapes.
std::string XmlCharacters(std::string_view text);

// The plain text of an HTML snippet as the search core builds them
// (escaped text with <mark> tags): tags removed, the five entities it
// writes (&amp; &lt; &gt; &quot; &#39;) decoded; any other '&' is kept.
std::string SnippetPlainText(std::string_view html);

}  // namespace chancery

#endif  // CHANCERY_SEARCHD_HTTP_ATOM_FEED_H_
