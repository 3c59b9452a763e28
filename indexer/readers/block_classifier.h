// A trained classifier of the blocks of a page's chosen main text: whether
// a paragraph, list item, subheading or box inside it (the title, an
// <h1>, is not asked about) is furniture after all
// (a subscription appeal, a related-stories box, a byline, a share line)
// that the name and line rules let through. Logistic regression over
// hashed features of the block: its length, link density, punctuation,
// digits, words and short (function) words, tag and its parent's, class/id
// words of it and its parent, its depth and position in the text, its share
// of its parent, and the size, tags and link density of its neighbours. Trained
// by bench/html_block_train on the tuning part of ../shared/html only (see
// bench/README-html.md).
//
// Thread-safe: a BlockModel is immutable once built.
#ifndef CHANCERY_INDEXER_READERS_BLOCK_CLASSIFIER_H_
#define CHANCERY_INDEXER_READERS_BLOCK_CLASSIFIER_H_

#include <gumbo.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace chancery {

// One feature: the 32-bit hash of its name and its value.
struct BlockFeature {
  uint32_t id;
  float value;
};

// A weight of the model, for the feature with hash `id`.
struct BlockWeight {
  uint32_t id;
  float weight;
};

// What the extractor knows of a block beyond its element.
struct BlockContext {
  int chars = 0;       // characters other than whitespace, furniture cut
  int link_chars = 0;  // of which inside <a>
  int commas = 0;
  double position = 0;  // where it starts in the text's block, 0..1
  int depth = 0;        // levels below the text's block
  int prev_chars = 0, prev_link_chars = 0;  // the element before it
  int next_chars = 0, next_link_chars = 0;  // and after it
  GumboTag prev_tag = GUMBO_TAG_UNKNOWN, next_tag = GUMBO_TAG_UNKNOWN;
  int parent_chars = 0, parent_link_chars = 0;  // its parent's
  int siblings = 0;       // elements beside it under its parent
  int same_siblings = 0;  // of which of its tag
};

// Whether the classifier is asked about element `node`: a block-level
// element (p, div, li, ul, table, section, h2-h6...), not an <h1>.
bool IsClassifiedBlock(const GumboNode* node);

// The features of block `node` (its text read with PlainText) into *out
// (cleared first).
void BlockFeatures(const GumboNode* node, const BlockContext& context,
                   std::vector<BlockFeature>* out);

// The hash BlockFeatures gives a feature named `name`.
uint32_t BlockFeatureId(std::string_view name);

class BlockModel {
 public:
  BlockModel(BlockModel&&) = default;
  BlockModel& operator=(BlockModel&&) = default;
  BlockModel(const BlockModel&) = delete;
  BlockModel& operator=(const BlockModel&) = delete;

  // The model compiled in (block_model_data.cc).
  static BlockModel BuiltIn();
  // A model in the text form html_block_train writes: lines
  // "threshold T", "bias B" and "w ID WEIGHT"; '#' starts a comment.
  // Errors name `origin`:LINE.
  static StatusOr<BlockModel> Parse(std::string_view text,
                                    std::string_view origin);

  // The probability that a block with `features` is furniture.
  double FurnitureProbability(const std::vector<BlockFeature>& features) const;
  // Blocks above this probability are left out of the text.
  double threshold() const { return threshold_; }

 private:
  BlockModel(const BlockWeight* weights, size_t size, double bias,
             double threshold)
      : weights_(weights), size_(size), bias_(bias), threshold_(threshold) {}

  std::vector<BlockWeight> owned_;  // for a parsed model; sorted by id
  const BlockWeight* weights_;      // sorted by id
  size_t size_;
  double bias_;
  double threshold_;
};

}  // namespace chancery

#endif  // CHANCERY_INDEXER_READERS_BLOCK_CLASSIFIER_H_
