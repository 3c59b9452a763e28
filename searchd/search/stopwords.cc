#include "searchd/search/stopwords.h"

#include <xapian.h>

#include "common/data_file.h"
#include "common/text_analyzer.h"

namespace chancery {

StatusOr<Stopwords> Stopwords::Load(const std::string& path) {
  std::vector<std::vector<std::string>> records;
  CHANCERY_RETURN_IF_ERROR(ReadDataFile(path, &records));
  Stopwords s;
  size_t line = 0;
  for (const std::vector<std::string>& r : records) {
    ++line;
    if (r.size() != 2 || r[0].empty()) {
      // ReadDataFile skips no lines in the generated file (no comments or
      // blank lines), so the record number is the line number.
      return Status::InvalidArgument(path + ":" + std::to_string(line) +
                                     ": expected lang<TAB>word");
    }
    s.Add(r[0], r[1]);
  }
  s.StemAll();
  return s;
}

Stopwords Stopwords::FromLists(
    const std::map<std::string, std::vector<std::string>>& lists) {
  Stopwords s;
  for (const auto& [lang, words] : lists) {
    for (const std::string& w : words) s.Add(lang, w);
  }
  s.StemAll();
  return s;
}

void Stopwords::Add(const std::string& lang, std::string_view word) {
  std::string folded = FoldForIndexing(word);
  // Multi-word entries can never equal one index term.
  if (folded.empty() || folded.find(' ') != std::string::npos) return;
  languages_[lang].words.insert(std::move(folded));
}

void Stopwords::StemAll() {
  for (auto& [lang, language] : languages_) {
    std::string_view name = StemmerName(lang);
    if (name.empty()) continue;
    Xapian::Stem stem{std::string(name)};
    for (const std::string& w : language.words) language.stems.insert(stem(w));
  }
}

const Stopwords::Language& Stopwords::Of(std::string_view lang) const {
  auto it = languages_.find(lang);
  return it == languages_.end() ? none_ : it->second;
}

size_t Stopwords::size() const {
  size_t n = 0;
  for (const auto& [lang, language] : languages_) n += language.words.size();
  return n;
}

}  // namespace chancery
