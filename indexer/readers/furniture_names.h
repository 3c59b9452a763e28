// What class and id names say about a part of a page, for the main-text
// extractor: names of the article text (article-body, entry-content...)
// and of furniture beyond what VisibleText skips (comments, teasers,
// bylines, date lines, fact boxes, donation boxes...).
//
// Pure functions; thread-safe.
#ifndef CHANCERY_INDEXER_READERS_FURNITURE_NAMES_H_
#define CHANCERY_INDEXER_READERS_FURNITURE_NAMES_H_

#include <initializer_list>
#include <string_view>

namespace chancery {

// Whether `text` contains one of `needles`.
bool ContainsAny(std::string_view text,
                 std::initializer_list<std::string_view> needles);

// Whether a word of a class, id or role (as AnyClassWord splits them)
// names furniture beyond what VisibleText already skips.
bool IsExtraFurnitureWord(std::string_view word);

// Whether `visit` holds for a token of a class/id value (tokens separated
// by spaces).
template <typename Visit>
bool AnyToken(std::string_view value, Visit visit) {
  size_t at = 0;
  while (at < value.size()) {
    size_t end = value.find(' ', at);
    if (end == std::string_view::npos) end = value.size();
    if (visit(value.substr(at, end - at))) return true;
    at = end + 1;
  }
  return false;
}

// Whether a class/id value (words separated by spaces) has a token naming
// the article text, one that does not also name furniture
// ("related-post-content" is a teaser's).
bool NamesMainText(std::string_view name);

// Whether a class or id value names extra furniture. Its tokens that
// classify a post rather than name a part of the page ("tag-sports",
// "category-popular" on a WordPress post) are not read.
bool NamesExtraFurniture(std::string_view value);

}  // namespace chancery

#endif  // CHANCERY_INDEXER_READERS_FURNITURE_NAMES_H_
