#include "common/stored_article.h"

#include <cstdio>
#include <nlohmann/json.hpp>

#include "common/base/civil_date.h"

namespace chancery {
namespace {

using nlohmann::json;

json EntitiesToJson(const std::vector<Entity>& entities) {
  json out = json::array();
  for (const Entity& e : entities) {
    out.push_back({{"id", e.id}, {"label", e.label}, {"mentions", e.mentions}});
  }
  return out;
}

std::vector<Entity> EntitiesFromJson(const json& j) {
  std::vector<Entity> out;
  if (!j.is_array()) return out;
  for (const json& e : j) {
    out.push_back(Entity{e.value("id", ""), e.value("label", ""),
                         e.value("mentions", 1)});
  }
  return out;
}

// Parses the "YYYY-MM-DDTHH:MM:SSZ" text FormatIsoDate writes; nullopt
// when it is not a real date.
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

}  // namespace

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
  json j = {{"id", a.id},         {"title", a.title},      {"body", a.body},
            {"url", a.url},       {"source", a.source},    {"lang", a.lang},
            {"author", a.author}, {"dateline", a.dateline}};
  if (a.date) j["date"] = FormatIsoDate(*a.date);
  j["countries"] = EntitiesToJson(e.countries);
  j["people"] = EntitiesToJson(e.people);
  j["orgs"] = EntitiesToJson(e.orgs);
  json meta = json::parse(a.meta_json, nullptr, /*allow_exceptions=*/false);
  j["meta"] = meta.is_object() ? meta : json::object();
  if (!a.furniture.empty()) {
    json ranges = json::array();
    for (const auto& [begin, end] : a.furniture) ranges.push_back({begin, end});
    j["furniture"] = std::move(ranges);
  }
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

StatusOr<StoredArticle> DecodeStoredArticle(std::string_view data) {
  json j = json::parse(data, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object()) return Status::Corruption("document data is not JSON");
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
  s.entities.countries = EntitiesFromJson(j.value("countries", json::array()));
  s.entities.people = EntitiesFromJson(j.value("people", json::array()));
  s.entities.orgs = EntitiesFromJson(j.value("orgs", json::array()));
  return s;
}

}  // namespace chancery
