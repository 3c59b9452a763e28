#include "indexer/indexer_command.h"

#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <thread>

#include "common/base/numbers.h"
#include "common/base/strings.h"
#include "common/entities/entity_extractor.h"
#include "common/index_layout.h"
#include "common/schema.h"
#include "common/stored_article.h"
#include "indexer/boilerplate_filter.h"
#include "indexer/document_builder.h"
#include "indexer/index_compactor.h"
#include "indexer/indexing_pipeline.h"
#include "indexer/progress_reporter.h"
#include "indexer/readers/article_reader.h"
#include "indexer/sharded_writer.h"
#include "indexer/story_settler.h"

namespace chancery {
namespace {

// The indexer's settings plus the flags that say what to do.
SettingsTable CommandSettings(IndexerOptions& o) {
  SettingsTable table = IndexerSettings(o.config);
  table.push_back({.flag = "--delete",
                   .target = &o.delete_ids,
                   .value_name = "ID...",
                   .help = "remove the articles with these ids",
                   .greedy = true});
  table.push_back({.flag = "--delete-from",
                   .target = &o.delete_from,
                   .value_name = "FILE",
                   .help = "remove the ids listed in FILE, one per line"});
  table.push_back({.flag = "--no-entities",
                   .target = &o.no_entities,
                   .help = "index text only, without entity extraction "
                           "(faster; country/person/org facets stay empty)"});
  table.push_back(
      {.flag = "--no-compact",
       .target = &o.no_compact,
       .help = "keep a bulk run's shards (same as --compact=false)"});
  table.push_back({.flag = "--extract",
                   .target = &o.extract_only,
                   .help = "print the entities found, one JSON line per "
                           "article, without touching an index"});
  return table;
}

// The text of `field` that a mention points into.
const std::string* MentionedField(const Article& article, MentionField field) {
  switch (field) {
    case MentionField::kTitle:
      return &article.title;
    case MentionField::kBody:
      return &article.body;
    case MentionField::kDateline:
      return &article.dateline;
    case MentionField::kPublisher:
      return nullptr;
  }
  return nullptr;
}

// {"facet","id","label","types":[...],"mentions":[{"field","begin","end",
// "type","text"}],"native_forms":[...]}: what --extract shows of a value.
nlohmann::ordered_json EntityDetail(const char* facet, const Entity& entity,
                                    const Article& article) {
  nlohmann::ordered_json mentions = nlohmann::ordered_json::array();
  std::vector<std::string> types;
  for (const Mention& m : entity.spans) {
    nlohmann::ordered_json mention = {{"field", MentionFieldName(m.field)},
                                      {"begin", m.begin},
                                      {"end", m.end},
                                      {"type", MentionTypeName(m.type)}};
    const std::string* text = MentionedField(article, m.field);
    if (text != nullptr && m.begin < m.end && m.end <= text->size()) {
      mention["text"] = text->substr(m.begin, m.end - m.begin);
    }
    mentions.push_back(std::move(mention));
    std::string type(MentionTypeName(m.type));
    if (std::find(types.begin(), types.end(), type) == types.end()) {
      types.push_back(std::move(type));
    }
  }
  nlohmann::ordered_json out = {{"facet", facet},
                                {"id", entity.id},
                                {"label", entity.label},
                                {"types", types},
                                {"mentions", std::move(mentions)}};
  if (!entity.native_forms.empty()) out["native_forms"] = entity.native_forms;
  return out;
}

// Prints one JSON line per article: what extraction found.
class ExtractionPrinter : public ArticleSink {
 public:
  ExtractionPrinter(const EntityExtractor& extractor,
                    BoilerplateFilter& boilerplate, ProgressReporter& progress)
      : extractor_(extractor), boilerplate_(boilerplate), progress_(progress) {}

  void OnArticle(Article&& article) override {
    // One pass, no index: furniture is what the articles so far show.
    boilerplate_.Clean(article);
    article.body = SearchableBody(article);
    article.furniture.clear();
    ResolveLanguage(article);
    ArticleEntities e = extractor_.Extract(article);
    nlohmann::ordered_json j = {{"id", article.id}, {"title", article.title}};
    j["date"] = article.date ? nlohmann::json(FormatIsoDate(*article.date))
                             : nlohmann::json(nullptr);
    j["lang"] = article.lang;
    nlohmann::json countries = nlohmann::json::array();
    for (const Entity& c : e.countries) countries.push_back(c.id);
    nlohmann::json people = nlohmann::json::array();
    for (const Entity& p : e.people) {
      people.push_back({{"id", p.id}, {"name", p.label}});
    }
    nlohmann::json orgs = nlohmann::json::array();
    for (const Entity& o : e.orgs) orgs.push_back(o.id);
    j["countries"] = countries;
    j["people"] = people;
    j["orgs"] = orgs;
    // Why each value is there: its type and every mention.
    nlohmann::ordered_json details = nlohmann::ordered_json::array();
    for (const auto& [facet, list] :
         {std::pair<const char*, const std::vector<Entity>*>{"country",
                                                             &e.countries},
          {"person", &e.people},
          {"org", &e.orgs}}) {
      for (const Entity& entity : *list) {
        details.push_back(EntityDetail(facet, entity, article));
      }
    }
    j["entities"] = details;
    std::cout << j.dump(-1, ' ', false,
                        nlohmann::json::error_handler_t::replace)
              << '\n';
  }
  void OnReject(const std::string& origin, const std::string& reason) override {
    ++rejected;
    progress_.Message(origin + ": " + reason);
  }
  void OnWarning(const std::string& origin,
                 const std::string& reason) override {
    progress_.Message(origin + ": warning: " + reason);
  }

  uint64_t rejected = 0;

 private:
  const EntityExtractor& extractor_;
  BoilerplateFilter& boilerplate_;
  ProgressReporter& progress_;
};

int RunExtract(const IndexerOptions& options, const EntityExtractor& extractor,
               BoilerplateFilter& boilerplate) {
  ProgressReporter progress(stderr, false, 0);
  ExtractionPrinter printer(extractor, boilerplate, progress);
  for (const std::string& input : options.inputs) {
    Status s = ReadArticles(input, printer);
    if (s.code() == StatusCode::kNotFound) {
      std::cerr << "chancery-index: " << s.message() << "\n";
      return kExitFatal;
    }
    if (!s.ok()) RejectUnreadableFile(input, s, printer);
  }
  std::cout.flush();
  return printer.rejected > 0 ? kExitRejected : kExitOk;
}

StatusOr<std::vector<std::string>> IdsToDelete(const IndexerOptions& options) {
  std::vector<std::string> ids = options.delete_ids;
  if (options.delete_from.empty()) return ids;
  std::ifstream in(options.delete_from);
  if (!in) return Status::IoError("cannot read " + options.delete_from);
  std::string line;
  while (std::getline(in, line)) {
    const std::string_view id = TrimWhitespace(line);
    if (!id.empty() && id[0] != '#') ids.emplace_back(id);
  }
  return ids;
}

// For tests (tests/robustness/kill_rerun_test.cc): with
// CHANCERY_TEST_KILL_AT=STEP in the environment, the process kills itself
// (SIGKILL) when compaction reaches STEP (index_compactor.h names them).
CompactionHook TestKillHook() {
  const char* at = std::getenv("CHANCERY_TEST_KILL_AT");
  if (at == nullptr || *at == '\0') return {};
  return [step = std::string(at)](std::string_view now) {
    if (now == step) ::kill(::getpid(), SIGKILL);
  };
}

void PrintSummary(const IndexingStats& s, double elapsed, uint64_t docs) {
  std::fprintf(stderr,
               "chancery-index: %llu added, %llu replaced, %llu deleted, "
               "%llu rejected, %llu unchanged in %.1f s (%.0f articles/s); "
               "%llu re-cleaned of furniture; index has %llu articles\n",
               static_cast<unsigned long long>(s.added),
               static_cast<unsigned long long>(s.replaced),
               static_cast<unsigned long long>(s.deleted),
               static_cast<unsigned long long>(s.rejected),
               static_cast<unsigned long long>(s.unchanged), elapsed,
               elapsed > 0 ? s.read / elapsed : 0.0,
               static_cast<unsigned long long>(s.recleaned),
               static_cast<unsigned long long>(docs));
}

}  // namespace

std::string IndexerUsage() {
  IndexerOptions defaults;
  return R"(usage: chancery-index --db DIR [options] INPUT...
       chancery-index --db DIR --delete ID... | --delete-from FILE
       chancery-index --extract INPUT...

Indexes news archives into the Chancery index at DIR (created if missing).
INPUT is a file, a directory (walked recursively) or - for JSON Lines on
standard input. Formats, detected by extension and content, each optionally
gzip-compressed:
  JSON Lines / NDJSON (.jsonl .ndjson), JSON arrays (.json),
  feeds: RSS 0.90-0.94, RSS 1.0 (RDF), RSS 2.0, Atom 0.3, Atom 1.0 and
  CDF (.xml .rss .rdf .atom .cdf),
  NewsML-G2 (.xml .newsml) and NITF (.xml .nitf), the agencies' XML,
  WARC web archives (.warc .warc.gz, Common Crawl News): HTML responses,
  HTML pages (.html .htm .xhtml), plain text and Markdown (.txt .md).

options (flags win over --config FILE, which wins over the defaults):
)" + FlagsUsage(CommandSettings(defaults)) +
         R"(
exit status: 0 all indexed, 3 finished but some records or files were
rejected (each reported as FILE:LINE: reason, or FILE: reason for a file
that could not be read), 2 usage error, 1 fatal error (an INPUT that does
not exist, an index that cannot be written).
)";
}

StatusOr<IndexerOptions> ParseIndexerArgs(int argc, const char* const* argv) {
  IndexerOptions o;
  CHANCERY_ASSIGN_OR_RETURN(CommandLine line,
                            ParseCommandLine(CommandSettings(o), argc, argv));
  o.inputs = std::move(line.positionals);
  o.help = line.help;
  if (o.help) return o;
  if (o.extract_only) {
    if (o.inputs.empty())
      return Status::InvalidArgument("--extract needs INPUT", "--extract");
    CHANCERY_RETURN_IF_ERROR(Validate(o.config, IndexerRunKind::kExtract));
    return o;
  }
  CHANCERY_RETURN_IF_ERROR(Validate(o.config));
  if (o.inputs.empty() && o.delete_ids.empty() && o.delete_from.empty()) {
    return Status::InvalidArgument(
        "nothing to do: give INPUT files, --delete or --delete-from", "INPUT");
  }
  return o;
}

int RunIndexer(const IndexerOptions& options) {
  EntityExtractorOptions extractor_options;
  if (options.config.entity_mode == "ner") {
    extractor_options.ner_models_dir = options.config.ner_models_dir;
  }
  auto extractor =
      EntityExtractor::Load(options.config.config_dir, extractor_options);
  if (!extractor.ok()) {
    std::cerr << "chancery-index: " << extractor.status().message() << "\n";
    return kExitFatal;
  }
  auto boilerplate =
      BoilerplateFilter::Load(options.config.config_dir + "/boilerplate.tsv");
  if (!boilerplate.ok()) {
    std::cerr << "chancery-index: " << boilerplate.status().message() << "\n";
    return kExitFatal;
  }
  if (options.extract_only)
    return RunExtract(options, **extractor, *boilerplate);

  auto ids = IdsToDelete(options);
  if (!ids.ok()) {
    std::cerr << "chancery-index: " << ids.status().message() << "\n";
    return kExitFatal;
  }
  // A run without inputs (deletes only) that finds no index makes an empty
  // single database: nothing to write in parallel or to compact. (It still
  // finishes a compaction an interrupted bulk run left pending.)
  const bool compact = options.config.compact && !options.no_compact;
  const int new_shards =
      options.inputs.empty() ? 1
      : options.config.index_shards > 0
          ? options.config.index_shards
          : AutoShardCount(std::thread::hardware_concurrency());
  auto writer = ShardedWriter::Open(options.config.db_path, new_shards,
                                    compact && !options.inputs.empty(),
                                    options.config.batch_size);
  if (!writer.ok()) {
    std::cerr << "chancery-index: " << writer.status().message() << "\n";
    return kExitFatal;
  }
  // Earlier runs' boilerplate statistics, so this run decides as they did.
  Status learned = [&]() -> Status {
    CHANCERY_ASSIGN_OR_RETURN(std::string table,
                              (*writer)->Metadata(schema::kBoilerplateKey));
    return boilerplate->Merge(table);
  }();
  if (!learned.ok()) {
    std::cerr << "chancery-index: " << options.config.db_path << ": "
              << learned.message() << "\n";
    return kExitFatal;
  }
  uint64_t total_bytes = 0;
  for (const std::string& input : options.inputs)
    total_bytes += InputSizeBytes(input);
  ProgressReporter progress(stderr, isatty(STDERR_FILENO) != 0, total_bytes);

  int threads = options.config.index_threads;
  if (threads <= 0) threads = std::max(1u, std::thread::hardware_concurrency());
  const EntityExtractor& ex = **extractor;
  ExtractEntitiesFn extract = [&ex](const Article& a) { return ex.Extract(a); };
  if (options.no_entities)
    extract = [](const Article&) { return ArticleEntities(); };
  IndexingPipeline pipeline(**writer, *boilerplate, std::move(extract), threads,
                            progress, options.config.story_similarity / 100.0);
  int exit_status = kExitOk;
  for (const std::string& input : options.inputs) {
    pipeline.StartFile();
    Status s = ReadArticles(input, pipeline);
    // A path that does not exist is the user's mistake and fatal; a file
    // that exists but cannot be read is one rejected record, as it is in a
    // directory walk, and the other inputs are still indexed.
    if (s.code() == StatusCode::kNotFound) {
      progress.Message("chancery-index: " + s.message());
      exit_status = kExitFatal;
    } else if (!s.ok()) {
      RejectUnreadableFile(input, s, pipeline);
    }
  }
  Status finished = pipeline.Finish();
  IndexingStats stats = pipeline.stats();
  if (finished.ok()) {
    std::vector<std::string> deleted_ids;
    for (const std::string& id : *ids) {
      auto deleted = (*writer)->Delete(id);
      if (!deleted.ok()) {
        finished = deleted.status();
        break;
      }
      if (*deleted) {
        ++stats.deleted;
        deleted_ids.push_back(id);
      } else {
        progress.Message("chancery-index: --delete: no article with id " + id);
      }
    }
    if (finished.ok()) {
      finished =
          RehomeStories(deleted_ids, options.config.story_similarity / 100.0,
                        **writer)
              .status();
    }
    if (finished.ok()) finished = (*writer)->Commit();
  }
  // Compaction holds the shards' locks (the writers stay open, everything
  // committed) until the stub names the compacted database.
  const std::vector<std::string> shard_paths = (*writer)->shard_paths();
  const bool merge =
      finished.ok() && compact && CompactionPending(options.config.db_path);
  const CompactionHook hook = TestKillHook();
  PhaseTimes phases = pipeline.phase_times();
  const auto compact_start = std::chrono::steady_clock::now();
  if (merge) {
    progress.Message("chancery-index: compacting " +
                     std::to_string(shard_paths.size()) + " shards");
    finished =
        CompactShards(options.config.db_path, shard_paths, hook).status();
  }
  if (finished.ok()) finished = (*writer)->Close();
  if (merge && finished.ok()) {
    finished = RemoveIndexLeftovers(options.config.db_path, hook).status();
    phases.compact = std::chrono::duration<double>(
                         std::chrono::steady_clock::now() - compact_start)
                         .count();
  }
  progress.Finish();
  if (!finished.ok()) {
    // One line, whether the index could not be written (then with what
    // readers are left with: IndexWriter writes nothing more) or an
    // analysis thread failed (the pipeline stopped instead of terminating).
    std::cerr << "chancery-index: error: " << finished.message();
    if (finished.code() == StatusCode::kIoError) {
      std::cerr << "; the index is as of its last commit ("
                << (*writer)->CommittedDocumentCount() << " articles)";
    }
    std::cerr << "\n";
    return kExitFatal;
  }
  PrintSummary(stats, progress.ElapsedSeconds(), (*writer)->DocumentCount());
  std::fprintf(stderr, "chancery-index: phases: %s\n",
               FormatPhases(stats.read, phases).c_str());
  StatusOr<IndexSize> size = MeasureIndex(options.config.db_path);
  if (size.ok()) {
    std::fprintf(stderr, "chancery-index: %s\n",
                 FormatIndexSize(*size).c_str());
  }
  if (exit_status == kExitOk && stats.rejected > 0) exit_status = kExitRejected;
  return exit_status;
}

}  // namespace chancery
