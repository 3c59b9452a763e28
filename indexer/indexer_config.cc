#include "indexer/indexer_config.h"

#include <algorithm>

namespace chancery {

SettingsTable IndexerSettings(IndexerConfig& c) {
  return {
      {.key = "db_path",
       .flag = "--db",
       .target = &c.db_path,
       .value_name = "DIR",
       .help = "index directory, created if missing"},
      {.key = "config_dir",
       .flag = "--config-dir",
       .target = &c.config_dir,
       .value_name = "DIR",
       .help = "gazetteers and lexicons"},
      {.key = "entity_mode",
       .flag = "--entities",
       .target = &c.entity_mode,
       .value_name = "ner|rules",
       .help = "ner: named-entity models find names (default); rules: "
               "gazetteers and rules only"},
      {.key = "ner_models_dir",
       .flag = "--ner-models",
       .target = &c.ner_models_dir,
       .value_name = "DIR",
       .help = "named-entity models, <lang>.model"},
      {.key = "batch_size",
       .flag = "--batch-size",
       .target = &c.batch_size,
       .min = 1,
       .max = 10000000,
       .value_name = "N",
       .help = "articles per commit"},
      {.key = "index_threads",
       .flag = "--threads",
       .target = &c.index_threads,
       .min = 0,
       .max = 256,
       .value_name = "N",
       .help = "analysis threads, 0 = one per core"},
      {.key = "index_shards",
       .flag = "--shards",
       .target = &c.index_shards,
       .min = 0,
       .max = 64,
       .value_name = "N",
       .help = "shards a bulk run into a new index writes in parallel, "
               "0 = by cores"},
      {.key = "compact",
       .flag = "--compact",
       .target = &c.compact,
       .help = "after a bulk run, merge the shards into one compact index "
               "(--no-compact keeps them)"},
      {.key = "story_similarity",
       .flag = "--story-similarity",
       .target = &c.story_similarity,
       .min = 1,
       .max = 100,
       .value_name = "PERCENT",
       .help = "near-copies at least this similar (Jaccard of 4-word "
               "shingles) are one story"},
  };
}

int AutoShardCount(unsigned cores) {
  // Analysis takes about half of each article's CPU with extraction on;
  // two shards already pay on two cores, where one writer thread is the
  // bottleneck.
  if (cores <= 1) return 1;
  return static_cast<int>(std::clamp(cores / 2, 2u, 8u));
}

Status Validate(const IndexerConfig& config, IndexerRunKind kind) {
  if (kind == IndexerRunKind::kIndex && config.db_path.empty()) {
    return Status::InvalidArgument("--db DIR is required", "db");
  }
  if (config.entity_mode != "ner" && config.entity_mode != "rules") {
    return Status::InvalidArgument(
        "--entities must be ner or rules, got \"" + config.entity_mode + "\"",
        "entities");
  }
  IndexerConfig copy = config;  // The table points at fields it may set.
  return CheckSettingRanges(IndexerSettings(copy));
}

}  // namespace chancery
