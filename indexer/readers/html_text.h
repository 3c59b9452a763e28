// Reader-visible text of HTML, as an article body: what a person reading
// the page would read, without navigation, scripts, share buttons, cookie
// banners or comment threads. Shared by the HTML page reader and the feed
// reader (whose descriptions are HTML fragments).
#ifndef CHANCERY_INDEXER_READERS_HTML_TEXT_H_
#define CHANCERY_INDEXER_READERS_HTML_TEXT_H_

#include <gumbo.h>

#include <functional>
#include <string>
#include <string_view>

namespace chancery {

// Pathologically nested markup is cut off at this depth by every walk over
// a gumbo tree rather than risking the stack; real articles nest a few
// dozen levels.
inline constexpr int kMaxHtmlDepth = 400;

// A parsed gumbo document, destroyed with its owner. Input must be UTF-8
// (invalid bytes become U+FFFD).
class GumboDocument {
 public:
  explicit GumboDocument(std::string_view html);
  ~GumboDocument();
  GumboDocument(const GumboDocument&) = delete;
  GumboDocument& operator=(const GumboDocument&) = delete;

  const GumboNode* root() const;  // the <html> element

 private:
  GumboOutput* output_;
};

// Text under `node`. Skipped: script, style, template, noscript, nav,
// header, footer, aside, form, button, select, iframe, svg and head; hidden
// elements; elements whose class, id or role names a menu, share bar,
// related links, comments, cookie notice or the like. Block elements
// (p, div, li, h1...) become paragraph breaks "\n\n", <br> a line break;
// other whitespace is collapsed to single spaces; no leading or trailing
// whitespace.
std::string VisibleText(const GumboNode* node);

// Text under `node` formatted as VisibleText formats it, leaving out
// every element for which `skip` returns true (with its subtree) instead
// of those VisibleText leaves out: for callers with their own idea of
// furniture, who may call IsHiddenOrFurniture from it.
std::string VisibleTextExcept(
    const GumboNode* node, const std::function<bool(const GumboNode*)>& skip);

// Whether `node` is an element of a skipped tag (script, nav, footer...)
// or hidden: the part of IsHiddenOrFurniture that does not read names.
bool IsHiddenOrSkippedTag(const GumboNode* node);

// Whether VisibleText leaves out element `node` itself (not looking at its
// ancestors): a skipped tag, hidden, or named as furniture by its class, id
// or role. False for non-elements.
bool IsHiddenOrFurniture(const GumboNode* node);

// The lower-case words of a class or id value, split at punctuation,
// spaces and camelCase humps: "shareBar related-links" -> share, bar,
// related, links. Calls `visit` with each and stops when it returns true;
// returns whether one did.
bool AnyClassWord(std::string_view value,
                  const std::function<bool(std::string_view)>& visit);

// The text content of `node` with whitespace collapsed, nothing skipped:
// for <title>, <h1> and the like.
std::string PlainText(const GumboNode* node);

// VisibleText of an HTML fragment such as a feed item's description. Text
// without markup or character references is returned as is, trimmed,
// without invoking the HTML parser.
std::string HtmlToText(std::string_view html);

// Value of attribute `name` of element `node`, or "" when absent.
std::string_view AttributeOf(const GumboNode* node, const char* name);

}  // namespace chancery

#endif  // CHANCERY_INDEXER_READERS_HTML_TEXT_H_
