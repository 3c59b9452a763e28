#include "searchd/http/json_render.h"

#include <nlohmann/json.hpp>

namespace chancery {
namespace {

using json = nlohmann::ordered_json;

// Invalid UTF-8 in stored text must not turn a response into an exception.
std::string Dump(const json& j) {
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

json OrNull(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }

json Entities(const std::vector<EntityRef>& refs, const char* id_key,
              bool mentions) {
  json out = json::array();
  for (const EntityRef& r : refs) {
    json e = {{id_key, r.id}, {"name", r.name}};
    if (mentions) e["mentions"] = r.mentions;
    out.push_back(std::move(e));
  }
  return out;
}

json HitJson(const Hit& hit, bool mentions) {
  return {{"id", hit.id},
          {"title", hit.title},
          {"date", OrNull(hit.date)},
          {"url", OrNull(hit.url)},
          {"source", OrNull(hit.source)},
          {"lang", OrNull(hit.lang)},
          {"score", hit.score},
          {"snippet", hit.snippet},
          {"countries", Entities(hit.countries, "code", mentions)},
          {"people", Entities(hit.people, "id", mentions)},
          {"orgs", Entities(hit.orgs, "id", mentions)}};
}

json FacetValuesJson(const FacetResult& facet) {
  json values = json::array();
  for (const FacetValue& v : facet.values) {
    json item = {{"value", v.value}};
    if (facet.name != "date") item["label"] = v.label;
    item["count"] = v.count;
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
    if (f.name == "date") interval = f.interval;
  }
  json out = {{"total", r.total},
              {"total_exact", r.total_exact},
              {"took_ms", r.took_ms},
              {"hits", std::move(hits)},
              {"facets", std::move(facets)},
              {"facets_exact", std::move(exact)},
              {"suggestion", OrNull(r.suggestion)}};
  if (!interval.empty()) out["date_interval"] = interval;
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
    highlights.push_back({{"field", h.field}, {"start", h.start}, {"end", h.end}});
  }
  out["highlights"] = std::move(highlights);
  return Dump(out);
}

std::string RenderFacetValues(const FacetResult& facet) {
  return Dump({{"facet", facet.name}, {"values", FacetValuesJson(facet)}});
}

std::string RenderStats(const IndexStats& s) {
  return Dump({{"articles", s.articles},
               {"index_size_bytes", s.size_bytes},
               {"last_update", OrNull(s.last_update)},
               {"shards", s.shards},
               {"distinct_values", s.distinct_values}});
}

std::string RenderHealth(const IndexStats& s) {
  return Dump({{"status", "ok"}, {"articles", s.articles}});
}

std::string RenderError(const std::string& code, const std::string& message,
                        const std::string& param) {
  return Dump({{"error",
                {{"code", code}, {"message", message}, {"param", OrNull(param)}}}});
}

}  // namespace chancery
