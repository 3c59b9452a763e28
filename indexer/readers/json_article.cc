#include "indexer/readers/json_article.h"

#include <array>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "common/base/strings.h"

namespace chancery {
namespace {

using Json = nlohmann::json;

enum class Field {
  kId,
  kTitle,
  kBody,
  kDate,
  kUrl,
  kSource,
  kLang,
  kAuthor,
  kDateline,
  kPeople,
  kCountries,
  kOrgs,
};
constexpr size_t kFieldCount = static_cast<size_t>(Field::kOrgs) + 1;

struct KeyAlias {
  std::string_view key;
  Field field;
  int rank;  // lower wins when one object has several aliases of a field
};

constexpr KeyAlias kAliases[] = {
    {"id", Field::kId, 0},
    {"title", Field::kTitle, 0},
    {"headline", Field::kTitle, 1},
    {"body", Field::kBody, 0},
    {"text", Field::kBody, 1},
    {"content", Field::kBody, 2},
    {"description", Field::kBody, 3},
    {"date", Field::kDate, 0},
    {"published", Field::kDate, 1},
    {"published_at", Field::kDate, 2},
    {"pubdate", Field::kDate, 3},
    {"datetime", Field::kDate, 4},
    {"url", Field::kUrl, 0},
    {"link", Field::kUrl, 1},
    {"source", Field::kSource, 0},
    {"lang", Field::kLang, 0},
    {"language", Field::kLang, 1},
    {"author", Field::kAuthor, 0},
    {"dateline", Field::kDateline, 0},
    {"people", Field::kPeople, 0},
    {"countries", Field::kCountries, 0},
    {"orgs", Field::kOrgs, 0},
};

// The Article member that takes each field's text as it is.
struct TextField {
  Field field;
  std::string Article::*member;
};
constexpr TextField kTextFields[] = {
    {Field::kId, &Article::id},         {Field::kTitle, &Article::title},
    {Field::kBody, &Article::body},     {Field::kUrl, &Article::url},
    {Field::kSource, &Article::source}, {Field::kLang, &Article::lang},
    {Field::kAuthor, &Article::author}, {Field::kDateline, &Article::dateline},
};

const KeyAlias* FindAlias(std::string_view key) {
  for (const KeyAlias& alias : kAliases) {
    if (EqualsIgnoreAsciiCase(alias.key, key)) return &alias;
  }
  return nullptr;
}

bool IsNamedObject(const Json& value) {
  auto name = value.find("name");
  return name != value.end() && name->is_string();
}

// Whether TakeJsonText finds text in `value`; checked before moving anything
// so that a value of the wrong shape reaches meta intact.
bool HasText(const Json& value) {
  if (value.is_string() || value.is_number()) return true;
  if (value.is_object()) return IsNamedObject(value);
  if (!value.is_array()) return false;
  for (const Json& element : value) {
    if (!(element.is_string() || element.is_number() ||
          (element.is_object() && IsNamedObject(element)))) {
      return false;
    }
  }
  return true;
}

}  // namespace

std::optional<std::string> TakeJsonText(Json& value) {
  if (!HasText(value)) return std::nullopt;
  switch (value.type()) {
    case Json::value_t::string:
      return std::move(value.get_ref<std::string&>());
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
    case Json::value_t::number_float:
      return value.dump();
    case Json::value_t::object:
      return std::move(value["name"].get_ref<std::string&>());
    case Json::value_t::array: {
      std::string joined;
      for (Json& element : value) {
        std::optional<std::string> text = TakeJsonText(element);
        if (!text || text->empty()) continue;
        if (!joined.empty()) joined += ", ";
        joined += *text;
      }
      return joined;
    }
    default:
      return std::nullopt;
  }
}

namespace {

// Strings of an array (or a lone string); nullopt for other shapes.
std::optional<std::vector<std::string>> TakeStringList(Json& value) {
  std::vector<std::string> out;
  if (value.is_string()) {
    std::string& s = value.get_ref<std::string&>();
    if (!TrimWhitespace(s).empty()) out.push_back(std::move(s));
    return out;
  }
  if (!value.is_array()) return std::nullopt;
  for (const Json& element : value) {
    if (!element.is_string()) return std::nullopt;
  }
  out.reserve(value.size());
  for (Json& element : value) {
    std::string& s = element.get_ref<std::string&>();
    if (!TrimWhitespace(s).empty()) out.push_back(std::move(s));
  }
  return out;
}

// Moves `value` into the article field; false when its type does not fit.
bool StoreField(Field field, Json& value, Article& article,
                std::string* date_text) {
  switch (field) {
    case Field::kPeople:
    case Field::kCountries:
    case Field::kOrgs: {
      std::optional<std::vector<std::string>> list = TakeStringList(value);
      if (!list) return false;
      std::vector<std::string>& target =
          field == Field::kPeople      ? article.people
          : field == Field::kCountries ? article.countries
                                       : article.orgs;
      target = std::move(*list);
      return true;
    }
    default:
      break;
  }
  std::optional<std::string> text = TakeJsonText(value);
  if (!text) return false;
  if (field == Field::kDate) {
    *date_text = std::move(*text);
  } else {
    for (const TextField& target : kTextFields) {
      if (target.field == field) article.*target.member = std::move(*text);
    }
  }
  return true;
}

}  // namespace

Article ArticleFromJsonObject(Json& object, std::string* date_text) {
  Article article;
  date_text->clear();
  // First pass: which key supplies each field (the best-ranked alias that
  // is not null). Second pass: move values into the article or into meta.
  std::array<const Json*, kFieldCount> chosen{};
  std::array<int, kFieldCount> chosen_rank{};
  for (auto it = object.begin(); it != object.end(); ++it) {
    const KeyAlias* alias = FindAlias(it.key());
    if (alias == nullptr || it->is_null()) continue;
    const size_t f = static_cast<size_t>(alias->field);
    if (chosen[f] == nullptr || alias->rank < chosen_rank[f]) {
      chosen[f] = &*it;
      chosen_rank[f] = alias->rank;
    }
  }
  Json meta = Json::object();
  for (auto it = object.begin(); it != object.end(); ++it) {
    const KeyAlias* alias = FindAlias(it.key());
    if (alias != nullptr) {
      if (it->is_null()) continue;
      if (chosen[static_cast<size_t>(alias->field)] == &*it &&
          StoreField(alias->field, *it, article, date_text)) {
        continue;
      }
    }
    meta[it.key()] = std::move(*it);
  }
  if (!meta.empty()) {
    article.meta_json =
        meta.dump(-1, ' ', false, Json::error_handler_t::replace);
  }
  return article;
}

std::string DescribeJsonError(const nlohmann::json::exception& error) {
  std::string_view what = error.what();
  const size_t tag_end = what.find("] ");
  if (tag_end != std::string_view::npos) what.remove_prefix(tag_end + 2);
  return "malformed JSON: " + std::string(what);
}

}  // namespace chancery
