// html_block_train: trains the main-text extractor's block classifier
// (indexer/readers/block_classifier.h) on the tuning part of
// ../shared/html; held-out pages are never read.
//
//   build/bin/html_block_train [--data ../shared/html] [--out MODEL]
//       [--cc FILE] [--threshold T] [--folds K --fold I] [--epochs N]
//       [--l2 L] [--min-count C]
//
// Each tuning page is extracted with the classifier off and every block it
// would be asked about noted (BlockSample): those of the chosen text and,
// for more examples of furniture, those of the whole page. A block is furniture
// (label 1) when its text holds, or (15 characters or more) lies within, one of
// the page's `without` segments and no `with` one; text (label 0) the other way
// round; blocks of neither, or both, are not trained on. Logistic regression by
// AdaGrad with L2, over the features seen on at least C pages. The defaults
// (--threshold 0.9 --l2 1e-3 --min-count 3 --epochs 15) were chosen by
// bench/html_block_cv.sh on the tuning part. --folds K --fold I leaves the
// sites of fold I out (SiteFold), to be scored by html_quality --model MODEL
// --folds K --fold I. --out writes the model as text (BlockModel::Parse), --cc
// as the C++ source of the built-in model
// (indexer/readers/block_model_data.cc).
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "bench/html_pages.h"
#include "common/base/numbers.h"
#include "indexer/readers/html_reader.h"

namespace chancery {
namespace {

struct Example {
  std::vector<BlockFeature> features;
  int label;  // 1 furniture, 0 text
  int page;   // which page it is from
};

struct Flags {
  std::string data = "../shared/html";
  std::string out, cc;
  double threshold = 0.9;
  int folds = 0, fold = -1;
  int epochs = 15;
  double l2 = 1e-3;
  int min_count = 3;
};

bool Within(const std::string& text, const nlohmann::json& segments) {
  for (const auto& s : segments) {
    const std::string seg = NormaliseSpace(s.get<std::string>());
    if (seg.empty()) continue;
    if (text.find(seg) != std::string::npos ||
        (text.size() >= 15 && seg.find(text) != std::string::npos)) {
      return true;
    }
  }
  return false;
}

// The labelled blocks of the tuning pages (less fold `flags.fold`).
std::vector<Example> Collect(const Flags& flags, const nlohmann::json& pages,
                             int* page_count) {
  std::vector<Example> examples;
  for (const auto& [url, entry] : pages.items()) {
    const std::string file = entry.value("file", "");
    if (IsHeldOut(file)) continue;  // never read
    if (flags.fold >= 0 && SiteFold(url, flags.folds) == flags.fold) continue;
    std::string html;
    if (!ReadGzip(std::filesystem::path(flags.data) / "pages" / file, &html)) {
      std::fprintf(stderr, "%s/pages/%s: cannot read\n", flags.data.c_str(),
                   file.c_str());
      continue;
    }
    std::vector<BlockSample> samples;
    MainTextOptions options;
    options.samples = &samples;
    std::string date_text;
    ArticleFromHtml(std::move(html), "", &date_text, "", options);
    ++*page_count;
    const nlohmann::json none = nlohmann::json::array();
    const nlohmann::json& with = entry.contains("with") ? entry["with"] : none;
    const nlohmann::json& without =
        entry.contains("without") ? entry["without"] : none;
    std::unordered_set<std::string> seen;
    for (BlockSample& sample : samples) {
      std::string text = NormaliseSpace(sample.text);
      if (text.empty() || !seen.insert(text).second) continue;
      const bool is_text = Within(text, with);
      const bool is_furniture = Within(text, without);
      if (is_text == is_furniture) continue;
      examples.push_back(
          {std::move(sample.features), is_furniture ? 1 : 0, *page_count});
    }
  }
  return examples;
}

int Run(int argc, char** argv) {
  Flags flags;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    const std::string value = argv[i + 1];
    const std::optional<int> n = ParseInt(value);
    char* end = nullptr;
    const double x = std::strtod(value.c_str(), &end);
    const bool is_number = end != value.c_str() && *end == '\0';
    if (flag == "--data") {
      flags.data = value;
    } else if (flag == "--out") {
      flags.out = value;
    } else if (flag == "--cc") {
      flags.cc = value;
    } else if (flag == "--threshold" && is_number) {
      flags.threshold = x;
    } else if (flag == "--l2" && is_number) {
      flags.l2 = x;
    } else if (flag == "--folds" && n.has_value() && *n >= 2) {
      flags.folds = *n;
    } else if (flag == "--fold" && n.has_value() && *n >= 0) {
      flags.fold = *n;
    } else if (flag == "--epochs" && n.has_value() && *n > 0) {
      flags.epochs = *n;
    } else if (flag == "--min-count" && n.has_value() && *n > 0) {
      flags.min_count = *n;
    } else {
      std::fprintf(stderr, "html_block_train: bad flag %s %s\n", flag.c_str(),
                   value.c_str());
      return 2;
    }
  }
  if (flags.fold >= flags.folds && flags.fold >= 0) {
    std::fprintf(stderr, "html_block_train: --fold %d: needs --folds above\n",
                 flags.fold);
    return 2;
  }
  const auto segments_path =
      std::filesystem::path(flags.data) / "segments.json";
  if (!std::filesystem::exists(segments_path)) {
    std::printf("html_block_train: %s not found; skipped\n",
                segments_path.c_str());
    return 0;
  }
  std::ifstream in(segments_path);
  const nlohmann::json pages =
      nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
  if (!pages.is_object()) {
    std::fprintf(stderr, "%s: not a JSON object\n", segments_path.c_str());
    return 1;
  }
  int page_count = 0;
  std::vector<Example> examples = Collect(flags, pages, &page_count);
  // Features seen on at least min_count pages (sites, nearly: a name or
  // word of one site's is not learnt), densely numbered.
  std::unordered_map<uint32_t, int> counts;
  std::unordered_map<uint32_t, int> last_page;
  for (const Example& e : examples) {
    for (const BlockFeature& f : e.features) {
      auto [it, added] = last_page.try_emplace(f.id, e.page);
      if (added || it->second != e.page) ++counts[f.id];
      it->second = e.page;
    }
  }
  std::unordered_map<uint32_t, int> index;
  std::vector<uint32_t> ids;
  for (const auto& [id, count] : counts) {
    if (count >= flags.min_count) {
      index[id] = static_cast<int>(ids.size());
      ids.push_back(id);
    }
  }
  std::vector<double> w(ids.size(), 0), g2(ids.size(), 1e-8);
  std::vector<size_t> order(examples.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::mt19937 random(1);
  constexpr double kRate = 0.5;
  std::vector<std::pair<int, float>> active;
  for (int epoch = 0; epoch < flags.epochs; ++epoch) {
    std::shuffle(order.begin(), order.end(), random);
    double loss = 0;
    for (size_t k : order) {
      const Example& e = examples[k];
      active.clear();
      double z = 0;
      for (const BlockFeature& f : e.features) {
        auto it = index.find(f.id);
        if (it == index.end()) continue;
        active.push_back({it->second, f.value});
        z += w[it->second] * f.value;
      }
      const double p = 1 / (1 + std::exp(-z));
      loss -= e.label ? std::log(p + 1e-12) : std::log(1 - p + 1e-12);
      const double gradient = p - e.label;
      for (const auto& [j, value] : active) {
        const double g = gradient * value + flags.l2 * w[j];
        g2[j] += g * g;
        w[j] -= kRate * g / std::sqrt(g2[j]);
      }
    }
    std::fprintf(stderr, "epoch %d: log loss %.4f\n", epoch + 1,
                 loss / std::max<size_t>(1, examples.size()));
  }
  long furniture = 0;
  for (const Example& e : examples) furniture += e.label;
  std::vector<BlockWeight> weights;
  for (size_t j = 0; j < ids.size(); ++j) {
    if (std::fabs(w[j]) >= 1e-3) {
      weights.push_back({ids[j], static_cast<float>(w[j])});
    }
  }
  std::sort(
      weights.begin(), weights.end(),
      [](const BlockWeight& a, const BlockWeight& b) { return a.id < b.id; });
  std::printf(
      "html_block_train: %d pages, %zu blocks (%ld furniture), %zu features, "
      "%zu weights kept\n",
      page_count, examples.size(), furniture, ids.size(), weights.size());
  const std::string provenance =
      "Trained by bench/html_block_train on the tuning part of "
      "../shared/html (trafilatura's evaluation pages; the held-out third "
      "never read)";
  if (!flags.out.empty()) {
    std::FILE* out = std::fopen(flags.out.c_str(), "w");
    if (out == nullptr) {
      std::fprintf(stderr, "html_block_train: --out %s: cannot write\n",
                   flags.out.c_str());
      return 1;
    }
    std::fprintf(out, "# %s; fold %d of %d left out.\nthreshold %g\nbias 0\n",
                 provenance.c_str(), flags.fold, flags.folds, flags.threshold);
    for (const BlockWeight& bw : weights) {
      std::fprintf(out, "w %u %.6g\n", bw.id, bw.weight);
    }
    std::fclose(out);
  }
  if (!flags.cc.empty()) {
    std::FILE* out = std::fopen(flags.cc.c_str(), "w");
    if (out == nullptr) {
      std::fprintf(stderr, "html_block_train: --cc %s: cannot write\n",
                   flags.cc.c_str());
      return 1;
    }
    std::fprintf(
        out,
        "// clang-format off\n// The built-in block classifier: "
        "written by bench/html_block_train --cc, do not edit.\n// %s: "
        "%d pages, %zu blocks (%ld furniture), --threshold %g --epochs "
        "%d --l2 %g --min-count %d.\n"
        "#include \"indexer/readers/block_classifier.h\"\n\n"
        "namespace chancery {\n"
        "extern const BlockWeight kBuiltInBlockWeights[] = {\n",
        provenance.c_str(), page_count, examples.size(), furniture,
        flags.threshold, flags.epochs, flags.l2, flags.min_count);
    for (size_t j = 0; j < weights.size(); ++j) {
      std::fprintf(out, "{%uu,%.5gf},%s", weights[j].id, weights[j].weight,
                   j % 4 == 3 ? "\n" : "");
    }
    std::fprintf(out,
                 "};\nextern const size_t kBuiltInBlockWeightCount = %zu;\n"
                 "extern const double kBuiltInBlockBias = 0;\n"
                 "extern const double kBuiltInBlockThreshold = %g;\n"
                 "}  // namespace chancery\n// clang-format on\n",
                 weights.size(), flags.threshold);
    std::fclose(out);
  }
  return 0;
}

}  // namespace
}  // namespace chancery

int main(int argc, char** argv) { return chancery::Run(argc, argv); }
