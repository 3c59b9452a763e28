#include "searchd/http/json_render.h"

#include <nlohmann/json.hpp>

#include "common/facets.h"

namespace chancery {
namespace {

using json = nlohmann::ordered_json;

// Invalid UTF-8 in stored text must not turn a response into an exception.
std::string Dump(const json& j) {
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

json OrNull(const std::string& s) {
  return s.empty() ? json(nullptr) : json(s);
}

// Adds the hit's list of one entity field under the field's hit_key.
void AddEntities(const std::vector<EntityRef>& refs,
                 std::vector<Entity> ArticleEntities::*list, bool mentions,
                 json& hit) {
  const schema::FieldSpec& field = schema::EntityField(list);
  json out = json::array();
  for (const EntityRef& r : refs) {
    json e = {{field.hit_id_key, r.id}, {"name", r.name}};
    if (mentions) {
      e["mentions"] = r.mentions;
      e["types"] = r.types;
      json spans = json::array();
      for (const MentionView& m : r.spans) {
        spans.push_back({{"field", m.field},
                         {"begin", m.begin},
                         {"end", m.end},
                         {"type", m.type},
                         {"text", m.text}});
      }
      e["spans"] = std::move(spans);
      e["native_forms"] = r.native_forms;
    }
    out.push_back(std::move(e));
  }
  hit[field.hit_key] = std::move(out);
}

json HitJson(const Hit& hit, bool mentions) {
  json out = {{"id", hit.id},
              {"title", hit.title},
              {"date", OrNull(hit.date)},
              {"url", OrNull(hit.url)},
              {"source", OrNull(hit.source)},
              {"lang", OrNull(hit.lang)},
              {"score", hit.score},
              {"snippet", hit.snippet}};
  AddEntities(hit.countries, &ArticleEntities::countries, mentions, out);
  AddEntities(hit.people, &ArticleEntities::people, mentions, out);
  AddEntities(hit.orgs, &ArticleEntities::orgs, mentions, out);
  if (hit.has_story) {
    const StorySummary& s = hit.story;
    out["story"] = {
        {"id", s.id},
        {"versions", s.versions},
        {"size", s.size},
        {"first_reported",
         {{"date", OrNull(s.first_date)}, {"source", OrNull(s.first_source)}}},
        {"other_sources", s.other_sources}};
  }
  return out;
}

json FacetValuesJson(const FacetResult& facet) {
  // Values that are their own labels (date buckets) are sent once.
  const schema::FieldSpec* field = schema::FindField(facet.name);
  const bool labelled =
      !field || field->label_source != schema::LabelSource::kValue;
  json values = json::array();
  for (const FacetValue& v : facet.values) {
    json item = {{"value", v.value}};
    if (labelled) item["label"] = v.label;
    item["count"] = v.count;
    if (v.all >= 0) item["all"] = v.all;
    if (v.selected) item["selected"] = true;
    values.push_back(std::move(item));
  }
  return values;
}

}  // namespace

std::string RenderSearchResponse(const SearchResponse& r) {
  json hits = json::array();
  for (const Hit& h : r.hits) hits.push_back(HitJson(h, false));
  json facets = json::object();
  json exact = json::object();
  std::string interval;
  for (const FacetResult& f : r.facets) {
    facets[f.name] = FacetValuesJson(f);
    exact[f.name] = f.exact;
    if (!f.interval.empty()) interval = f.interval;
  }
  json out = {{"total", r.total},
              {"total_exact", r.total_exact},
              {"took_ms", r.took_ms},
              {"hits", std::move(hits)},
              {"facets", std::move(facets)},
              {"facets_exact", std::move(exact)},
              {"suggestion", OrNull(r.suggestion)},
              {"unit", r.unit}};
  if (!interval.empty()) out["date_interval"] = interval;
  if (!r.revision.empty()) out["revision"] = r.revision;
  return Dump(out);
}

std::string RenderDocument(const DocumentView& doc) {
  json out = HitJson(doc.summary, /*mentions=*/true);
  out.erase("score");
  out.erase("snippet");
  out["body"] = doc.body;
  out["author"] = OrNull(doc.author);
  out["dateline"] = OrNull(doc.dateline);
  json meta = json::parse(doc.meta_json, nullptr, /*allow_exceptions=*/false);
  out["meta"] = meta.is_object() ? meta : json::object();
  json highlights = json::array();
  for (const Highlight& h : doc.highlights) {
    highlights.push_back(
        {{"field", h.field}, {"start", h.start}, {"end", h.end}});
  }
  out["highlights"] = std::move(highlights);
  return Dump(out);
}

std::string RenderFacetValues(const FacetResult& facet) {
  return Dump({{"facet", facet.name}, {"values", FacetValuesJson(facet)}});
}

std::string RenderStory(const StoryView& story) {
  json versions = json::array();
  for (const StoryVersion& v : story.versions) {
    json version = HitJson(v.summary, /*mentions=*/false);
    version.erase("score");
    version.erase("snippet");
    version["sentences"] = v.sentences;
    version["added"] = v.added;
    versions.push_back(std::move(version));
  }
  return Dump({{"id", story.id},
               {"size", story.versions.size()},
               {"versions", std::move(versions)}});
}

std::string RenderTerms(const TermsResponse& t) {
  auto list = [](const std::vector<TermStat>& stats) {
    json out = json::array();
    for (const TermStat& s : stats) {
      json item = {{"term", s.term},
                   {"count", s.count},
                   {"index_count", s.index_count},
                   {"score", s.score}};
      if (!s.stem.empty()) item["stem"] = s.stem;
      out.push_back(std::move(item));
    }
    return out;
  };
  return Dump({{"total", t.total},
               {"articles", t.articles},
               {"sampled", t.sampled},
               {"sample_size", t.sample_size},
               {"phrase_sample_size", t.phrase_sample_size},
               {"words", list(t.words)},
               {"phrases", list(t.phrases)},
               {"took_ms", t.took_ms}});
}

std::string RenderStats(const IndexStats& s) {
  return Dump({{"articles", s.articles},
               {"index_size_bytes", s.size_bytes},
               {"last_update", OrNull(s.last_update)},
               {"shards", s.shards},
               {"distinct_values", s.distinct_values}});
}

std::string RenderSchema() {
  json fields = json::array();
  for (const schema::FieldSpec& f : schema::kFields) {
    json field = {{"name", f.name},
                  {"label", f.label},
                  {"plural_label", f.plural_label},
                  {"kind", schema::KindName(f.kind)},
                  {"normalisation", schema::NormalisationName(f.normalisation)},
                  {"label_source", schema::LabelSourceName(f.label_source)},
                  {"filter", schema::HasValues(f)},
                  {"default_facet", f.default_facet},
                  {"value_search", f.value_search}};
    if (f.kind == schema::FieldKind::kEntity) {
      field["hit_key"] = f.hit_key;
      field["hit_id_key"] = f.hit_id_key;
    }
    fields.push_back(std::move(field));
  }
  return Dump({{"fields", std::move(fields)}});
}

std::string RenderHealth(const IndexStats& s) {
  return Dump({{"status", "ok"}, {"articles", s.articles}});
}

std::string RenderError(const std::string& code, const std::string& message,
                        const std::string& param) {
  return Dump(
      {{"error",
        {{"code", code}, {"message", message}, {"param", OrNull(param)}}}});
}

}  // namespace chancery
