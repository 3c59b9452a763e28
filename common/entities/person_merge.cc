// PersonFinder::Resolve: turning an article's name-like runs into people.
// Kept apart from collection because the merging rules (surname-only
// mentions, truncated spellings, name order) are the subtle part.
#include <algorithm>
#include <string_view>
#include <tuple>
#include <unordered_set>

#include "common/entities/name_transliterator.h"
#include "common/entities/person_finder.h"
#include "common/person_key.h"

namespace chancery {
namespace {

using Candidate = PersonCandidates::Candidate;
using Evidence = PersonCandidates::Evidence;

// Shortest word length at which a truncated spelling is trusted to be the
// same name ("Sejourn" for "Sejourne"), and how many letters may be cut.
constexpr size_t kMinTruncatedLength = 5;
constexpr size_t kMaxTruncation = 2;

bool SameWord(const std::string& a, const std::string& b) {
  if (a == b) return true;
  const std::string& shorter = a.size() < b.size() ? a : b;
  const std::string& longer = a.size() < b.size() ? b : a;
  return shorter.size() >= kMinTruncatedLength &&
         longer.size() - shorter.size() <= kMaxTruncation &&
         longer.compare(0, shorter.size(), shorter) == 0;
}

bool SameName(const std::vector<std::string>& a,
              const std::vector<std::string>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (!SameWord(a[i], b[i])) return false;
  }
  return true;
}

size_t NonAsciiBytes(std::string_view s) {
  return std::count_if(s.begin(), s.end(), [](char c) {
    return static_cast<unsigned char>(c) >= 0x80;
  });
}

// "BAKER" from a headline reads "Baker" as a label.
std::string TitleCaseIfShouted(const std::string& form) {
  if (std::any_of(form.begin(), form.end(),
                  [](char c) { return c >= 'a' && c <= 'z'; })) {
    return form;
  }
  std::string out = form;
  bool word_start = true;
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z' && !word_start)
      c = static_cast<char>(c - 'A' + 'a');
    word_start = c == ' ' || c == '-' || c == '\'';
  }
  return out;
}

// "al-Assad": a particle joined to a capitalised name, which may begin one.
bool HyphenedName(const std::string& word) {
  size_t hyphen = word.find('-');
  return hyphen != std::string::npos && hyphen + 1 < word.size() &&
         word[hyphen + 1] >= 'A' && word[hyphen + 1] <= 'Z';
}

// The surname without a joined lower-case particle: "assad" of "al-assad",
// so that "Assad" and "al-Assad" are the same mention.
std::string_view BareSurname(std::string_view folded) {
  size_t hyphen = folded.find('-');
  if (hyphen > 3 || hyphen == 0)  // also no hyphen: npos > 3
    return folded;
  static const std::unordered_set<std::string_view> kParticles = {
      "al", "el", "ad", "ar",  "as",  "ash", "az",  "an",
      "at", "ud", "ul", "bin", "ibn", "abu", "abd", "ben"};
  return kParticles.count(folded.substr(0, hyphen)) ? folded.substr(hyphen + 1)
                                                    : folded;
}

// Drops what cannot begin a name: a lower-case particle left when the
// word before it was read as a place ("[Rio] de Janeiro").
Candidate Trimmed(const Candidate& c) {
  Candidate t;
  // Middle initials ("George P. Shultz") neither identify nor display.
  for (size_t i = 0; i < c.words.size(); ++i) {
    const std::string& w = c.folded[i];
    if (c.folded.size() > 1 && w.size() >= 2 && w.back() == '.' &&
        IsOneLetter(std::string_view(w).substr(0, w.size() - 1))) {
      continue;
    }
    t.words.push_back(c.words[i]);
    t.folded.push_back(c.folded[i]);
  }
  t.evidence = c.evidence;
  t.mention = c.mention;
  t.written = c.written;
  size_t lead = 0;
  while (lead < t.words.size() && !t.words[lead].empty() &&
         t.words[lead][0] >= 'a' && t.words[lead][0] <= 'z' &&
         !HyphenedName(t.words[lead])) {
    ++lead;
  }
  t.words.erase(t.words.begin(), t.words.begin() + lead);
  t.folded.erase(t.folded.begin(), t.folded.begin() + lead);
  return t;
}

std::string Join(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& w : words) {
    if (!out.empty()) out.push_back(' ');
    out += w;
  }
  return out;
}

struct Person {
  std::string id;
  std::vector<std::string> folded;  // Full name, folded.
  std::string known_label;          // From people.tsv, when known.
  std::vector<std::pair<std::string, int>> forms;  // Written forms, counts.
  int mentions = 0;
  bool family_first = false;
  std::vector<Mention> spans;
  std::vector<std::string> native_forms;

  void AddMention(const Candidate& c, const std::string& form) {
    if (c.mention) spans.push_back(*c.mention);
    // After Transliterate, `written` holds the name in its own script.
    if (!c.written.empty() &&
        std::find(native_forms.begin(), native_forms.end(), c.written) ==
            native_forms.end()) {
      native_forms.push_back(c.written);
    }
    AddForm(form);
  }

  void AddForm(const std::string& form) {
    ++mentions;
    for (auto& f : forms) {
      if (f.first == form) {
        ++f.second;
        return;
      }
    }
    forms.emplace_back(form, 1);
  }

  // Accented forms first ("Séjourné" over "Sejourne"), then fuller, then
  // mixed case, then the most frequent.
  std::string Label() const {
    if (!known_label.empty()) return known_label;
    const std::pair<std::string, int>* best = nullptr;
    auto rank = [](const std::pair<std::string, int>& f) {
      bool has_lower = std::any_of(f.first.begin(), f.first.end(),
                                   [](char c) { return c >= 'a' && c <= 'z'; });
      return std::make_tuple(std::count(f.first.begin(), f.first.end(), ' '),
                             NonAsciiBytes(f.first), has_lower, f.second);
    };
    for (const auto& f : forms) {
      if (best == nullptr || rank(f) > rank(*best)) best = &f;
    }
    return best ? TitleCaseIfShouted(best->first) : id;
  }
};

}  // namespace

// Replaces a name in another script by its Latin form, keeping the
// original in `written` (the native form); clears `written` otherwise.
void Transliterate(const NameTransliterator* transliterator, Candidate* c) {
  std::string native = c->written.empty() ? Join(c->words) : c->written;
  if (transliterator == nullptr ||
      !NameTransliterator::NeedsTransliteration(native)) {
    c->written.clear();
    return;
  }
  std::string latin = transliterator->ToLatin(Join(c->words));
  if (NameTransliterator::NeedsTransliteration(latin)) {
    c->written.clear();
    return;
  }
  c->words.clear();
  c->folded.clear();
  for (Token& t : Tokenize(latin)) {
    if (!t.word) continue;
    c->words.emplace_back(t.text);
    c->folded.push_back(std::move(t.folded));
  }
  c->written = std::move(native);
}

std::vector<Entity> PersonFinder::Resolve(
    const PersonCandidates& candidates,
    const NameTransliterator* transliterator) const {
  std::vector<Person> people;
  auto person_by_id = [&](const std::string& id) -> Person& {
    for (Person& p : people) {
      if (p.id == id) return p;
    }
    people.emplace_back();
    people.back().id = id;
    return people.back();
  };
  auto known_for = [&](const Candidate& c) -> const KnownPerson* {
    if (const std::vector<uint32_t>* hit = known_.Find(Join(c.folded))) {
      return &known_people_[hit->front()];
    }
    // "Mikhaïl Gorbatchev", "Michail Gorbatschow": a known surname
    // spelling after a given name with the known given name's initial.
    if (c.folded.size() < 2) return nullptr;
    const std::vector<uint32_t>* hit = known_.Find(c.folded.back());
    if (hit == nullptr) return nullptr;
    const KnownPerson& k = known_people_[hit->front()];
    std::string known_first = FoldedTokens(k.label).front();
    return known_first.compare(0, 1, c.folded[0], 0, 1) == 0 ? &k : nullptr;
  };
  auto add_known = [&](const KnownPerson& k, const std::string& form,
                       const Candidate& c) {
    Person& p = person_by_id(k.id);
    if (p.known_label.empty()) {
      p.known_label = k.label;
      for (Token& t : Tokenize(k.label)) {
        if (t.word) p.folded.push_back(std::move(t.folded));
      }
      p.family_first = !p.folded.empty() && family_first_.count(p.folded[0]);
    }
    if (c.mention) p.spans.push_back(*c.mention);
    p.AddForm(form);
  };

  // Pass 1: full names with evidence found people (or name known ones).
  std::vector<Candidate> trimmed;
  trimmed.reserve(candidates.list.size());
  for (const Candidate& c : candidates.list) {
    Candidate t = Trimmed(c);
    // A lone initial ("J.") names no one.
    if (t.words.empty() || (t.words.size() == 1 && t.folded[0].size() <= 2)) {
      continue;
    }
    trimmed.push_back(std::move(t));
  }
  std::vector<const Candidate*> rest;
  for (Candidate& c : trimmed) {
    if (const KnownPerson* k = known_for(c)) {
      add_known(*k, Join(c.words), c);
      continue;
    }
    Transliterate(transliterator, &c);
    const std::string form = Join(c.words);
    if (c.words.empty()) continue;
    // "Palm Beach", "El Paso": a town, unless a title named it.
    if ((c.evidence == Evidence::kLoose ||
         c.evidence == Evidence::kFirstName) &&
        c.folded.size() >= 2 && place_names_.count(Join(c.folded))) {
      continue;
    }
    bool founds = c.evidence == Evidence::kGiven ||
                  (c.evidence != Evidence::kLoose && c.folded.size() >= 2);
    if (!founds) {
      rest.push_back(&c);
      continue;
    }
    Person* match = nullptr;
    for (Person& p : people) {
      if (SameName(p.folded, c.folded)) {
        match = &p;
        break;
      }
    }
    if (match == nullptr) {
      Person& p = person_by_id(PersonKeyOfWords(c.folded));
      p.folded = c.folded;
      p.family_first = family_first_.count(c.folded[0]) > 0;
      match = &p;
    }
    match->AddMention(c, form);
  }

  // Pass 2: single names refer to someone already named ("Macron", "Wang",
  // the truncated "Sejourn"); a titled one ("President Reagan") may stand
  // alone; loose capitalised words that refer to no one are dropped.
  for (const Candidate* whole : rest) {
    // A loose run may start with an ordinary capitalised word ("Later
    // Reagan said"): what follows it can still name someone.
    Candidate tail;
    const Candidate* c = whole;
    if (c->evidence == Evidence::kLoose && c->folded.size() > 1) {
      tail.words.assign(c->words.begin() + 1, c->words.end());
      tail.folded.assign(c->folded.begin() + 1, c->folded.end());
      if (const KnownPerson* k = known_for(tail)) {
        add_known(*k, Join(tail.words), *c);
        continue;
      }
      c = &tail;
    }
    const std::string form = Join(c->words);
    const std::string& last = c->folded.back();
    Person* match = nullptr;
    for (Person& p : people) {
      if (p.folded.empty()) continue;
      if ((c->folded.size() == 1 &&
           (SameWord(last, p.folded.back()) ||
            SameWord(std::string(BareSurname(last)),
                     std::string(BareSurname(p.folded.back()))))) ||
          (c->folded.size() == 1 && p.family_first &&
           SameWord(c->folded[0], p.folded[0]) && p.folded.size() > 1)) {
        if (match == nullptr || p.mentions > match->mentions) match = &p;
      }
    }
    if (match != nullptr) {
      match->AddMention(*whole, form);
    } else if (c->evidence == Evidence::kTitled ||
               c->evidence == Evidence::kTagged) {
      Person& p = person_by_id(PersonKeyOfWords(c->folded));
      if (p.folded.empty()) p.folded = c->folded;
      p.AddMention(*whole, form);
    }
  }

  std::stable_sort(
      people.begin(), people.end(),
      [](const Person& a, const Person& b) { return a.mentions > b.mentions; });
  std::vector<Entity> out;
  for (const Person& p : people) {
    if (p.mentions == 0) continue;
    Entity e{p.id, p.Label(), p.mentions, p.spans, p.native_forms};
    std::sort(e.spans.begin(), e.spans.end(),
              [](const Mention& a, const Mention& b) {
                return std::tie(a.field, a.begin) < std::tie(b.field, b.begin);
              });
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace chancery
