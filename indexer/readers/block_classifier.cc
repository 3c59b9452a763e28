#include "indexer/readers/block_classifier.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <string_view>
#include <vector>

#include "common/base/hash.h"
#include "common/base/strings.h"
#include "indexer/readers/html_text.h"

namespace chancery {

// The built-in model's data (block_model_data.cc, written by
// bench/html_block_train --cc).
extern const BlockWeight kBuiltInBlockWeights[];
extern const size_t kBuiltInBlockWeightCount;
extern const double kBuiltInBlockBias;
extern const double kBuiltInBlockThreshold;

namespace {

constexpr int kMaxClassWords = 8;
// Text longer than this is not read for its words.
constexpr size_t kMaxReadBytes = 4000;

bool IsSentenceEnd(std::string_view text) {
  for (std::string_view end :
       {".", "!", "?", "\"", "\xE3\x80\x82", "\xEF\xBC\x81", "\xEF\xBC\x9F",
        "\xE2\x80\x9D", ":", ")"}) {
    if (text.size() >= end.size() &&
        text.compare(text.size() - end.size(), end.size(), end) == 0) {
      return true;
    }
  }
  return false;
}

double LogScaled(int n, double scale) { return std::log1p(n) / scale; }

class FeatureWriter {
 public:
  explicit FeatureWriter(std::vector<BlockFeature>* out) : out_(out) {
    out_->clear();
  }
  void Add(std::string_view name, double value = 1) {
    out_->push_back({BlockFeatureId(name), static_cast<float>(value)});
  }
  void Add(std::string_view prefix, std::string_view name) {
    std::string full(prefix);
    full += name;
    Add(full);
  }

 private:
  std::vector<BlockFeature>* out_;
};

std::string_view TagName(GumboTag tag) {
  return tag == GUMBO_TAG_UNKNOWN ? "none" : gumbo_normalized_tagname(tag);
}

void AddClassWords(FeatureWriter& writer, std::string_view prefix,
                   const GumboNode* node) {
  if (node == nullptr || node->type != GUMBO_NODE_ELEMENT) return;
  int n = 0;
  auto add = [&](std::string_view word) {
    if (word.size() < 2 || (word[0] >= '0' && word[0] <= '9')) return false;
    writer.Add(prefix, word);
    return ++n >= kMaxClassWords;
  };
  AnyClassWord(AttributeOf(node, "class"), add);
  AnyClassWord(AttributeOf(node, "id"), add);
}

// How many words `text` has (split at whitespace) and the share of them of
// three bytes or less (function words, in most languages that space).
void AddWordCounts(FeatureWriter& writer, std::string_view text) {
  int words = 0, short_words = 0;
  size_t at = 0;
  while (at < text.size()) {
    while (at < text.size() && IsAsciiSpace(text[at])) ++at;
    size_t end = at;
    while (end < text.size() && !IsAsciiSpace(text[end])) ++end;
    if (end > at) {
      ++words;
      short_words += end - at <= 3;
    }
    at = end;
  }
  if (words == 0) return;
  writer.Add("words", LogScaled(words, 5));
  writer.Add("short_words", 1.0 * short_words / words);
}

}  // namespace

uint32_t BlockFeatureId(std::string_view name) {
  return static_cast<uint32_t>(Fnv1a64(name));
}

bool IsClassifiedBlock(const GumboNode* node) {
  if (node->type != GUMBO_NODE_ELEMENT) return false;
  switch (node->v.element.tag) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
      return true;
    default:
      return false;
  }
}

void BlockFeatures(const GumboNode* node, const BlockContext& c,
                   std::vector<BlockFeature>* out) {
  FeatureWriter w(out);
  const double chars = std::max(1, c.chars);
  const double density = c.link_chars / chars;
  w.Add("bias");
  w.Add("chars", LogScaled(c.chars, 8));
  if (c.chars < 40) w.Add("short");
  if (c.chars >= 400) w.Add("long");
  w.Add("ld", density);
  if (density > 0.5) w.Add("ld>0.5");
  if (density > 0.9) w.Add("ld>0.9");
  w.Add("commas", std::min(1.0, 10 * c.commas / chars));
  w.Add("pos", c.position);
  w.Add("pos:", std::to_string(std::min(4, static_cast<int>(c.position * 5))));
  w.Add("depth:", std::to_string(std::min(c.depth, 6)));
  const GumboTag tag = node->v.element.tag;
  w.Add("tag:", TagName(tag));
  const GumboNode* parent = node->parent;
  const GumboTag parent_tag =
      parent != nullptr && parent->type == GUMBO_NODE_ELEMENT
          ? parent->v.element.tag
          : GUMBO_TAG_UNKNOWN;
  w.Add("ptag:", TagName(parent_tag));
  w.Add("prev:", TagName(c.prev_tag));
  w.Add("next:", TagName(c.next_tag));
  w.Add("prevchars", LogScaled(c.prev_chars, 8));
  w.Add("nextchars", LogScaled(c.next_chars, 8));
  w.Add("prevld", c.prev_link_chars / std::max(1.0, 1.0 * c.prev_chars));
  w.Add("nextld", c.next_link_chars / std::max(1.0, 1.0 * c.next_chars));
  w.Add("share", c.chars / std::max(chars, 1.0 * c.parent_chars));
  w.Add("pld", c.parent_link_chars / std::max(1.0, 1.0 * c.parent_chars));
  w.Add("sibs", LogScaled(c.siblings, 4));
  w.Add("same", LogScaled(c.same_siblings, 4));
  if (c.siblings > 0 && c.same_siblings == c.siblings) w.Add("all_same");
  AddClassWords(w, "c:", node);
  AddClassWords(w, "pc:", parent);
  int kids = 0;
  for (unsigned i = 0; i < node->v.element.children.length; ++i) {
    const auto* child =
        static_cast<const GumboNode*>(node->v.element.children.data[i]);
    if (child->type == GUMBO_NODE_ELEMENT) ++kids;
  }
  w.Add("kids", LogScaled(kids, 4));
  if (c.chars == 0 || static_cast<size_t>(c.chars) > kMaxReadBytes) return;
  const std::string text = PlainText(node);
  const std::string_view trimmed = TrimWhitespace(text);
  if (IsSentenceEnd(trimmed)) w.Add("sentence_end");
  int digits = 0, stops = 0, upper = 0;
  for (char ch : trimmed) {
    if (ch >= '0' && ch <= '9') ++digits;
    if (ch == '.' || ch == '!' || ch == '?') ++stops;
    if (ch >= 'A' && ch <= 'Z') ++upper;
  }
  w.Add("digits", std::min(1.0, 5 * digits / chars));
  w.Add("stops", std::min(1.0, 10 * stops / chars));
  w.Add("upper", std::min(1.0, 5 * upper / chars));
  if (trimmed.find("\xC2\xA9") != std::string_view::npos) w.Add("copyright");
  if (trimmed.find('|') != std::string_view::npos) w.Add("pipe");
  if (trimmed.find('@') != std::string_view::npos) w.Add("at");
  AddWordCounts(w, trimmed);
}

BlockModel BlockModel::BuiltIn() {
  return BlockModel(kBuiltInBlockWeights, kBuiltInBlockWeightCount,
                    kBuiltInBlockBias, kBuiltInBlockThreshold);
}

StatusOr<BlockModel> BlockModel::Parse(std::string_view text,
                                       std::string_view origin) {
  std::vector<BlockWeight> weights;
  double bias = 0, threshold = 1;
  int line_no = 0;
  size_t at = 0;
  while (at < text.size()) {
    size_t end = text.find('\n', at);
    if (end == std::string_view::npos) end = text.size();
    std::string line(text.substr(at, end - at));
    at = end + 1;
    ++line_no;
    if (const size_t hash = line.find('#'); hash != std::string::npos) {
      line.resize(hash);
    }
    if (TrimWhitespace(line).empty()) continue;
    char key[16];
    double a = 0, b = 0;
    const int n = std::sscanf(line.c_str(), "%15s %lf %lf", key, &a, &b);
    const std::string_view k = n >= 1 ? key : "";
    if (k == "threshold" && n == 2) {
      threshold = a;
    } else if (k == "bias" && n == 2) {
      bias = a;
    } else if (k == "w" && n == 3 && a >= 0 && a <= 4294967295.0) {
      weights.push_back({static_cast<uint32_t>(a), static_cast<float>(b)});
    } else {
      return Status::InvalidArgument(std::string(origin) + ":" +
                                     std::to_string(line_no) +
                                     ": not \"threshold T\", \"bias B\" or "
                                     "\"w ID WEIGHT\"");
    }
  }
  std::sort(
      weights.begin(), weights.end(),
      [](const BlockWeight& x, const BlockWeight& y) { return x.id < y.id; });
  BlockModel model(nullptr, 0, bias, threshold);
  model.owned_ = std::move(weights);
  model.weights_ = model.owned_.data();
  model.size_ = model.owned_.size();
  return model;
}

double BlockModel::FurnitureProbability(
    const std::vector<BlockFeature>& features) const {
  double z = bias_;
  const BlockWeight* end = weights_ + size_;
  for (const BlockFeature& f : features) {
    const BlockWeight* it = std::lower_bound(
        weights_, end, f.id,
        [](const BlockWeight& w, uint32_t id) { return w.id < id; });
    if (it != end && it->id == f.id) z += it->weight * f.value;
  }
  return 1 / (1 + std::exp(-z));
}

}  // namespace chancery
