#include "indexer/story_settler.h"

#include <xapian.h>

#include <limits>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "common/schema.h"
#include "indexer/document_builder.h"

namespace chancery {
namespace {

std::optional<int64_t> DateOf(const Xapian::Document& doc) {
  const std::string value = doc.get_value(schema::kSlotDate);
  if (value.empty()) return std::nullopt;
  return static_cast<int64_t>(Xapian::sortable_unserialise(value));
}

// Adds the documents matching `query` to the grouper; the stories of those
// not in the run go to `stories`.
Status AddMatching(const Xapian::Query& query, StoryGrouper& grouper,
                   ShardedWriter& writer, std::set<std::string>& stories) {
  CHANCERY_ASSIGN_OR_RETURN(std::vector<Xapian::Document> docs,
                            writer.MatchingDocuments(query));
  try {
    for (const Xapian::Document& doc : docs) {
      const std::string id = doc.get_value(schema::kSlotId);
      const std::string story = StoryOfDocument(doc);
      grouper.AddIndexed(id, DateOf(doc), SketchOfDocument(doc), story);
      if (!grouper.InRun(id) && !story.empty()) stories.insert(story);
    }
  } catch (const Xapian::Error& e) {
    return Status::IoError("reading the index: " + e.get_description());
  }
  return Status::Ok();
}

}  // namespace

StatusOr<uint64_t> SettleStories(StoryGrouper& grouper, ShardedWriter& writer,
                                 bool bulk) {
  if (!bulk) {
    std::set<std::string> stories;
    const std::optional<std::pair<int64_t, int64_t>> span = grouper.RunSpan();
    if (span) {
      // Only articles dated within the window of one of the run's can link
      // to it (undated ones too: every indexed article then).
      Xapian::Query candidates = Xapian::Query::MatchAll;
      if (span->first != std::numeric_limits<int64_t>::min()) {
        candidates =
            Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::kSlotDate,
                          Xapian::sortable_serialise(static_cast<double>(
                              span->first - StoryGrouper::kWindowSeconds)),
                          Xapian::sortable_serialise(static_cast<double>(
                              span->second + StoryGrouper::kWindowSeconds)));
      }
      CHANCERY_RETURN_IF_ERROR(
          AddMatching(candidates, grouper, writer, stories));
    }
    std::set<std::string> done;
    while (!stories.empty()) {
      const std::string story = *stories.begin();
      stories.erase(stories.begin());
      if (!done.insert(story).second) continue;
      CHANCERY_RETURN_IF_ERROR(AddMatching(
          Xapian::Query(Xapian::Query::OP_OR,
                        Xapian::Query(std::string(schema::kStory) + story),
                        Xapian::Query(std::string(schema::kId) + story)),
          grouper, writer, stories));
    }
  }
  uint64_t rewritten = 0;
  for (const auto& [id, story] : grouper.Changes()) {
    CHANCERY_ASSIGN_OR_RETURN(
        std::vector<Xapian::Document> docs,
        writer.MatchingDocuments(Xapian::Query(std::string(schema::kId) + id)));
    if (docs.empty()) continue;  // rejected when written
    try {
      Xapian::Document doc = docs.front();
      SetStory(story, doc);
      CHANCERY_RETURN_IF_ERROR(writer.Replace(id, doc));
    } catch (const Xapian::Error& e) {
      return Status::IoError("rewriting " + id + ": " + e.get_description());
    }
    ++rewritten;
  }
  return rewritten;
}

StatusOr<uint64_t> RehomeStories(const std::vector<std::string>& deleted_ids,
                                 double threshold, ShardedWriter& writer) {
  uint64_t rewritten = 0;
  for (const std::string& deleted : deleted_ids) {
    CHANCERY_ASSIGN_OR_RETURN(std::vector<Xapian::Document> docs,
                              writer.MatchingDocuments(Xapian::Query(
                                  std::string(schema::kStory) + deleted)));
    if (docs.empty()) continue;
    StoryGrouper grouper(threshold);
    std::vector<std::pair<std::string, Xapian::Document>> members;
    try {
      for (const Xapian::Document& doc : docs) {
        const std::string id = doc.get_value(schema::kSlotId);
        (void)grouper.Add(id, DateOf(doc), SketchOfDocument(doc));
        members.emplace_back(id, doc);
      }
      // Every document is changed (so read) before any is written.
      for (auto& [id, doc] : members) SetStory(grouper.StoryOf(id), doc);
    } catch (const Xapian::Error& e) {
      return Status::IoError("reading the index: " + e.get_description());
    }
    for (const auto& [id, doc] : members) {
      CHANCERY_RETURN_IF_ERROR(writer.Replace(id, doc));
      ++rewritten;
    }
  }
  return rewritten;
}

}  // namespace chancery
