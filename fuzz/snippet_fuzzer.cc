// The snippet builder over any body: line 1 the highlight terms (words;
// "~x" a stem, "x*" a wildcard prefix), line 2 the article's language, the
// rest the body. Match ranges must be in order, inside the text, and their
// UTF-16 offsets as many and in order too; the snippet of a UTF-8 body
// must be UTF-8.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "common/base/utf8.h"
#include "fuzz/fuzz_support.h"
#include "searchd/search/snippet_builder.h"

namespace {

chancery::HighlightTerms TermsOf(std::string_view line) {
  chancery::HighlightTerms terms;
  while (!line.empty()) {
    const size_t space = line.find(' ');
    std::string_view token = line.substr(0, space);
    if (token.size() > 1 && token.front() == '~') {
      terms.stems.emplace(token.substr(1));
    } else if (token.size() > 1 && token.back() == '*') {
      terms.prefixes.emplace_back(token.substr(0, token.size() - 1));
    } else if (!token.empty()) {
      terms.words.emplace(token);
    }
    if (space == std::string_view::npos) break;
    line.remove_prefix(space + 1);
  }
  return terms;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using chancery::fuzz::Require;
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const auto [terms_line, rest] = chancery::fuzz::SplitFirstLine(input);
  const auto [lang, body] = chancery::fuzz::SplitFirstLine(rest);
  const chancery::HighlightTerms terms = TermsOf(terms_line);

  // Bodies are stored as valid UTF-8; a snippet of one must be too (a
  // window cut inside a character would not be).
  const bool valid_body = chancery::IsValidUtf8(body);
  chancery::SnippetBuilder builder(terms);
  const std::string snippet = builder.Build(body, lang);
  Require(!valid_body || chancery::IsValidUtf8(snippet),
          "the snippet of a UTF-8 body is UTF-8");
  const std::vector<chancery::TextRange> ranges =
      builder.MatchRanges(body, lang);
  size_t last_end = 0;
  for (const auto& [begin, end] : ranges) {
    Require(last_end <= begin && begin < end && end <= body.size(),
            "match ranges are in order, non-empty and inside the text");
    last_end = end;
  }
  const std::vector<chancery::TextRange> utf16 =
      chancery::Utf16Ranges(body, ranges);
  Require(utf16.size() == ranges.size(), "one UTF-16 range per range");
  last_end = 0;
  for (const auto& [begin, end] : utf16) {
    Require(last_end <= begin && begin < end && end <= body.size(),
            "UTF-16 ranges are in order, non-empty and no longer than bytes");
    last_end = end;
  }
  // A second builder over a small window, to exercise cutting.
  chancery::SnippetBuilder narrow(terms, 16);
  Require(!valid_body || chancery::IsValidUtf8(narrow.Build(body, lang)),
          "a narrow snippet of a UTF-8 body is UTF-8");
  return 0;
}
