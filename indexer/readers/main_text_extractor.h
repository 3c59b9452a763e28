// The main text of a web page (the article, without the page around it),
// in the manner of Readability and trafilatura, on a gumbo tree:
//   1. Furniture is cut first: what VisibleText skips (navigation, scripts,
//      hidden elements, menus, share bars, cookie notices...) and, in
//      addition, elements hidden by inline style, comment threads,
//      related-story lists, teasers, tag lists, bylines, date lines, fact
//      boxes and short picture captions, named by tag, class, id or role.
//      A <header>, <footer>, <form> or <aside> that holds the article (an
//      unclosed <header>, a <form> around the page) is not cut.
//   2. Precision first: the page's own main-text container, by microdata
//      (itemprop=articleBody), by the class/id names content management
//      systems give it (article-body, entry-content, story-body...), else
//      the largest <article>, else <main>; taken when it holds enough text,
//      with the other containers of its kind and class (an <article> of
//      them only when it holds text of its own, not a teaser).
//   3. Else a Readability block scorer: paragraphs score their parent and
//      grandparent by length and commas, scores fall with link density and
//      rise or fall with class/id hints; the best block (or, as
//      Readability.js, the ancestor holding three others that score near
//      it: text split into sections) and its similar-scoring siblings are
//      the text.
//   4. The article's lead, when the page sets it apart near the text (a
//      standfirst, intro, teaser text or description), is put first.
//   5. Recall fallback: when that is still short against the page's whole
//      visible text, the whole visible text (less link lists); when class
//      and id names left almost nothing, all of it again without reading
//      names.
//   6. JSON-LD articleBody, when the page gives one at least twice as long
//      as what the markup gave, or longer than a short markup text (the
//      markup failed: a page built by script, a teaser before a paywall),
//      is taken instead.
// Within the chosen text are left out, last, the blocks a trained
// classifier (block_classifier.h) takes for furniture; and before: blocks that
// are mostly links (lists of related stories, tag clouds), short headings with
// no text after them (the titles of boxes cut), and short lines that are
// furniture by what they say (a "Read more:" or "Lesen Sie auch" lead-in, a
// credit line, an advertisement marker, a line naming social networks to
// follow).
//
// Pure functions of the tree; thread-safe on distinct or unmodified trees.
#ifndef CHANCERY_INDEXER_READERS_MAIN_TEXT_EXTRACTOR_H_
#define CHANCERY_INDEXER_READERS_MAIN_TEXT_EXTRACTOR_H_

#include <gumbo.h>

#include <string>
#include <string_view>
#include <vector>

#include "indexer/readers/block_classifier.h"

namespace chancery {

// A block of a page's text as the classifier saw it: for its trainer.
struct BlockSample {
  std::string text;  // PlainText of the block
  std::vector<BlockFeature> features;
};

struct MainTextOptions {
  // The block classifier; null for BlockModel::BuiltIn().
  const BlockModel* model = nullptr;
  // When set, every block the classifier would be asked about is noted
  // here (once) and no block is left out by a classifier.
  std::vector<BlockSample>* samples = nullptr;
};

// The main text under `root` (a document's <html> element, or any element),
// formatted as VisibleText formats (paragraphs separated by "\n\n").
// `json_ld_body` is the page's JSON-LD articleBody ("" when none). "" only when
// the page has no visible text at all.
std::string ExtractMainText(const GumboNode* root,
                            std::string_view json_ld_body,
                            const MainTextOptions& options = {});

}  // namespace chancery

#endif  // CHANCERY_INDEXER_READERS_MAIN_TEXT_EXTRACTOR_H_
