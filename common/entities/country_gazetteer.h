// CountryGazetteer: every way news copy names a country (names in English,
// French, German, Spanish, Russian, Chinese and Arabic from ICU's CLDR data,
// Debian iso-codes and world-countries; abbreviations, demonyms, capitals
// and seats of power; historical states), the GeoNames cities used to read
// wire datelines, the date ranges of historical states and the context
// rules for names that stand for two places (Georgia).
//
// Loaded once by EntityExtractor::Load, then immutable: concurrent const
// use is safe.
#ifndef CHANCERY_COMMON_ENTITIES_COUNTRY_GAZETTEER_H_
#define CHANCERY_COMMON_ENTITIES_COUNTRY_GAZETTEER_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "common/entities/alias_table.h"
#include "common/status.h"

namespace chancery {

class CountryGazetteer {
 public:
  // Reads entities_dir/{countries,historical,context_rules,
  // dateline_regions}.tsv (required), entities_dir/generated/{countries,
  // cities}.tsv (made by the build; when absent, names come from ICU and
  // iso-codes only and datelines resolve only to capitals) and Debian
  // iso-codes' iso_3166-1.json and iso_3166-2.json (optional).
  static StatusOr<std::unique_ptr<CountryGazetteer>> Load(
      const std::string& entities_dir,
      const std::string& iso_codes_dir = "/usr/share/iso-codes/json");

  const AliasTable& aliases() const { return aliases_; }

  // The country of a dateline place ("NEW YORK", "Peking", "Hong Kong"):
  // a country name or capital first, else the most populous city so named.
  // A region given after the place ("Calif.", "Ontario", "West Germany")
  // decides when it is known.
  std::optional<uint32_t> DatelineCountry(std::string_view place,
                                          std::string_view region = {}) const;

  // The historical state `country` belonged to at `date` (Moscow in 1987
  // is the Soviet Union's), else `country` itself.
  uint32_t AtDate(uint32_t country, std::optional<int64_t> date) const;

  // Candidate readings of an ambiguous alias (folded key), best first for
  // an article whose folded words are `words` and whose other countries
  // are `found`; nullopt when the alias has no context rule.
  std::optional<uint32_t> ResolveByContext(
      std::string_view folded_key,
      const std::unordered_set<std::string_view>& words,
      const std::unordered_set<uint32_t>& found) const;
  bool HasContextRule(std::string_view folded_key) const {
    return context_rules_.count(std::string(folded_key)) > 0;
  }

  // A code ("FR", "fr", "SU") or a name ("France") to a country.
  std::optional<uint32_t> FindCountry(std::string_view code_or_name) const;

 private:
  CountryGazetteer() = default;
  Status LoadIcuAndIsoNames(const std::string& iso_codes_json);
  Status LoadCities(const std::string& path);
  Status LoadRegions(const std::string& curated, const std::string& iso_json);
  std::optional<uint32_t> WholeName(const std::vector<Token>& tokens) const;
  Status LoadHistorical(const std::string& path);
  Status LoadContextRules(const std::string& path);

  struct Period {
    uint32_t historical;
    int64_t from, until;  // Seconds since the epoch, inclusive.
  };
  struct Reading {
    uint32_t country;
    std::vector<std::string> words;
  };

  AliasTable aliases_;
  std::unordered_map<std::string, uint32_t> cities_;  // Folded name.
  // Folded region words ("calif", "n y", "ontario"); kAmbiguous when the
  // name is a subdivision of several countries.
  std::unordered_map<std::string, uint32_t> regions_;
  std::unordered_map<uint32_t, std::vector<Period>> periods_;
  std::unordered_map<std::string, std::vector<Reading>> context_rules_;
};

}  // namespace chancery

#endif  // CHANCERY_COMMON_ENTITIES_COUNTRY_GAZETTEER_H_
