// Tokenization of raw article text for the named-entity tagger, close to
// the tokenization of its training corpora: CoNLL-style words and
// punctuation marks for alphabetic scripts (U.S., 1996-08-22, Jean-Pierre
// and 1,500 stay whole; English clitics 's and n't and French elisions l'
// and d' are split off), one token per Han character, and one token per
// character of any kind in the character tokenization used for Chinese.
// Every token keeps its byte offsets into the text, so tagged spans map
// back to the original bytes.
//
// Pure functions on values; thread-safe.
#ifndef CHANCERY_COMMON_NER_NER_TOKENIZER_H_
#define CHANCERY_COMMON_NER_NER_TOKENIZER_H_

#include <cstddef>
#include <string_view>
#include <vector>

#include "common/ner/ner_features.h"

namespace chancery {

// Bytes [begin, end) of the tokenized text.
struct NerToken {
  size_t begin = 0;
  size_t end = 0;
  bool operator==(const NerToken&) const = default;
};

// Tokens [begin, end) of a token vector.
struct NerSentence {
  size_t begin = 0;
  size_t end = 0;
  bool operator==(const NerSentence&) const = default;
};

// Splits UTF-8 `text` into tokens; invalid bytes are tokens of their own.
std::vector<NerToken> TokenizeForNer(std::string_view text,
                                     NerTokenization tokenization);

// Groups `tokens` of `text` into sentences: a sentence ends after . ! ? and
// their CJK and Arabic forms (with any closing quotes or brackets after
// them), at a blank line, or after `max_tokens` tokens (> 0).
std::vector<NerSentence> SplitNerSentences(std::string_view text,
                                           const std::vector<NerToken>& tokens,
                                           size_t max_tokens = 200);

}  // namespace chancery

#endif  // CHANCERY_COMMON_NER_NER_TOKENIZER_H_
