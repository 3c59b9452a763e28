// search_bench: latency and throughput of chancery-searchd on a >= 200k
// article index. Builds the index once (Reuters train x14 through
// chancery-index), starts the server, and replays distinct queries with the
// four default facets over HTTP keep-alive: first one client (p50/p99),
// then the same queries on /api/terms (one client: p50/p99, and how many
// were sampled), then N concurrent clients (requests/s), then a burst of B
// clients that each open a new connection and send one request at the same
// moment (the listen backlog and connection hand-off). No query repeats across
// phases, so no result cache could make the figures.
//
// After the single-client search phase, one client replays each analyst
// view (co-mentions, timeline, bursts) the same way, printed beside it.
//
//   search_bench [--work DIR] [--copies 14] [--queries 1000]
//                [--analyst-queries 300]
//                [--concurrent-queries 4000] [--clients 8] [--burst 200]
//                [--terms-queries 300]
//                [--server-threads N (default: the server's own)] [--baseline]
//                [--export-only]
// The export phase (export_bench.h) streams every article as CSV.
#include <httplib.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>
#include <xapian.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>
#include <thread>

#include "bench/search_bench/analyst_queries.h"
#include "bench/search_bench/baseline.h"
#include "bench/search_bench/export_bench.h"
#include "bench/search_bench/query_set.h"

namespace {

using chancery::bench::BenchQuery;

struct Options {
  std::string work = "/tmp/chancery-search-bench";
  int copies = 14;
  size_t queries = 1000;
  size_t concurrent_queries = 4000;
  size_t analyst_queries = 300;  // Per analyst phase; 0 = none.
  int clients = 8;
  int burst = 200;
  size_t terms_queries = 300;  // Of the single-client ones, on /api/terms.
  int server_threads = 0;      // 0: the server's default.
  int port = 18777;
  bool baseline = false;
  bool by_story = false;     // --collapse: every query with collapse=story
  bool export_only = false;  // Only the export phase.
};

double Percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  size_t i =
      std::min(v.size() - 1, static_cast<size_t>(p * (v.size() - 1) + 0.5));
  return v[i];
}

void PrintLatency(const char* what, const std::vector<double>& ms) {
  double sum = 0;
  for (double m : ms) sum += m;
  std::printf(
      "%-34s n=%zu  p50 %.2f ms  p90 %.2f ms  p99 %.2f ms  max %.2f ms  mean "
      "%.2f ms\n",
      what, ms.size(), Percentile(ms, 0.5), Percentile(ms, 0.9),
      Percentile(ms, 0.99), Percentile(ms, 1.0),
      sum / std::max<size_t>(1, ms.size()));
}

bool EnsureIndex(const Options& o, const std::string& index) {
  try {
    Xapian::Database db(index);
    if (db.get_doccount() >= 200000) {
      std::printf("index: %s (%u articles, reused)\n", index.c_str(),
                  db.get_doccount());
      return true;
    }
  } catch (const Xapian::Error&) {
  }
  std::filesystem::remove_all(index);
  const std::string jsonl =
      o.work + "/reuters-x" + std::to_string(o.copies) + ".jsonl";
  long n =
      chancery::bench::ReplicateCorpus(CHANCERY_BENCH_CORPUS, o.copies, jsonl);
  if (n < 0) {
    std::fprintf(stderr, "search_bench: cannot replicate %s\n",
                 CHANCERY_BENCH_CORPUS);
    return false;
  }
  std::printf("index: building %s from %ld articles with chancery-index...\n",
              index.c_str(), n);
  std::fflush(stdout);
  auto start = std::chrono::steady_clock::now();
  std::string cmd = std::string(CHANCERY_BIN_DIR) + "/chancery-index --db '" +
                    index + "' '" + jsonl + "' 2> '" + o.work + "/index.log'";
  int rc = std::system(cmd.c_str());
  double s =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  std::filesystem::remove(jsonl);
  if (rc != 0 && WEXITSTATUS(rc) != 3) {
    std::fprintf(stderr,
                 "search_bench: chancery-index failed (see %s/index.log)\n",
                 o.work.c_str());
    return false;
  }
  std::printf("index: built in %.0f s\n", s);
  return true;
}

pid_t StartServer(const Options& o, const std::string& index) {
  pid_t pid = fork();
  if (pid == 0) {
    std::string bin = std::string(CHANCERY_BIN_DIR) + "/chancery-searchd";
    std::string listen = "127.0.0.1:" + std::to_string(o.port);
    std::string threads = std::to_string(o.server_threads);
    if (o.server_threads > 0) {
      execl(bin.c_str(), bin.c_str(), "--db", index.c_str(), "--listen",
            listen.c_str(), "--threads", threads.c_str(), "--no-access-log",
            static_cast<char*>(nullptr));
    } else {
      execl(bin.c_str(), bin.c_str(), "--db", index.c_str(), "--listen",
            listen.c_str(), "--no-access-log", static_cast<char*>(nullptr));
    }
    _exit(127);
  }
  httplib::Client c("127.0.0.1", o.port);
  for (int i = 0; i < 600; ++i) {
    auto r = c.Get("/api/health");
    if (r && r->status == 200) return pid;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  kill(pid, SIGTERM);
  return -1;
}

std::vector<double> Replay(httplib::Client& client,
                           const std::vector<BenchQuery>& qs, size_t begin,
                           size_t end, std::atomic<int>& errors) {
  std::vector<double> ms;
  for (size_t i = begin; i < end; ++i) {
    auto start = std::chrono::steady_clock::now();
    auto r = client.Get(qs[i].Target());
    ms.push_back(std::chrono::duration<double, std::milli>(
                     std::chrono::steady_clock::now() - start)
                     .count());
    if (!r || r->status != 200) ++errors;
  }
  return ms;
}

// The single-client queries' search parameters on /api/terms: latency,
// the slowest, and how large the result sets profiled were.
void BenchTerms(httplib::Client& client, const std::vector<BenchQuery>& qs,
                size_t count, std::atomic<int>& errors) {
  std::vector<double> ms;
  std::vector<double> totals;
  size_t sampled = 0;
  std::vector<std::pair<double, std::string>> slowest;
  for (size_t i = 0; i < qs.size() && i < count; ++i) {
    const std::string target = qs[i].Target("/api/terms");
    auto start = std::chrono::steady_clock::now();
    auto r = client.Get(target);
    double took = std::chrono::duration<double, std::milli>(
                      std::chrono::steady_clock::now() - start)
                      .count();
    ms.push_back(took);
    if (!r || r->status != 200) {
      ++errors;
      continue;
    }
    const nlohmann::json j = nlohmann::json::parse(r->body);
    totals.push_back(j["total"].get<double>());
    sampled += j["sampled"].get<bool>();
    slowest.emplace_back(
        took,
        target + "  (" + std::to_string(j["total"].get<long>()) + " matches)");
  }
  PrintLatency("terms, 1 client (HTTP):", ms);
  std::printf(
      "%-34s matches p50 %.0f  p90 %.0f  max %.0f; %zu of %zu sampled\n", "",
      Percentile(totals, 0.5), Percentile(totals, 0.9), Percentile(totals, 1.0),
      sampled, ms.size());
  std::sort(slowest.rbegin(), slowest.rend());
  std::printf("slowest terms queries:\n");
  for (size_t i = 0; i < slowest.size() && i < 5; ++i) {
    std::printf("  %7.2f ms  %s\n", slowest[i].first,
                slowest[i].second.c_str());
  }
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto next = [&]() -> std::string { return i + 1 < argc ? argv[++i] : ""; };
    if (a == "--work")
      o.work = next();
    else if (a == "--copies")
      o.copies = std::stoi(next());
    else if (a == "--queries")
      o.queries = std::stoul(next());
    else if (a == "--analyst-queries")
      o.analyst_queries = std::stoul(next());
    else if (a == "--concurrent-queries")
      o.concurrent_queries = std::stoul(next());
    else if (a == "--clients")
      o.clients = std::stoi(next());
    else if (a == "--terms-queries")
      o.terms_queries = std::stoul(next());
    else if (a == "--burst")
      o.burst = std::stoi(next());
    else if (a == "--server-threads")
      o.server_threads = std::stoi(next());
    else if (a == "--port")
      o.port = std::stoi(next());
    else if (a == "--baseline")
      o.baseline = true;
    else if (a == "--collapse")
      o.by_story = true;
    else if (a == "--export-only")
      o.export_only = true;
    else {
      std::fprintf(stderr, "search_bench: unknown option %s\n", a.c_str());
      return 2;
    }
  }
  std::filesystem::create_directories(o.work);
  const std::string index = o.work + "/index";
  if (!EnsureIndex(o, index)) return 1;

  pid_t server = StartServer(o, index);
  if (server < 0) {
    std::fprintf(stderr, "search_bench: chancery-searchd did not start\n");
    return 1;
  }
  httplib::Client client("127.0.0.1", o.port);
  client.set_keep_alive(true);

  // Filter values and months that exist in the index.
  std::vector<std::string> countries, months;
  client.set_read_timeout(60, 0);
  auto facet = client.Get("/api/facet/country?size=25");
  auto dates = client.Get("/api/search?size=0&facets=date&interval=month");
  if (!facet || facet->status != 200 || !dates || dates->status != 200) {
    std::fprintf(stderr,
                 "search_bench: cannot read facet values from the server\n");
    kill(server, SIGTERM);
    return 1;
  }
  const nlohmann::json facet_json = nlohmann::json::parse(facet->body);
  const nlohmann::json dates_json = nlohmann::json::parse(dates->body);
  for (const auto& v : facet_json["values"]) countries.push_back(v["value"]);
  bool exported = true;
  if (o.export_only) {
    exported = chancery::bench::RunExportBench(o.port, server, countries[0]);
    kill(server, SIGTERM);
    waitpid(server, nullptr, 0);
    return exported ? 0 : 1;
  }
  for (const auto& v : dates_json["facets"]["date"]) {
    if (v["count"].get<int>() >= 100) months.push_back(v["value"]);
  }
  auto vocab =
      chancery::bench::ReadTitleVocabulary(CHANCERY_BENCH_CORPUS, 2000);
  std::vector<std::string> taken;
  auto warmup =
      chancery::bench::MakeQueries(vocab, countries, months, 300, 1, taken);
  auto single = chancery::bench::MakeQueries(vocab, countries, months,
                                             o.queries, 2, taken);
  auto concurrent = chancery::bench::MakeQueries(
      vocab, countries, months, o.concurrent_queries, 3, taken);
  for (auto* set : {&warmup, &single, &concurrent}) {
    for (BenchQuery& q : *set) q.by_story = o.by_story;
  }
  std::printf(
      "queries: %zu warm-up, %zu single-client, %zu concurrent; all distinct; "
      "%zu countries, %zu months to pick from\n",
      warmup.size(), single.size(), concurrent.size(), countries.size(),
      months.size());

  std::atomic<int> errors{0};
  Replay(client, warmup, 0, warmup.size(), errors);
  auto one = Replay(client, single, 0, single.size(), errors);
  PrintLatency("searchd, 1 client (HTTP):", one);
  {
    std::vector<size_t> order(one.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(),
              [&](size_t a, size_t b) { return one[a] > one[b]; });
    std::printf("slowest single-client queries:\n");
    for (size_t i = 0; i < order.size() && i < 5; ++i) {
      std::printf("  %7.2f ms  %s\n", one[order[i]],
                  single[order[i]].Target().c_str());
    }
  }
  if (o.analyst_queries > 0) {
    chancery::bench::IndexValues values;
    values.countries = countries;
    values.months = months;
    for (auto [name, list] :
         {std::pair{"person", &values.people}, {"org", &values.orgs}}) {
      auto r = client.Get(std::string("/api/facet/") + name + "?size=25");
      if (!r || r->status != 200) continue;
      const nlohmann::json body = nlohmann::json::parse(r->body);
      for (const auto& v : body["values"]) {
        list->push_back(v["value"]);
      }
    }
    for (const auto& phase : chancery::bench::MakeAnalystPhases(
             vocab, values, o.analyst_queries, 5)) {
      std::vector<double> ms;
      for (const std::string& target : phase.targets) {
        auto start = std::chrono::steady_clock::now();
        auto r = client.Get(target);
        ms.push_back(std::chrono::duration<double, std::milli>(
                         std::chrono::steady_clock::now() - start)
                         .count());
        if (!r || r->status != 200) {
          ++errors;
          std::fprintf(stderr, "search_bench: %s answered %d\n", target.c_str(),
                       r ? r->status : -1);
        }
      }
      PrintLatency(phase.name.c_str(), ms);
    }
  }
  if (o.terms_queries > 0) BenchTerms(client, single, o.terms_queries, errors);
  // A kept-alive idle connection holds a server worker until it times out.
  client.stop();

  std::vector<std::vector<double>> per(o.clients);
  std::vector<std::thread> threads;
  auto start = std::chrono::steady_clock::now();
  for (int c = 0; c < o.clients; ++c) {
    threads.emplace_back([&, c] {
      httplib::Client cl("127.0.0.1", o.port);
      cl.set_keep_alive(true);
      size_t n = concurrent.size();
      per[c] = Replay(cl, concurrent, n * c / o.clients,
                      n * (c + 1) / o.clients, errors);
    });
  }
  for (auto& t : threads) t.join();
  double wall =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  std::vector<double> all;
  for (auto& v : per) all.insert(all.end(), v.begin(), v.end());
  char label[64];
  std::snprintf(label, sizeof label, "searchd, %d clients (HTTP):", o.clients);
  PrintLatency(label, all);
  std::printf("%-34s %.0f requests/s over %.1f s\n",
              "throughput:", all.size() / wall, wall);

  // Burst: every client connects afresh and sends one query at once.
  if (o.burst > 0) {
    auto burst_queries = chancery::bench::MakeQueries(vocab, countries, months,
                                                      o.burst, 4, taken);
    std::vector<double> ms(burst_queries.size(), 0);
    std::vector<std::thread> burst;
    std::atomic<int> ready{0};
    std::atomic<bool> go{false};
    for (size_t c = 0; c < burst_queries.size(); ++c) {
      burst.emplace_back([&, c] {
        httplib::Client cl("127.0.0.1", o.port);
        cl.set_connection_timeout(10, 0);
        ++ready;
        while (!go.load()) std::this_thread::yield();
        auto t0 = std::chrono::steady_clock::now();
        auto r = cl.Get(burst_queries[c].Target());
        ms[c] = std::chrono::duration<double, std::milli>(
                    std::chrono::steady_clock::now() - t0)
                    .count();
        if (!r || r->status != 200) ++errors;
      });
    }
    while (ready.load() < static_cast<int>(burst.size()))
      std::this_thread::yield();
    go = true;
    for (auto& t : burst) t.join();
    std::snprintf(label, sizeof label,
                  "burst, %zu new connections:", ms.size());
    PrintLatency(label, ms);
    int over_900 = 0;
    for (double m : ms) over_900 += m > 900;
    std::printf("%-34s %d requests over 900 ms (SYN retries)\n", "", over_900);
  }
  exported = chancery::bench::RunExportBench(o.port, server, countries[0]);
  std::printf("errors: %d\n", errors.load());

  kill(server, SIGTERM);
  int status = 0;
  waitpid(server, &status, 0);

  if (o.baseline) {
    auto base = chancery::bench::RunBaseline(index, single);
    PrintLatency("bare Xapian baseline, in-process:", base);
  }
  return errors.load() == 0 && exported ? 0 : 1;
}
