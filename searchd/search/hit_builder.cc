#include "searchd/search/hit_builder.h"

#include <algorithm>
#include <optional>
#include <string_view>
#include <utility>

#include "common/base/utf8.h"

namespace chancery {
namespace {

// The stored text of a mention's field; nullopt for kPublisher.
std::optional<std::string_view> FieldText(const Article& a,
                                          MentionField field) {
  switch (field) {
    case MentionField::kTitle:
      return a.title;
    case MentionField::kBody:
      return a.body;
    case MentionField::kDateline:
      return a.dateline;
    case MentionField::kPublisher:
      return std::nullopt;
  }
  return std::nullopt;
}

// The span as shown, or nullopt when its offsets do not delimit whole
// characters of valid UTF-8 inside the field (the stored data comes from
// another program, maybe another version of it).
std::optional<MentionView> View(const Article& a, const Mention& m) {
  MentionView view;
  view.field = MentionFieldName(m.field);
  view.type = MentionTypeName(m.type);
  const std::optional<std::string_view> text = FieldText(a, m.field);
  if (!text) return view;
  if (m.begin >= m.end || m.end > text->size()) return std::nullopt;
  const std::string_view slice = text->substr(m.begin, m.end - m.begin);
  // A valid slice starts and ends on character boundaries.
  if (!IsValidUtf8(slice)) return std::nullopt;
  view.begin = m.begin;
  view.end = m.end;
  view.text = std::string(slice);
  return view;
}

// Distinct span types, most frequent first, ties in order of appearance.
std::vector<std::string> Types(const std::vector<Mention>& spans) {
  std::vector<std::pair<MentionType, int>> counts;
  for (const Mention& m : spans) {
    auto it = std::find_if(counts.begin(), counts.end(),
                           [&](const auto& c) { return c.first == m.type; });
    if (it == counts.end()) {
      counts.emplace_back(m.type, 1);
    } else {
      ++it->second;
    }
  }
  std::stable_sort(
      counts.begin(), counts.end(),
      [](const auto& x, const auto& y) { return x.second > y.second; });
  std::vector<std::string> types;
  for (const auto& [type, unused] : counts) {
    types.emplace_back(MentionTypeName(type));
  }
  return types;
}

std::vector<EntityRef> Refs(const Article& a,
                            const std::vector<Entity>& entities,
                            bool document) {
  std::vector<EntityRef> refs;
  refs.reserve(entities.size());
  for (const Entity& e : entities) {
    EntityRef ref;
    ref.id = e.id;
    ref.name = e.label;
    if (document) {
      ref.mentions = e.mentions;
      ref.types = Types(e.spans);
      for (const Mention& m : e.spans) {
        if (std::optional<MentionView> view = View(a, m)) {
          ref.spans.push_back(std::move(*view));
        }
      }
      ref.native_forms = e.native_forms;
    }
    refs.push_back(std::move(ref));
  }
  return refs;
}

Hit Summary(const StoredArticle& stored, bool document) {
  const Article& a = stored.article;
  Hit hit;
  hit.id = a.id;
  hit.title = a.title;
  hit.date = a.date ? FormatIsoDate(*a.date) : "";
  hit.url = a.url;
  hit.source = a.source;
  hit.lang = a.lang;
  hit.countries = Refs(a, stored.entities.countries, document);
  hit.people = Refs(a, stored.entities.people, document);
  hit.orgs = Refs(a, stored.entities.orgs, document);
  return hit;
}

}  // namespace

Hit HitFromArticle(const StoredArticle& stored) {
  return Summary(stored, /*document=*/false);
}

DocumentView DocumentViewFromArticle(const StoredArticle& stored) {
  DocumentView view;
  view.summary = Summary(stored, /*document=*/true);
  view.body = stored.article.body;
  view.author = stored.article.author;
  view.dateline = stored.article.dateline;
  view.meta_json =
      stored.article.meta_json.empty() ? "{}" : stored.article.meta_json;
  return view;
}

}  // namespace chancery
