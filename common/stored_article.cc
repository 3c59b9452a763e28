#include "common/stored_article.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <iterator>
#include <nlohmann/json.hpp>
#include <optional>

#include "common/base/civil_date.h"
#include "common/stored_article_binary.h"

namespace chancery {
namespace {

using nlohmann::json;

constexpr MentionField kMentionFields[] = {
    MentionField::kTitle, MentionField::kBody, MentionField::kDateline,
    MentionField::kPublisher};
constexpr MentionType kMentionTypes[] = {MentionType::kPer, MentionType::kLoc,
                                         MentionType::kOrg, MentionType::kMisc,
                                         MentionType::kRule};

// "b" for kBody: the first letter of the field's name (distinct for all).
std::string FieldCode(MentionField field) {
  return std::string(MentionFieldName(field).substr(0, 1));
}

// uint32 offset in `j`, or nullopt.
std::optional<uint32_t> Offset(const json& j) {
  if (!j.is_number_unsigned()) return std::nullopt;
  const uint64_t v = j.get<uint64_t>();
  if (v > UINT32_MAX) return std::nullopt;
  return static_cast<uint32_t>(v);
}

// nullopt for anything the JSON format's encoder did not write.
std::optional<Mention> SpanFromJson(const json& j) {
  if (!j.is_array() || j.size() != 4 || !j[0].is_string() ||
      !j[3].is_string()) {
    return std::nullopt;
  }
  Mention m;
  const std::string& code = j[0].get_ref<const std::string&>();
  const std::string& type = j[3].get_ref<const std::string&>();
  const MentionField* field =
      std::find_if(std::begin(kMentionFields), std::end(kMentionFields),
                   [&](MentionField f) { return FieldCode(f) == code; });
  const MentionType* kind =
      std::find_if(std::begin(kMentionTypes), std::end(kMentionTypes),
                   [&](MentionType t) { return MentionTypeName(t) == type; });
  const std::optional<uint32_t> begin = Offset(j[1]);
  const std::optional<uint32_t> end = Offset(j[2]);
  if (field == std::end(kMentionFields) || kind == std::end(kMentionTypes) ||
      !begin || !end || *begin > *end) {
    return std::nullopt;
  }
  m.field = *field;
  m.type = *kind;
  m.begin = *begin;
  m.end = *end;
  return m;
}

std::vector<Entity> EntitiesFromJson(const json& j) {
  std::vector<Entity> out;
  if (!j.is_array()) return out;
  for (const json& e : j) {
    if (!e.is_object()) continue;
    Entity entity;
    entity.id = e.value("id", "");
    entity.label = e.value("label", "");
    entity.mentions = e.value("mentions", 1);
    if (auto spans = e.find("spans"); spans != e.end() && spans->is_array()) {
      for (const json& span : *spans) {
        if (std::optional<Mention> m = SpanFromJson(span)) {
          entity.spans.push_back(*m);
        }
      }
    }
    if (auto forms = e.find("forms"); forms != e.end() && forms->is_array()) {
      for (const json& form : *forms) {
        if (form.is_string()) entity.native_forms.push_back(form);
      }
    }
    out.push_back(std::move(entity));
  }
  return out;
}

// The fields of a document data object; throws json::exception on a
// member of the wrong type.
StoredArticle DecodeObject(const json& j) {
  StoredArticle s;
  Article& a = s.article;
  a.id = j.value("id", "");
  a.title = j.value("title", "");
  a.body = j.value("body", "");
  a.url = j.value("url", "");
  a.source = j.value("source", "");
  a.lang = j.value("lang", "");
  a.author = j.value("author", "");
  a.dateline = j.value("dateline", "");
  if (j.contains("date") && j["date"].is_string()) {
    a.date = ParseIsoDate(j["date"].get<std::string>());
  }
  a.meta_json = j.contains("meta") ? j["meta"].dump() : "{}";
  s.entities.countries = EntitiesFromJson(j.value("countries", json::array()));
  s.entities.people = EntitiesFromJson(j.value("people", json::array()));
  s.entities.orgs = EntitiesFromJson(j.value("orgs", json::array()));
  return s;
}

}  // namespace

std::optional<int64_t> ParseIsoDate(const std::string& text) {
  CivilTime t{};
  if (std::sscanf(text.c_str(), "%d-%d-%dT%d:%d:%dZ", &t.date.year,
                  &t.date.month, &t.date.day, &t.hour, &t.minute,
                  &t.second) != 6 ||
      !IsValidCivilDate(t.date.year, t.date.month, t.date.day)) {
    return std::nullopt;
  }
  return EpochSecondsFromCivil(t);
}

std::string FormatIsoDate(int64_t epoch_seconds) {
  const CivilTime t = CivilTimeFromEpochSeconds(epoch_seconds);
  char buf[48];
  // The year unpadded, as strftime's %Y writes it (and indexes hold).
  std::snprintf(buf, sizeof buf, "%d-%02d-%02dT%02d:%02d:%02dZ", t.date.year,
                t.date.month, t.date.day, t.hour, t.minute, t.second);
  return buf;
}

std::string SearchableBody(const Article& article) {
  if (article.furniture.empty()) return article.body;
  std::string out;
  out.reserve(article.body.size());
  size_t pos = 0;
  for (const auto& [begin, end] : article.furniture) {
    if (begin < pos || end > article.body.size()) continue;  // not sorted
    out.append(article.body, pos, begin - pos);
    pos = end;
  }
  out.append(article.body, pos, std::string::npos);
  return out;
}

std::string EncodeStoredArticle(const Article& a, const ArticleEntities& e) {
  return stored_article_internal::EncodeBinary(a, e);
}

StatusOr<StoredArticle> DecodeStoredArticle(std::string_view data) {
  if (!data.empty() && data.front() == stored_article_internal::kBinaryFormat) {
    return stored_article_internal::DecodeBinary(
        data, stored_article_internal::BinaryPart::kAll);
  }
  // Data written before the binary format: one JSON object.
  json j = json::parse(data, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object()) return Status::Corruption("document data is not JSON");
  StoredArticle s;
  try {
    s = DecodeObject(j);
  } catch (const json::exception& e) {  // A member of the wrong type.
    return Status::Corruption(std::string("document data: ") + e.what());
  }
  Article& a = s.article;
  if (auto it = j.find("furniture"); it != j.end() && it->is_array()) {
    for (const json& r : *it) {
      if (!r.is_array() || r.size() != 2 || !r[0].is_number_unsigned() ||
          !r[1].is_number_unsigned()) {
        return Status::Corruption("document data: bad furniture range");
      }
      const size_t begin = r[0].get<size_t>();
      const size_t end = r[1].get<size_t>();
      if (begin > end || end > a.body.size() ||
          (!a.furniture.empty() && begin < a.furniture.back().second)) {
        return Status::Corruption("document data: bad furniture range");
      }
      a.furniture.emplace_back(begin, end);
    }
  }
  return s;
}

}  // namespace chancery
