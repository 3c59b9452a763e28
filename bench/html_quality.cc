// html_quality: how well the HTML reader finds a page's main text, on the
// 990 hand-marked pages of ../shared/html (see its README): a `with`
// segment found in the extracted body is a true positive, a `without`
// segment found a false positive; P, R and F over all segments; pages/s
// of ArticleFromHtml (charset, parse, metadata and main text) on one core.
//
//   build/bin/html_quality [--data ../shared/html] [--part tuning|heldout|all]
//                          [--dump FILE] [--explain FILE] [--show FILE]
//                          [--model FILE] [--folds K --fold I]
//
// The pages are split for good once: a page is held out when the FNV-1a
// hash of its file name is 0 mod 3 (about a third). Rules and thresholds
// of the extractor were chosen on the tuning part only; the held-out
// figures are the ones to quote. --dump writes one line a page
// (split, file, tp, fn, fp, body length) for error analysis on the tuning
// part. --part tuning scores the tuning part only (held-out pages are not
// even read), for the rounds of tuning; --explain writes, for tuning pages
// only, each missed `with` and each found `without` segment; --show FILE
// prints the text extracted from one tuning page. --model FILE uses a
// block classifier html_block_train wrote instead of the built-in one;
// --folds K --fold I scores only the tuning pages of sites in fold I of K
// (SiteFold), for cross-validation within the tuning part. Exits 0 with a
// note when the data directory is missing (a user's clone has no ../shared).
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "bench/html_pages.h"
#include "common/base/numbers.h"
#include "indexer/readers/html_reader.h"

namespace chancery {
namespace {

struct Counts {
  long tp = 0, fn = 0, fp = 0, tn = 0;
  long pages = 0, empty_pages = 0;
  double seconds = 0;
};

void PrintRow(const char* label, const Counts& c) {
  const double p = c.tp + c.fp ? double(c.tp) / (c.tp + c.fp) : 0;
  const double r = c.tp + c.fn ? double(c.tp) / (c.tp + c.fn) : 0;
  const double f = p + r > 0 ? 2 * p * r / (p + r) : 0;
  std::printf(
      "%-9s %5ld pages  P %.3f  R %.3f  F %.3f  empty %ld  %.0f pages/s\n",
      label, c.pages, p, r, f, c.empty_pages,
      c.seconds > 0 ? c.pages / c.seconds : 0);
}

int Run(int argc, char** argv) {
  std::string data = "../shared/html";
  std::string dump_path;
  std::string explain_path;
  std::string part = "all";
  std::string show_file;
  std::string model_path;
  int folds = 0, fold = -1;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--data") {
      data = argv[i + 1];
    } else if (flag == "--dump") {
      dump_path = argv[i + 1];
    } else if (flag == "--explain") {
      explain_path = argv[i + 1];
    } else if (flag == "--show") {
      show_file = argv[i + 1];
      if (IsHeldOut(show_file)) {
        std::fprintf(stderr, "html_quality: --show %s: a held-out page\n",
                     show_file.c_str());
        return 2;
      }
    } else if (flag == "--model") {
      model_path = argv[i + 1];
    } else if (flag == "--folds" || flag == "--fold") {
      const std::optional<int> n = ParseInt(argv[i + 1]);
      if (!n.has_value() || *n < 0) {
        std::fprintf(stderr, "html_quality: %s %s: not a count\n", flag.c_str(),
                     argv[i + 1]);
        return 2;
      }
      (flag == "--folds" ? folds : fold) = *n;
    } else if (flag == "--part") {
      part = argv[i + 1];
      if (part != "tuning" && part != "heldout" && part != "all") {
        std::fprintf(stderr,
                     "html_quality: --part %s: not tuning|heldout|all\n",
                     part.c_str());
        return 2;
      }
    } else {
      std::fprintf(stderr, "html_quality: unknown flag %s\n", flag.c_str());
      return 2;
    }
  }
  const std::filesystem::path segments_path =
      std::filesystem::path(data) / "segments.json";
  if (!std::filesystem::exists(segments_path)) {
    std::printf("html_quality: %s not found; skipped (needs ../shared/html)\n",
                segments_path.c_str());
    return 0;
  }
  if (fold >= 0 && (folds < 2 || fold >= folds)) {
    std::fprintf(stderr, "html_quality: --fold %d: needs --folds above it\n",
                 fold);
    return 2;
  }
  if (fold >= 0) part = "tuning";  // folds split the tuning part only
  std::optional<BlockModel> model;
  if (!model_path.empty()) {
    std::ifstream model_in(model_path);
    std::stringstream model_text;
    model_text << model_in.rdbuf();
    if (!model_in) {
      std::fprintf(stderr, "html_quality: --model %s: cannot read\n",
                   model_path.c_str());
      return 2;
    }
    StatusOr<BlockModel> parsed =
        BlockModel::Parse(model_text.str(), model_path);
    if (!parsed.ok()) {
      std::fprintf(stderr, "html_quality: %s\n",
                   parsed.status().ToString().c_str());
      return 2;
    }
    model.emplace(std::move(parsed).value());
  }
  MainTextOptions options;
  if (model.has_value()) options.model = &*model;
  std::ifstream in(segments_path);
  const nlohmann::json segments =
      nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
  if (!segments.is_object()) {
    std::fprintf(stderr, "%s: not a JSON object\n", segments_path.c_str());
    return 1;
  }
  std::FILE* dump = nullptr;
  if (!dump_path.empty()) dump = std::fopen(dump_path.c_str(), "w");
  std::FILE* explain = nullptr;
  if (!explain_path.empty()) explain = std::fopen(explain_path.c_str(), "w");
  Counts tune, held;
  for (const auto& [url, entry] : segments.items()) {
    const std::string file = entry.value("file", "");
    const bool held_out = IsHeldOut(file);
    if ((part == "tuning" && held_out) || (part == "heldout" && !held_out) ||
        (!show_file.empty() && file != show_file) ||
        (fold >= 0 && SiteFold(url, folds) != fold)) {
      continue;
    }
    std::string html;
    if (!ReadGzip(std::filesystem::path(data) / "pages" / file, &html)) {
      std::fprintf(stderr, "%s/pages/%s: cannot read\n", data.c_str(),
                   file.c_str());
      continue;
    }
    Counts& c = held_out ? held : tune;
    const auto start = std::chrono::steady_clock::now();
    std::string date_text;
    const Article article =
        ArticleFromHtml(std::move(html), "", &date_text, "", options);
    c.seconds +=
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
            .count();
    if (!show_file.empty()) std::printf("%s\n", article.body.c_str());
    const std::string body = NormaliseSpace(article.body);
    long tp = 0, fn = 0, fp = 0;
    for (const auto& s : entry.value("with", nlohmann::json::array())) {
      const std::string seg = NormaliseSpace(s.get<std::string>());
      const bool found = !body.empty() && body.find(seg) != std::string::npos;
      (found ? tp : fn)++;
      if (!found && explain != nullptr && !held_out) {
        std::fprintf(explain, "%s\tMISSED\t%s\n", file.c_str(), seg.c_str());
      }
    }
    for (const auto& s : entry.value("without", nlohmann::json::array())) {
      const std::string seg = NormaliseSpace(s.get<std::string>());
      if (!body.empty() && body.find(seg) != std::string::npos) {
        ++fp;
        if (explain != nullptr && !held_out) {
          std::fprintf(explain, "%s\tFOUND\t%s\n", file.c_str(), seg.c_str());
        }
      } else {
        ++c.tn;
      }
    }
    c.tp += tp;
    c.fn += fn;
    c.fp += fp;
    ++c.pages;
    if (body.empty()) ++c.empty_pages;
    if (dump != nullptr) {
      std::fprintf(dump, "%s\t%s\t%ld\t%ld\t%ld\t%zu\n",
                   held_out ? "held-out" : "tuning", file.c_str(), tp, fn, fp,
                   body.size());
    }
  }
  if (dump != nullptr) std::fclose(dump);
  if (explain != nullptr) std::fclose(explain);
  Counts all = tune;
  all.tp += held.tp;
  all.fn += held.fn;
  all.fp += held.fp;
  all.tn += held.tn;
  all.pages += held.pages;
  all.empty_pages += held.empty_pages;
  all.seconds += held.seconds;
  if (part != "heldout") PrintRow("tuning", tune);
  if (part != "tuning") PrintRow("held-out", held);
  if (part == "all") PrintRow("all", all);
  return 0;
}

}  // namespace
}  // namespace chancery

int main(int argc, char** argv) { return chancery::Run(argc, argv); }
