#include "common/entities/tagged_names.h"

#include <algorithm>
#include <string>

namespace chancery {
namespace {

using Candidate = PersonCandidates::Candidate;
using Evidence = PersonCandidates::Evidence;

bool AsciiAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9');
}

// Where `word` stands in `text` at or after `from` as a whole word (no
// ASCII letter or digit glued to either side); npos when it does not.
size_t FindWord(std::string_view text, std::string_view word, size_t from) {
  if (word.empty()) return std::string_view::npos;
  for (size_t at = text.find(word, from); at != std::string_view::npos;
       at = text.find(word, at + 1)) {
    const bool left = at == 0 || !AsciiAlnum(text[at - 1]);
    const size_t end = at + word.size();
    const bool right = end >= text.size() || !AsciiAlnum(text[end]);
    if (left && right) return at;
  }
  return std::string_view::npos;
}

// Tokens written with nothing between them ("I.M.F.").
bool Adjacent(const Token& a, const Token& b) {
  return a.text.data() + a.text.size() == b.text.data();
}

bool Overlaps(const TextEntity& e, uint32_t begin, uint32_t end) {
  return e.begin < end && e.end > begin;
}

// Words that begin an organisation's name in running text but are not
// part of it: "the Foreign Ministry", "l'Agence", "die Bundesbank".
bool IsLeadingArticle(std::string_view folded) {
  static constexpr std::string_view kArticles[] = {
      "the", "a",   "an",  "la",  "le",  "les", "l",
      "die", "der", "das", "den", "dem", "des", "el",
      "los", "las", "il",  "lo",  "gli", "'",   "\xE2\x80\x99"};
  return std::find(std::begin(kArticles), std::end(kArticles), folded) !=
         std::end(kArticles);
}

}  // namespace

MentionType MentionTypeOf(EntityType type) {
  switch (type) {
    case EntityType::kPer:
      return MentionType::kPer;
    case EntityType::kLoc:
      return MentionType::kLoc;
    case EntityType::kOrg:
      return MentionType::kOrg;
    case EntityType::kMisc:
      return MentionType::kMisc;
  }
  return MentionType::kRule;
}

void TaggedField::Init(std::string_view field_text, MentionField which,
                       const NerTagger* tagger) {
  text = field_text;
  field = which;
  tokens = Tokenize(text);
  all_caps = IsAllCaps(text);
  claimed.assign(tokens.size(), false);
  claimed_by_org.assign(tokens.size(), false);
  span_of.assign(tokens.size(), -1);
  tagged = tagger != nullptr && !all_caps;
  if (tagger == nullptr) return;
  spans = tagger->TagText(text);
  if (all_caps) {
    // In capitals the tagger still finds most names in a run of them
    // ("AXEL HONNETH", "JOHNSON, CHRISTIE, BAILEY TO RUN"), but its other
    // types are too unsure to overrule the gazetteers: only PER spans are
    // kept, for people, and no token is typed (TypeAt stays empty). Its
    // ORG spans in Reuters headlines were mostly junk ("fed-says",
    // "texas"): 97 organisations from 3,000 headlines became 1,592.
    std::erase_if(
        spans, [](const TextEntity& e) { return e.type != EntityType::kPer; });
    return;
  }
  size_t s = 0;
  for (size_t i = 0; i < tokens.size(); ++i) {
    const uint32_t at = Offset(tokens[i]);
    while (s < spans.size() && spans[s].end <= at) ++s;
    if (s < spans.size() && spans[s].begin <= at) {
      span_of[i] = static_cast<int>(s);
    }
  }
}

void TaggedField::Claim(size_t pos, size_t len, bool by_org) {
  std::fill_n(claimed.begin() + pos, len, true);
  if (by_org) std::fill_n(claimed_by_org.begin() + pos, len, true);
}

std::optional<EntityType> TaggedField::TypeAt(size_t pos, size_t len) const {
  if (pos >= span_of.size() || span_of[pos] < 0) return std::nullopt;
  const TextEntity& e = spans[span_of[pos]];
  const Token& last = tokens[std::min(pos + len, tokens.size()) - 1];
  if (Offset(last) + last.text.size() > e.end) return std::nullopt;
  return e.type;
}

bool TaggedField::SpanIsLonger(size_t pos, size_t len) const {
  if (pos >= span_of.size() || span_of[pos] < 0) return false;
  const TextEntity& e = spans[span_of[pos]];
  const Mention m = MentionAt(pos, len);
  return e.begin < m.begin || e.end > m.end;
}

Mention TaggedField::MentionAt(size_t pos, size_t len) const {
  const Token& last = tokens[pos + len - 1];
  std::optional<EntityType> type = TypeAt(pos, len);
  return Mention{field, Offset(tokens[pos]),
                 Offset(last) + static_cast<uint32_t>(last.text.size()),
                 type ? MentionTypeOf(*type) : MentionType::kRule};
}

namespace {

// Fills `c` with the unclaimed words of the tagger's span `e` from byte
// `from` on, its mention (all of `e`) and its written form. Returns the
// index of the first word taken, or tokens.size() when none is left.
size_t TakeSpanWords(const TaggedField& f, const TextEntity& e, uint32_t from,
                     Candidate* c) {
  c->words.clear();
  c->folded.clear();
  size_t first = f.tokens.size();
  uint32_t last_end = 0;
  for (size_t k = 0; k < f.tokens.size(); ++k) {
    const Token& tok = f.tokens[k];
    const uint32_t at = f.Offset(tok);
    if (at >= e.end) break;
    if (at < e.begin || at < from || !tok.word || f.claimed[k]) continue;
    if (first == f.tokens.size()) first = k;
    c->words.emplace_back(tok.text);
    c->folded.push_back(tok.folded);
    last_end = at + static_cast<uint32_t>(tok.text.size());
  }
  if (c->words.empty()) return first;
  const uint32_t b = f.Offset(f.tokens[first]);
  c->mention = Mention{f.field, static_cast<uint32_t>(e.begin),
                       static_cast<uint32_t>(e.end), MentionType::kPer};
  c->written = std::string(f.text.substr(b, last_end - b));
  return first;
}

// A single word the tagger read as a name in a field in capitals
// ("SOCCER - THREE PULL OUT"): too unsure to name someone new, but it may
// be a later mention of someone the article names.
bool OneShoutedWord(const TaggedField& f, const Candidate& c) {
  return f.all_caps && c.words.size() == 1;
}

// Whether bytes [begin, end) of the field are initials: one letter and a
// dot each, and spaces.
bool OnlyInitials(const TaggedField& f, uint32_t begin, uint32_t end) {
  bool any = false;
  for (size_t k = 0; k < f.tokens.size(); ++k) {
    const uint32_t at = f.Offset(f.tokens[k]);
    if (at < begin) continue;
    if (at >= end) break;
    if (!f.tokens[k].word) {
      if (f.tokens[k].text != ".") return false;
      continue;
    }
    if (!IsOneLetter(f.tokens[k].text) || !f.tokens[k].capitalised ||
        k + 1 >= f.tokens.size() || f.tokens[k + 1].text != ".") {
      return false;
    }
    any = true;
  }
  return any;
}

}  // namespace

void LocateAndCheckCandidates(const TaggedField& f, size_t first,
                              PersonCandidates* people) {
  std::vector<Candidate>& list = people->list;
  // PER spans a candidate has taken: a second candidate in one span (the
  // rules split what the tagger read as one name) adds nothing.
  std::vector<bool> taken(f.spans.size(), false);
  size_t cursor = 0;
  size_t out = first;
  for (size_t k = first; k < list.size(); ++k) {
    Candidate c = std::move(list[k]);
    // Collect gives candidates in text order, and each word as a stretch
    // of the text ("J.", "al-Assad", "Jae-in"), so the next occurrence of
    // the first word after the previous candidate is this one.
    const size_t b = FindWord(f.text, c.words.front(), cursor);
    const size_t last =
        b == std::string_view::npos ? b : FindWord(f.text, c.words.back(), b);
    if (last != std::string_view::npos) {
      const auto begin = static_cast<uint32_t>(b);
      const auto end = static_cast<uint32_t>(last + c.words.back().size());
      cursor = b + 1;
      Mention m{f.field, begin, end, MentionType::kRule};
      int person = -1;
      bool other = false;
      for (size_t s = 0; s < f.spans.size(); ++s) {
        const TextEntity& e = f.spans[s];
        if (!Overlaps(e, begin, end)) continue;
        if (e.type != EntityType::kPer) {
          other = true;
        } else if (person < 0) {
          person = static_cast<int>(s);
        }
      }
      c.mention = m;
      c.written = std::string(f.text.substr(begin, end - begin));
      if (person >= 0) {
        // The tagger's span is the mention: the rules' runs take in a
        // capitalised word before a name ("Director Budge Weidman", "Der
        // Frankfurter Soziologe Lorenz Jäger") or after it ("Bruce
        // Springsteens Sprung") and leave out a title the corpus counts
        // ("Prince Charles"). The name is the span's words from where the
        // rules began, which leaves a title the rules saw out of it.
        const TextEntity& e = f.spans[person];
        if (taken[person] && c.evidence != Evidence::kGiven) continue;
        taken[person] = true;
        if (c.evidence == Evidence::kGiven) {
          // A known person's alias names them; only the span moves.
          c.mention =
              Mention{f.field, std::min<uint32_t>(begin, e.begin),
                      std::max<uint32_t>(end, e.end), MentionType::kPer};
        } else {
          if (TakeSpanWords(f, e, begin, &c) == f.tokens.size()) continue;
          // Initials the rules read before the span ("В. Путин", "А.
          // Могучий") belong to the mention.
          if (begin < e.begin && OnlyInitials(f, begin, e.begin)) {
            c.mention->begin = begin;
          }
          if ((c.evidence == Evidence::kLoose ||
               c.evidence == Evidence::kFirstName) &&
              !OneShoutedWord(f, c)) {
            c.evidence = Evidence::kTagged;
          }
        }
      } else if (other && (c.evidence == Evidence::kLoose ||
                           c.evidence == Evidence::kFirstName)) {
        continue;  // "Paris Games", "La Celle-Saint-Cloud".
      } else if (f.tagged && c.evidence == Evidence::kFirstName) {
        // A tagger that reads the field and sees no name outweighs a first
        // name ("Der Abend", "Mark Ausgleichsabgabe"): such a run counts
        // only as a later mention of someone named.
        c.evidence = Evidence::kLoose;
      }
    }
    list[out++] = std::move(c);
  }
  list.resize(out);
}

void AddTaggedPeople(const TaggedField& f, size_t first,
                     PersonCandidates* people) {
  const size_t rule_end = people->list.size();
  for (const TextEntity& e : f.spans) {
    if (e.type != EntityType::kPer) continue;
    bool covered = false;
    for (size_t k = first; k < rule_end && !covered; ++k) {
      const auto& m = people->list[k].mention;
      covered = m && Overlaps(e, m->begin, m->end);
    }
    if (covered) continue;
    Candidate c;
    const size_t t = TakeSpanWords(f, e, 0, &c);
    if (t == f.tokens.size()) continue;
    c.evidence = OneShoutedWord(f, c) ? Evidence::kLoose : Evidence::kTagged;
    if (c.words.size() == 1 && !f.tokens[t].caseless &&
        c.folded[0].size() < 3) {
      continue;  // "Li" alone, an initial: too little to name anyone.
    }
    people->list.push_back(std::move(c));
  }
}

void AddTaggedOrgs(const TaggedField& f, std::vector<Entity>* orgs) {
  size_t t = 0;
  for (const TextEntity& e : f.spans) {
    if (e.type != EntityType::kOrg) continue;
    while (t < f.tokens.size() && f.Offset(f.tokens[t]) < e.begin) ++t;
    size_t end = t;
    while (end < f.tokens.size() && f.Offset(f.tokens[end]) < e.end) ++end;
    // The mention keeps a capitalised article the tagger took in ("Le
    // Monde", "The Times"); the id does not ("monde", "foreign-ministry").
    size_t shown = t;
    while (shown < end && !f.tokens[shown].word) ++shown;
    size_t begin = shown;
    while (begin < end && (!f.tokens[begin].word ||
                           IsLeadingArticle(f.tokens[begin].folded))) {
      ++begin;
    }
    if (shown < begin && !f.tokens[shown].capitalised) shown = begin;
    // "the ministry's": the possessive is not part of the name.
    if (end - begin >= 2 && f.tokens[end - 1].folded == "s" &&
        !f.tokens[end - 2].word) {
      end -= 2;
    }
    while (end > begin && !f.tokens[end - 1].word) --end;
    if (begin == end) continue;
    bool by_org = false;
    bool all_claimed = true;
    std::string id;
    for (size_t k = begin; k < end; ++k) {
      by_org = by_org || f.claimed_by_org[k];
      if (!f.tokens[k].word) continue;
      all_claimed = all_claimed && f.claimed[k];
      // "I.M.F." is "imf", not "i-m-f".
      const bool dotted = k >= begin + 2 && f.tokens[k - 1].text == "." &&
                          f.tokens[k - 2].text.size() == 1 &&
                          Adjacent(f.tokens[k - 2], f.tokens[k - 1]) &&
                          Adjacent(f.tokens[k - 1], f.tokens[k]);
      if (!id.empty() && !f.tokens[k].caseless && !dotted) id.push_back('-');
      for (char c : f.tokens[k].folded) {
        if (AsciiAlnum(c) || static_cast<unsigned char>(c) >= 0x80)
          id.push_back(c);
      }
    }
    // A curated organisation, or a country read as a team or government.
    // A longer name around a curated one ("European Union Chamber of
    // Commerce", "联合国开发计划署") is left to the curated one too: the
    // seed article of issue 4 wants only "eu" there.
    if (by_org || all_claimed || id.size() < 2) continue;
    const uint32_t b = f.Offset(f.tokens[shown]);
    const uint32_t last_end =
        f.Offset(f.tokens[end - 1]) +
        static_cast<uint32_t>(f.tokens[end - 1].text.size());
    const Mention m{f.field, b, last_end, MentionType::kOrg};
    auto same = std::find_if(orgs->begin(), orgs->end(),
                             [&](const Entity& o) { return o.id == id; });
    if (same == orgs->end()) {
      orgs->push_back(
          Entity{id, std::string(f.text.substr(b, last_end - b)), 1, {m}, {}});
    } else {
      ++same->mentions;
      same->spans.push_back(m);
    }
  }
}

}  // namespace chancery
