#include "searchd/http/analyst_json.h"

#include <nlohmann/json.hpp>

#include "searchd/search/burst_detector.h"

namespace chancery {
namespace {

using json = nlohmann::ordered_json;

// As json_render.cc does: invalid UTF-8 must not throw.
std::string Serialise(const json& j) {
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

json ValuesJson(const std::vector<ComentionValue>& values) {
  json out = json::array();
  for (const ComentionValue& v : values) {
    out.push_back({{"value", v.value},
                   {"label", v.label},
                   {"count", v.count},
                   {"share", v.share},
                   {"index_count", v.index_count},
                   {"lift", v.lift},
                   {"significance", v.significance}});
  }
  return out;
}

json DaysJson(const std::vector<BurstDay>& days) {
  json out = json::array();
  for (const BurstDay& d : days) {
    json day = {{"date", d.date},
                {"count", d.count},
                {"all", d.all},
                {"share", d.share},
                {"burst", d.burst}};
    if (d.has_baseline) {
      day["baseline"] = d.baseline;
      day["sd"] = d.sd;
      day["z"] = d.z;
    } else {
      day["baseline"] = nullptr;
      day["sd"] = nullptr;
      day["z"] = nullptr;
    }
    out.push_back(std::move(day));
  }
  return out;
}

}  // namespace

std::string RenderComentions(const ComentionResponse& r) {
  json out = {{"field", r.field},
              {"articles", r.articles},
              {"index_articles", r.index_articles}};
  if (r.with_field.empty()) {
    out["with"] = nullptr;
  } else {
    json matches = json::array();
    for (const FacetValue& v : r.with_matches) {
      matches.push_back(
          {{"value", v.value}, {"label", v.label}, {"index_count", v.count}});
    }
    out["with"] = {{"field", r.with_field},
                   {"value", r.with_value},
                   {"matches", std::move(matches)}};
  }
  if (r.against.empty()) {
    out["values"] = ValuesJson(r.values);
  } else {
    out["against"] = r.against;
    out["rows"] = ValuesJson(r.rows);
    out["columns"] = ValuesJson(r.columns);
    out["cells"] = r.cells;
  }
  out["took_ms"] = r.took_ms;
  return Serialise(out);
}

std::string RenderTimeline(const TimelineResponse& r) {
  json series = json::array();
  for (const TimelineSeries& s : r.series) {
    json buckets = json::array();
    for (size_t b = 0; b < r.buckets.size(); ++b) {
      buckets.push_back(
          {{"value", r.buckets[b]}, {"count", s.counts[b]}, {"all", r.all[b]}});
    }
    series.push_back(
        {{"q", s.q}, {"total", s.total}, {"buckets", std::move(buckets)}});
  }
  return Serialise({{"interval", r.interval},
                    {"series", std::move(series)},
                    {"took_ms", r.took_ms}});
}

std::string RenderBursts(const BurstResponse& r) {
  const BurstTest test;
  json values = json::array();
  for (const BurstValue& v : r.values) {
    json value = {{"value", v.value},
                  {"label", v.label},
                  {"count", v.count},
                  {"max_z", v.max_z},
                  {"bursts", DaysJson(v.bursts)}};
    if (!v.days.empty()) value["days"] = DaysJson(v.days);
    values.push_back(std::move(value));
  }
  return Serialise({{"field", r.field},
                    {"from", r.from.empty() ? json(nullptr) : json(r.from)},
                    {"to", r.to.empty() ? json(nullptr) : json(r.to)},
                    {"test",
                     {{"window_days", test.window},
                      {"min_baseline_days", test.min_baseline_days},
                      {"min_count", test.min_count},
                      {"sd_floor", test.sd_floor},
                      {"min_z", test.min_z}}},
                    {"values", std::move(values)},
                    {"took_ms", r.took_ms}});
}

}  // namespace chancery
