#include "common/entities/country_gazetteer.h"

#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>

#include "common/base/civil_date.h"
#include "common/base/numbers.h"
#include "common/data_file.h"
#include "common/text_analyzer.h"

namespace chancery {
namespace {

// The languages issue 4 asks country names in, as ICU locale ids.
constexpr const char* kNameLocales[] = {"en", "fr", "de", "es",
                                        "ru", "zh", "ar"};

constexpr uint32_t kAmbiguous = UINT32_MAX;

// Region names compare on their words only: "N.Y.", "N.Y" and "NY." are one.
std::string RegionKey(std::string_view text) {
  std::string key;
  for (Token& t : Tokenize(text)) {
    if (!t.word) continue;
    if (!key.empty()) key.push_back(' ');
    key += t.folded;
  }
  return key;
}

std::optional<int64_t> ParseDay(const std::string& text) {
  int y, m, d;
  if (std::sscanf(text.c_str(), "%d-%d-%d", &y, &m, &d) != 3 ||
      !IsValidCivilDate(y, m, d)) {
    return std::nullopt;
  }
  return DaysFromCivil(y, m, d) * kSecondsPerDay;
}

}  // namespace

StatusOr<std::unique_ptr<CountryGazetteer>> CountryGazetteer::Load(
    const std::string& entities_dir, const std::string& iso_codes_dir) {
  std::unique_ptr<CountryGazetteer> g(new CountryGazetteer());
  // Curated data first: its labels and kinds win over generated names.
  CHANCERY_RETURN_IF_ERROR(
      g->aliases_.LoadTsv(entities_dir + "/countries.tsv"));
  const std::string generated = entities_dir + "/generated/countries.tsv";
  if (FileExists(generated)) {
    CHANCERY_RETURN_IF_ERROR(g->aliases_.LoadTsv(generated));
  }
  CHANCERY_RETURN_IF_ERROR(
      g->LoadIcuAndIsoNames(iso_codes_dir + "/iso_3166-1.json"));
  const std::string cities = entities_dir + "/generated/cities.tsv";
  if (FileExists(cities)) CHANCERY_RETURN_IF_ERROR(g->LoadCities(cities));
  CHANCERY_RETURN_IF_ERROR(
      g->LoadRegions(entities_dir + "/dateline_regions.tsv",
                     iso_codes_dir + "/iso_3166-2.json"));
  CHANCERY_RETURN_IF_ERROR(g->LoadHistorical(entities_dir + "/historical.tsv"));
  CHANCERY_RETURN_IF_ERROR(
      g->LoadContextRules(entities_dir + "/context_rules.tsv"));
  g->aliases_.BuildStemIndex();
  return g;
}

Status CountryGazetteer::LoadIcuAndIsoNames(const std::string& iso_codes_json) {
  std::vector<std::string> codes;
  std::ifstream in(iso_codes_json);
  if (in) {
    try {
      nlohmann::json doc = nlohmann::json::parse(in);
      for (const auto& c : doc.at("3166-1")) {
        const std::string code = c.at("alpha_2").get<std::string>();
        codes.push_back(code);
        for (const char* field : {"name", "official_name", "common_name"}) {
          if (c.contains(field)) {
            aliases_.AddAlias(code, AliasKind::kName,
                              c[field].get<std::string>());
          }
        }
      }
    } catch (const nlohmann::json::exception& e) {
      return Status::Corruption(iso_codes_json + ": " + e.what());
    }
  } else {
    for (const char* const* c = icu::Locale::getISOCountries(); *c; ++c) {
      codes.emplace_back(*c);
    }
  }
  for (const std::string& code : codes) {
    icu::Locale territory("", code.c_str());
    for (const char* lang : kNameLocales) {
      icu::UnicodeString name;
      territory.getDisplayCountry(icu::Locale(lang), name);
      std::string utf8;
      name.toUTF8String(utf8);
      if (utf8.empty() || utf8 == code) continue;
      aliases_.AddAlias(code, AliasKind::kName, utf8);
      if (std::string_view(lang) == "en") aliases_.SetDefaultLabel(code, utf8);
    }
  }
  return Status::Ok();
}

Status CountryGazetteer::LoadCities(const std::string& path) {
  std::vector<std::vector<std::string>> records;
  CHANCERY_RETURN_IF_ERROR(ReadDataFile(path, &records));
  std::unordered_map<std::string, int64_t> population;
  for (const auto& r : records) {
    std::optional<int64_t> pop =
        r.size() == 3 ? ParseInt64(r[2]) : std::nullopt;
    if (!pop) {
      return Status::InvalidArgument(path +
                                     ": want NAME<TAB>CODE<TAB>POPULATION");
    }
    std::string key = PhraseTable::Key(FoldedTokens(r[0]));
    auto [it, inserted] = population.emplace(key, *pop);
    if (!inserted && it->second >= *pop) continue;
    it->second = *pop;
    cities_[key] = aliases_.InternId(r[1]);
  }
  return Status::Ok();
}

Status CountryGazetteer::LoadHistorical(const std::string& path) {
  std::vector<std::vector<std::string>> records;
  CHANCERY_RETURN_IF_ERROR(ReadDataFile(path, &records));
  for (const auto& r : records) {
    std::optional<int64_t> from = r.size() == 4 ? ParseDay(r[2]) : std::nullopt;
    std::optional<int64_t> until =
        r.size() == 4 ? ParseDay(r[3]) : std::nullopt;
    if (!from || !until) {
      return Status::InvalidArgument(
          path + ": want MODERN<TAB>HISTORICAL<TAB>FROM<TAB>UNTIL");
    }
    periods_[aliases_.InternId(r[0])].push_back(
        Period{aliases_.InternId(r[1]), *from, *until + 86399});
  }
  return Status::Ok();
}

Status CountryGazetteer::LoadContextRules(const std::string& path) {
  std::vector<std::vector<std::string>> records;
  CHANCERY_RETURN_IF_ERROR(ReadDataFile(path, &records));
  for (const auto& r : records) {
    if (r.size() != 3) {
      return Status::InvalidArgument(path + ": want ALIAS<TAB>CODE<TAB>WORDS");
    }
    context_rules_[PhraseTable::Key(FoldedTokens(r[0]))].push_back(Reading{
        aliases_.InternId(r[1]), SplitNonEmpty(FoldForMatching(r[2]), ' ')});
  }
  return Status::Ok();
}

std::optional<uint32_t> CountryGazetteer::WholeName(
    const std::vector<Token>& tokens) const {
  if (tokens.empty()) return std::nullopt;
  // A whole-place match only: "NEW YORK" must not stop at "NEW".
  std::optional<AliasTable::Hit> hit = aliases_.MatchAt(tokens, 0, true);
  if (hit && hit->length == tokens.size() &&
      !aliases_.suppressed(hit->alias->entity)) {
    return hit->alias->entity;
  }
  return std::nullopt;
}

std::optional<uint32_t> CountryGazetteer::DatelineCountry(
    std::string_view place, std::string_view region) const {
  if (!region.empty()) {
    // A country name decides ("ESCHBORN, West Germany") unless it is also
    // a subdivision's name ("ELLABELL, Georgia").
    std::vector<Token> tokens = Tokenize(region);
    const std::string key = RegionKey(region);
    auto it = regions_.find(key);
    const bool subdivision = it != regions_.end() && it->second != kAmbiguous;
    if (!HasContextRule(PhraseTable::Key(FoldedTokens(region))) ||
        !subdivision) {
      if (auto country = WholeName(tokens)) return country;
    }
    if (subdivision) return it->second;
  }
  std::vector<Token> tokens = Tokenize(place);
  if (auto country = WholeName(tokens)) return country;
  std::vector<std::string> folded;
  for (Token& t : tokens) folded.push_back(std::move(t.folded));
  auto it = cities_.find(PhraseTable::Key(folded));
  if (it != cities_.end()) return it->second;
  return std::nullopt;
}

Status CountryGazetteer::LoadRegions(const std::string& curated,
                                     const std::string& iso_json) {
  std::ifstream in(iso_json);
  if (in) {
    try {
      nlohmann::json doc = nlohmann::json::parse(in);
      for (const auto& sub : doc.at("3166-2")) {
        const std::string code = sub.at("code").get<std::string>().substr(0, 2);
        const uint32_t country = aliases_.InternId(code);
        auto [it, inserted] = regions_.emplace(
            RegionKey(sub.at("name").get<std::string>()), country);
        if (!inserted && it->second != country) it->second = kAmbiguous;
      }
    } catch (const nlohmann::json::exception& e) {
      return Status::Corruption(iso_json + ": " + e.what());
    }
  }
  std::vector<std::vector<std::string>> records;
  CHANCERY_RETURN_IF_ERROR(ReadDataFile(curated, &records));
  for (const auto& r : records) {
    if (r.size() != 2)
      return Status::InvalidArgument(curated + ": want CODE<TAB>REGION");
    regions_[RegionKey(r[1])] = aliases_.InternId(r[0]);
  }
  return Status::Ok();
}

uint32_t CountryGazetteer::AtDate(uint32_t country,
                                  std::optional<int64_t> date) const {
  if (!date) return country;
  auto it = periods_.find(country);
  if (it == periods_.end()) return country;
  for (const Period& p : it->second) {
    if (*date >= p.from && *date <= p.until) return p.historical;
  }
  return country;
}

std::optional<uint32_t> CountryGazetteer::ResolveByContext(
    std::string_view folded_key,
    const std::unordered_set<std::string_view>& words,
    const std::unordered_set<uint32_t>& found) const {
  auto it = context_rules_.find(std::string(folded_key));
  if (it == context_rules_.end()) return std::nullopt;
  std::optional<uint32_t> best;
  int best_score = -1;
  for (const Reading& r : it->second) {
    int score = found.count(r.country) ? 1 : 0;
    for (const std::string& w : r.words) score += words.count(w) ? 1 : 0;
    if (score > best_score) {
      best = r.country;
      best_score = score;
    }
  }
  return best;
}

std::optional<uint32_t> CountryGazetteer::FindCountry(
    std::string_view code_or_name) const {
  if (code_or_name.size() == 2) {
    std::string upper(code_or_name);
    for (char& c : upper)
      c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (auto id = aliases_.FindById(upper)) return id;
  }
  std::optional<uint32_t> found = aliases_.FindByName(code_or_name);
  if (found && aliases_.suppressed(*found)) return std::nullopt;
  return found;
}

}  // namespace chancery
