#include "bench/search_bench/analyst_queries.h"

#include <httplib.h>

#include <cstdio>
#include <random>
#include <set>

namespace chancery::bench {
namespace {

std::string Encode(const std::string& s) {
  return httplib::detail::encode_query_param(s);
}

// `count` distinct targets from `make`, which draws with `rng`.
template <typename Make>
std::vector<std::string> Distinct(size_t count, std::mt19937& rng, Make make) {
  std::set<std::string> seen;
  std::vector<std::string> out;
  for (size_t i = 0; out.size() < count && i < count * 50; ++i) {
    std::string t = make(rng, out.size());
    if (seen.insert(t).second) out.push_back(std::move(t));
  }
  return out;
}

const std::string& Pick(const std::vector<std::string>& pool,
                        std::mt19937& rng) {
  // Frequent values more often, as analysts pick them (Zipf-like).
  std::uniform_real_distribution<double> u(0, 1);
  size_t i = static_cast<size_t>(pool.size() * u(rng) * u(rng));
  return pool[std::min(i, pool.size() - 1)];
}

// "1990-11" + 2 -> "1991-01".
std::string PlusMonths(const std::string& month, int add) {
  int year = std::stoi(month.substr(0, 4));
  int m = std::stoi(month.substr(5, 2)) - 1 + add;
  year += m / 12;
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d", year, m % 12 + 1);
  return buf;
}

}  // namespace

std::vector<AnalystPhase> MakeAnalystPhases(const TitleVocabulary& vocab,
                                            const IndexValues& values,
                                            size_t count, unsigned seed) {
  std::mt19937 rng(seed);
  const std::vector<std::string>& words = vocab.words;
  std::vector<std::pair<std::string, const std::vector<std::string>*>> with;
  if (!values.countries.empty()) with.push_back({"country", &values.countries});
  if (!values.people.empty()) with.push_back({"person", &values.people});
  if (!values.orgs.empty()) with.push_back({"org", &values.orgs});
  const char* kFields[] = {"person", "country", "org"};
  std::vector<AnalystPhase> phases;
  if (with.empty() || words.empty() || values.months.empty()) return phases;

  phases.push_back({"comentions, list (with=):",
                    Distinct(count, rng, [&](std::mt19937& r, size_t i) {
                      const auto& [field, pool] = with[i % with.size()];
                      std::string t =
                          "/api/comentions?field=" +
                          std::string(kFields[(i / 3) % 3]) +
                          "&with=" + Encode(field + ":" + Pick(*pool, r));
                      if (i % 2) t += "&sort=significance";
                      if (i % 4 >= 2) t += "&q=" + Encode(Pick(words, r));
                      return t;
                    })});
  phases.push_back({"comentions, matrix person x country:",
                    Distinct(count, rng, [&](std::mt19937& r, size_t i) {
                      std::string t =
                          "/api/comentions?field=person&against=country&size=" +
                          std::string(i % 2 ? "20" : "10");
                      if (i % 3 == 0) {
                        t += "&with=" + Encode("org:" + Pick(values.orgs.empty()
                                                                 ? values.people
                                                                 : values.orgs,
                                                             r));
                      } else {
                        t += "&q=" + Encode(Pick(words, r));
                      }
                      return t;
                    })});
  phases.push_back({"timeline, 3 series:",
                    Distinct(count, rng, [&](std::mt19937& r, size_t i) {
                      std::string t =
                          "/api/timeline?q=" + Encode(Pick(words, r)) +
                          "&q=" + Encode(Pick(words, r)) + "&q=" +
                          Encode(Pick(words, r) +
                                 " country:" + Pick(values.countries, r));
                      if (i % 2) t += "&interval=week";
                      return t;
                    })});
  phases.push_back({"bursts, one month, ranked:",
                    Distinct(count, rng, [&](std::mt19937& r, size_t i) {
                      const std::string& month = Pick(values.months, r);
                      std::string t =
                          "/api/bursts?field=" + std::string(kFields[i % 3]) +
                          "&from=" + month + "&to=" + month;
                      if (i % 4 == 3) t += "&q=" + Encode(Pick(words, r));
                      return t;
                    })});
  phases.push_back({"bursts, one value, 3 months:",
                    Distinct(count, rng, [&](std::mt19937& r, size_t i) {
                      const auto& [field, pool] = with[i % with.size()];
                      const std::string& month = Pick(values.months, r);
                      return "/api/bursts?field=" + field +
                             "&value=" + Encode(Pick(*pool, r)) +
                             "&from=" + month + "&to=" + PlusMonths(month, 2);
                    })});
  return phases;
}

}  // namespace chancery::bench
