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
  if (tagger == nullptr || all_caps) return;
  spans = tagger->TagText(text);
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

void LocateAndCheckCandidates(const TaggedField& f, size_t first,
                              PersonCandidates* people) {
  std::vector<Candidate>& list = people->list;
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
      bool person = false;
      bool other = false;
      for (const TextEntity& e : f.spans) {
        if (!Overlaps(e, begin, end)) continue;
        (e.type == EntityType::kPer ? person : other) = true;
      }
      if (person) {
        m.type = MentionType::kPer;
        if (c.evidence == Evidence::kLoose) c.evidence = Evidence::kTagged;
      } else if (other && (c.evidence == Evidence::kLoose ||
                           c.evidence == Evidence::kFirstName)) {
        continue;  // "Paris Games", "La Celle-Saint-Cloud".
      }
      c.mention = m;
      c.written = std::string(f.text.substr(begin, end - begin));
    }
    list[out++] = std::move(c);
  }
  list.resize(out);
}

void AddTaggedPeople(const TaggedField& f, size_t first,
                     PersonCandidates* people) {
  const size_t rule_end = people->list.size();
  size_t t = 0;
  for (const TextEntity& e : f.spans) {
    if (e.type != EntityType::kPer) continue;
    bool covered = false;
    for (size_t k = first; k < rule_end && !covered; ++k) {
      const auto& m = people->list[k].mention;
      covered = m && Overlaps(e, m->begin, m->end);
    }
    if (covered) continue;
    Candidate c;
    c.evidence = Evidence::kTagged;
    while (t < f.tokens.size() && f.Offset(f.tokens[t]) < e.begin) ++t;
    for (size_t k = t; k < f.tokens.size() && f.Offset(f.tokens[k]) < e.end;
         ++k) {
      const Token& tok = f.tokens[k];
      if (!tok.word || f.claimed[k]) continue;
      c.words.emplace_back(tok.text);
      c.folded.push_back(tok.folded);
    }
    if (c.words.empty()) continue;
    if (c.words.size() == 1 && !f.tokens[t].caseless &&
        c.folded[0].size() < 3) {
      continue;  // "Li" alone, an initial: too little to name anyone.
    }
    c.mention = Mention{f.field, static_cast<uint32_t>(e.begin),
                        static_cast<uint32_t>(e.end), MentionType::kPer};
    c.written = std::string(f.text.substr(e.begin, e.end - e.begin));
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
    size_t begin = t;
    while (begin < end && (!f.tokens[begin].word ||
                           IsLeadingArticle(f.tokens[begin].folded))) {
      ++begin;
    }
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
      if (!id.empty() && !f.tokens[k].caseless) id.push_back('-');
      for (char c : f.tokens[k].folded) {
        if (AsciiAlnum(c) || static_cast<unsigned char>(c) >= 0x80)
          id.push_back(c);
      }
    }
    // A curated organisation, or a country read as a team or government.
    if (by_org || all_claimed || id.size() < 2) continue;
    const uint32_t b = f.Offset(f.tokens[begin]);
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
