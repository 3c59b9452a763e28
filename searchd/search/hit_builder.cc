#include "searchd/search/hit_builder.h"

namespace chancery {
namespace {

std::vector<EntityRef> Refs(const std::vector<Entity>& entities,
                            bool with_mentions) {
  std::vector<EntityRef> refs;
  refs.reserve(entities.size());
  for (const Entity& e : entities) {
    refs.push_back({e.id, e.label, with_mentions ? e.mentions : 0});
  }
  return refs;
}

Hit Summary(const StoredArticle& stored, bool with_mentions) {
  const Article& a = stored.article;
  Hit hit;
  hit.id = a.id;
  hit.title = a.title;
  hit.date = a.date ? FormatIsoDate(*a.date) : "";
  hit.url = a.url;
  hit.source = a.source;
  hit.lang = a.lang;
  hit.countries = Refs(stored.entities.countries, with_mentions);
  hit.people = Refs(stored.entities.people, with_mentions);
  hit.orgs = Refs(stored.entities.orgs, with_mentions);
  return hit;
}

}  // namespace

Hit HitFromArticle(const StoredArticle& stored) {
  return Summary(stored, /*with_mentions=*/false);
}

DocumentView DocumentViewFromArticle(const StoredArticle& stored) {
  DocumentView view;
  view.summary = Summary(stored, /*with_mentions=*/true);
  view.body = stored.article.body;
  view.author = stored.article.author;
  view.dateline = stored.article.dateline;
  view.meta_json =
      stored.article.meta_json.empty() ? "{}" : stored.article.meta_json;
  return view;
}

}  // namespace chancery
