// AliasTable: named entities (countries, organisations) with their aliases
// in several languages and scripts, loaded from ID<TAB>KIND<TAB>TEXT files,
// and the case rules that keep "turkey" the bird, "us" the pronoun and
// "WHO" in a headline from being read as entities.
//
// Built by its owner (CountryGazetteer, OrgGazetteer) at load time, then
// immutable: concurrent const use is safe.
#ifndef CHANCERY_COMMON_ENTITIES_ALIAS_TABLE_H_
#define CHANCERY_COMMON_ENTITIES_ALIAS_TABLE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/entities/phrase_table.h"
#include "common/entities/text_tokens.h"
#include "common/status.h"

namespace chancery {

// What an alias is; see config/entities/countries.tsv for the meanings.
enum class AliasKind : uint8_t {
  kLabel,
  kName,
  kDemonym,
  kCapital,
  kCity,
  kAbbr,
  kAbbrWord,
  kNameLike,
};

struct Alias {
  uint32_t entity = 0;
  AliasKind kind = AliasKind::kName;
  // Written capitalised in the data: must be capitalised in mixed-case text.
  bool needs_capital = false;
  // Also a person's name (Jordan, Chad, Paris): the caller checks whether
  // the neighbouring words make it one.
  bool name_like = false;
  // For abbreviations: the exact spelling, without spaces ("U.S.", "UK").
  std::string exact;
};

class AliasTable {
 public:
  // Entity id reserved for phrases that are not entities ("-" in files).
  static constexpr std::string_view kSuppressId = "-";

  // Adds the records of a ID<TAB>KIND<TAB>TEXT file. InvalidArgument names
  // the file and line of a malformed record.
  Status LoadTsv(const std::string& path);

  // Adds one alias; an unknown kind is an error.
  Status AddAlias(std::string_view id, std::string_view kind,
                  std::string_view text);
  void AddAlias(std::string_view id, AliasKind kind, std::string_view text);

  // Sets the display label unless a `label` record already did.
  void SetDefaultLabel(std::string_view id, std::string_view label);

  struct Hit {
    size_t length = 0;  // Tokens covered.
    const Alias* alias = nullptr;
  };
  // The longest alias at tokens[pos] that obeys its case rules;
  // `all_caps` says the field is a headline in capitals.
  std::optional<Hit> MatchAt(const std::vector<Token>& tokens, size_t pos,
                             bool all_caps) const;

  // Inflected forms: indexes the stems (Snowball, for the languages
  // StemLanguage knows) of the aliases' words, so that "Frankreichs",
  // "Украины", "chinoises" find France, Ukraine, China. Names of up to
  // kMaxStemmedWords words; a stem that two entities share is dropped.
  void BuildStemIndex();
  static constexpr size_t kMaxStemmedWords = 3;
  // Index of the stemmer for an ISO 639-1 code, or -1 when none is used.
  static int StemLanguage(std::string_view lang);
  // Stems of every token for language `lang_index` ("" for non-words).
  static std::vector<std::string> StemTokens(const std::vector<Token>& tokens,
                                             int lang_index);
  // The longest alias whose word stems equal stems[pos, pos+n), obeying
  // the capitalisation rule; for tokens MatchAt did not match.
  std::optional<Hit> MatchStemmedAt(const std::vector<Token>& tokens,
                                    const std::vector<std::string>& stems,
                                    size_t pos, int lang_index,
                                    bool all_caps) const;

  // Looks a whole name up, ignoring case rules ("Soviet Union", "fr").
  std::optional<uint32_t> FindByName(std::string_view name) const;
  std::optional<uint32_t> FindById(std::string_view id) const;

  size_t entity_count() const { return ids_.size(); }
  const std::string& id(uint32_t entity) const { return ids_[entity]; }
  // Label, or the id when none was set.
  const std::string& label(uint32_t entity) const;
  bool suppressed(uint32_t entity) const { return ids_[entity] == kSuppressId; }

  uint32_t InternId(std::string_view id);

 private:
  bool Accepts(const Alias& alias, const std::vector<Token>& tokens, size_t pos,
               size_t length, bool all_caps) const;

  std::vector<std::string> ids_;
  std::vector<std::string> labels_;
  std::unordered_map<std::string, uint32_t> index_;
  std::vector<Alias> aliases_;
  PhraseTable phrases_;  // Payload: index into aliases_.
  // Per stem language: joined word stems -> alias index, or kNoAlias when
  // ambiguous.
  static constexpr uint32_t kNoAlias = UINT32_MAX;
  std::vector<std::unordered_map<std::string, uint32_t>> stems_;
};

}  // namespace chancery

#endif  // CHANCERY_COMMON_ENTITIES_ALIAS_TABLE_H_
