#include "searchd/search/spelling_suggester.h"

#include <algorithm>
#include <cctype>
#include <vector>

#include "common/base/strings.h"
#include "common/text_analyzer.h"

namespace chancery {
namespace {

// A known word is still corrected when a neighbour is this much commoner.
constexpr Xapian::doccount kCommonerFactor = 20;
constexpr Xapian::doccount kMinCandidateFreq = 2;
// A word in this many articles is taken as spelled as meant.
constexpr Xapian::doccount kKnownWordFreq = 50;

size_t Utf8Length(unsigned char lead) {
  return lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
}

}  // namespace

int BoundedEditDistance(std::string_view a, std::string_view b, int limit) {
  const int n = static_cast<int>(a.size());
  const int m = static_cast<int>(b.size());
  if (std::abs(n - m) > limit) return limit + 1;
  std::vector<int> prev2(m + 1), prev(m + 1), cur(m + 1);
  for (int j = 0; j <= m; ++j) prev[j] = j;
  for (int i = 1; i <= n; ++i) {
    cur[0] = i;
    int row_min = cur[0];
    for (int j = 1; j <= m; ++j) {
      int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        cur[j] = std::min(cur[j], prev2[j - 2] + 1);
      }
      row_min = std::min(row_min, cur[j]);
    }
    if (row_min > limit) return limit + 1;
    std::swap(prev2, prev);
    std::swap(prev, cur);
  }
  return std::min(prev[m], limit + 1);
}

std::string SpellingSuggester::Correct(const std::string& word) const {
  if (word.size() < 3 ||
      std::all_of(word.begin(), word.end(),
                  [](unsigned char c) { return std::isdigit(c); })) {
    return "";
  }
  const Xapian::doccount own = db_.get_termfreq(word);
  if (own >= kKnownWordFreq) return "";
  const int limit = word.size() <= 4 ? 1 : 2;
  // Candidates share the first two letters: typos there are rarer, and
  // reading one letter's whole slice of a large vocabulary takes
  // milliseconds.
  size_t head = Utf8Length(word[0]);
  if (head < word.size()) head += Utf8Length(word[head]);
  const std::string first = word.substr(0, head);
  std::string best;
  int best_distance = limit + 1;
  Xapian::doccount best_freq = 0;
  for (auto t = db_.allterms_begin(first); t != db_.allterms_end(first); ++t) {
    const std::string& term = *t;
    if (term.size() + limit < word.size() ||
        term.size() > word.size() + limit) {
      continue;
    }
    Xapian::doccount freq = t.get_termfreq();
    if (freq < kMinCandidateFreq || term == word) continue;
    int d = BoundedEditDistance(word, term, limit);
    if (d > limit) continue;
    if (d < best_distance || (d == best_distance && freq > best_freq)) {
      best = term;
      best_distance = d;
      best_freq = freq;
    }
  }
  if (best.empty()) return "";
  if (own > 0 && best_freq < own * kCommonerFactor) return "";
  return best;
}

std::string SpellingSuggester::Suggest(const std::string& query) const {
  const std::string folded = FoldQuery(query);
  std::string out;
  bool changed = false;
  size_t i = 0;
  while (i < folded.size()) {
    if (!IsWordByte(folded[i])) {
      out += folded[i++];
      continue;
    }
    size_t end = i;
    while (end < folded.size() && IsWordByte(folded[end])) ++end;
    std::string word = folded.substr(i, end - i);
    bool syntax =
        (i > 0 && folded[i - 1] == ':') ||
        (end < folded.size() && (folded[end] == ':' || folded[end] == '*')) ||
        std::isupper(static_cast<unsigned char>(word[0]));
    std::string fix = syntax ? "" : Correct(word);
    if (!fix.empty()) {
      out += fix;
      changed = true;
    } else {
      out += word;
    }
    i = end;
  }
  return changed ? out : "";
}

}  // namespace chancery
