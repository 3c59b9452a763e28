#include "searchd/search/snippet_builder.h"

#include <unicode/uchar.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include <map>
#include <vector>

#include "common/base/strings.h"
#include "common/text_analyzer.h"

namespace chancery {
namespace {

struct Word {
  size_t begin;
  size_t end;
  int term = -1;  // Distinct matched term number, -1 when not a match.
};

// Words as letter/digit runs, and dotted acronyms ("U.S.", dots included),
// by byte offsets into `text`.
std::vector<Word> SplitWords(std::string_view text) {
  std::vector<Word> words;
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t n = static_cast<int32_t>(text.size());
  int32_t i = 0;
  int32_t start = -1;
  while (i < n) {
    int32_t at = i;
    UChar32 c;
    U8_NEXT(s, i, n, c);
    bool in_word =
        c >= 0 && (u_isalnum(c) || u_charType(c) == U_NON_SPACING_MARK);
    if (in_word && start < 0) {
      // "U.S." is one word, marked as written.
      size_t len = i < n && s[i] == '.'
                       ? DottedAcronymLength(text, static_cast<size_t>(at))
                       : 0;
      if (len > 0) {
        words.push_back(
            {static_cast<size_t>(at), static_cast<size_t>(at) + len});
        i = at + static_cast<int32_t>(len);
        continue;
      }
      start = at;
    } else if (!in_word && start >= 0) {
      words.push_back({static_cast<size_t>(start), static_cast<size_t>(at)});
      start = -1;
    }
  }
  if (start >= 0) words.push_back({static_cast<size_t>(start), text.size()});
  return words;
}

// Appends `c`, HTML-escaped.
void AppendEscaped(char c, std::string& out) {
  switch (c) {
    case '&':
      out += "&amp;";
      break;
    case '<':
      out += "&lt;";
      break;
    case '>':
      out += "&gt;";
      break;
    case '"':
      out += "&quot;";
      break;
    case '\'':
      out += "&#39;";
      break;
    default:
      out += c;
  }
}

void AppendCollapsed(std::string_view text, std::string& out) {
  bool space = false;
  for (char c : text) {
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
      space = true;
      continue;
    }
    if (space) out += ' ';
    space = false;
    AppendEscaped(c, out);
  }
  if (space) out += ' ';
}

}  // namespace

std::string HtmlEscape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) AppendEscaped(c, out);
  return out;
}

bool SnippetBuilder::Matches(std::string_view word, std::string& key) {
  key = FoldForIndexing(word);
  if (terms_.words.count(key)) return true;
  for (const std::string& prefix : terms_.prefixes) {
    if (key.compare(0, prefix.size(), prefix) == 0) return true;
  }
  // Stemming every word of a long body costs more than the rest of the
  // snippet; a stem starts with its word's first two letters in the
  // languages we stem, so only words that could match are stemmed.
  if (!terms_.stems.empty() && stem_starts_.count(key.substr(0, 2))) {
    std::string stem = stemmer_(key);
    if (terms_.stems.count(stem)) {
      key = stem;
      return true;
    }
  }
  return false;
}

std::vector<TextRange> Utf16Ranges(std::string_view text,
                                   const std::vector<TextRange>& ranges) {
  std::vector<TextRange> out;
  out.reserve(ranges.size());
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t n = static_cast<int32_t>(text.size());
  int32_t i = 0;     // Byte offset.
  size_t units = 0;  // UTF-16 units before byte i.
  auto advance_to = [&](size_t byte) {
    while (i < n && static_cast<size_t>(i) < byte) {
      UChar32 c;
      U8_NEXT(s, i, n, c);
      units += c < 0 ? 1 : U16_LENGTH(c);
    }
    return units;
  };
  for (const auto& [begin, end] : ranges) {
    size_t b = advance_to(begin);
    out.emplace_back(b, advance_to(end));
  }
  return out;
}

void SnippetBuilder::UseLanguage(std::string_view lang) {
  if (stem_starts_.empty()) {
    for (const std::string& stem : terms_.stems)
      stem_starts_.insert(stem.substr(0, 2));
  }
  if (lang != stemmer_lang_) {
    std::string_view name = StemmerName(lang);
    stemmer_ = name.empty() ? Xapian::Stem() : Xapian::Stem(std::string(name));
    stemmer_lang_ = std::string(lang);
  }
}

std::vector<TextRange> SnippetBuilder::MatchRanges(std::string_view text,
                                                   std::string_view lang) {
  std::vector<TextRange> out;
  if (terms_.empty()) return out;
  UseLanguage(lang);
  std::string key;
  for (const Word& w : SplitWords(text)) {
    if (Matches(text.substr(w.begin, w.end - w.begin), key)) {
      out.emplace_back(w.begin, w.end);
    }
  }
  return out;
}

std::string SnippetBuilder::Build(std::string_view body,
                                  std::string_view lang) {
  UseLanguage(lang);
  std::vector<Word> words = SplitWords(body);
  std::map<std::string, int> term_numbers;
  if (!terms_.empty()) {
    std::string key;
    for (Word& w : words) {
      if (Matches(body.substr(w.begin, w.end - w.begin), key)) {
        w.term =
            term_numbers.emplace(key, static_cast<int>(term_numbers.size()))
                .first->second;
      }
    }
  }
  // The window with the most distinct matched terms, then most matches.
  size_t best = 0;
  int best_score = -1;
  std::vector<int> seen(term_numbers.size(), 0);
  int distinct = 0;
  int matches = 0;
  size_t j = 0;
  for (size_t i = 0; i < words.size(); ++i) {
    while (j < words.size() && words[j].end - words[i].begin <= max_bytes_) {
      if (words[j].term >= 0) {
        distinct += seen[words[j].term]++ == 0;
        ++matches;
      }
      ++j;
    }
    int score = distinct * 1000 + matches;
    if (words[i].term >= 0 && score > best_score) {
      best_score = score;
      best = i;
    }
    if (j > i && words[i].term >= 0) {
      distinct -= --seen[words[i].term] == 0;
      --matches;
    }
    if (j == i) ++j;
  }
  // A few words of context before the first match, within a quarter of
  // the window so the matches stay in it.
  size_t first = best_score < 0 ? 0 : best;
  while (first > 0 && best - first < 3 &&
         words[best].begin - words[first - 1].begin <= max_bytes_ / 4) {
    --first;
  }
  size_t begin = (words.empty() || first == 0) ? 0 : words[first].begin;
  size_t limit = begin + max_bytes_;
  std::string out;
  if (begin > 0) out += "… ";
  size_t pos = begin;
  size_t w = first;
  for (; w < words.size() && words[w].end <= limit; ++w) {
    AppendCollapsed(body.substr(pos, words[w].begin - pos), out);
    std::string_view text =
        body.substr(words[w].begin, words[w].end - words[w].begin);
    if (words[w].term >= 0) {
      out += "<mark>";
      AppendCollapsed(text, out);
      out += "</mark>";
    } else {
      AppendCollapsed(text, out);
    }
    pos = words[w].end;
  }
  if (w < words.size()) {
    out += " …";
  } else {
    AppendCollapsed(body.substr(pos), out);
  }
  // Trim surrounding spaces left by collapsing.
  TrimWhitespaceInPlace(&out);
  return out;
}

}  // namespace chancery
