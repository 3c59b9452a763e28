#include "common/entities/alias_table.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>
#include <xapian.h>

#include "common/base/strings.h"
#include "common/data_file.h"

namespace chancery {
namespace {

std::optional<AliasKind> ParseKind(std::string_view kind) {
  if (kind == "label") return AliasKind::kLabel;
  if (kind == "name") return AliasKind::kName;
  if (kind == "demonym") return AliasKind::kDemonym;
  if (kind == "capital") return AliasKind::kCapital;
  if (kind == "city") return AliasKind::kCity;
  if (kind == "abbr") return AliasKind::kAbbr;
  if (kind == "abbrword") return AliasKind::kAbbrWord;
  if (kind == "namelike") return AliasKind::kNameLike;
  return std::nullopt;
}

bool StartsCapitalised(std::string_view text) {
  int32_t i = 0;
  UChar32 c;
  U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), i,
          static_cast<int32_t>(text.size()), c);
  return c >= 0 && (u_isupper(c) || u_istitle(c));
}

std::string WithoutSpaces(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c != ' ') out.push_back(c);
  }
  return out;
}

}  // namespace

uint32_t AliasTable::InternId(std::string_view id) {
  auto it = index_.find(std::string(id));
  if (it != index_.end()) return it->second;
  uint32_t entity = static_cast<uint32_t>(ids_.size());
  ids_.emplace_back(id);
  labels_.emplace_back();
  index_.emplace(std::string(id), entity);
  return entity;
}

Status AliasTable::LoadTsv(const std::string& path) {
  std::vector<std::vector<std::string>> records;
  CHANCERY_RETURN_IF_ERROR(ReadDataFile(path, &records));
  for (const auto& r : records) {
    if (r.size() != 3 || r[0].empty() || r[2].empty()) {
      return Status::InvalidArgument(
          path + ": want ID<TAB>KIND<TAB>TEXT, got \"" + r[0] + "...\"");
    }
    Status st = AddAlias(r[0], r[1], r[2]);
    if (!st.ok()) return Status::InvalidArgument(path + ": " + st.message());
  }
  return Status::Ok();
}

Status AliasTable::AddAlias(std::string_view id, std::string_view kind,
                            std::string_view text) {
  std::optional<AliasKind> k = ParseKind(kind);
  if (!k)
    return Status::InvalidArgument("unknown alias kind " + std::string(kind));
  AddAlias(id, *k, text);
  return Status::Ok();
}

void AliasTable::AddAlias(std::string_view id, AliasKind kind,
                          std::string_view text) {
  uint32_t entity = InternId(id);
  if (kind == AliasKind::kLabel && labels_[entity].empty()) {
    labels_[entity] = std::string(text);
  }
  std::vector<std::string> folded = FoldedTokens(text);
  if (folded.empty()) return;
  // The same text for the same entity under two kinds is one alias whose
  // flags add up (Washington is a capital and a surname).
  if (const std::vector<uint32_t>* existing =
          phrases_.Find(PhraseTable::Key(folded))) {
    for (uint32_t a : *existing) {
      Alias& alias = aliases_[a];
      if (alias.entity != entity) continue;
      alias.name_like |= kind == AliasKind::kNameLike;
      if (kind == AliasKind::kAbbr || kind == AliasKind::kAbbrWord) {
        alias.kind = kind;
        alias.exact = WithoutSpaces(text);
      }
      return;
    }
  }
  Alias alias;
  alias.entity = entity;
  alias.kind = kind;
  alias.needs_capital = StartsCapitalised(text);
  alias.name_like = kind == AliasKind::kNameLike;
  if (kind == AliasKind::kAbbr || kind == AliasKind::kAbbrWord) {
    alias.exact = WithoutSpaces(text);
  }
  aliases_.push_back(std::move(alias));
  phrases_.AddFolded(folded, static_cast<uint32_t>(aliases_.size() - 1));
}

void AliasTable::SetDefaultLabel(std::string_view id, std::string_view label) {
  uint32_t entity = InternId(id);
  if (labels_[entity].empty()) labels_[entity] = std::string(label);
}

const std::string& AliasTable::label(uint32_t entity) const {
  return labels_[entity].empty() ? ids_[entity] : labels_[entity];
}

bool AliasTable::Accepts(const Alias& alias, const std::vector<Token>& tokens,
                         size_t pos, size_t length, bool all_caps) const {
  if (alias.kind == AliasKind::kAbbr || alias.kind == AliasKind::kAbbrWord) {
    // A headline in capitals cannot tell "US" from "us"; dotted forms are
    // still safe there.
    if (all_caps && alias.kind == AliasKind::kAbbrWord &&
        alias.exact.find('.') == std::string::npos) {
      return false;
    }
    std::string written;
    for (size_t k = pos; k < pos + length; ++k) written += tokens[k].text;
    return written == alias.exact;
  }
  if (alias.needs_capital && !all_caps) {
    const Token& first = tokens[pos];
    return first.capitalised || first.caseless;
  }
  return true;
}

std::optional<AliasTable::Hit> AliasTable::MatchAt(
    const std::vector<Token>& tokens, size_t pos, bool all_caps) const {
  size_t limit = SIZE_MAX;
  while (limit > 0) {
    PhraseTable::Match m = phrases_.LongestAt(tokens, pos, limit);
    if (m.length == 0) return std::nullopt;
    for (uint32_t a : *m.payloads) {
      if (Accepts(aliases_[a], tokens, pos, m.length, all_caps)) {
        return Hit{m.length, &aliases_[a]};
      }
    }
    limit = m.length - 1;
  }
  return std::nullopt;
}

namespace {

constexpr const char* kStemmers[][2] = {
    {"ru", "russian"}, {"de", "german"},  {"fr", "french"},
    {"es", "spanish"}, {"it", "italian"}, {"pt", "portuguese"}};
constexpr int kStemmerCount = sizeof(kStemmers) / sizeof(kStemmers[0]);

// Xapian::Stem keeps state while stemming: one per thread and language.
const std::string& StemWord(int lang_index, const std::string& word,
                            std::string* out) {
  thread_local std::vector<Xapian::Stem> stemmers;
  if (stemmers.empty()) {
    for (const auto& s : kStemmers) stemmers.emplace_back(s[1]);
  }
  *out = stemmers[lang_index](word);
  return *out;
}

}  // namespace

int AliasTable::StemLanguage(std::string_view lang) {
  for (int i = 0; i < kStemmerCount; ++i) {
    if (lang == kStemmers[i][0]) return i;
  }
  return -1;
}

std::vector<std::string> AliasTable::StemTokens(
    const std::vector<Token>& tokens, int lang_index) {
  std::vector<std::string> stems(tokens.size());
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (tokens[i].word && !tokens[i].caseless) {
      StemWord(lang_index, tokens[i].folded, &stems[i]);
    }
  }
  return stems;
}

void AliasTable::BuildStemIndex() {
  stems_.assign(kStemmerCount, {});
  // Keys: folded alias text is not kept, so walk the phrase table.
  phrases_.ForEach([&](const std::vector<std::string>& words,
                       const std::vector<uint32_t>& payloads) {
    if (words.size() > kMaxStemmedWords) return;
    for (uint32_t a : payloads) {
      const Alias& alias = aliases_[a];
      if (suppressed(alias.entity)) continue;
      if (alias.kind != AliasKind::kLabel && alias.kind != AliasKind::kName &&
          alias.kind != AliasKind::kDemonym &&
          alias.kind != AliasKind::kCapital) {
        continue;
      }
      for (int l = 0; l < kStemmerCount; ++l) {
        std::string key, stem;
        bool short_stem = false;
        for (const std::string& w : words) {
          if (!key.empty()) key.push_back(' ');
          StemWord(l, w, &stem);
          // Stems of 3 letters or fewer match too many words.
          short_stem |= CodePoints(stem) < 4;
          key += stem;
        }
        if (short_stem) continue;
        auto [it, inserted] = stems_[l].try_emplace(key, a);
        if (!inserted && it->second != kNoAlias &&
            aliases_[it->second].entity != alias.entity) {
          it->second = kNoAlias;
        }
      }
    }
  });
}

std::optional<AliasTable::Hit> AliasTable::MatchStemmedAt(
    const std::vector<Token>& tokens, const std::vector<std::string>& stems,
    size_t pos, int lang_index, bool all_caps) const {
  if (lang_index < 0 || static_cast<size_t>(lang_index) >= stems_.size() ||
      stems[pos].empty()) {
    return std::nullopt;
  }
  const auto& index = stems_[lang_index];
  std::string key;
  std::vector<std::string> keys;
  for (size_t k = pos; k < tokens.size() && keys.size() < kMaxStemmedWords;
       ++k) {
    if (stems[k].empty()) break;
    if (!key.empty()) key.push_back(' ');
    key += stems[k];
    keys.push_back(key);
  }
  for (size_t n = keys.size(); n > 0; --n) {
    auto it = index.find(keys[n - 1]);
    if (it == index.end() || it->second == kNoAlias) continue;
    const Alias& alias = aliases_[it->second];
    if (Accepts(alias, tokens, pos, n, all_caps)) return Hit{n, &alias};
  }
  return std::nullopt;
}

std::optional<uint32_t> AliasTable::FindByName(std::string_view name) const {
  const std::vector<uint32_t>* found =
      phrases_.Find(PhraseTable::Key(FoldedTokens(name)));
  if (found == nullptr || found->empty()) return std::nullopt;
  return aliases_[found->front()].entity;
}

std::optional<uint32_t> AliasTable::FindById(std::string_view id) const {
  auto it = index_.find(std::string(id));
  if (it == index_.end()) return std::nullopt;
  return it->second;
}

}  // namespace chancery
