#include "bench/search_bench/query_set.h"

#include <httplib.h>
#include <zlib.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <unordered_map>

namespace chancery::bench {
namespace {

bool ReadLines(const std::string& path,
               const std::function<void(const std::string&)>& fn) {
  gzFile in = gzopen(path.c_str(), "rb");
  if (!in) return false;
  std::string line;
  char buf[1 << 16];
  int n;
  while ((n = gzread(in, buf, sizeof buf)) > 0) {
    for (int i = 0; i < n; ++i) {
      if (buf[i] == '\n') {
        if (!line.empty()) fn(line);
        line.clear();
      } else {
        line += buf[i];
      }
    }
  }
  if (!line.empty()) fn(line);
  gzclose(in);
  return true;
}

std::string StringField(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : "";
}

const std::set<std::string>& StopWords() {
  static const std::set<std::string> kStop = {
      "the", "and",  "for",  "from", "with", "says",  "said", "say",  "its",
      "his", "has",  "have", "was",  "are",  "not",   "but",  "by",   "of",
      "to",  "in",   "on",   "at",   "a",    "an",    "be",   "it",   "as",
      "u",   "s",    "is",   "up",   "sees", "set",   "will", "may",  "new",
      "pct", "mln",  "dlrs", "year", "qtr",  "net",   "shr",  "vs",   "cts",
      "inc", "corp", "co",   "ltd",  "plc",  "after", "over", "into", "unit",
      "1st", "2nd",  "3rd",  "4th",  "1986", "1987"};
  return kStop;
}

std::vector<std::string> Words(const std::string& title) {
  std::vector<std::string> out;
  std::string w;
  for (char c : title + " ") {
    if (std::isalpha(static_cast<unsigned char>(c))) {
      w += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else {
      if (w.size() >= 3 && !StopWords().count(w))
        out.push_back(w);
      else if (!w.empty())
        out.push_back("");  // breaks bigrams
      w.clear();
    }
  }
  return out;
}

std::vector<std::string> Top(const std::unordered_map<std::string, int>& freq,
                             size_t top) {
  std::vector<std::pair<int, std::string>> v;
  for (const auto& [k, n] : freq) v.emplace_back(-n, k);
  std::sort(v.begin(), v.end());
  std::vector<std::string> out;
  for (size_t i = 0; i < v.size() && i < top; ++i) out.push_back(v[i].second);
  return out;
}

}  // namespace

long ReplicateCorpus(const std::string& corpus_gz, int copies,
                     const std::string& out_path) {
  std::vector<std::string> lines;
  if (!ReadLines(corpus_gz,
                 [&](const std::string& l) { lines.push_back(l); })) {
    return -1;
  }
  std::ofstream out(out_path);
  long written = 0;
  for (int k = 0; k < copies; ++k) {
    for (const std::string& line : lines) {
      nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
      if (!j.is_object()) continue;
      if (k > 0) {
        j["id"] = StringField(j, "id") + "-" + std::to_string(k);
        std::string date = StringField(j, "date");
        if (date.size() >= 4) {
          date =
              std::to_string(std::stoi(date.substr(0, 4)) + k) + date.substr(4);
          j["date"] = date;
        }
      }
      out << j.dump() << '\n';
      ++written;
    }
  }
  return out ? written : -1;
}

TitleVocabulary ReadTitleVocabulary(const std::string& corpus_gz, size_t top) {
  std::unordered_map<std::string, int> words, bigrams;
  ReadLines(corpus_gz, [&](const std::string& line) {
    nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
    if (!j.is_object()) return;
    std::vector<std::string> w = Words(StringField(j, "title"));
    for (size_t i = 0; i < w.size(); ++i) {
      if (w[i].empty()) continue;
      ++words[w[i]];
      if (i + 1 < w.size() && !w[i + 1].empty())
        ++bigrams[w[i] + " " + w[i + 1]];
    }
  });
  return {Top(words, top), Top(bigrams, top)};
}

std::string BenchQuery::Target(const std::string& route) const {
  std::string t = route + "?q=" + httplib::detail::encode_query_param(q);
  if (!country.empty()) t += "&country=" + country;
  if (!month.empty()) t += "&from=" + month + "&to=" + month;
  if (by_story) t += "&collapse=story";
  return t;
}

std::vector<BenchQuery> MakeQueries(const TitleVocabulary& vocab,
                                    const std::vector<std::string>& countries,
                                    const std::vector<std::string>& months,
                                    size_t count, unsigned seed,
                                    std::vector<std::string>& taken) {
  std::mt19937 rng(seed);
  std::set<std::string> seen(taken.begin(), taken.end());
  std::vector<BenchQuery> out;
  for (size_t i = 0; out.size() < count && i < count * 50; ++i) {
    BenchQuery q;
    const auto& pool =
        (i % 2 == 0 || vocab.bigrams.empty()) ? vocab.words : vocab.bigrams;
    // Favour frequent entries, as real traffic does (Zipf-like).
    std::uniform_real_distribution<double> u(0, 1);
    size_t index = static_cast<size_t>(pool.size() * u(rng) * u(rng));
    q.q = pool[std::min(index, pool.size() - 1)];
    int kind = static_cast<int>(out.size() % 3);
    if (kind == 1 && !countries.empty()) {
      q.country = countries[rng() % countries.size()];
    } else if (kind == 2 && !months.empty()) {
      q.month = months[rng() % months.size()];
    }
    std::string key = q.Target();
    if (!seen.insert(key).second) continue;
    taken.push_back(key);
    out.push_back(std::move(q));
  }
  return out;
}

}  // namespace chancery::bench
