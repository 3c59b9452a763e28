#include "searchd/search/query_builder.h"

#include <algorithm>
#include <cctype>
#include <memory>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

#include "common/base/language.h"
#include "common/base/strings.h"
#include "common/facets.h"
#include "common/person_key.h"
#include "common/schema.h"
#include "common/text_analyzer.h"
#include "common/xapian_text.h"
#include "searchd/search/date_range.h"

namespace chancery {
namespace {

// Wildcards expand to at most this many terms (the most frequent), so that
// "a*" costs what a long OR costs, not a scan of the vocabulary.
constexpr Xapian::termcount kMaxWildcardExpansion = 200;

std::string Hyphenated(std::string folded) {
  for (char& c : folded) {
    if (c == ' ') c = '-';
  }
  return folded;
}

std::string Upper(std::string s) {
  for (char& c : s)
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

Xapian::Query TermsQuery(const FacetColumn& column,
                         const std::vector<uint32_t>& ordinals) {
  std::vector<Xapian::Query> terms;
  for (uint32_t ord : ordinals) {
    terms.emplace_back(column.prefix() + column.id(ord));
  }
  if (terms.empty()) return Xapian::Query();
  return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

// field:value inside q, for a facet field.
class FacetFieldProcessor : public Xapian::FieldProcessor {
 public:
  explicit FacetFieldProcessor(const FacetColumn& column) : column_(column) {}
  Xapian::Query operator()(const std::string& value) override {
    return TermsQuery(column_, ResolveFacetValue(column_, value));
  }

 private:
  const FacetColumn& column_;
};

// Documents dated within [first_day, last_day], the range cut to the
// index's own dates first: no document lies outside them, and a range of
// millennia ("date:1000..9999") would otherwise be thousands of terms, a
// costly query for one short q (found by fuzz/query_fuzzer).
Xapian::Query IndexedDateQuery(const IndexSnapshot& snapshot, int64_t first_day,
                               int64_t last_day) {
  return QueryBuilder::DateQuery(std::max(first_day, snapshot.min_day),
                                 std::min(last_day, snapshot.max_day));
}

// date:2024-03 inside q. A bad date is noted rather than thrown: Xapian
// 1.4's parser leaks its partial parse when a processor throws through it
// (found by fuzz/query_fuzzer), and a server parses every request's q.
class DateFieldProcessor : public Xapian::FieldProcessor {
 public:
  explicit DateFieldProcessor(const IndexSnapshot& snapshot)
      : snapshot_(snapshot) {}
  Xapian::Query operator()(const std::string& value) override {
    auto first = ParseDateBound(value, false);
    auto last = ParseDateBound(value, true);
    if (!first || !last) {
      bad_date_ = true;
      return Xapian::Query();
    }
    return IndexedDateQuery(snapshot_, *first, *last);
  }
  // Whether a bad date was met since the last call.
  bool TakeBadDate() { return std::exchange(bad_date_, false); }

 private:
  const IndexSnapshot& snapshot_;
  bool bad_date_ = false;
};

// date:2024-01..2024-03 inside q; either side may be empty.
class DateRangeProcessor : public Xapian::RangeProcessor {
 public:
  explicit DateRangeProcessor(const IndexSnapshot& snapshot)
      : Xapian::RangeProcessor(schema::kSlotDate,
                               std::string(schema::kDateField.name) + ":"),
        snapshot_(snapshot) {}
  Xapian::Query operator()(const std::string& begin,
                           const std::string& end) override {
    std::optional<int64_t> first =
        begin.empty() ? std::optional<int64_t>(snapshot_.min_day)
                      : ParseDateBound(begin, false);
    std::optional<int64_t> last =
        end.empty() ? std::optional<int64_t>(snapshot_.max_day)
                    : ParseDateBound(end, true);
    if (!first || !last) return Xapian::Query(Xapian::Query::OP_INVALID);
    return IndexedDateQuery(snapshot_, *first, *last);
  }

 private:
  const IndexSnapshot& snapshot_;
};

// The text terms of one language's parse: stems when `stemmed`, else
// folded words (SetQueryLanguage).
void CollectHighlights(const Xapian::Query& query, bool stemmed,
                       HighlightTerms& out) {
  for (auto t = query.get_terms_begin(); t != query.get_terms_end(); ++t) {
    std::string term = *t;
    if (term.compare(0, schema::kTitle.size(), schema::kTitle) == 0) {
      term.erase(0, schema::kTitle.size());
    }
    if (term.empty() || std::isupper(static_cast<unsigned char>(term[0]))) {
      continue;  // A boolean filter term.
    }
    (stemmed ? out.stems : out.words).insert(term);
  }
}

// Wildcards stay unexpanded in the query's term list: their prefixes as
// the user wrote them, which is what the text shows.
void CollectWildcards(const std::string& folded, HighlightTerms& out) {
  size_t i = 0;
  while ((i = folded.find('*', i)) != std::string::npos) {
    size_t start = i;
    while (start > 0 && IsWordByte(folded[start - 1])) --start;
    if (start < i) out.prefixes.push_back(folded.substr(start, i - start));
    ++i;
  }
}

// The stem a wildcard's prefix expands from. The index holds stems, so
// "president*" must expand from "presid" to find "president" itself. A
// truncated word ("negotiat*", "presiden*") is mostly its own stem, while
// the words it begins are cut shorter ("negotiate" is "negoti"): so the
// stems of the prefix completed by one or two letters are tried too, and
// the shortest that begins the prefix's own stem wins. A stemmer is not
// defined on a word's beginning, so this also admits some words the
// prefix does not begin ("presiding"). Completions are tried on ASCII
// prefixes only (what folding leaves of Latin scripts); others expand
// from their own stem.
std::string WildcardStem(const std::string& prefix, const Xapian::Stem& stem) {
  std::string best = stem(prefix);
  if (best.empty()) best = prefix;
  if (!std::all_of(prefix.begin(), prefix.end(),
                   [](char c) { return c >= 'a' && c <= 'z'; })) {
    return best;
  }
  // Cut at most three letters by a one-letter completion ("presiden" +
  // "t" is "presid"), one by a two-letter one ("negotia" + "te" is
  // "negoti"), and keep five: shorter cuts come from completions no word
  // has ("ukrain" + "g" is "ukra").
  auto consider = [&](const std::string& word, size_t cut) {
    std::string s = stem(word);
    if (s.size() >= 5 && s.size() + cut >= prefix.size() &&
        s.size() < best.size() && best.starts_with(s)) {
      best = std::move(s);
    }
  };
  std::string word = prefix;
  for (char a = 'a'; a <= 'z'; ++a) {
    word.resize(prefix.size());
    word += a;
    consider(word, 3);
    word += 'a';
    for (char b = 'a'; b <= 'z'; ++b) {
      word.back() = b;
      consider(word, 1);
    }
  }
  return best;
}

// `folded` with each wildcard's prefix replaced by WildcardStem.
std::string StemWildcards(const std::string& folded, const Xapian::Stem& stem) {
  if (stem.is_none() || folded.find('*') == std::string::npos) return folded;
  std::string out;
  size_t done = 0;
  size_t i = 0;
  while ((i = folded.find('*', i)) != std::string::npos) {
    size_t start = i;
    while (start > 0 && IsWordByte(folded[start - 1])) --start;
    if (start < i) {
      out.append(folded, done, start - done);
      out += WildcardStem(folded.substr(start, i - start), stem);
      done = i;
    }
    ++i;
  }
  out.append(folded, done, std::string::npos);
  return out;
}

// The plain words of a query, for when its syntax does not parse.
std::vector<std::string> PlainWords(const std::string& folded) {
  std::vector<std::string> words;
  std::string word;
  for (char c : folded) {
    if (IsWordByte(c)) {
      word += c;
    } else if (!word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

// A query that does not parse, searched as its plain words, all of them.
// Each word is parsed alone: Xapian 1.4 refuses some plain sequences as a
// whole with FLAG_CJK_NGRAM ("o 字da"). A word no flag set parses is
// searched as the exact term. Throws QueryParserError when no word is left
// ("((", "\"*"), which the searcher reports as a bad q.
Xapian::Query PlainWordsQuery(Xapian::QueryParser& parser,
                              const std::string& folded) {
  std::vector<Xapian::Query> parts;
  for (const std::string& word : PlainWords(folded)) {
    Xapian::Query part(word);
    for (unsigned flags : {unsigned{Xapian::QueryParser::FLAG_CJK_NGRAM}, 0u}) {
      try {
        part = parser.parse_query(word, flags);
        break;
      } catch (const Xapian::QueryParserError&) {
      }
    }
    if (!part.empty()) parts.push_back(std::move(part));
  }
  if (parts.empty()) {
    throw Xapian::QueryParserError(
        "the query does not parse and has no words to search");
  }
  return Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end());
}

}  // namespace

std::vector<uint32_t> ResolveFacetValue(const FacetColumn& column,
                                        const std::string& value) {
  const schema::Normalisation normalisation = column.field().normalisation;
  std::string folded = FoldForMatching(value);
  std::vector<std::string> candidates = {value};
  if (normalisation == schema::Normalisation::kCountryCode) {
    candidates.push_back(Upper(value));
  } else if (normalisation == schema::Normalisation::kLanguageCode) {
    candidates.push_back(NormalizeLanguage(value));
  }
  candidates.push_back(folded);
  candidates.push_back(Hyphenated(folded));
  // People are named by PersonKey: "Zelenskyy" finds the id "...-zelenski".
  const std::string key = normalisation == schema::Normalisation::kPersonName
                              ? PersonKey(value)
                              : std::string();
  if (!key.empty()) candidates.push_back(key);
  for (const std::string& c : candidates) {
    uint32_t ord = column.Ordinal(c);
    if (ord != kNoOrdinal) return {ord};
  }
  // The label or a native form ("Сергей Лавров" for "Sergey Lavrov").
  std::vector<uint32_t> found;
  for (uint32_t i = 0; i < column.value_count(); ++i) {
    const std::span<const std::string> forms = column.folded_forms(i);
    if (column.folded_label(i) == folded ||
        std::find(forms.begin(), forms.end(), folded) != forms.end()) {
      found.push_back(i);
    }
  }
  if (!found.empty() || folded.empty() ||
      normalisation != schema::Normalisation::kPersonName) {
    return found;
  }
  // A surname or the end of a name: "macron", "von der leyen", "лавров".
  const std::string tail = "-" + Hyphenated(folded);
  const std::string key_tail = "-" + key;
  auto ends_with = [](std::string_view name, std::string_view end) {
    return name.size() > end.size() &&
           name.substr(name.size() - end.size()) == end;
  };
  for (uint32_t i = 0; i < column.value_count(); ++i) {
    const std::span<const std::string> forms = column.folded_forms(i);
    if (ends_with(column.id(i), tail) ||
        (key.size() > 0 && ends_with(column.id(i), key_tail)) ||
        std::any_of(forms.begin(), forms.end(), [&](const std::string& f) {
          return ends_with(Hyphenated(f), tail);
        })) {
      found.push_back(i);
    }
  }
  return found;
}

Xapian::Query QueryBuilder::TextQuery(
    const std::string& q, const std::vector<std::string>& lang_filter,
    HighlightTerms* highlight) const {
  const std::string folded = FoldQuery(q);
  if (folded.find_first_not_of(" \t\r\n") == std::string::npos) {
    return MatchAllQuery();
  }
  const IndexSnapshot& snap = *handle_.snapshot;
  // One language code per distinct stemmer ("" = no stemming).
  std::vector<std::pair<std::string_view, std::string>> stemmers;
  auto add_language = [&stemmers](const std::string& code) {
    std::string_view name = StemmerName(code);
    for (const auto& [known, unused] : stemmers) {
      if (known == name) return;
    }
    stemmers.emplace_back(name, name.empty() ? std::string() : code);
  };
  for (const std::string& lang :
       lang_filter.empty() ? snap.languages : lang_filter) {
    add_language(NormalizeLanguage(lang));
  }
  if ((lang_filter.empty() && snap.has_unstemmed) || stemmers.empty()) {
    add_language("");
  }

  std::vector<std::unique_ptr<FacetFieldProcessor>> processors;
  DateFieldProcessor date_field(snap);
  DateRangeProcessor date_range(snap);
  Xapian::QueryParser parser;
  parser.set_database(handle_.db);
  parser.set_default_op(Xapian::Query::OP_AND);
  parser.set_max_expansion(kMaxWildcardExpansion,
                           Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
  parser.add_prefix("title", std::string(schema::kTitle));
  for (const FacetColumn& column : snap.columns) {
    processors.push_back(std::make_unique<FacetFieldProcessor>(column));
    parser.add_boolean_prefix(column.name(), processors.back().get());
  }
  parser.add_boolean_prefix(std::string(schema::kDateField.name), &date_field);
  parser.add_rangeprocessor(&date_range);

  std::vector<Xapian::Query> parses;
  for (const auto& [name, code] : stemmers) {
    const bool stemmed = SetQueryLanguage(code, parser);
    const std::string text = StemWildcards(
        folded, stemmed ? Xapian::Stem(std::string(name)) : Xapian::Stem());
    Xapian::Query parsed;
    bool parses_whole = false;
    date_field.TakeBadDate();
    try {
      parsed = parser.parse_query(text, QueryParserFlags());
      parses_whole = !date_field.TakeBadDate();
    } catch (const Xapian::QueryParserError&) {
    }
    if (!parses_whole) parsed = PlainWordsQuery(parser, text);
    if (highlight) CollectHighlights(parsed, stemmed, *highlight);
    // Languages whose stemmers agree on every word give the same query;
    // OR-ing copies would only slow the match down.
    const std::string description = parsed.get_description();
    bool seen = false;
    for (const Xapian::Query& p : parses)
      seen |= p.get_description() == description;
    if (!seen) parses.push_back(std::move(parsed));
  }
  Xapian::Query query =
      parses.size() == 1
          ? parses.front()
          : Xapian::Query(Xapian::Query::OP_OR, parses.begin(), parses.end());
  if (highlight) CollectWildcards(folded, *highlight);
  // Only boolean parts (say "country:FR" alone) match with zero weight;
  // that is fine for ranking, which then falls back to docid order.
  return query;
}

Xapian::Query QueryBuilder::FilterQuery(const std::string& field,
                                        const FieldFilter& filter) const {
  const FacetColumn* column = handle_.snapshot->Column(field);
  if (!column) return Xapian::Query();
  std::vector<Xapian::Query> parts;
  for (const std::string& value : filter.values) {
    Xapian::Query q = TermsQuery(*column, ResolveFacetValue(*column, value));
    if (q.empty() && !filter.any) return Xapian::Query();
    if (!q.empty()) parts.push_back(std::move(q));
  }
  if (parts.empty()) return Xapian::Query();
  return Xapian::Query(
      filter.any ? Xapian::Query::OP_OR : Xapian::Query::OP_AND, parts.begin(),
      parts.end());
}

Xapian::Query QueryBuilder::DateQuery(int64_t first_day, int64_t last_day) {
  std::vector<std::string> terms = DateTermsForRange(first_day, last_day);
  if (terms.empty()) return Xapian::Query();
  return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

Xapian::Query QueryBuilder::SearchQuery(
    const SearchRequest& request, std::optional<int64_t> first_day,
    std::optional<int64_t> last_day,
    const std::vector<std::string>& skip_fields,
    HighlightTerms* highlight) const {
  std::vector<std::string> languages;
  if (auto it = request.filters.find(std::string(schema::kLanguageField.name));
      it != request.filters.end()) {
    languages = it->second.values;
  }
  Xapian::Query query = TextQuery(request.q, languages, highlight);
  for (const auto& [field, filter] : request.filters) {
    if (filter.values.empty() ||
        std::find(skip_fields.begin(), skip_fields.end(), field) !=
            skip_fields.end()) {
      continue;
    }
    query = Xapian::Query(Xapian::Query::OP_FILTER, query,
                          FilterQuery(field, filter));
  }
  if (first_day || last_day) {
    const IndexSnapshot& snap = *handle_.snapshot;
    // Open ends stop at the index's own dates.
    query =
        Xapian::Query(Xapian::Query::OP_FILTER, query,
                      IndexedDateQuery(snap, first_day.value_or(snap.min_day),
                                       last_day.value_or(snap.max_day)));
  }
  return query;
}

}  // namespace chancery
