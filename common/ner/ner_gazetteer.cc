#include "common/ner/ner_gazetteer.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <string_view>

#include "common/data_file.h"
#include "common/ner/ner_features.h"
#include "common/ner/ner_tokenizer.h"

namespace chancery {

NerGazetteer::NerGazetteer(const std::vector<NerGazetteerEntry>& entries) {
  if (entries.empty()) return;
  size_t size = 16;
  while (size < entries.size() * 2) size *= 2;
  slots_.assign(size, 0);
  mask_ = size - 1;
  for (const NerGazetteerEntry& e : entries) {
    size_t at = e.key & mask_;
    while (slots_[at] != 0 && static_cast<uint32_t>(slots_[at] >> 8) != e.key) {
      at = (at + 1) & mask_;
    }
    slots_[at] =
        (static_cast<uint64_t>(e.key) << 8) | e.flags | (slots_[at] & 0xff);
  }
}

namespace {

// ReadDataFile's records; a missing optional file gives none.
Status ReadFields(const std::string& path, bool optional,
                  std::vector<std::vector<std::string>>* records) {
  records->clear();
  if (optional && !FileExists(path)) return Status::Ok();
  return ReadDataFile(path, records);
}

// Capitalised (or caseless-script) words of `phrase`: lower-case words of
// a name ("de", "of") would flag common words everywhere.
void AddWords(std::string_view phrase, uint8_t flag,
              std::map<uint32_t, uint8_t>* out) {
  for (const NerToken& t : TokenizeForNer(phrase, NerTokenization::kWords)) {
    const std::string_view word = phrase.substr(t.begin, t.end - t.begin);
    const auto* s = reinterpret_cast<const uint8_t*>(word.data());
    int32_t i = 0;
    UChar32 c;
    U8_NEXT(s, i, static_cast<int32_t>(word.size()), c);
    if (c < 0 || !u_isalpha(c) || u_islower(c)) continue;
    (*out)[NerGazetteerKey(NerLowerHash(word))] |= flag;
  }
}

}  // namespace

StatusOr<std::vector<NerGazetteerEntry>> ReadNerGazetteer(
    const std::string& entities_dir) {
  std::error_code ec;
  if (!std::filesystem::is_directory(entities_dir, ec)) {
    return Status::NotFound(entities_dir + ": no such gazetteer directory");
  }
  std::map<uint32_t, uint8_t> words;
  std::vector<std::vector<std::string>> records;
  const std::string dir = entities_dir + "/";
  for (const auto& [file, optional] :
       {std::pair{"first_names.txt", false},
        std::pair{"generated/first_names.txt", true}}) {
    CHANCERY_RETURN_IF_ERROR(ReadFields(dir + file, optional, &records));
    for (const auto& r : records) AddWords(r[0], kGazetteerFirstName, &words);
  }
  CHANCERY_RETURN_IF_ERROR(
      ReadFields(dir + "generated/cities.tsv", true, &records));
  for (const auto& r : records) {
    if (r.size() >= 3 && std::atol(r[2].c_str()) >= 10000) {
      AddWords(r[0], kGazetteerPlace, &words);
    }
  }
  for (const auto& [file, optional] :
       {std::pair{"countries.tsv", false},
        std::pair{"generated/countries.tsv", true}}) {
    CHANCERY_RETURN_IF_ERROR(ReadFields(dir + file, optional, &records));
    for (const auto& r : records) {
      if (r.size() < 3) continue;
      AddWords(r[2], r[1] == "demonym" ? kGazetteerDemonym : kGazetteerCountry,
               &words);
    }
  }
  CHANCERY_RETURN_IF_ERROR(ReadFields(dir + "orgs.tsv", false, &records));
  for (const auto& r : records) {
    if (r.size() >= 3) AddWords(r[2], kGazetteerOrg, &words);
  }
  CHANCERY_RETURN_IF_ERROR(
      ReadFields(dir + "company_words.txt", false, &records));
  for (const auto& r : records) {
    for (const NerToken& t : TokenizeForNer(r[0], NerTokenization::kWords)) {
      const std::string_view word =
          std::string_view(r[0]).substr(t.begin, t.end - t.begin);
      words[NerGazetteerKey(NerLowerHash(word))] |= kGazetteerOrg;
    }
  }
  std::vector<NerGazetteerEntry> entries;
  entries.reserve(words.size());
  for (const auto& [key, flags] : words) entries.push_back({key, flags});
  return entries;
}

}  // namespace chancery
