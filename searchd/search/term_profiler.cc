#include "searchd/search/term_profiler.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "common/base/strings.h"
#include "common/schema.h"
#include "common/stored_article.h"
#include "common/text_analyzer.h"
#include "common/xapian_text.h"
#include "searchd/search/log_likelihood.h"
#include "searchd/search/match_pass.h"

namespace chancery {
namespace {

// The best-scoring words whose forms phrases are built from.
constexpr size_t kPhraseWords = 40;
// Words given exact counts, per word listed.
constexpr size_t kShortlistPerResult = 3;
// Phrase candidates given an index count, per phrase listed.
constexpr size_t kPhraseLookupsPerResult = 2;
// Index documents with both words of a phrase whose positions are checked;
// past this many, the phrase's index count is estimated from as many.
constexpr size_t kPhraseCheckDocs = 100;
// Term frequencies looked up at most, whatever the bounds say.
constexpr size_t kMaxWordLookups = 20000;
// A pair seen once is a coincidence, not a phrase.
constexpr int64_t kMinPhraseCount = 2;

std::vector<Xapian::docid> MatchingDocids(const IndexHandle& handle,
                                          const Xapian::Query& query) {
  std::vector<Xapian::docid> out;
  ForEachMatch(handle, query,
               [&out](Xapian::docid did) { out.push_back(did); });
  std::sort(out.begin(), out.end());  // Shards interleave.
  return out;
}

// Numbers ("2024", "3.5", "1,000") and one-letter words say nothing.
bool Uninformative(std::string_view word) {
  if (CodePoints(word) < 2) return true;
  return word.find_first_not_of("0123456789.,") == std::string_view::npos;
}

bool IsUpperAscii(char c) { return c >= 'A' && c <= 'Z'; }

// What the sampled matches contain.
struct Counts {
  // Per term, documents with it: a stem in stemmed documents, the word in
  // the others.
  std::unordered_map<std::string, uint32_t> units;
  // The terms counted as stems (in some stemmed document).
  std::unordered_set<std::string> stems;
};

void CountDocument(const Xapian::Database& db, Xapian::docid did,
                   const Stopwords& stopwords, Counts& counts) {
  const Stopwords::Language* stop = &stopwords.Of("");
  bool lang_seen = false;
  bool stemmed = false;
  // Terms sorting before the language term ("3d" < "Len"), counted once
  // the language is known.
  std::vector<std::string> early;
  auto count_term = [&](const std::string& term) {
    if (Uninformative(term)) return;
    if (stemmed ? stop->IsStem(term) : stop->IsWord(term)) return;
    ++counts.units[term];
    if (stemmed) counts.stems.insert(term);
  };
  for (auto t = db.termlist_begin(did); t != db.termlist_end(did); ++t) {
    const std::string& term = *t;
    if (term.empty()) continue;
    if (!IsUpperAscii(term[0])) {
      if (!lang_seen && static_cast<unsigned char>(term[0]) < 'A') {
        early.push_back(term);
      } else {
        count_term(term);
      }
      continue;
    }
    if (!lang_seen && term.starts_with(schema::kLang)) {
      lang_seen = true;
      const std::string lang = term.substr(schema::kLang.size());
      stemmed = !StemmerName(lang).empty();
      stop = &stopwords.Of(lang);
      for (const std::string& w : early) count_term(w);
      early.clear();
    }
  }
  for (const std::string& w : early) count_term(w);  // No language term.
}

// The matches outside the sample are taken to have a term at the sample's
// rate: `a` of `sample` stands for this many of `matches`.
int64_t InMatches(int64_t a, int64_t sample, int64_t matches) {
  if (sample == matches) return a;
  return std::llround(static_cast<double>(a) * static_cast<double>(matches) /
                      static_cast<double>(sample));
}

// The table of a term in `a` of the `sample` documents counted, out of
// `matches` matches in an index of `articles`, `df` of which have it.
ContingencyTable TableFor(int64_t a, int64_t sample, int64_t matches,
                          int64_t articles, int64_t df) {
  const int64_t in_matches = InMatches(a, sample, matches);
  const int64_t rest = articles - matches;
  const int64_t c = std::clamp<int64_t>(df - in_matches, 0, rest);
  return {a, sample - a, c, rest - c};
}

struct Sizes {
  int64_t sample;
  int64_t matches;
  int64_t articles;
};

bool Better(const TermStat& x, const TermStat& y) {
  if (x.score != y.score) return x.score > y.score;
  return x.term < y.term;
}

// The `want` best over-represented keys of `counts` by G², best first, with
// `term` set to the key. `index_count(key)` is the key's index document
// frequency, asked for at most `max_lookups` keys; an `estimated` one is
// raised to what the count implies for all the matches. A key's G² is at most
// that of a table where no document outside the matches has it (G² falls
// as c grows while a·d > b·c), which rises with its count, so keys are
// visited by count, highest first, and the visit stops when that bound
// cannot beat the want-th score.
template <typename Key, typename IndexCount>
std::vector<TermStat> Rank(const std::unordered_map<Key, uint32_t>& counts,
                           const Sizes& n, int64_t min_count, size_t want,
                           size_t max_lookups, bool estimated,
                           IndexCount index_count) {
  std::vector<std::vector<const Key*>> by_count(n.sample + 1);
  for (const auto& [key, count] : counts) {
    if (count >= min_count) by_count[count].push_back(&key);
  }
  std::vector<TermStat> best;
  std::multiset<double> top;  // The want best scores so far.
  size_t lookups = 0;
  for (int64_t a = n.sample; a >= min_count && lookups < max_lookups; --a) {
    std::vector<const Key*>& keys = by_count[a];
    if (keys.empty()) continue;
    const double bound =
        LogLikelihoodG2(TableFor(a, n.sample, n.matches, n.articles, /*df=*/0));
    if (top.size() >= want && bound < *top.begin()) break;
    std::sort(keys.begin(), keys.end(),
              [](const Key* x, const Key* y) { return *x < *y; });
    for (const Key* key : keys) {
      if (lookups++ >= max_lookups) break;
      std::pair<std::string, int64_t> named = index_count(*key);
      if (estimated) {
        // The index has at least the matches' share the sample implies.
        named.second =
            std::max(named.second, InMatches(a, n.sample, n.matches));
      }
      ContingencyTable t =
          TableFor(a, n.sample, n.matches, n.articles, named.second);
      if (!OverRepresented(t)) continue;
      TermStat stat{named.first, "", a, named.second, LogLikelihoodG2(t)};
      top.insert(stat.score);
      if (top.size() > want) top.erase(top.begin());
      best.push_back(std::move(stat));
    }
  }
  std::sort(best.begin(), best.end(), Better);
  if (best.size() > want) best.resize(want);
  return best;
}

// The index keeps stems only, so a stem's words are read from the text:
// of `docs`, the documents' words with each stem of `stems`, and the
// commonest of them per stem (ties A-Z). Reads and tokenises up to
// kFormDocs documents, evenly spaced.
constexpr int64_t kFormDocs = 50;
std::unordered_map<std::string, std::string> FormsOf(
    const Xapian::Database& db, const std::vector<Xapian::docid>& docs,
    const std::unordered_set<std::string>& stems) {
  std::unordered_map<std::string, std::string> best;
  if (stems.empty()) return best;
  std::unordered_map<std::string, std::unordered_map<std::string, int>> seen;
  std::unordered_map<std::string, Xapian::Stem> stemmers;
  for (Xapian::docid did : EvenSample(docs, kFormDocs)) {
    StatusOr<StoredArticle> stored =
        DecodeStoredListing(db.get_document(did).get_data(), true);
    if (!stored.ok()) continue;
    const Article& article = stored->article;
    const std::string_view name = StemmerName(article.lang);
    if (name.empty()) continue;
    auto [it, fresh] = stemmers.try_emplace(article.lang);
    if (fresh) it->second = Xapian::Stem(std::string(name));
    for (const std::string& word :
         IndexedWords(article.title, SearchableBody(article))) {
      std::string stem = it->second(word);
      if (stems.count(stem)) ++seen[stem][word];
    }
  }
  for (const auto& [stem, words] : seen) {
    const std::pair<const std::string, int>* top = nullptr;
    for (const auto& w : words) {
      if (!top || w.second > top->second ||
          (w.second == top->second && w.first < top->first)) {
        top = &w;
      }
    }
    best[stem] = top->first;
  }
  return best;
}

// Whether `second` follows `first` somewhere in document `did`.
bool Adjacent(const Xapian::Database& db, Xapian::docid did,
              const std::string& first, const std::string& second) {
  Xapian::PositionIterator p = db.positionlist_begin(did, first);
  Xapian::PositionIterator q = db.positionlist_begin(did, second);
  const Xapian::PositionIterator p_end = db.positionlist_end(did, first);
  const Xapian::PositionIterator q_end = db.positionlist_end(did, second);
  for (; p != p_end; ++p) {
    q.skip_to(*p + 1);
    if (q == q_end) return false;
    if (*q == *p + 1) return true;
  }
  return false;
}

// Documents of the index with `first` then `second`: of the documents of
// the rarer word (every one when at most kPhraseCheckDocs, else that many
// evenly spaced), the share with the phrase, times the rarer word's
// frequency. Exact up to kPhraseCheckDocs. A phrase query would check the
// positions of every document with both words: thousands for "oil
// prices", tens of milliseconds a phrase.
int64_t PhraseFrequency(const Xapian::Database& db, const std::string& first,
                        const std::string& second) {
  const Xapian::doccount df_first = db.get_termfreq(first);
  const Xapian::doccount df_second = db.get_termfreq(second);
  const std::string& rarer = df_first <= df_second ? first : second;
  const Xapian::doccount df = std::min(df_first, df_second);
  if (df == 0) return 0;
  // Every k-th posting, without a vector of them all (k >= 1).
  const size_t wanted = std::min<size_t>(df, kPhraseCheckDocs);
  int64_t checked = 0;
  int64_t adjacent = 0;
  size_t i = 0;
  for (auto p = db.postlist_begin(rarer); p != db.postlist_end(rarer);
       ++p, ++i) {
    // Posting i is the checked-th kept when i == floor(checked·df/wanted).
    if (i != static_cast<size_t>(static_cast<uint64_t>(checked) * df / wanted))
      continue;
    adjacent += Adjacent(db, *p, first, second);
    if (++checked == static_cast<int64_t>(wanted)) break;
  }
  if (checked == static_cast<int64_t>(df)) return adjacent;
  return std::llround(static_cast<double>(adjacent) * df /
                      static_cast<double>(checked));
}

// A set of documents, to count how many of them have a term.
class DocSet {
 public:
  explicit DocSet(const std::vector<Xapian::docid>& sorted)
      : docs_(sorted), in_(sorted.empty() ? 1 : sorted.back() + 1, false) {
    for (Xapian::docid d : sorted) in_[d] = true;
  }
  // Walks the term's postings, or skips through this set when that is
  // much shorter.
  int64_t CountWith(const Xapian::Database& db, const std::string& term,
                    int64_t index_count) const {
    int64_t n = 0;
    Xapian::PostingIterator p = db.postlist_begin(term);
    const Xapian::PostingIterator end = db.postlist_end(term);
    if (index_count <= 4 * static_cast<int64_t>(docs_.size())) {
      for (; p != end && *p < in_.size(); ++p) n += in_[*p];
      return n;
    }
    for (Xapian::docid d : docs_) {
      p.skip_to(d);
      if (p == end) break;
      n += *p == d;
    }
    return n;
  }

 private:
  const std::vector<Xapian::docid>& docs_;
  std::vector<bool> in_;
};

// Documents of `docs` with each pair of `words` adjacent, keyed
// first index << 16 | second index.
std::unordered_map<uint32_t, uint32_t> CountPhrases(
    const Xapian::Database& db, const std::vector<Xapian::docid>& docs,
    const std::vector<std::string>& words) {
  // Per document: (position, word index) of each candidate word.
  std::vector<std::vector<std::pair<Xapian::termpos, uint32_t>>> at(
      docs.size());
  for (uint32_t w = 0; w < words.size(); ++w) {
    Xapian::PostingIterator p = db.postlist_begin(words[w]);
    const Xapian::PostingIterator end = db.postlist_end(words[w]);
    for (size_t i = 0; i < docs.size() && p != end; ++i) {
      p.skip_to(docs[i]);
      if (p == end) break;
      if (*p != docs[i]) continue;
      for (auto pos = p.positionlist_begin(); pos != p.positionlist_end();
           ++pos) {
        at[i].emplace_back(*pos, w);
      }
    }
  }
  std::unordered_map<uint32_t, uint32_t> counts;
  std::vector<uint32_t> seen;
  for (auto& occurrences : at) {
    std::sort(occurrences.begin(), occurrences.end());
    seen.clear();
    for (size_t i = 1; i < occurrences.size(); ++i) {
      const auto& [pos, w] = occurrences[i];
      const auto& [prev_pos, prev_w] = occurrences[i - 1];
      if (pos != prev_pos + 1 || w == prev_w) continue;
      seen.push_back(prev_w << 16 | w);
    }
    std::sort(seen.begin(), seen.end());
    seen.erase(std::unique(seen.begin(), seen.end()), seen.end());
    for (uint32_t key : seen) ++counts[key];
  }
  return counts;
}

}  // namespace

std::vector<Xapian::docid> EvenSample(const std::vector<Xapian::docid>& sorted,
                                      int64_t limit) {
  const auto n = static_cast<int64_t>(sorted.size());
  if (limit <= 0 || n <= limit) return sorted;
  std::vector<Xapian::docid> out;
  out.reserve(static_cast<size_t>(limit));
  for (int64_t i = 0; i < limit; ++i) {
    // i·n/limit in 128 bits: n and limit are docid counts (< 2^32).
    out.push_back(sorted[static_cast<size_t>(i * n / limit)]);
  }
  return out;
}

TermsResponse ProfileTerms(const IndexHandle& handle,
                           const Xapian::Query& query,
                           const Stopwords& stopwords,
                           const TermProfileLimits& limits) {
  const Xapian::Database& db = handle.db;
  TermsResponse response;
  const std::vector<Xapian::docid> matches = MatchingDocids(handle, query);
  response.total = static_cast<int64_t>(matches.size());
  response.articles = db.get_doccount();
  const std::vector<Xapian::docid> sample =
      EvenSample(matches, limits.exact_limit);
  response.sampled = sample.size() < matches.size();
  response.sample_size = static_cast<int64_t>(sample.size());
  // Nothing stands out of a set that is the whole index.
  if (sample.empty() || response.total == response.articles) return response;

  // Candidates from the termlists of a sample (reading every match's
  // termlist costs ~50 us a document), then exact counts over all the
  // counted matches for the shortlist, from the postings.
  const std::vector<Xapian::docid> candidate_docs =
      EvenSample(sample, limits.candidate_limit);
  Counts counts;
  for (Xapian::docid did : candidate_docs) {
    CountDocument(db, did, stopwords, counts);
  }
  const auto want = static_cast<size_t>(std::max(limits.size, 0));
  std::vector<TermStat> ranked =
      Rank(counts.units,
           Sizes{static_cast<int64_t>(candidate_docs.size()), response.total,
                 response.articles},
           /*min_count=*/1, std::max(want * kShortlistPerResult, kPhraseWords),
           kMaxWordLookups, /*estimated=*/false, [&](const std::string& key) {
             return std::pair<std::string, int64_t>(key, db.get_termfreq(key));
           });
  const DocSet counted(sample);
  const Sizes sizes{response.sample_size, response.total, response.articles};
  for (TermStat& t : ranked) {
    t.count = counted.CountWith(db, t.term, t.index_count);
    const ContingencyTable table = TableFor(
        t.count, sizes.sample, sizes.matches, sizes.articles, t.index_count);
    t.score = OverRepresented(table) ? LogLikelihoodG2(table) : -1;
  }
  std::erase_if(ranked, [](const TermStat& t) { return t.score < 0; });
  std::sort(ranked.begin(), ranked.end(), Better);

  // Stems are shown as their commonest word in the matches' text.
  std::unordered_set<std::string> shown_stems;
  std::vector<std::string> phrase_words;
  for (TermStat& t : ranked) {
    if (counts.stems.count(t.term)) shown_stems.insert(t.term);
    phrase_words.push_back(t.term);
  }
  const auto forms = FormsOf(db, candidate_docs, shown_stems);
  auto shown = [&forms](const std::string& term) -> const std::string& {
    auto it = forms.find(term);
    return it == forms.end() ? term : it->second;
  };
  for (TermStat& t : ranked) {
    if (!shown_stems.count(t.term)) continue;
    t.stem = t.term;
    t.term = shown(t.stem);
  }
  if (ranked.size() > want) ranked.resize(want);
  response.words = std::move(ranked);

  const std::vector<Xapian::docid> phrase_sample =
      EvenSample(sample, limits.phrase_limit);
  response.phrase_sample_size = static_cast<int64_t>(phrase_sample.size());
  std::sort(phrase_words.begin(), phrase_words.end());
  phrase_words.erase(std::unique(phrase_words.begin(), phrase_words.end()),
                     phrase_words.end());
  // Keys hold 16-bit word indexes.
  if (phrase_words.size() > 0xffff) phrase_words.resize(0xffff);
  const std::unordered_map<uint32_t, uint32_t> phrases =
      CountPhrases(db, phrase_sample, phrase_words);
  const Sizes phrase_sizes{response.phrase_sample_size, response.total,
                           response.articles};
  response.phrases = Rank(
      phrases, phrase_sizes, kMinPhraseCount, want,
      want * kPhraseLookupsPerResult, /*estimated=*/true, [&](uint32_t key) {
        const std::string& first = phrase_words[key >> 16];
        const std::string& second = phrase_words[key & 0xffff];
        return std::pair<std::string, int64_t>(
            shown(first) + " " + shown(second),
            PhraseFrequency(db, first, second));
      });
  return response;
}

}  // namespace chancery
