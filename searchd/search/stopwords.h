// Stopwords: the words per language that a term profile (/api/terms)
// leaves out, from the stopwords-iso lists that the build writes to
// config/entities/generated/stopwords.tsv (scripts/build-gazetteers.js),
// one "lang<TAB>word" a line. Words are folded as the indexer folds text
// (FoldForIndexing), and each language with a Snowball stemmer also gets
// the stems of its stopwords, so that a stem term ("which") is recognised
// without knowing which word it came from.
//
// Immutable after construction; thread-safe to read from any thread.
#ifndef CHANCERY_SEARCHD_SEARCH_STOPWORDS_H_
#define CHANCERY_SEARCHD_SEARCH_STOPWORDS_H_

#include <map>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "common/status.h"

namespace chancery {

class Stopwords {
 public:
  Stopwords() = default;  // No stopwords.

  // Reads a stopwords.tsv. IoError naming the path when it cannot be read,
  // InvalidArgument naming PATH:LINE for a line that is not lang<TAB>word.
  [[nodiscard]] static StatusOr<Stopwords> Load(const std::string& path);
  // From lists in memory (ISO 639-1 code -> words as written).
  static Stopwords FromLists(
      const std::map<std::string, std::vector<std::string>>& lists);

  // The stopwords of one language.
  struct Language {
    // Lookups by string_view, without making a string.
    struct Hash {
      using is_transparent = void;
      size_t operator()(std::string_view s) const {
        return std::hash<std::string_view>()(s);
      }
    };
    using Set = std::unordered_set<std::string, Hash, std::equal_to<>>;
    Set words;
    Set stems;
    // Whether folded `word` is a stopword.
    bool IsWord(std::string_view word) const { return words.contains(word); }
    // Whether `stem` is the stem of a stopword.
    bool IsStem(std::string_view stem) const { return stems.contains(stem); }
  };

  // The stopwords of `lang` ("" = of no language): none when it has none.
  // Valid as long as this object.
  const Language& Of(std::string_view lang) const;
  bool IsWord(std::string_view lang, std::string_view word) const {
    return Of(lang).IsWord(word);
  }
  bool IsStem(std::string_view lang, std::string_view stem) const {
    return Of(lang).IsStem(stem);
  }
  size_t size() const;  // Words over all languages.

 private:
  Language none_;  // Of a language without stopwords.

  void Add(const std::string& lang, std::string_view word);
  void StemAll();

  std::map<std::string, Language, std::less<>> languages_;
};

}  // namespace chancery

#endif  // CHANCERY_SEARCHD_SEARCH_STOPWORDS_H_
