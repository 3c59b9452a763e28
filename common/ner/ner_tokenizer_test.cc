#include "common/ner/ner_tokenizer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace chancery {
namespace {

std::vector<std::string> Words(std::string_view text,
                               NerTokenization t = NerTokenization::kWords) {
  std::vector<std::string> out;
  for (const NerToken& token : TokenizeForNer(text, t)) {
    out.emplace_back(text.substr(token.begin, token.end - token.begin));
  }
  return out;
}

using Strings = std::vector<std::string>;

TEST(NerTokenizerTest, SplitsLikeConll) {
  EXPECT_EQ(Words("The U.S. said on Thursday it wouldn't buy Germany's beef."),
            (Strings{"The", "U.S.", "said", "on", "Thursday", "it", "would",
                     "n't", "buy", "Germany", "'s", "beef", "."}));
  EXPECT_EQ(Words("BRUSSELS 1996-08-22 (Reuters) - 1,500 jobs, 3.5 pct..."),
            (Strings{"BRUSSELS", "1996-08-22", "(", "Reuters", ")", "-",
                     "1,500", "jobs", ",", "3.5", "pct", "..."}));
  EXPECT_EQ(Words("Mr. Smith met J. Doe and O'Brien in St. Louis"),
            (Strings{"Mr.", "Smith", "met", "J.", "Doe", "and", "O'Brien", "in",
                     "St.", "Louis"}));
}

TEST(NerTokenizerTest, FrenchElisionAndOtherScripts) {
  EXPECT_EQ(Words("l'Union européenne et d'Espagne"),
            (Strings{"l'", "Union", "européenne", "et", "d'", "Espagne"}));
  EXPECT_EQ(Words("Путин заявил: «Москва»"),
            (Strings{"Путин", "заявил", ":", "«", "Москва", "»"}));
  EXPECT_EQ(Words("قال الرئيس، أمس."),
            (Strings{"قال", "الرئيس", "،", "أمس", "."}));
  // Han characters are one token each even in the word tokenization.
  EXPECT_EQ(Words("在北京 Beijing"), (Strings{"在", "北", "京", "Beijing"}));
}

TEST(NerTokenizerTest, CharacterTokenizationAndOffsets) {
  const std::string text = "江泽民 在 1998年";
  EXPECT_EQ(Words(text, NerTokenization::kCharacters),
            (Strings{"江", "泽", "民", "在", "1", "9", "9", "8", "年"}));
  const std::vector<NerToken> tokens =
      TokenizeForNer("  Hi, Zoë!", NerTokenization::kWords);
  ASSERT_EQ(tokens.size(), 4u);
  EXPECT_EQ(tokens[0], (NerToken{2, 4}));
  EXPECT_EQ(tokens[2], (NerToken{6, 10}));  // "Zoë" is four bytes.
}

TEST(NerTokenizerTest, InvalidUtf8DoesNotCrash) {
  const std::string text = "ab\xff\xfe cd \xc3";
  const std::vector<NerToken> tokens =
      TokenizeForNer(text, NerTokenization::kWords);
  ASSERT_FALSE(tokens.empty());
  for (const NerToken& t : tokens) {
    EXPECT_LT(t.begin, t.end);
    EXPECT_LE(t.end, text.size());
  }
}

TEST(NerTokenizerTest, SplitsSentences) {
  const std::string text =
      "He said \"yes.\" Then he left! Next\n\nparagraph here and more";
  const std::vector<NerToken> tokens =
      TokenizeForNer(text, NerTokenization::kWords);
  const std::vector<NerSentence> sentences = SplitNerSentences(text, tokens);
  ASSERT_EQ(sentences.size(), 4u);
  // The closing quote stays with its sentence.
  EXPECT_EQ(text.substr(tokens[sentences[0].end - 1].begin, 1), "\"");
  EXPECT_EQ(sentences.back().end, tokens.size());
  // A long run without a full stop is cut.
  std::string words;
  for (int i = 0; i < 450; ++i) words += "word ";
  const auto long_tokens = TokenizeForNer(words, NerTokenization::kWords);
  EXPECT_EQ(SplitNerSentences(words, long_tokens, 200).size(), 3u);
  EXPECT_TRUE(SplitNerSentences("", {}).empty());
}

}  // namespace
}  // namespace chancery
