// Metadata a web page states in its visible text or in relative form, as
// the HTML page reader (html_reader.h) turns it into Article fields: the
// author from a byline, the publication date from a dateline near the top
// of the text, a canonical URL resolved against the page's own. Pure
// functions of their arguments, thread-safe.
#ifndef CHANCERY_INDEXER_READERS_PAGE_METADATA_H_
#define CHANCERY_INDEXER_READERS_PAGE_METADATA_H_

#include <string>
#include <string_view>

namespace chancery {

// The author names of a byline's text: "By Jane Doe | Reuters" -> "Jane
// Doe", "Von Erika Muster, Berlin" -> "Erika Muster, Berlin". What follows
// the first '|', '\u00b7', '\u2022' or line break is dropped, as are a
// leading "By"/"Von"/"Par"/"Por"/"Di" and a trailing "Published..."/
// "Updated...". "" when nothing is left or what is left is too long (over
// 80 bytes) to be names rather than prose such as an author biography.
std::string AuthorFromByline(std::string_view byline);

// The first publication date in the first `max_lines` lines of `text`, as
// ParseDate (date_parser.h) accepts it, looked for among the first dozen
// words of each line: "Published 3 March 2024, 10:00" -> "3 March 2024,
// 10:00", "March 3, 2024 \u2014 The minister said" -> "March 3, 2024".
// The longest parseable run of words at the first position is taken; a
// date right after "Updated" or "Modified" is skipped as not the
// publication date. "" when there is none.
std::string FindDateline(std::string_view text, int max_lines);

// `reference` (an href) resolved against the absolute http(s) URL `base`
// by RFC 3986 section 5 (uriparser, dot segments removed): "//host/p" with
// base's scheme, "/p" with base's scheme and host, "p", "../p" or "?q"
// beside base's path. An absolute reference is returned as written
// (trimmed), so that ids derived from it stay stable. "" when `reference`
// is empty, or relative and `base` is not an absolute http(s) URL or the
// reference is not a valid RFC 3986 reference.
std::string ResolveUrl(std::string_view base, std::string_view reference);

}  // namespace chancery

#endif  // CHANCERY_INDEXER_READERS_PAGE_METADATA_H_
