// IndexerConfig: the settings of chancery-index, with their defaults, and
// the table (common/settings.h) that names them in the JSON config file and
// on the command line. Filled once at start-up (defaults, then --config
// FILE, then flags), then passed by const reference; never mutated
// afterwards, so any thread may read it.
#ifndef CHANCERY_INDEXER_INDEXER_CONFIG_H_
#define CHANCERY_INDEXER_INDEXER_CONFIG_H_

#include <string>

#include "common/data_dirs.h"
#include "common/settings.h"
#include "common/status.h"

namespace chancery {

struct IndexerConfig {
  std::string db_path;  // Index directory. Required unless --extract.
  // Gazetteers, lexicons and boilerplate.tsv; see common/data_dirs.h.
  std::string config_dir = FindDataDirs().config_dir;
  // "ner": named-entity models find names, gazetteers link them; "rules":
  // gazetteers and rules only (the extractor before the models).
  std::string entity_mode = "ner";
  std::string ner_models_dir = FindDataDirs().ner_models_dir;
  int batch_size = 10000;  // Articles per commit.
  int index_threads = 0;   // Analysis threads; 0 = one per core.
  // Shards a bulk run (into a new index) writes in parallel, one writer
  // thread each; 0 = AutoShardCount(). An existing index keeps its layout.
  int index_shards = 0;
  // After a bulk run, merge the shards into one compact database (crash-
  // safe: indexer/index_compactor.h), which later runs write as a single
  // index. false keeps them as a sharded index (a stub and shard-N
  // directories), which later runs write shard by shard and searchd opens
  // as one.
  bool compact = true;
  // Articles whose searchable bodies have at least this estimated Jaccard
  // similarity of 4-word shingles, in percent, are one story
  // (indexer/story_grouper.h).
  int story_similarity = 50;
};

// The shard count for index_shards = 0 on a machine of `cores` cores: the
// cores left once the analysis threads' share is taken (half), at least 2
// when there are two cores, at most 8 (merging many shards costs more than
// their writes save).
int AutoShardCount(unsigned cores);

// db_path (--db), config_dir (--config-dir), entity_mode (--entities),
// ner_models_dir (--ner-models), batch_size (--batch-size), index_threads
// (--threads), index_shards (--shards), compact (--compact),
// story_similarity (--story-similarity). The rows point
// into `config`, which must outlive the table.
SettingsTable IndexerSettings(IndexerConfig& config);

// What a run needs of the configuration: an index run writes to db_path,
// an --extract run only prints.
enum class IndexerRunKind { kIndex, kExtract };

// Checks ranges, entity_mode and, for kIndex, that db_path is given; the
// message names the setting.
[[nodiscard]] Status Validate(const IndexerConfig& config,
                              IndexerRunKind kind = IndexerRunKind::kIndex);

}  // namespace chancery

#endif  // CHANCERY_INDEXER_INDEXER_CONFIG_H_
