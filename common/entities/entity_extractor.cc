#include "common/entities/entity_extractor.h"

#include <algorithm>
#include <initializer_list>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "common/base/strings.h"
#include "common/entities/country_gazetteer.h"
#include "common/entities/name_transliterator.h"
#include "common/entities/org_gazetteer.h"
#include "common/entities/person_finder.h"
#include "common/entities/tagged_names.h"
#include "common/entities/text_tokens.h"
#include "common/text_analyzer.h"

namespace chancery {
namespace {

// Arabic writes conjunctions and prepositions onto the next word: و "and",
// ف "so", ب "in/with", ل "for", ك "like", alone or in pairs ("وب",
// "ول"), and ل before the article ال drops its alef ("للعراق" = "ل" +
// "العراق"). A word so prefixed is looked up without the clitic; it
// counts only when the remainder is a gazetteer name.
std::optional<AliasTable::Hit> MatchArabicClitic(
    const AliasTable& aliases, const std::vector<Token>& tokens, size_t pos) {
  const Token& t = tokens[pos];
  // Arabic letters are two bytes (U+0600..U+06FF: lead bytes D8..DB).
  auto arabic = [](std::string_view s) {
    return s.size() >= 2 && static_cast<unsigned char>(s[0]) >= 0xD8 &&
           static_cast<unsigned char>(s[0]) <= 0xDB;
  };
  if (!t.caseless || !arabic(t.text) || t.text.size() < 6) return std::nullopt;
  static const std::string_view kWa = "\xD9\x88", kFa = "\xD9\x81",
                                kBi = "\xD8\xA8", kLi = "\xD9\x84",
                                kKa = "\xD9\x83", kAl = "\xD8\xA7\xD9\x84";
  std::string_view rest = t.text;
  std::string_view conj;
  if (rest.substr(0, 2) == kWa || rest.substr(0, 2) == kFa) {
    conj = rest.substr(0, 2);
    rest.remove_prefix(2);
  }
  std::vector<std::string> remainders;
  if (!conj.empty()) remainders.emplace_back(rest);
  std::string_view p = rest.substr(0, 2);
  if (rest.size() >= 6 && (p == kBi || p == kLi || p == kKa)) {
    std::string_view after = rest.substr(2);
    remainders.emplace_back(after);
    // "لل" + X: the article's alef dropped after ل.
    if (p == kLi && after.substr(0, 2) == kLi) {
      remainders.push_back(std::string(kAl) + std::string(after.substr(2)));
    }
  }
  std::optional<AliasTable::Hit> best;
  for (const std::string& r : remainders) {
    if (r.size() < 4) continue;
    std::vector<Token> window(
        tokens.begin() + pos,
        tokens.begin() + std::min(tokens.size(), pos + 4));
    window[0].text = r;
    window[0].folded = FoldForMatching(r);
    auto hit = aliases.MatchAt(window, 0, false);
    if (hit && (!best || hit->length > best->length)) best = hit;
  }
  return best;
}

// A story's first sentences say what it is about; later ones wander.
constexpr size_t kLeadTokens = 80;

struct CountryHit {
  uint32_t country;
  bool in_title;
  bool in_lead;
  int half_points;  // Body mentions: MentionWeight.
  size_t pos = 0;   // Token position in its field and length.
  size_t len = 0;
  std::string context_key;  // Folded alias when a context rule applies.
  Mention mention;
};

// How and where an article names one country. Evidence is counted in
// half points: a headline mention is worth 2 points, an ordinary body
// mention 1, an actor or list mention near the top 2, a passing one
// deep in a long story 1/2, a modifier of a currency or deal ("U.S. dlrs",
// "Paris accord") nothing.
struct CountryTally {
  bool dateline = false;
  bool given = false;
  int title = 0;
  int lead = 0;
  int body = 0;
  int half_points = 0;  // Body mentions, weighted (MentionWeight).
  std::vector<Mention> spans;
  int mentions() const { return dateline + given + title + lead + body; }
  // Weight of the evidence that the story is about this country, in half
  // points.
  int salience() const {
    return 6 * (dateline + given) + 4 * title + half_points;
  }
};

// A wire story (one with a dateline) is about its dateline's country and
// the countries it gives at least 2 points of evidence (salience() >= 4
// half points): named in the headline, named twice, or named once near
// the top as an actor ("Beijing said", "Japan's growth", "the British
// prime minister", "Mélanie Joly of Canada") or in an enumeration
// ("Britain, France and Germany"). A single passing mention ("sales of
// wheat to Japan") is often context. Stories without a dateline keep every
// country they name. bench/README-extract.md has the trade-off between
// the Reuters-21578 labels (what a story is about) and the hand-labelled
// set (every country named).
constexpr int kWireStorySalience = 4;  // Half points.

// Besides that evidence, a country other than the dateline's named once,
// and not in the headline, is a side remark (a buyer, a comparison, one of
// a list of markets: "sales of wheat to Japan", "Japan said it would
// follow") unless the story is short and names several countries (a
// meeting, a list of actors in three paragraphs). Chosen on the Reuters
// tuning part: the Reuters-21578 labels leave such countries out
// (bench/README-extract.md).
constexpr size_t kShortStoryChars = 1000;  // Body code points.
constexpr size_t kSeveralCountries = 3;    // The dateline's included.

// Whether a wire story is about the country of `t`, given whether the
// story is short and how many countries pass kWireStorySalience.
bool AboutInWireStory(const CountryTally& t, bool short_story,
                      size_t countries) {
  if (t.dateline || t.given) return true;
  if (t.salience() < kWireStorySalience) return false;
  return t.title > 0 || t.lead + t.body >= 2 ||
         (short_story && countries >= kSeveralCountries);
}

// Actor and enumeration mentions count double only this near the top of
// the body; mentions after kDeepTokens count half.
constexpr size_t kFrontTokens = 200;
constexpr size_t kDeepTokens = 250;

bool InSet(std::string_view word, std::initializer_list<std::string_view> set) {
  return std::find(set.begin(), set.end(), word) != set.end();
}

// Nouns that make a country mention before them a modifier: currencies,
// deals named after the city that hosted them, companies and banks.
bool IsPassingNoun(std::string_view w) {
  return InSet(
      w,
      {"dlr",      "dlrs",      "dollar", "dollars",   "franc",      "francs",
       "yen",      "mark",      "marks",  "pound",     "pounds",     "sterling",
       "crown",    "crowns",    "lira",   "lire",      "peso",       "pesos",
       "guilder",  "guilders",  "rand",   "schilling", "schillings", "currency",
       "accord",   "agreement", "pact",   "round",     "club",       "corp",
       "inc",      "ltd",       "co",     "plc",       "bank",       "banks",
       "interbank"});
}

// Verbs that make the country before them the subject: the country acts.
bool IsActorVerb(std::string_view w) {
  return InSet(
      w,
      {"said", "says", "say", "told", "announced", "accused", "warned", "urged",
       "called", "agreed", "signed", "rejected", "denied", "wants", "want",
       "will", "would", "has", "have", "had", "is", "was", "were", "are",
       "plans", "plan", "proposed", "threatened", "demanded", "pledged",
       "vowed", "welcomed", "condemned", "expects", "expected", "insisted",
       "asked", "joined", "launched", "sent", "supports", "supported",
       "opposed", "hopes", "fears", "needs", "must", "should", "could", "can",
       "may", "refused", "objected", "protested", "responded", "accepted",
       "offered", "blamed", "criticised", "criticized",
       // French, German, Spanish, Russian.
       "a", "avait", "sera", "veut", "hat", "hatte", "will", "wird", "ha",
       "habia", "quiere", "заявил", "заявила", "заявили"});
}

// Nouns that make a demonym or country before them a government actor.
bool IsOfficialNoun(std::string_view w) {
  return InSet(w, {"minister",  "ministers",  "president",   "prime",
                   "premier",   "government", "officials",   "official",
                   "foreign",   "leader",     "leaders",     "ambassador",
                   "envoy",     "delegation", "authorities", "diplomat",
                   "diplomats", "spokesman",  "spokeswoman", "chancellor",
                   "secretary", "troops",     "army",        "military",
                   "forces",    "navy",       "embassy",     "parliament",
                   "king",      "queen",      "counterpart", "counterparts"});
}

bool IsListJoint(std::string_view w) {
  return InSet(w, {",", "and", "et", "und", "y", "e", "и", "、"});
}

// Whether tokens[from, to) join two list members: a comma or "and",
// optionally followed by an article ("and the", "et l'").
bool IsEnumerationGap(const std::vector<Token>& tokens, size_t from,
                      size_t to) {
  if (to <= from || to - from > 3) return false;
  if (!IsListJoint(tokens[from].folded)) return false;
  for (size_t k = from + 1; k < to; ++k) {
    if (!InSet(tokens[k].folded, {"the", "la", "le", "l", "'", "\xE2\x80\x99",
                                  "les", "die", "der", "el", "los"})) {
      return false;
    }
  }
  return true;
}

// Weight in half points of a body mention of a country at tokens[i, i+len).
int MentionWeight(const std::vector<Token>& tokens, size_t i, size_t len) {
  auto word = [&](size_t k) -> std::string_view {
    return k < tokens.size() ? std::string_view(tokens[k].folded) : "";
  };
  const size_t j = i + len;
  std::string_view next = word(j);
  std::string_view prev = i > 0 ? word(i - 1) : "";
  if (IsPassingNoun(next)) return 0;
  if (i < kFrontTokens) {
    bool actor =
        IsActorVerb(next) || IsOfficialNoun(next) ||
        ((next == "'" || next == "\xE2\x80\x99") && word(j + 1) == "s") ||
        (next == "," && InSet(word(j + 1), {"which", "who", "whose"})) ||
        // "Mélanie Joly of Canada", "a delegation from Japan".
        (i >= 2 && (prev == "of" || prev == "from") && tokens[i - 2].word &&
         tokens[i - 2].capitalised && word(i - 2) != "the");
    if (actor) return 4;
  }
  return i >= kDeepTokens ? 1 : 2;
}

struct Dateline {
  std::string_view place;   // "SAN JOSE"
  std::string_view region;  // "Calif.", or empty
};

// A dateline part without surrounding space and without the asterisks
// some wires put before the place ("*BEIJING").
std::string_view DatelinePart(std::string_view s) {
  s = TrimWhitespace(s);
  while (!s.empty() && s.front() == '*') s = TrimWhitespace(s.substr(1));
  return s;
}

// Whether a dateline part is its date ("Feb 26", "March 12", "26 Feb").
bool IsDatePart(std::string_view part) {
  static constexpr std::string_view kMonths[] = {"jan", "feb", "mar", "apr",
                                                 "may", "jun", "jul", "aug",
                                                 "sep", "oct", "nov", "dec"};
  if (part.empty() || (part[0] >= '0' && part[0] <= '9')) return true;
  if (part.size() < 3) return false;
  std::string head;
  for (char c : part.substr(0, 3))
    head.push_back(static_cast<char>(std::tolower(c)));
  for (std::string_view m : kMonths) {
    if (head == m) return true;
  }
  return false;
}

// The place a wire dateline names: "NEW YORK, Feb 26" -> NEW YORK;
// "SAN JOSE, Calif., Feb 26" -> SAN JOSE in Calif.; the body's own
// dateline ("BEIJING, March 12 (Reuters) -") when the field is empty.
Dateline ParseDateline(const Article& article) {
  std::string_view text = article.dateline;
  const bool from_body = text.empty();
  if (from_body) {
    text = std::string_view(article.body).substr(0, 80);
    size_t end = text.find_first_of("(\n");
    size_t dash = text.find(" - ");
    if (dash < end) end = dash;
    if (end == std::string_view::npos) return {};
    text = text.substr(0, end);
  }
  std::string_view parts[3];
  size_t n = 0;
  while (n < 3) {
    // A comma, or the Arabic comma U+060C.
    size_t comma = text.find(',');
    size_t arabic = text.find("\xD8\x8C");
    size_t width = 1;
    if (arabic < comma) {
      comma = arabic;
      width = 2;
    }
    parts[n++] = DatelinePart(text.substr(0, comma));
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + width);
  }
  Dateline d;
  d.place = parts[0];
  if (n >= 2 && !IsDatePart(parts[1])) d.region = parts[1];
  if (from_body &&
      (d.place.empty() || !IsAllCaps(d.place) || d.place.size() > 40)) {
    return {};
  }
  return d;
}

// Where the dateline names its place: the dateline field, or the top of
// the body when the dateline was read from there.
Mention DatelineMention(const Article& article, std::string_view place) {
  auto within = [&](const std::string& field) {
    return place.data() >= field.data() &&
           place.data() + place.size() <= field.data() + field.size();
  };
  if (within(article.dateline)) {
    const auto begin =
        static_cast<uint32_t>(place.data() - article.dateline.data());
    return Mention{MentionField::kDateline, begin,
                   begin + static_cast<uint32_t>(place.size()),
                   MentionType::kRule};
  }
  if (within(article.body)) {
    const auto begin =
        static_cast<uint32_t>(place.data() - article.body.data());
    return Mention{MentionField::kBody, begin,
                   begin + static_cast<uint32_t>(place.size()),
                   MentionType::kRule};
  }
  return Mention{MentionField::kDateline, 0, 0, MentionType::kRule};
}

}  // namespace

EntityExtractor::EntityExtractor() = default;
EntityExtractor::~EntityExtractor() = default;

StatusOr<std::unique_ptr<EntityExtractor>> EntityExtractor::Load(
    const std::string& config_dir, const EntityExtractorOptions& options) {
  const std::string dir = config_dir + "/entities";
  std::unique_ptr<EntityExtractor> e(new EntityExtractor());
  CHANCERY_ASSIGN_OR_RETURN(e->countries_, CountryGazetteer::Load(dir));
  CHANCERY_ASSIGN_OR_RETURN(e->orgs_, OrgGazetteer::Load(dir));
  CHANCERY_ASSIGN_OR_RETURN(e->people_, PersonFinder::Load(dir));
  CHANCERY_ASSIGN_OR_RETURN(e->transliterator_, NameTransliterator::Create());
  if (!options.ner_models_dir.empty()) {
    for (std::string_view lang : kNerModelLanguages) {
      const std::string path =
          options.ner_models_dir + "/" + std::string(lang) + ".model";
      CHANCERY_ASSIGN_OR_RETURN(NerTagger tagger, NerTagger::Load(path));
      e->taggers_.emplace(std::string(lang), std::move(tagger));
    }
  }
  return e;
}

const NerTagger* EntityExtractor::TaggerFor(std::string_view lang) const {
  if (taggers_.empty()) return nullptr;
  auto it = taggers_.find(NerModelLanguageFor(lang));
  return it == taggers_.end() ? nullptr : &it->second;
}

ArticleEntities EntityExtractor::Extract(const Article& article) const {
  const AliasTable& country_aliases = countries_->aliases();
  const AliasTable& org_aliases = orgs_->aliases();

  const NerTagger* tagger = TaggerFor(article.lang);
  TaggedField fields[2];
  fields[0].Init(article.title, MentionField::kTitle, tagger);
  fields[1].Init(article.body, MentionField::kBody, tagger);

  std::vector<CountryHit> country_hits;
  std::unordered_map<uint32_t, int> org_counts;
  std::unordered_map<uint32_t, std::vector<Mention>> org_spans;
  std::vector<uint32_t> org_order;
  bool needs_context = false;

  // Surnames of the full names the tagger found anywhere in the article
  // ("Michael Jordan"): the same word alone ("Jordan" in the headline) is
  // the person again, not a country that shares the name.
  std::unordered_set<std::string> tagged_surnames;
  for (const TaggedField& f : fields) {
    for (const TextEntity& e : f.spans) {
      if (e.type != EntityType::kPer) continue;
      const Token* last = nullptr;
      size_t words = 0;
      for (const Token& t : f.tokens) {
        const uint32_t at = f.Offset(t);
        if (at < e.begin || at >= e.end || !t.word) continue;
        ++words;
        last = &t;
      }
      if (words >= 2) tagged_surnames.insert(last->folded);
    }
  }

  // Inflected country names ("Frankreichs", "Украины") in languages with
  // a stemmer; English names are matched as written.
  const int stem_lang = AliasTable::StemLanguage(article.lang);
  for (TaggedField& f : fields) {
    const std::vector<Token>& tokens = f.tokens;
    std::vector<std::string> stems;
    if (stem_lang >= 0) stems = AliasTable::StemTokens(tokens, stem_lang);
    for (size_t i = 0; i < tokens.size();) {
      if (!tokens[i].word) {
        ++i;
        continue;
      }
      auto c = country_aliases.MatchAt(tokens, i, f.all_caps);
      auto o = org_aliases.MatchAt(tokens, i, f.all_caps);
      // Whether the name is matched through an inflection or a clitic
      // rather than as written.
      bool inflected = false;
      if (!c && !o && tokens[i].caseless) {
        c = MatchArabicClitic(country_aliases, tokens, i);
        inflected = c.has_value();
      }
      if (!c && !o && !stems.empty()) {
        c = country_aliases.MatchStemmedAt(tokens, stems, i, stem_lang,
                                           f.all_caps);
        inflected = c.has_value();
      }
      if (o && (!c || o->length > c->length)) {
        uint32_t org = o->alias->entity;
        if (!org_aliases.suppressed(org)) {
          if (org_counts[org]++ == 0) org_order.push_back(org);
          org_spans[org].push_back(f.MentionAt(i, o->length));
        }
        f.Claim(i, o->length, /*by_org=*/true);
        i += o->length;
        continue;
      }
      if (!c) {
        ++i;
        continue;
      }
      const Alias& alias = *c->alias;
      // The tagger read it as part of a person's name: "Michael Jordan",
      // "Paris Hilton", "Georgia Meloni".
      // A one-word PER span that is just a country's name ("Frankreichs")
      // is the tagger's mistake, unless the name is also a person's or the
      // word only looks like an inflected name ("Martina" for Martinica).
      if (f.TypeAt(i, c->length) == EntityType::kPer &&
          (alias.name_like || f.SpanIsLonger(i, c->length) ||
           (inflected && people_->IsFirstName(tokens[i].folded)))) {
        ++i;
        continue;
      }
      if (alias.name_like && c->length == 1 &&
          tagged_surnames.count(tokens[i].folded)) {
        ++i;  // Left unclaimed for PersonFinder: "Jordan" of Michael Jordan.
        continue;
      }
      // A capital that is also a given name ("Finance Minister Roger
      // Douglas") may be part of a name as much as Jordan or Paris.
      const bool name_like =
          alias.name_like ||
          (c->length == 1 && people_->IsFirstName(tokens[i].folded) &&
           (alias.kind == AliasKind::kCapital ||
            alias.kind == AliasKind::kCity));
      if (name_like && !f.all_caps &&
          people_->IsPartOfName(tokens, i, c->length)) {
        ++i;  // Left unclaimed for PersonFinder ("Paris Hilton").
        continue;
      }
      f.Claim(i, c->length, /*by_org=*/false);
      if (!country_aliases.suppressed(alias.entity)) {
        const bool is_title = f.field == MentionField::kTitle;
        CountryHit hit{alias.entity,
                       is_title,
                       !is_title && i < kLeadTokens,
                       is_title ? 0 : MentionWeight(tokens, i, c->length),
                       i,
                       c->length,
                       {},
                       f.MentionAt(i, c->length)};
        std::string key;
        for (size_t k = i; k < i + c->length; ++k) {
          if (k > i) key.push_back(' ');
          key += tokens[k].folded;
        }
        if (countries_->HasContextRule(key)) {
          hit.context_key = std::move(key);
          needs_context = true;
        }
        country_hits.push_back(std::move(hit));
      }
      i += c->length;
    }
  }

  // Enumerations of countries near the top ("Britain, France and
  // Germany", "Ukraine and the United States"): each member counts double.
  for (size_t k = 0; k + 1 < country_hits.size(); ++k) {
    CountryHit& a = country_hits[k];
    CountryHit& b = country_hits[k + 1];
    if (a.in_title || b.in_title || b.pos >= kFrontTokens) continue;
    if (IsEnumerationGap(fields[1].tokens, a.pos + a.len, b.pos)) {
      a.half_points = std::max(a.half_points, 4);
      b.half_points = std::max(b.half_points, 4);
    }
  }

  // Countries: tallies in first-seen order, ambiguous names settled by the
  // rest of the article, then mapped to the state of the article's date.
  std::unordered_map<uint32_t, CountryTally> tallies;
  std::vector<uint32_t> order;
  auto tally = [&](uint32_t country) -> CountryTally& {
    country = countries_->AtDate(country, article.date);
    auto [it, inserted] = tallies.try_emplace(country);
    if (inserted) order.push_back(country);
    return it->second;
  };
  Dateline dateline = ParseDateline(article);
  if (!dateline.place.empty()) {
    if (auto country =
            countries_->DatelineCountry(dateline.place, dateline.region)) {
      CountryTally& t = tally(*country);
      t.dateline = true;
      t.spans.push_back(DatelineMention(article, dateline.place));
    }
  }
  for (const std::string& given : article.countries) {
    if (auto country = countries_->FindCountry(given)) {
      CountryTally& t = tally(*country);
      t.given = true;
      t.spans.push_back(
          Mention{MentionField::kPublisher, 0, 0, MentionType::kRule});
    }
  }
  std::unordered_set<uint32_t> plain;
  for (const CountryHit& h : country_hits) {
    if (h.context_key.empty()) plain.insert(h.country);
  }
  for (const auto& [country, t] : tallies) {
    if (t.dateline || t.given) plain.insert(country);
  }
  std::unordered_set<std::string_view> words;
  if (needs_context) {
    for (const TaggedField& f : fields) {
      for (const Token& t : f.tokens) words.insert(t.folded);
    }
  }
  for (const CountryHit& h : country_hits) {
    uint32_t country = h.country;
    if (!h.context_key.empty()) {
      country = countries_->ResolveByContext(h.context_key, words, plain)
                    .value_or(country);
      // The reading that names no country ("turkey" the bird).
      if (country_aliases.suppressed(country)) continue;
    }
    CountryTally& t = tally(country);
    t.spans.push_back(h.mention);
    if (h.in_title) {
      ++t.title;
    } else if (h.in_lead) {
      ++t.lead;
    } else {
      ++t.body;
    }
    t.half_points += h.half_points;
  }

  ArticleEntities out;
  const bool wire_story =
      std::any_of(tallies.begin(), tallies.end(),
                  [](const auto& entry) { return entry.second.dateline; });
  const bool short_story = CodePoints(article.body) < kShortStoryChars;
  const size_t salient = static_cast<size_t>(
      std::count_if(tallies.begin(), tallies.end(), [](const auto& entry) {
        const CountryTally& t = entry.second;
        return t.dateline || t.given || t.salience() >= kWireStorySalience;
      }));
  for (uint32_t country : order) {
    const CountryTally& t = tallies[country];
    if (wire_story && !AboutInWireStory(t, short_story, salient)) continue;
    out.countries.push_back(Entity{country_aliases.id(country),
                                   country_aliases.label(country),
                                   t.mentions(),
                                   t.spans,
                                   {}});
  }
  std::stable_sort(
      out.countries.begin(), out.countries.end(),
      [](const Entity& a, const Entity& b) { return a.mentions > b.mentions; });

  // People: the rules' candidates, checked against the tagger's spans,
  // and the tagger's PER spans the rules missed.
  PersonCandidates candidates;
  for (const TaggedField& f : fields) {
    const size_t first = candidates.list.size();
    people_->Collect(f.tokens, f.claimed, f.all_caps, &candidates);
    LocateAndCheckCandidates(f, first, &candidates);
    AddTaggedPeople(f, first, &candidates);
  }
  for (const std::string& name : article.people) {
    people_->AddGiven(name, &candidates);
  }
  out.people = people_->Resolve(candidates, transliterator_.get());
  // A name that is wholly a country, place or curated organisation
  // ("Washington", "Xinjiang", "Chinas", "Nuevo México") or no one's by
  // PersonFinder's word lists ("Merida Initiative") is not a person, even
  // when the tagger read it as one. A person merged from a full name
  // ("Michael Jordan") has that name as label and stays.
  std::erase_if(out.people, [&](const Entity& person) {
    const std::vector<Token> tokens = Tokenize(person.label);
    std::vector<std::string> folded;
    for (const Token& t : tokens) {
      if (t.word) folded.push_back(t.folded);
    }
    if (people_->IsNotAPersonName(folded)) return true;
    for (const AliasTable* aliases : {&country_aliases, &org_aliases}) {
      auto hit = aliases->MatchAt(tokens, 0, false);
      if (hit && hit->length == tokens.size()) return true;
    }
    // An inflected form of a country ("Chinas") unless it is a given name
    // that only looks like one ("Martina", not Martinica).
    if (stem_lang >= 0 &&
        !(folded.size() == 1 && people_->IsFirstName(folded[0]))) {
      const std::vector<std::string> stems =
          AliasTable::StemTokens(tokens, stem_lang);
      auto hit =
          country_aliases.MatchStemmedAt(tokens, stems, 0, stem_lang, false);
      if (hit && hit->length == tokens.size()) return true;
    }
    return false;
  });

  // Organisations.
  for (const std::string& given : article.orgs) {
    if (auto org = orgs_->FindOrg(given)) {
      if (org_counts[*org]++ == 0) org_order.push_back(*org);
    }
  }
  for (uint32_t org : org_order) {
    out.orgs.push_back(Entity{org_aliases.id(org),
                              org_aliases.label(org),
                              org_counts[org],
                              org_spans[org],
                              {}});
  }
  // Organisations the tagger found that the curated list does not have.
  std::vector<Entity> tagged_orgs;
  for (const TaggedField& f : fields) AddTaggedOrgs(f, &tagged_orgs);
  for (Entity& e : tagged_orgs) {
    auto same = std::find_if(out.orgs.begin(), out.orgs.end(),
                             [&](const Entity& o) { return o.id == e.id; });
    if (same == out.orgs.end()) out.orgs.push_back(std::move(e));
  }
  return out;
}

std::string EntityExtractor::CountryName(std::string_view code) const {
  auto country = countries_->aliases().FindById(code);
  return country ? countries_->aliases().label(*country) : std::string(code);
}

std::string EntityExtractor::OrgName(std::string_view id) const {
  auto org = orgs_->aliases().FindById(id);
  return org ? orgs_->aliases().label(*org) : std::string(id);
}

}  // namespace chancery
