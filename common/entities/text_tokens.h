// Tokenization for entity matching: splits UTF-8 text into word and
// punctuation tokens, each with its folded form (FoldForMatching) and the
// case facts the gazetteers need ("Turkey" vs "turkey", "US" vs "us").
// Han and kana characters are one token each, so a Chinese phrase matches
// character by character without word segmentation.
//
// Pure functions on values; thread-safe.
#ifndef CHANCERY_COMMON_ENTITIES_TEXT_TOKENS_H_
#define CHANCERY_COMMON_ENTITIES_TEXT_TOKENS_H_

#include <string>
#include <string_view>
#include <vector>

namespace chancery {

struct Token {
  std::string_view text;     // Original bytes; points into the tokenized text.
  std::string folded;        // FoldForMatching(text).
  bool word = false;         // Letters or digits; false for a punctuation mark.
  bool capitalised = false;  // Starts with an upper-case letter.
  bool caseless = false;     // Script without case (Han, Arabic, ...).
  bool sentence_start = false;  // First word after . ! ? : or a blank line.
};

// Splits `text`; the tokens point into it, so it must outlive them.
std::vector<Token> Tokenize(std::string_view text);

// True when `text` has no lower-case letter but some upper-case ones: a
// wire headline ("U.S. TRADE DEFICIT WIDENS"), where case says nothing.
bool IsAllCaps(std::string_view text);

// Folded tokens of a phrase, as Tokenize would give them, for building
// lookup keys from data files.
std::vector<std::string> FoldedTokens(std::string_view phrase);

}  // namespace chancery

#endif  // CHANCERY_COMMON_ENTITIES_TEXT_TOKENS_H_
