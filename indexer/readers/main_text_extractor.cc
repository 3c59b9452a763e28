#include "indexer/readers/main_text_extractor.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "common/base/strings.h"
#include "indexer/readers/furniture_line.h"
#include "indexer/readers/furniture_names.h"
#include "indexer/readers/html_text.h"

namespace chancery {
namespace {

// Thresholds, chosen on the tuning part of bench/html_quality only.
// A container found by name or tag is the text when it holds this many
// characters that are not link text...
constexpr int kMinContainerChars = 400;
// ...and at most this share of its text is link text.
constexpr double kMaxContainerLinkDensity = 0.5;
// The text split over several <article>s of one class (content elements of
// a page builder, posts of a thread): each other one is taken with it when
// it holds this many characters that are not link text (teasers of other
// stories, mostly links or short, are not).
constexpr int kMinNamesakeArticleChars = kMinContainerChars / 2;
// A block within the text that is mostly links is a link list, unless long.
constexpr double kMaxBlockLinkDensity = 0.5;
constexpr int kLinkListMaxChars = 1500;
// A class/id name of furniture cuts only an element with at most this
// share of the page's text.
constexpr double kMaxNamedFurnitureShare = 0.3;
// Within an <article> or <main>, the scorer's block is the text when it
// has at least this share of the container's.
constexpr double kMinInnerShare = 0.9;
// A heading with no text after it is left out when it has at most this
// many characters.
constexpr int kMaxEmptyHeadingChars = 50;
// A line of text longer than this is not cut for what it says.
constexpr int kMaxFurnitureLineChars = 200;
// A lead set apart from the text is looked for this many levels above the
// text's first block, and taken with this many characters, and at most
// this share of them in links.
constexpr int kLeadScopeLevels = 3;
constexpr int kMinLeadChars = 40;
constexpr int kMaxLeadChars = 1000;
constexpr double kMaxLeadLinkDensity = 0.3;
// A caption is cut when it has at most this many characters.
constexpr int kMaxCaptionChars = 200;
// Below this many characters the extracted text is taken as a miss and the
// whole visible text is used, when it is longer.
constexpr int kMinMainChars = 250;
// JSON-LD articleBody wins when it is at least this many times as long as
// the text the markup gave, or longer than a text under kMinMainChars:
// when the markup failed (a page built by script, a teaser before a
// paywall); else the markup's text, with its lead, is as good or better.
constexpr double kMinJsonLdShare = 2.0;
// When the text is that short, it is extracted again with class/id names
// not read, and that text is taken when it is this many times as long.
constexpr double kMinLenientGain = 3;
// The block classifier is asked about blocks of at most this many
// characters.
constexpr int kMaxClassifiedChars = 600;
// The scorer's best block gives way to its nearest ancestor holding this
// many other candidates that score at least this share of it (Readability.js's
// published values, not tuned here: 3 and 0.75).
constexpr int kMinNearBest = 3;
constexpr double kNearBestShare = 0.75;
// When it is still under this many characters, link lists are kept too.
constexpr int kNearlyNothingChars = 100;

// Code points other than ASCII whitespace.
int CountChars(std::string_view text) {
  int n = 0;
  for (char c : text) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80 && !IsAsciiSpace(c)) {
      ++n;
    }
  }
  return n;
}

// What the text under one element amounts to, furniture left out.
struct BlockStats {
  int chars = 0;       // code points other than whitespace
  int link_chars = 0;  // of which inside <a>
  int commas = 0;
  int start = 0;  // characters measured before it in the page
  double LinkDensity() const {
    return chars == 0 ? 0.0 : static_cast<double>(link_chars) / chars;
  }
};

const GumboNode* Child(const GumboNode* node, unsigned i) {
  return static_cast<const GumboNode*>(node->v.element.children.data[i]);
}

unsigned ChildCount(const GumboNode* node) {
  return node->type == GUMBO_NODE_ELEMENT ? node->v.element.children.length : 0;
}

GumboTag TagOf(const GumboNode* node) {
  return node->type == GUMBO_NODE_ELEMENT ? node->v.element.tag
                                          : GUMBO_TAG_UNKNOWN;
}

// Class and id together, lower-cased: what name hints are matched against.
std::string NameOf(const GumboNode* node) {
  std::string name = AsciiToLower(AttributeOf(node, "class"));
  name += ' ';
  name += AsciiToLower(AttributeOf(node, "id"));
  return name;
}

// Whether an inline style hides the element (display:none,
// visibility:hidden), as Readability takes it.
bool IsHiddenByStyle(const GumboNode* node) {
  const std::string_view style = AttributeOf(node, "style");
  if (style.empty()) return false;
  std::string compact;
  for (char c : style) {
    if (!IsAsciiSpace(c)) compact += c;
  }
  compact = AsciiToLower(compact);
  return compact.find("display:none") != std::string::npos ||
         compact.find("visibility:hidden") != std::string::npos;
}

// How much IsCut trusts class and id names.
enum class NameTrust {
  kFull,  // names of furniture cut what they name
  kNone,  // only skipped tags and hidden elements are cut: the second try
          // when names (an "ads" on every section) cut the text away
  kNoneKeepLinks,  // and link lists kept: the last try, when the text is
                   // still next to nothing (a post that is a list of links)
};

class Extractor {
 public:
  Extractor(const GumboNode* root, NameTrust trust, const BlockModel* model,
            std::vector<BlockSample>* samples)
      : root_(root), trust_(trust), model_(model), samples_(samples) {
    MarkMainTextHolders(root, 0);
    raw_page_chars_ = MeasureRaw(root, 0);
    Measure(root, 0, /*in_link=*/false);
  }

  std::string Run(std::string_view json_ld_body) {
    const GumboNode* body = FindBody(root_);
    std::string text;
    int kind = 0;
    const GumboNode* container = NamedContainer(&kind);
    std::vector<const GumboNode*> blocks =
        container == nullptr ? ScoredBlocks(body, body)
        : kind <= 2          ? Namesakes(container, kind)
                             : std::vector{container};
    text = TextOf(blocks);
    if (container != nullptr && kind >= 2) {
      // An <article> or <main> also holds its header, byline, share bar
      // and related stories: the scorer's block within it, when that has
      // most of its text.
      std::vector<const GumboNode*> inner = ScoredBlocks(body, container);
      std::string inner_text = TextOf(inner);
      if (CountChars(inner_text) >= kMinInnerShare * CountChars(text)) {
        blocks = std::move(inner);
        text = std::move(inner_text);
      }
    }
    if (!blocks.empty() && CountChars(text) >= kMinMainChars) {
      text = LeadsBefore(blocks.front(), text) + text;
    }
    if (CountChars(text) < kMinMainChars) {
      std::string whole = TextOf({body});
      if (CountChars(whole) > CountChars(text)) text = std::move(whole);
    }
    if (text.empty()) {
      // Last resort for pages whose text sits in <noscript>, a <form> or a
      // <header>: all text but scripts, styles and menus.
      text = VisibleTextExcept(body, [](const GumboNode* node) {
        switch (TagOf(node)) {
          case GUMBO_TAG_HEAD:
          case GUMBO_TAG_SCRIPT:
          case GUMBO_TAG_STYLE:
          case GUMBO_TAG_TEMPLATE:
          case GUMBO_TAG_NAV:
            return true;
          default:
            return false;
        }
      });
    }
    const int ld_chars = CountChars(json_ld_body);
    const int text_chars = CountChars(text);
    if (!json_ld_body.empty() &&
        (ld_chars >= kMinJsonLdShare * text_chars ||
         (text_chars < kMinMainChars && ld_chars >= text_chars))) {
      text = LdBodyText(json_ld_body);
    }
    if (samples_ != nullptr) {
      TextOf({body});  // the trainer learns from the blocks around the text too
    }
    return text;
  }

 private:
  // The JSON-LD articleBody as text, its furniture lines (a "Read also:"
  // the publisher left in) left out.
  static std::string LdBodyText(std::string_view body) {
    const std::string text = body.find_first_of("<&") != std::string_view::npos
                                 ? HtmlToText(body)
                                 : std::string(TrimWhitespace(body));
    std::string kept;
    size_t at = 0;
    while (at <= text.size()) {
      size_t end = text.find('\n', at);
      if (end == std::string::npos) end = text.size();
      const std::string_view line = std::string_view(text).substr(at, end - at);
      at = end + 1;
      if (CountChars(line) <= kMaxFurnitureLineChars &&
          IsFurnitureLine(line, CountChars(line), /*link_density=*/0)) {
        continue;
      }
      if (!kept.empty()) kept += '\n';
      kept += line;
    }
    // Lines left out leave runs of blank lines behind.
    std::string collapsed;
    for (size_t i = 0; i < kept.size(); ++i) {
      if (kept[i] == '\n' && collapsed.size() >= 2 &&
          collapsed.compare(collapsed.size() - 2, 2, "\n\n") == 0) {
        continue;
      }
      collapsed += kept[i];
    }
    return std::string(TrimWhitespace(collapsed));
  }

  static const GumboNode* FindBody(const GumboNode* root) {
    for (unsigned i = 0; i < ChildCount(root); ++i) {
      if (TagOf(Child(root, i)) == GUMBO_TAG_BODY) return Child(root, i);
    }
    return root;
  }

  // The tags and names that stand for the text itself are never cut, so a
  // container "article-body has-comments" keeps its text.
  bool IsProtected(const GumboNode* node) const {
    switch (TagOf(node)) {
      case GUMBO_TAG_HTML:
      case GUMBO_TAG_BODY:
      case GUMBO_TAG_MAIN:
      case GUMBO_TAG_ARTICLE:
        return true;
      default:
        return NamesMainText(NameOf(node)) ||
               AnyClassWord(AttributeOf(node, "class"),
                            [](std::string_view w) { return w == "hentry"; });
    }
  }

  // Whether `node` is furniture, left out of all text and statistics.
  bool IsCut(const GumboNode* node) const {
    if (node->type != GUMBO_NODE_ELEMENT) return false;
    const GumboTag tag = node->v.element.tag;
    if (tag == GUMBO_TAG_HTML || tag == GUMBO_TAG_BODY) return false;
    if (IsSkippedElement(node)) return true;
    if (IsCaption(node)) return true;
    if (IsProtected(node) || holds_main_text_.count(node) != 0) return false;
    if (trust_ != NameTrust::kFull) return false;
    if (!IsHiddenOrFurniture(node) &&
        !NamesExtraFurniture(AttributeOf(node, "class")) &&
        !NamesExtraFurniture(AttributeOf(node, "id")) &&
        !AnyClassWord(AttributeOf(node, "role"), IsExtraFurnitureWord)) {
      return false;
    }
    auto raw = raw_chars_.find(node);
    const int chars = raw == raw_chars_.end() ? 0 : raw->second;
    return chars <= kMaxNamedFurnitureShare * raw_page_chars_;
  }

  // A skipped tag or a hidden element (by attribute or inline style), but
  // not a page-structure tag that
  // holds the main text: an unclosed <header> or a <form> around the
  // whole page.
  bool IsSkippedElement(const GumboNode* node) const {
    if (IsHiddenByStyle(node)) return true;
    if (!IsHiddenOrSkippedTag(node)) return false;
    switch (TagOf(node)) {
      case GUMBO_TAG_HEADER:
      case GUMBO_TAG_FOOTER:
      case GUMBO_TAG_FORM:
      case GUMBO_TAG_ASIDE:
        return holds_main_text_.count(node) == 0 ||
               gumbo_get_attribute(&node->v.element.attributes, "hidden") !=
                   nullptr;
      default:
        return true;
    }
  }

  // A picture's caption or credit line, short: a long "caption" is a
  // video's description or the article's lead under its picture.
  bool IsCaption(const GumboNode* node) const {
    auto is_caption_word = [](std::string_view word) {
      for (std::string_view caption :
           {"caption", "captions", "credit", "credits", "figcaption",
            "imagecaption", "imagedescription", "photocaption",
            "bildunterschrift"}) {
        if (word == caption) return true;
      }
      return false;
    };
    if (TagOf(node) != GUMBO_TAG_FIGCAPTION &&
        !AnyClassWord(AttributeOf(node, "class"), is_caption_word) &&
        !AnyClassWord(AttributeOf(node, "id"), is_caption_word)) {
      return false;
    }
    auto raw = raw_chars_.find(node);
    return raw == raw_chars_.end() || raw->second <= kMaxCaptionChars;
  }

  // The article's lead (standfirst, teaser text, intro) when the page sets
  // it apart from the text: elements named as a lead near `first_block`
  // (under its ancestors up to kLeadScopeLevels) and before its end, whose
  // text `text` does not have yet; each followed by "\n\n".
  std::string LeadsBefore(const GumboNode* first_block,
                          const std::string& text) const {
    const GumboNode* scope = first_block;
    for (int i = 0; i < kLeadScopeLevels; ++i) {
      const GumboNode* parent = scope->parent;
      if (parent == nullptr || parent->type != GUMBO_NODE_ELEMENT ||
          TagOf(parent) == GUMBO_TAG_BODY || TagOf(parent) == GUMBO_TAG_HTML) {
        break;
      }
      scope = parent;
    }
    std::string leads;
    bool past_block = false;
    CollectLeads(scope, first_block, text, 0, past_block, leads);
    return leads;
  }

  void CollectLeads(const GumboNode* node, const GumboNode* first_block,
                    const std::string& text, int depth, bool& past_block,
                    std::string& leads) const {
    if (past_block || node->type != GUMBO_NODE_ELEMENT ||
        depth > kMaxHtmlDepth ||
        (IsSkippedElement(node) && TagOf(node) != GUMBO_TAG_HEADER)) {
      return;  // an article's <header> holds its lead
    }
    if (IsLeadNamed(node)) {
      std::string lead = VisibleTextExcept(node, [this](const GumboNode* n) {
        return IsSkippedElement(n) || IsCaption(n);
      });
      const int chars = CountChars(lead);
      if (chars >= kMinLeadChars && chars <= kMaxLeadChars &&
          LinkChars(node, false, 0) < kMaxLeadLinkDensity * chars &&
          text.find(lead) == std::string::npos &&
          leads.find(lead) == std::string::npos) {
        leads += lead;
        leads += "\n\n";
      }
      return;
    }
    if (IsCut(node) && TagOf(node) != GUMBO_TAG_HEADER) {
      return;  // a teaser's lead is not the article's
    }
    for (unsigned i = 0; i < ChildCount(node) && !past_block; ++i) {
      CollectLeads(Child(node, i), first_block, text, depth + 1, past_block,
                   leads);
    }
    if (node == first_block) past_block = true;
  }

  static bool IsLeadNamed(const GumboNode* node) {
    auto is_lead_word = [](std::string_view word) {
      for (std::string_view lead :
           {"lead",        "leadtext", "intro",   "introtext", "standfirst",
            "subheadline", "subtitle", "subhead", "excerpt",   "summary",
            "chapo",       "bajada",   "deck",    "dek",       "lede",
            "vorspann",    "abstract", "perex",   "leader",    "description"}) {
        if (word == lead) return true;
      }
      return false;
    };
    // TYPO3's news lead is a "teaser-text"; Drupal's body field is
    // "text-with-summary"; "related-lead" is another story's.
    return AnyToken(AttributeOf(node, "class"), [&](std::string_view token) {
      return token == "teaser-text" ||
             (AnyClassWord(token, is_lead_word) &&
              token.find("with-summary") == std::string_view::npos &&
              !AnyClassWord(token, IsExtraFurnitureWord));
    });
  }

  // Characters of text under `node` inside <a>.
  static int LinkChars(const GumboNode* node, bool in_link, int depth) {
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA) {
      return in_link ? CountChars(node->v.text.text) : 0;
    }
    if (node->type != GUMBO_NODE_ELEMENT || depth > kMaxHtmlDepth) return 0;
    in_link = in_link || TagOf(node) == GUMBO_TAG_A;
    int chars = 0;
    for (unsigned i = 0; i < ChildCount(node); ++i) {
      chars += LinkChars(Child(node, i), in_link, depth + 1);
    }
    return chars;
  }

  // Characters under `node` with only skipped tags and hidden elements
  // left out, noted for each element: what IsCut weighs names against.
  int MeasureRaw(const GumboNode* node, int depth) {
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA) {
      return CountChars(node->v.text.text);
    }
    if (node->type != GUMBO_NODE_ELEMENT || depth > kMaxHtmlDepth ||
        IsSkippedElement(node)) {
      return 0;
    }
    int chars = 0;
    for (unsigned i = 0; i < ChildCount(node); ++i) {
      chars += MeasureRaw(Child(node, i), depth + 1);
    }
    raw_chars_[node] = chars;
    return chars;
  }

  // Notes the elements that hold a container named as the main text, which
  // names such as "date-outer" or "widget Blog" around a blog post must
  // not cut. Returns whether `node` is or holds one.
  bool MarkMainTextHolders(const GumboNode* node, int depth) {
    if (node->type != GUMBO_NODE_ELEMENT || depth > kMaxHtmlDepth) return false;
    bool holds = false;
    for (unsigned i = 0; i < ChildCount(node); ++i) {
      holds = MarkMainTextHolders(Child(node, i), depth + 1) || holds;
    }
    if (holds) holds_main_text_.insert(node);
    return holds || TagOf(node) == GUMBO_TAG_ARTICLE ||
           NamesMainText(NameOf(node)) ||
           AsciiToLower(AttributeOf(node, "itemprop")) == "articlebody";
  }

  BlockStats Measure(const GumboNode* node, int depth, bool in_link) {
    BlockStats stats;
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA) {
      const std::string_view text = node->v.text.text;
      stats.chars = CountChars(text);
      measured_chars_ += stats.chars;
      if (in_link) stats.link_chars = stats.chars;
      for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] == ',' || text.substr(i, 3) == "\xEF\xBC\x8C" ||
            text.substr(i, 3) == "\xE3\x80\x81") {
          ++stats.commas;
        }
      }
      return stats;
    }
    if (node->type != GUMBO_NODE_ELEMENT || depth > kMaxHtmlDepth ||
        IsCut(node)) {
      return stats;
    }
    in_link = in_link || node->v.element.tag == GUMBO_TAG_A;
    elements_.push_back(node);
    stats.start = measured_chars_;
    for (unsigned i = 0; i < ChildCount(node); ++i) {
      const BlockStats child = Measure(Child(node, i), depth + 1, in_link);
      stats.chars += child.chars;
      stats.link_chars += child.link_chars;
      stats.commas += child.commas;
    }
    stats_[node] = stats;
    return stats;
  }

  const BlockStats& StatsOf(const GumboNode* node) const {
    static const BlockStats kNone;
    auto it = stats_.find(node);
    return it == stats_.end() ? kNone : it->second;
  }

  static bool IsLinkListTag(GumboTag tag) {
    switch (tag) {
      case GUMBO_TAG_UL:
      case GUMBO_TAG_OL:
      case GUMBO_TAG_LI:
      case GUMBO_TAG_DL:
      case GUMBO_TAG_P:
      case GUMBO_TAG_DIV:
      case GUMBO_TAG_SECTION:
      case GUMBO_TAG_TABLE:
      case GUMBO_TAG_TR:
      case GUMBO_TAG_TD:
        return true;
      default:
        return false;
    }
  }

  // Left out of the text: furniture, and blocks that are mostly links.
  bool IsSkippedInText(const GumboNode* node) const {
    if (IsCut(node)) return true;
    const BlockStats& stats = StatsOf(node);
    if (IsLine(node) && stats.chars > 0 &&
        stats.chars <= kMaxFurnitureLineChars) {
      auto [it, added] = furniture_lines_.try_emplace(node, false);
      if (added)
        it->second =
            IsFurnitureLine(PlainText(node), stats.chars, stats.LinkDensity());
      if (it->second) return true;
    }
    if (trust_ != NameTrust::kNoneKeepLinks && IsLinkListTag(TagOf(node)) &&
        stats.chars > 0 && stats.chars < kLinkListMaxChars &&
        stats.LinkDensity() > kMaxBlockLinkDensity) {
      return true;
    }
    return IsClassifiedFurniture(node, stats);
  }

  // Whether the block classifier takes `node` for furniture (noting it as
  // a sample instead when sampling).
  bool IsClassifiedFurniture(const GumboNode* node,
                             const BlockStats& stats) const {
    if (stats.chars == 0 || stats.chars > kMaxClassifiedChars ||
        current_block_ == nullptr || !IsClassifiedBlock(node) ||
        (samples_ == nullptr && model_->threshold() >= 1)) {
      return false;
    }
    auto [it, added] = classified_.try_emplace(node, false);
    if (!added) return it->second;
    BlockContext context;
    context.chars = stats.chars;
    context.link_chars = stats.link_chars;
    context.commas = stats.commas;
    const BlockStats& block = StatsOf(current_block_);
    context.position =
        block.chars == 0
            ? 0
            : std::clamp(
                  static_cast<double>(stats.start - block.start) / block.chars,
                  0.0, 1.0);
    for (const GumboNode* n = node; n != nullptr && n != current_block_;
         n = n->parent) {
      ++context.depth;
    }
    const GumboNode* parent = node->parent;
    if (parent != nullptr && parent->type == GUMBO_NODE_ELEMENT) {
      context.parent_chars = StatsOf(parent).chars;
      context.parent_link_chars = StatsOf(parent).link_chars;
      for (unsigned i = 0; i < ChildCount(parent); ++i) {
        const GumboNode* sibling = Child(parent, i);
        if (sibling == node || sibling->type != GUMBO_NODE_ELEMENT) continue;
        ++context.siblings;
        if (TagOf(sibling) == TagOf(node)) ++context.same_siblings;
      }
      const unsigned at = node->index_within_parent;
      for (unsigned i = at; i-- > 0;) {
        const GumboNode* sibling = Child(parent, i);
        if (sibling->type != GUMBO_NODE_ELEMENT) continue;
        context.prev_tag = TagOf(sibling);
        context.prev_chars = StatsOf(sibling).chars;
        context.prev_link_chars = StatsOf(sibling).link_chars;
        break;
      }
      for (unsigned i = at + 1; i < ChildCount(parent); ++i) {
        const GumboNode* sibling = Child(parent, i);
        if (sibling->type != GUMBO_NODE_ELEMENT) continue;
        context.next_tag = TagOf(sibling);
        context.next_chars = StatsOf(sibling).chars;
        context.next_link_chars = StatsOf(sibling).link_chars;
        break;
      }
    }
    BlockFeatures(node, context, &features_);
    if (samples_ != nullptr) {
      samples_->push_back({PlainText(node), features_});
      return false;
    }
    it->second = model_->FurnitureProbability(features_) > model_->threshold();
    return it->second;
  }

  // Whether `node` is a line of text that IsFurnitureLine may cut.
  static bool IsLine(const GumboNode* node) {
    const GumboTag tag = TagOf(node);
    return tag == GUMBO_TAG_P || tag == GUMBO_TAG_LI || tag == GUMBO_TAG_DIV ||
           tag == GUMBO_TAG_BLOCKQUOTE || HeadingLevel(node) > 0;
  }

  // A heading, or a run of text of `chars` characters, in a block's
  // outline as the text will read.
  struct OutlineItem {
    const GumboNode* heading;  // null for text
    int level;                 // 1-6 for <h1>-<h6>
    int chars;
  };

  static int HeadingLevel(const GumboNode* node) {
    switch (TagOf(node)) {
      case GUMBO_TAG_H1:
        return 1;
      case GUMBO_TAG_H2:
        return 2;
      case GUMBO_TAG_H3:
        return 3;
      case GUMBO_TAG_H4:
        return 4;
      case GUMBO_TAG_H5:
        return 5;
      case GUMBO_TAG_H6:
        return 6;
      default:
        return 0;
    }
  }

  void CollectOutline(const GumboNode* node, const GumboNode* block, int depth,
                      std::vector<OutlineItem>& items) const {
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA) {
      const int chars = CountChars(node->v.text.text);
      if (chars > 0) items.push_back({nullptr, 0, chars});
      return;
    }
    if (node->type != GUMBO_NODE_ELEMENT || depth > kMaxHtmlDepth) return;
    if (node != block && IsSkippedInText(node)) return;
    if (const int level = HeadingLevel(node); level > 0) {
      items.push_back({node, level, 0});
      return;
    }
    for (unsigned i = 0; i < ChildCount(node); ++i) {
      CollectOutline(Child(node, i), block, depth + 1, items);
    }
  }

  // The short headings under `block` with no text after them before the
  // next heading of their rank or above: the titles of link lists and
  // boxes that were cut ("Related stories", "More on this", "Comments").
  // A long one is the article's lead set as a heading.
  std::unordered_set<const GumboNode*> EmptyHeadings(
      const GumboNode* block) const {
    std::vector<OutlineItem> items;
    CollectOutline(block, block, 0, items);
    std::unordered_set<const GumboNode*> empty;
    for (size_t i = 0; i < items.size(); ++i) {
      if (items[i].heading == nullptr) continue;
      bool has_text = false;
      for (size_t j = i + 1; j < items.size() && !has_text; ++j) {
        if (items[j].heading != nullptr && items[j].level <= items[i].level) {
          break;
        }
        has_text = items[j].chars > 0;
      }
      if (!has_text &&
          StatsOf(items[i].heading).chars <= kMaxEmptyHeadingChars) {
        empty.insert(items[i].heading);
      }
    }
    return empty;
  }

  std::string TextOf(const std::vector<const GumboNode*>& blocks) const {
    std::string text;
    for (const GumboNode* block : blocks) {
      current_block_ = block;
      const std::unordered_set<const GumboNode*> empty_headings =
          EmptyHeadings(block);
      std::string part = VisibleTextExcept(
          block, [this, block, &empty_headings](const GumboNode* node) {
            return node != block &&
                   (IsSkippedInText(node) || empty_headings.count(node) != 0);
          });
      current_block_ = nullptr;
      if (part.empty()) continue;
      if (!text.empty()) text += "\n\n";
      text += part;
    }
    return text;
  }

  // Step 2: the page's own main-text container, by kind of evidence in
  // order of trust; within one kind the one with the most non-link text.
  // The containers of the same kind and class as `best`, not nested in one
  // another, in document order: text split into several boxes around
  // pictures or advertisements ("text-body" twice, a question and its
  // answers, <article>s of a page builder).
  std::vector<const GumboNode*> Namesakes(const GumboNode* best,
                                          int kind) const {
    std::vector<const GumboNode*> found;
    const std::string_view name = AttributeOf(best, "class");
    CollectNamesakes(FindBody(root_), kind, name, 0, found);
    if (found.empty()) found.push_back(best);
    return found;
  }

  void CollectNamesakes(const GumboNode* node, int kind, std::string_view name,
                        int depth, std::vector<const GumboNode*>& found) const {
    if (node->type != GUMBO_NODE_ELEMENT || depth > kMaxHtmlDepth ||
        IsCut(node)) {
      return;
    }
    if (IsContainerOfKind(node, kind) && AttributeOf(node, "class") == name) {
      const BlockStats& stats = StatsOf(node);
      const bool enough =
          kind != 2 ||
          (stats.chars - stats.link_chars >= kMinNamesakeArticleChars &&
           stats.LinkDensity() <= kMaxContainerLinkDensity);
      if (stats.chars > stats.link_chars && enough) found.push_back(node);
      return;
    }
    for (unsigned i = 0; i < ChildCount(node); ++i) {
      CollectNamesakes(Child(node, i), kind, name, depth + 1, found);
    }
  }

  // Step 2 (its kind of evidence in *kind).
  const GumboNode* NamedContainer(int* kind_found) const {
    for (int kind = 0; kind < 4; ++kind) {
      const GumboNode* best = nullptr;
      int best_chars = 0;
      for (const GumboNode* node : elements_) {
        if (!IsContainerOfKind(node, kind)) continue;
        const BlockStats& stats = StatsOf(node);
        const int chars = stats.chars - stats.link_chars;
        if (chars > best_chars) {  // the first of equals in document order
          best = node;
          best_chars = chars;
        }
      }
      if (best != nullptr && best_chars >= kMinContainerChars &&
          StatsOf(best).LinkDensity() <= kMaxContainerLinkDensity) {
        *kind_found = kind;
        return best;
      }
    }
    return nullptr;
  }

  static bool IsContainerOfKind(const GumboNode* node, int kind) {
    switch (kind) {
      case 0:
        return AsciiToLower(AttributeOf(node, "itemprop")) == "articlebody";
      case 1:
        return NamesMainText(NameOf(node));
      case 2:
        return TagOf(node) == GUMBO_TAG_ARTICLE;
      default:
        return TagOf(node) == GUMBO_TAG_MAIN ||
               AsciiToLower(AttributeOf(node, "role")) == "main";
    }
  }

  // Readability's weight of an element's class and id: +25 for names of
  // content, -25 for names of furniture.
  static double NameWeight(const GumboNode* node) {
    const std::string name = NameOf(node);
    double weight = 0;
    if (ContainsAny(name, {"article", "body", "content", "entry", "main",
                           "page", "post", "text", "blog", "story"})) {
      weight += 25;
    }
    if (ContainsAny(name, {"comment", "meta", "footer", "footnote", "related",
                           "share", "sidebar", "sponsor", "widget", "promo",
                           "masthead", "teaser", "nav", "menu"})) {
      weight -= 25;
    }
    return weight;
  }

  static double TagWeight(GumboTag tag) {
    switch (tag) {
      case GUMBO_TAG_DIV:
        return 5;
      case GUMBO_TAG_PRE:
      case GUMBO_TAG_TD:
      case GUMBO_TAG_BLOCKQUOTE:
        return 3;
      case GUMBO_TAG_OL:
      case GUMBO_TAG_UL:
      case GUMBO_TAG_LI:
      case GUMBO_TAG_DL:
      case GUMBO_TAG_DD:
      case GUMBO_TAG_DT:
        return -3;
      case GUMBO_TAG_H1:
      case GUMBO_TAG_H2:
      case GUMBO_TAG_H3:
      case GUMBO_TAG_H4:
      case GUMBO_TAG_H5:
      case GUMBO_TAG_H6:
      case GUMBO_TAG_TH:
        return -5;
      default:
        return 0;
    }
  }

  static bool IsParagraphLike(const GumboNode* node) {
    switch (TagOf(node)) {
      case GUMBO_TAG_P:
      case GUMBO_TAG_PRE:
      case GUMBO_TAG_TD:
      case GUMBO_TAG_BLOCKQUOTE:
        return true;
      case GUMBO_TAG_DIV:
      case GUMBO_TAG_SECTION:
        // A div holding text directly, not further blocks: div soup.
        for (unsigned i = 0; i < ChildCount(node); ++i) {
          switch (TagOf(Child(node, i))) {
            case GUMBO_TAG_DIV:
            case GUMBO_TAG_P:
            case GUMBO_TAG_SECTION:
            case GUMBO_TAG_TABLE:
            case GUMBO_TAG_UL:
            case GUMBO_TAG_OL:
            case GUMBO_TAG_ARTICLE:
              return false;
            default:
              break;
          }
        }
        return true;
      default:
        return false;
    }
  }

  // Step 3: the Readability scorer; the best block and those of its
  // siblings that score near it, in document order.
  // Whether `node` is `scope` or under it.
  static bool IsWithin(const GumboNode* node, const GumboNode* scope) {
    for (; node != nullptr; node = node->parent) {
      if (node == scope) return true;
    }
    return false;
  }

  // Text split over several boxes (sections each with a heading, columns
  // around pictures) scores each box apart, and the best one alone is a
  // part of the text. As Readability.js does: when kMinNearBest other
  // candidates score at least kNearBestShare of `top`, the nearest
  // ancestor of `top` (up to `scope`, below `body`) that holds that many of
  // them is the top instead; else `top`.
  static const GumboNode* CommonAncestorOfNearBest(
      const std::vector<const GumboNode*>& scored,
      const std::unordered_map<const GumboNode*, double>& scores,
      const GumboNode* top, double top_score, const GumboNode* body,
      const GumboNode* scope) {
    std::vector<const GumboNode*> near;
    for (const GumboNode* node : scored) {
      if (node != top && scores.at(node) >= kNearBestShare * top_score) {
        near.push_back(node);
      }
    }
    if (static_cast<int>(near.size()) < kMinNearBest) return top;
    for (const GumboNode* a = top->parent;
         a != nullptr && a != body && a->type == GUMBO_NODE_ELEMENT;
         a = a->parent) {
      int held = 0;
      for (const GumboNode* n : near) held += IsWithin(n, a) ? 1 : 0;
      if (held >= kMinNearBest) return a;
      if (a == scope) break;
    }
    return top;
  }

  // Only paragraphs under `scope` are scored, and only `scope` and the
  // elements under it (the whole page when `scope` is `body`).
  std::vector<const GumboNode*> ScoredBlocks(const GumboNode* body,
                                             const GumboNode* scope) const {
    std::unordered_map<const GumboNode*, double> scores;
    std::vector<const GumboNode*> scored;  // in the order first scored
    auto init = [&scores, &scored](const GumboNode* node) -> double& {
      auto [it, added] = scores.try_emplace(node, 0.0);
      if (added) {
        it->second = TagWeight(TagOf(node)) + NameWeight(node);
        scored.push_back(node);
      }
      return it->second;
    };
    for (const GumboNode* node : elements_) {
      const BlockStats& stats = StatsOf(node);
      if (stats.chars < 25 || !IsParagraphLike(node) || node == scope ||
          (scope != body && !IsWithin(node, scope))) {
        continue;
      }
      const GumboNode* parent = node->parent;
      if (parent == nullptr || parent->type != GUMBO_NODE_ELEMENT) continue;
      const double score =
          1 + stats.commas + std::min(stats.chars / 100.0, 3.0);
      init(parent) += score;
      const GumboNode* grandparent = parent->parent;
      if (grandparent != nullptr && grandparent->type == GUMBO_NODE_ELEMENT &&
          parent != scope) {
        init(grandparent) += score / 2;
      }
    }
    const GumboNode* top = nullptr;
    double top_score = 0;
    for (const GumboNode* node : scored) {
      double& score = scores[node];
      score *= 1 - StatsOf(node).LinkDensity();
      if (top == nullptr || score > top_score) {
        top = node;
        top_score = score;
      }
    }
    if (top == nullptr || top->parent == nullptr ||
        top->parent->type != GUMBO_NODE_ELEMENT) {
      return {body};
    }
    top = CommonAncestorOfNearBest(scored, scores, top, top_score, body, scope);
    if (top == scope && scope != body) return {scope};
    if (top->parent == nullptr || top->parent->type != GUMBO_NODE_ELEMENT) {
      return {top};
    }
    if (auto it = scores.find(top); it != scores.end()) {
      top_score = std::max(top_score, it->second);
    }
    const double threshold = std::max(10.0, top_score * 0.2);
    std::vector<const GumboNode*> blocks;
    const GumboNode* parent = top->parent;
    for (unsigned i = 0; i < ChildCount(parent); ++i) {
      const GumboNode* sibling = Child(parent, i);
      if (sibling == top) {
        blocks.push_back(sibling);
        continue;
      }
      if (sibling->type != GUMBO_NODE_ELEMENT || IsCut(sibling)) continue;
      auto it = scores.find(sibling);
      const BlockStats& stats = StatsOf(sibling);
      if (it != scores.end() && it->second >= threshold) {
        blocks.push_back(sibling);
      } else if (TagOf(sibling) == GUMBO_TAG_P && stats.chars > 80 &&
                 stats.LinkDensity() < 0.25) {
        blocks.push_back(sibling);
      }
    }
    return blocks;
  }

  const GumboNode* root_;
  const NameTrust trust_;
  const BlockModel* model_;
  std::vector<BlockSample>* samples_;
  // The block TextOf is writing, which the classifier places blocks in.
  mutable const GumboNode* current_block_ = nullptr;
  mutable std::unordered_map<const GumboNode*, bool> classified_;
  mutable std::vector<BlockFeature> features_;
  int measured_chars_ = 0;
  std::unordered_map<const GumboNode*, BlockStats> stats_;
  std::vector<const GumboNode*> elements_;  // measured, in document order
  // IsFurnitureLine of short lines, as found: the text is walked several
  // times.
  mutable std::unordered_map<const GumboNode*, bool> furniture_lines_;
  std::unordered_set<const GumboNode*> holds_main_text_;
  std::unordered_map<const GumboNode*, int> raw_chars_;
  int raw_page_chars_ = 0;
};

}  // namespace

std::string ExtractMainText(const GumboNode* root,
                            std::string_view json_ld_body,
                            const MainTextOptions& options) {
  if (root == nullptr) return {};
  const BlockModel built_in = BlockModel::BuiltIn();
  const BlockModel* model =
      options.model != nullptr ? options.model : &built_in;
  auto extract = [&](NameTrust trust) {
    return Extractor(root, trust, model, options.samples).Run(json_ld_body);
  };
  std::string text = extract(NameTrust::kFull);
  if (CountChars(text) < kMinMainChars) {
    std::string lenient = extract(NameTrust::kNone);
    if (CountChars(lenient) > kMinLenientGain * CountChars(text)) {
      text = std::move(lenient);
    }
  }
  if (CountChars(text) < kNearlyNothingChars) {
    std::string with_links = extract(NameTrust::kNoneKeepLinks);
    if (CountChars(with_links) > kMinLenientGain * CountChars(text)) {
      text = std::move(with_links);
    }
  }
  return text;
}

}  // namespace chancery
