#include "common/ner/ner_corpus.h"

#include <filesystem>
#include <fstream>
#include <iterator>

namespace chancery {

StatusOr<std::vector<LabelledSentence>> ParseIob2(std::string_view text,
                                                  std::string_view name) {
  std::vector<LabelledSentence> sentences;
  LabelledSentence current;
  size_t line_number = 0;
  size_t at = 0;
  while (at < text.size()) {
    size_t eol = text.find('\n', at);
    if (eol == text.npos) eol = text.size();
    std::string_view line = text.substr(at, eol - at);
    at = eol + 1;
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) {
      if (!current.tokens.empty()) sentences.push_back(std::move(current));
      current = LabelledSentence();
      continue;
    }
    const size_t tab = line.rfind('\t');
    const auto where = [&] {
      return std::string(name) + ":" + std::to_string(line_number);
    };
    if (tab == line.npos || tab == 0) {
      return Status::InvalidArgument(where() + ": expected token<TAB>tag");
    }
    const std::string_view token = line.substr(0, line.find('\t'));
    if (token == "-DOCSTART-") continue;
    const auto tag = NerTagFromName(line.substr(tab + 1));
    if (!tag) {
      return Status::InvalidArgument(where() + ": unknown tag \"" +
                                     std::string(line.substr(tab + 1)) +
                                     "\" (expected O, B-/I-PER|LOC|ORG|MISC)");
    }
    current.tokens.emplace_back(token);
    current.tags.push_back(*tag);
  }
  if (!current.tokens.empty()) sentences.push_back(std::move(current));
  return sentences;
}

StatusOr<std::vector<LabelledSentence>> ReadIob2File(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    return Status::NotFound(path + ": no such corpus file");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in.is_open()) return Status::IoError(path + ": cannot open");
  const std::string text((std::istreambuf_iterator<char>(in)),
                         std::istreambuf_iterator<char>());
  if (in.bad()) return Status::IoError(path + ": cannot read");
  return ParseIob2(text, path);
}

double EntityCounts::Precision() const {
  return predicted == 0 ? 0.0 : static_cast<double>(correct) / predicted;
}

double EntityCounts::Recall() const {
  return gold == 0 ? 0.0 : static_cast<double>(correct) / gold;
}

double EntityCounts::F1() const {
  const double p = Precision();
  const double r = Recall();
  return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
}

void EntityCounts::Add(const EntityCounts& other) {
  gold += other.gold;
  predicted += other.predicted;
  correct += other.correct;
}

void NerScores::Add(const std::vector<EntitySpan>& gold,
                    const std::vector<EntitySpan>& predicted) {
  for (const EntitySpan& g : gold) {
    ++by_type_[static_cast<size_t>(g.type)].gold;
  }
  // Both lists are in order and non-overlapping: one merge pass.
  size_t g = 0;
  for (const EntitySpan& p : predicted) {
    ++by_type_[static_cast<size_t>(p.type)].predicted;
    while (g < gold.size() && gold[g].begin_token < p.begin_token) ++g;
    if (g < gold.size() && gold[g] == p) {
      ++by_type_[static_cast<size_t>(p.type)].correct;
    }
  }
}

EntityCounts NerScores::Total() const {
  EntityCounts total;
  for (const EntityCounts& c : by_type_) total.Add(c);
  return total;
}

}  // namespace chancery
