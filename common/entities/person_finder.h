// PersonFinder: people named in an article. Names are found after titles
// and roles ("Foreign Minister Wang Yi", "Mr Macron", "Bundeskanzler Olaf
// Scholz"), from a first-name lexicon ("Catherine Colonnade") and from a
// list of known people with aliases (config/entities/people.tsv); then a
// later surname-only mention, an accent, case or possessive variant, or a
// truncated spelling of a name already seen ("Sejourn" for Séjourné) is
// merged into the same person.
//
// Usage: Collect() over each field of an article into one
// PersonCandidates, then Resolve() once. Loaded once, then immutable:
// concurrent const use is safe; PersonCandidates belongs to one caller.
#ifndef CHANCERY_COMMON_ENTITIES_PERSON_FINDER_H_
#define CHANCERY_COMMON_ENTITIES_PERSON_FINDER_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "common/entities/entities.h"
#include "common/entities/phrase_table.h"
#include "common/entities/text_tokens.h"
#include "common/status.h"

namespace chancery {

class NameTransliterator;

// Whether `s` is one letter in UTF-8 ("F", "В", "Κ"): an initial when a
// dot follows.
inline bool IsOneLetter(std::string_view s) {
  size_t code_points = 0;
  for (char c : s)
    code_points += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return code_points == 1;
}

// Name-like runs of words seen in one article, before merging.
struct PersonCandidates {
  enum class Evidence {
    kGiven,      // Named by the publisher.
    kTitled,     // After a title or role.
    kTagged,     // A PER span of the named-entity tagger.
    kFirstName,  // Starts with a known first name.
    kLoose,      // Just capitalised: a person only if it refers to one.
  };
  struct Candidate {
    std::vector<std::string> words;   // As written ("Séjourné").
    std::vector<std::string> folded;  // FoldForMatching of each word.
    Evidence evidence = Evidence::kLoose;
    // Where the article writes it; absent for publisher-given names.
    std::optional<Mention> mention;
    // The name as the text writes it ("王毅", "Sergey Lavrov"), for the
    // native forms of names in other scripts; Join(words) when empty.
    std::string written;
  };
  std::vector<Candidate> list;
};

class PersonFinder {
 public:
  // Reads person_titles.txt, first_names.txt, people.tsv,
  // not_person_words.txt, not_people.txt, company_words.txt,
  // east_asian_surnames.txt, headline_verbs.txt from
  // entities_dir and generated/first_names.txt when present.
  static StatusOr<std::unique_ptr<PersonFinder>> Load(
      const std::string& entities_dir);

  // Adds the name-like runs of one field. `claimed[i]` marks tokens already
  // read as a country or organisation. In headlines in capitals
  // (`all_caps`) only known people, people named elsewhere in the article
  // and names in headline patterns ("JAPAN'S SUMITA SAYS") count.
  void Collect(const std::vector<Token>& tokens,
               const std::vector<bool>& claimed, bool all_caps,
               PersonCandidates* out) const;

  // Adds a publisher-given full name.
  void AddGiven(std::string_view name, PersonCandidates* out) const;

  // Merges candidates into people, most mentioned first. A name in another
  // script than Latin is keyed and labelled by its `transliterator` form
  // (kept as a native form), so it merges with the Latin spelling; with a
  // null transliterator such names keep their own script.
  std::vector<Entity> Resolve(const PersonCandidates& candidates,
                              const NameTransliterator* transliterator) const;

  bool IsFirstName(std::string_view folded) const {
    return first_names_.count(std::string(folded)) > 0;
  }

  // Whether a name (its folded words) is no one's, whatever evidence found
  // it: it ends in an institution, place or agreement word ("Merida
  // Initiative"), is a multi-word town ("La Celle-Saint-Cloud") or a firm,
  // medium or thing named like a person (not_people.txt).
  bool IsNotAPersonName(const std::vector<std::string>& folded) const;

  // Whether the name-like place or country alias at tokens[pos, pos+len)
  // is part of a person's name here ("Paris Hilton", "Michael Jordan",
  // "Chad Smith"), judged from its neighbours.
  bool IsPartOfName(const std::vector<Token>& tokens, size_t pos,
                    size_t len) const;

 private:
  struct KnownPerson {
    std::string id;
    std::string label;
  };
  PersonFinder() = default;
  Status LoadWordSet(const std::string& path,
                     std::unordered_set<std::string>* set);
  bool IsNameWord(const Token& t) const;
  // Headlines and shouted words ("TREASURY'S BAKER SAYS"): case gives no
  // evidence, so a word is a person only if it names someone known or
  // already found, or stands where headlines put names.
  void CollectCapitals(const std::vector<Token>& tokens,
                       const std::vector<bool>& claimed, size_t pos,
                       PersonCandidates* out) const;
  // Reads a name run starting at tokens[pos]; returns its end.
  size_t ReadName(const std::vector<Token>& tokens,
                  const std::vector<bool>& claimed, size_t pos,
                  PersonCandidates::Candidate* name) const;

  PhraseTable titles_;
  PhraseTable known_;       // Payload: index into known_people_.
  PhraseTable not_people_;  // Firms and things named like people.
  std::vector<KnownPerson> known_people_;
  std::unordered_set<std::string> first_names_;
  std::unordered_set<std::string> stop_words_;
  std::unordered_set<std::string> company_words_;
  std::unordered_set<std::string> family_first_;    // Wang, Xi, Kim...
  std::unordered_set<std::string> headline_verbs_;  // says, sees, urges...
  std::unordered_set<std::string> removed_words_;   // "-word" lines.
  // Multi-word towns of at least kMinPlacePopulation people from
  // generated/cities.tsv, folded words joined by spaces ("palm beach",
  // "el paso"): a capitalised run that is one of them is no one's name
  // unless a title or a known name says so.
  std::unordered_set<std::string> place_names_;
};

}  // namespace chancery

#endif  // CHANCERY_COMMON_ENTITIES_PERSON_FINDER_H_
