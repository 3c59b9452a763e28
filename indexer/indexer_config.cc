#include "indexer/indexer_config.h"

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
  };
}

Status Validate(const IndexerConfig& config) {
  if (config.db_path.empty()) {
    return Status::InvalidArgument("--db DIR is required", "db");
  }
  IndexerConfig copy = config;  // The table points at fields it may set.
  return CheckSettingRanges(IndexerSettings(copy));
}

}  // namespace chancery
