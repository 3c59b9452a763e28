#include "common/entities/person_finder.h"

#include "common/base/numbers.h"
#include "common/data_file.h"
#include "common/text_analyzer.h"

namespace chancery {
namespace {

// Lower-case particles inside names: "Ursula von der Leyen", "Osama bin
// Laden", "Luiz Inácio Lula da Silva".
bool IsParticle(std::string_view folded) {
  static const std::unordered_set<std::string_view> kParticles = {
      "von", "van", "der", "den", "de", "la", "le",  "du", "da",  "di",  "del",
      "dos", "das", "bin", "ibn", "al", "el", "ter", "zu", "los", "las", "ben"};
  return kParticles.count(folded) > 0;
}

// Arabic article and kinship particles joined to a name by a hyphen:
// "al-Assad", "el-Sisi", "bin-Laden", "ash-Sharaa".
bool IsHyphenParticle(std::string_view folded) {
  static const std::unordered_set<std::string_view> kParticles = {
      "al", "el", "ad", "ar",  "as",  "ash", "az",  "an",
      "at", "ud", "ul", "bin", "ibn", "abu", "abd", "ben"};
  return kParticles.count(folded) > 0;
}

// The lower-case second part of a romanised East Asian given name
// ("Jae-in", "Ching-te", "Jong-un", "Ing-wen", "Ki-moon"): short, letters
// only.
bool IsGivenNameSyllable(const Token& t) {
  if (!t.word || t.capitalised || t.text.size() < 2 || t.text.size() > 5) {
    return false;
  }
  for (char c : t.text) {
    if (c < 'a' || c > 'z') return false;
  }
  return true;
}

// Tokens written with nothing between them ("Jean-Pierre", "O'Brien").
bool Adjacent(const Token& a, const Token& b) {
  return a.text.data() + a.text.size() == b.text.data();
}

// A word in capitals in mixed-case text ("REAGAN'S" in a quoted headline).
bool Shouted(const Token& t) {
  size_t letters = 0;
  for (char c : t.text)
    letters += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return letters >= 2 && t.capitalised && IsAllCaps(t.text);
}

// An initial: "F" of "Ivan F. Boesky", "В" of "В. Путин".
bool IsInitial(const std::vector<Token>& tokens, size_t i) {
  return i + 2 < tokens.size() && IsOneLetter(tokens[i].text) &&
         tokens[i].capitalised && tokens[i + 1].text == ".";
}

constexpr size_t kMaxNameWords = 6;  // "Luiz Inácio Lula da Silva"
constexpr int64_t kMinPlacePopulation = 10000;

}  // namespace

// A line "-word" removes a word an earlier file added.
Status PersonFinder::LoadWordSet(const std::string& path,
                                 std::unordered_set<std::string>* set) {
  std::vector<std::vector<std::string>> records;
  CHANCERY_RETURN_IF_ERROR(ReadDataFile(path, &records));
  for (const auto& r : records) {
    if (r[0].size() > 1 && r[0][0] == '-') {
      removed_words_.insert(FoldForMatching(r[0].substr(1)));
    } else if (!r[0].empty()) {
      set->insert(FoldForMatching(r[0]));
    }
  }
  for (const std::string& w : removed_words_) set->erase(w);
  return Status::Ok();
}

StatusOr<std::unique_ptr<PersonFinder>> PersonFinder::Load(
    const std::string& entities_dir) {
  std::unique_ptr<PersonFinder> f(new PersonFinder());
  std::vector<std::vector<std::string>> records;
  CHANCERY_RETURN_IF_ERROR(
      ReadDataFile(entities_dir + "/person_titles.txt", &records));
  for (const auto& r : records) f->titles_.Add(r[0], 0);

  const std::string generated = entities_dir + "/generated/first_names.txt";
  if (FileExists(generated)) {
    CHANCERY_RETURN_IF_ERROR(f->LoadWordSet(generated, &f->first_names_));
  }
  CHANCERY_RETURN_IF_ERROR(
      f->LoadWordSet(entities_dir + "/first_names.txt", &f->first_names_));
  records.clear();
  CHANCERY_RETURN_IF_ERROR(
      ReadDataFile(entities_dir + "/not_people.txt", &records));
  for (const auto& r : records) f->not_people_.Add(r[0], 0);
  CHANCERY_RETURN_IF_ERROR(
      f->LoadWordSet(entities_dir + "/not_person_words.txt", &f->stop_words_));
  CHANCERY_RETURN_IF_ERROR(
      f->LoadWordSet(entities_dir + "/company_words.txt", &f->company_words_));
  CHANCERY_RETURN_IF_ERROR(f->LoadWordSet(
      entities_dir + "/east_asian_surnames.txt", &f->family_first_));
  CHANCERY_RETURN_IF_ERROR(f->LoadWordSet(entities_dir + "/headline_verbs.txt",
                                          &f->headline_verbs_));

  const std::string cities = entities_dir + "/generated/cities.tsv";
  if (FileExists(cities)) {
    records.clear();
    CHANCERY_RETURN_IF_ERROR(ReadDataFile(cities, &records));
    for (const auto& r : records) {
      if (r.size() != 3 || r[0].find(' ') == std::string::npos ||
          ParseInt64(r[2]).value_or(0) < kMinPlacePopulation) {
        continue;
      }
      std::string key;
      bool plain = true;
      for (const Token& t : Tokenize(r[0])) {
        plain &= t.word;
        if (!key.empty()) key.push_back(' ');
        key += t.folded;
      }
      if (plain) f->place_names_.insert(std::move(key));
    }
  }

  records.clear();
  const std::string people = entities_dir + "/people.tsv";
  CHANCERY_RETURN_IF_ERROR(ReadDataFile(people, &records));
  for (const auto& r : records) {
    if (r.size() < 2 || r[0].empty() || r[1].empty()) {
      return Status::InvalidArgument(people +
                                     ": want ID<TAB>LABEL<TAB>ALIASES");
    }
    uint32_t index = static_cast<uint32_t>(f->known_people_.size());
    f->known_people_.push_back(KnownPerson{r[0], r[1]});
    f->known_.Add(r[1], index);
    if (r.size() > 2) {
      for (const std::string& alias : SplitNonEmpty(r[2], '|')) {
        f->known_.Add(alias, index);
      }
    }
  }
  return f;
}

bool PersonFinder::IsNameWord(const Token& t) const {
  return t.word && t.capitalised && !Shouted(t) &&
         !stop_words_.count(t.folded) && !titles_.Find(t.folded);
}

size_t PersonFinder::ReadName(const std::vector<Token>& tokens,
                              const std::vector<bool>& claimed, size_t pos,
                              PersonCandidates::Candidate* name) const {
  size_t i = pos;
  auto name_word_at = [&](size_t k) {
    return k < tokens.size() && !claimed[k] && IsNameWord(tokens[k]);
  };
  while (i < tokens.size() && name->words.size() < kMaxNameWords) {
    const Token& t = tokens[i];
    if (IsInitial(tokens, i) && name_word_at(i + 2)) {
      name->words.push_back(std::string(t.text) + ".");
      name->folded.push_back(t.folded + ".");
      i += 2;
    } else if (name_word_at(i)) {
      name->words.emplace_back(t.text);
      name->folded.push_back(t.folded);
      ++i;
    } else if (t.word && !t.capitalised && IsHyphenParticle(t.folded) &&
               i + 2 < tokens.size() && tokens[i + 1].text == "-" &&
               Adjacent(t, tokens[i + 1]) &&
               Adjacent(tokens[i + 1], tokens[i + 2]) && name_word_at(i + 2)) {
      // "Bashar al-Assad", "President al-Sisi": one word, kept whole.
      name->words.push_back(std::string(t.text) + "-" +
                            std::string(tokens[i + 2].text));
      name->folded.push_back(t.folded + "-" + tokens[i + 2].folded);
      i += 3;
    } else if (!name->words.empty() && IsParticle(t.folded) && t.word &&
               !t.capitalised &&
               (name_word_at(i + 1) ||
                // "Ursula von der Leyen", "Fernando de la Rúa".
                (i + 2 < tokens.size() && IsParticle(tokens[i + 1].folded) &&
                 tokens[i + 1].word && !tokens[i + 1].capitalised &&
                 name_word_at(i + 2)))) {
      name->words.emplace_back(t.text);
      name->folded.push_back(t.folded);
      ++i;
    } else if (!name->words.empty() && (t.text == "-" || t.text == "'") &&
               Adjacent(tokens[i - 1], t) && i + 1 < tokens.size() &&
               Adjacent(t, tokens[i + 1]) &&
               (name_word_at(i + 1) ||
                // "Moon Jae-in", "Lai Ching-te": a given name after an East
                // Asian family name.
                (t.text == "-" && name->words.size() >= 2 &&
                 family_first_.count(name->folded[0]) &&
                 IsGivenNameSyllable(tokens[i + 1]) &&
                 (i + 2 >= tokens.size() ||
                  !Adjacent(tokens[i + 1], tokens[i + 2]) ||
                  !tokens[i + 2].word)))) {
      // One word joined by a hyphen or apostrophe: "Jean-Pierre", "O'Brien".
      if (!tokens[i + 1].capitalised &&
          name->evidence == PersonCandidates::Evidence::kLoose) {
        name->evidence = PersonCandidates::Evidence::kFirstName;
      }
      name->words.back() +=
          std::string(t.text) + std::string(tokens[i + 1].text);
      name->folded.back() += t.folded + tokens[i + 1].folded;
      i += 2;
    } else {
      break;
    }
  }
  // A firm named after people ("Morgan Stanley Inc", "Smith Barney & Co").
  if (i < tokens.size() && company_words_.count(tokens[i].folded)) {
    name->words.clear();
    name->folded.clear();
  }
  return i;
}

void PersonFinder::CollectCapitals(const std::vector<Token>& tokens,
                                   const std::vector<bool>& claimed, size_t pos,
                                   PersonCandidates* out) const {
  const Token& t = tokens[pos];
  if (stop_words_.count(t.folded) || company_words_.count(t.folded) ||
      titles_.Find(t.folded) || t.text.size() < 3) {
    return;
  }
  if (headline_verbs_.count(t.folded)) return;
  PersonCandidates::Candidate name;
  name.words.emplace_back(t.text);
  name.folded.push_back(t.folded);
  // "PRESIDENT REAGAN", "U.S. TREASURY'S BAKER SAYS", "JAPAN'S SUMITA TO".
  bool after_title = false;
  for (size_t k = 1; k <= 3 && k <= pos; ++k) {
    after_title |= titles_.LongestAt(tokens, pos - k, k).length == k;
  }
  const bool after_possessive = pos >= 3 && tokens[pos - 1].folded == "s" &&
                                tokens[pos - 2].folded == "'";
  const bool before_verb = pos + 1 < tokens.size() && !claimed[pos + 1] &&
                           headline_verbs_.count(tokens[pos + 1].folded);
  const bool before_possessive = pos + 2 < tokens.size() &&
                                 tokens[pos + 1].folded == "'" &&
                                 tokens[pos + 2].folded == "s";
  // A title alone is weak evidence in a headline ("PRESIDENT STEPS DOWN").
  if ((after_title || after_possessive) && (before_verb || before_possessive)) {
    name.evidence = PersonCandidates::Evidence::kTitled;
  }
  out->list.push_back(std::move(name));
}

void PersonFinder::Collect(const std::vector<Token>& tokens,
                           const std::vector<bool>& claimed, bool all_caps,
                           PersonCandidates* out) const {
  size_t i = 0;
  while (i < tokens.size()) {
    if (claimed[i] || !tokens[i].word) {
      ++i;
      continue;
    }
    if (size_t skip = not_people_.LongestAt(tokens, i).length) {
      i += skip;
      continue;
    }
    PersonCandidates::Candidate name;
    // Known people in any script, including those without case (王毅).
    if (tokens[i].capitalised || tokens[i].caseless) {
      if (size_t len = known_.LongestAt(tokens, i).length) {
        for (size_t k = i; k < i + len; ++k) {
          if (!tokens[k].word) continue;
          name.words.emplace_back(tokens[k].text);
          name.folded.push_back(tokens[k].folded);
        }
        name.evidence = PersonCandidates::Evidence::kGiven;
        out->list.push_back(std::move(name));
        i += len;
        continue;
      }
    }
    if (all_caps || Shouted(tokens[i])) {
      CollectCapitals(tokens, claimed, i, out);
      ++i;
      continue;
    }
    PhraseTable::Match title = titles_.LongestAt(tokens, i);
    if (title.length > 0) {
      name.evidence = PersonCandidates::Evidence::kTitled;
      size_t start = i + title.length;
      // "Mr. X", "his counterpart, Ulf Kristersson", "President of
      // Nigeria Bola Tinubu": punctuation and a country between title and
      // name.
      if (start < tokens.size() &&
          (tokens[start].text == "." || tokens[start].text == ",")) {
        ++start;
      }
      for (size_t k = 0; k < 3 && start < tokens.size() && claimed[start]; ++k)
        ++start;
      i = std::max(ReadName(tokens, claimed, start, &name), start);
    } else if (IsNameWord(tokens[i])) {
      size_t end = ReadName(tokens, claimed, i, &name);
      // "Exchequer Nigel Lawson": a first name inside a capitalised run
      // starts the name.
      size_t first = 0;
      while (first + 1 < name.words.size() &&
             !first_names_.count(name.folded[first])) {
        ++first;
      }
      if (first + 1 < name.words.size()) {
        name.words.erase(name.words.begin(), name.words.begin() + first);
        name.folded.erase(name.folded.begin(), name.folded.begin() + first);
        name.evidence = PersonCandidates::Evidence::kFirstName;
      }
      i = std::max(end, i + 1);
    } else {
      ++i;
      continue;
    }
    if (!name.words.empty()) out->list.push_back(std::move(name));
  }
}

void PersonFinder::AddGiven(std::string_view name,
                            PersonCandidates* out) const {
  PersonCandidates::Candidate c;
  c.evidence = PersonCandidates::Evidence::kGiven;
  for (Token& t : Tokenize(name)) {
    if (!t.word) continue;
    c.words.emplace_back(t.text);
    c.folded.push_back(std::move(t.folded));
  }
  if (!c.words.empty()) out->list.push_back(std::move(c));
}

bool PersonFinder::IsNotAPersonName(
    const std::vector<std::string>& folded) const {
  if (folded.empty()) return true;
  std::string joined;
  for (const std::string& w : folded) {
    if (!joined.empty()) joined.push_back(' ');
    joined += w;
  }
  return company_words_.count(folded.back()) > 0 ||
         place_names_.count(joined) > 0 || not_people_.Find(joined) != nullptr;
}

bool PersonFinder::IsPartOfName(const std::vector<Token>& tokens, size_t pos,
                                size_t len) const {
  const size_t next = pos + len;
  if (next < tokens.size() && IsNameWord(tokens[next]) &&
      !company_words_.count(tokens[next].folded)) {
    return true;
  }
  if (pos == 0) return false;
  const Token& prev = tokens[pos - 1];
  if (prev.word && prev.capitalised && first_names_.count(prev.folded)) {
    return true;
  }
  // "Mr Washington", "President Chad ..." after a title of up to 3 tokens.
  for (size_t k = 1; k <= 3 && k <= pos; ++k) {
    if (titles_.LongestAt(tokens, pos - k, k).length == k) return true;
  }
  return false;
}

}  // namespace chancery
