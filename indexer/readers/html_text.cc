#include "indexer/readers/html_text.h"

#include <array>
#include <string>

namespace chancery {
namespace {

// Accumulates text with HTML's whitespace rules: runs of whitespace become
// one space, breaks are emitted only between pieces of text, and the
// strongest pending break wins.
class TextBuilder {
 public:
  enum class Gap { kNone, kSpace, kLine, kParagraph };

  void AddText(std::string_view text) {
    for (size_t i = 0; i < text.size(); ++i) {
      const char c = text[i];
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
        AddGap(Gap::kSpace);
        continue;
      }
      // U+00A0 NO-BREAK SPACE is layout, not content.
      if (c == '\xC2' && i + 1 < text.size() && text[i + 1] == '\xA0') {
        AddGap(Gap::kSpace);
        ++i;
        continue;
      }
      if (!out_.empty()) {
        switch (gap_) {
          case Gap::kNone:
            break;
          case Gap::kSpace:
            out_ += ' ';
            break;
          case Gap::kLine:
            out_ += '\n';
            break;
          case Gap::kParagraph:
            out_ += "\n\n";
            break;
        }
      }
      gap_ = Gap::kNone;
      out_ += c;
    }
  }
  void AddGap(Gap gap) {
    if (gap > gap_) gap_ = gap;
  }
  std::string Take() { return std::move(out_); }

 private:
  std::string out_;
  Gap gap_ = Gap::kNone;
};

bool IsSkippedTag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_MENU:
      return true;
    default:
      return false;
  }
}

TextBuilder::Gap GapAround(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_P:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_BODY:
      return TextBuilder::Gap::kParagraph;
    case GUMBO_TAG_BR:
      return TextBuilder::Gap::kLine;
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
      return TextBuilder::Gap::kSpace;
    default:
      return TextBuilder::Gap::kNone;
  }
}

// Whether a class/id/role word marks page furniture rather than content.
bool IsBoilerplateWord(std::string_view word) {
  static constexpr std::string_view kWords[] = {
      "menu",       "menus",       "nav",           "navbar",
      "navigation", "breadcrumb",  "breadcrumbs",   "share",
      "sharing",    "social",      "related",       "comment",
      "comments",   "cookie",      "cookies",       "consent",
      "gdpr",       "newsletter",  "subscribe",     "sidebar",
      "promo",      "advert",      "advertisement", "ad",
      "ads",        "popup",       "modal",         "footer",
      "banner",     "contentinfo", "complementary", "outbrain",
      "taboola"};
  for (std::string_view w : kWords) {
    if (w == word) return true;
  }
  return false;
}

bool IsHiddenOrBoilerplate(const GumboNode* node) {
  if (IsHiddenOrSkippedTag(node)) return true;
  return AnyClassWord(AttributeOf(node, "class"), IsBoilerplateWord) ||
         AnyClassWord(AttributeOf(node, "id"), IsBoilerplateWord) ||
         AnyClassWord(AttributeOf(node, "role"), IsBoilerplateWord);
}

using SkipFunction = std::function<bool(const GumboNode*)>;

// Appends the text under `node`, leaving out elements `skip` names (none
// when it is null).
void AppendText(const GumboNode* node, const SkipFunction* skip, int depth,
                TextBuilder& out) {
  switch (node->type) {
    case GUMBO_NODE_TEXT:
    case GUMBO_NODE_CDATA:
    case GUMBO_NODE_WHITESPACE:
      out.AddText(node->v.text.text);
      return;
    case GUMBO_NODE_ELEMENT:
    case GUMBO_NODE_TEMPLATE:
      break;
    default:
      return;
  }
  const GumboElement& element = node->v.element;
  if (depth > kMaxHtmlDepth) return;
  if (skip != nullptr && (*skip)(node)) {
    // The skipped element still separates the text around it.
    out.AddGap(TextBuilder::Gap::kSpace);
    return;
  }
  const TextBuilder::Gap gap = GapAround(element.tag);
  out.AddGap(gap);
  for (unsigned i = 0; i < element.children.length; ++i) {
    AppendText(static_cast<const GumboNode*>(element.children.data[i]), skip,
               depth + 1, out);
  }
  out.AddGap(gap);
}

bool MayContainMarkup(std::string_view text) {
  return text.find_first_of("<&") != std::string_view::npos;
}

}  // namespace

GumboDocument::GumboDocument(std::string_view html)
    : output_(gumbo_parse_with_options(&kGumboDefaultOptions, html.data(),
                                       html.size())) {}

GumboDocument::~GumboDocument() {
  gumbo_destroy_output(&kGumboDefaultOptions, output_);
}

const GumboNode* GumboDocument::root() const { return output_->root; }

std::string VisibleText(const GumboNode* node) {
  TextBuilder out;
  const SkipFunction furniture = IsHiddenOrFurniture;
  AppendText(node, &furniture, 0, out);
  return out.Take();
}

std::string VisibleTextExcept(const GumboNode* node, const SkipFunction& skip) {
  TextBuilder out;
  AppendText(node, &skip, 0, out);
  return out.Take();
}

bool IsHiddenOrSkippedTag(const GumboNode* node) {
  if (node->type != GUMBO_NODE_ELEMENT) return false;
  const GumboElement& element = node->v.element;
  return IsSkippedTag(element.tag) ||
         gumbo_get_attribute(&element.attributes, "hidden") != nullptr ||
         AttributeOf(node, "aria-hidden") == "true";
}

bool IsHiddenOrFurniture(const GumboNode* node) {
  return node->type == GUMBO_NODE_ELEMENT && IsHiddenOrBoilerplate(node);
}

// Splitting at camelCase humps keeps "commentary" from being taken for
// "comment" while "commentList" still is.
bool AnyClassWord(std::string_view value,
                  const std::function<bool(std::string_view)>& visit) {
  std::string word;
  auto flush = [&word, &visit]() {
    const bool hit = !word.empty() && visit(word);
    word.clear();
    return hit;
  };
  for (size_t i = 0; i < value.size(); ++i) {
    const char c = value[i];
    const bool lower = c >= 'a' && c <= 'z';
    const bool upper = c >= 'A' && c <= 'Z';
    const bool digit = c >= '0' && c <= '9';
    if (!lower && !upper && !digit) {
      if (flush()) return true;
      continue;
    }
    if (upper && i > 0 && value[i - 1] >= 'a' && value[i - 1] <= 'z') {
      if (flush()) return true;
    }
    word += upper ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return flush();
}

std::string PlainText(const GumboNode* node) {
  TextBuilder out;
  AppendText(node, /*skip=*/nullptr, 0, out);
  std::string text = out.Take();
  for (char& c : text) {
    if (c == '\n') c = ' ';
  }
  return text;
}

std::string HtmlToText(std::string_view html) {
  if (!MayContainMarkup(html)) {
    TextBuilder out;
    out.AddText(html);
    return out.Take();
  }
  GumboDocument document(html);
  return VisibleText(document.root());
}

std::string_view AttributeOf(const GumboNode* node, const char* name) {
  if (node->type != GUMBO_NODE_ELEMENT) return {};
  const GumboAttribute* attribute =
      gumbo_get_attribute(&node->v.element.attributes, name);
  return attribute ? std::string_view(attribute->value) : std::string_view();
}

}  // namespace chancery
