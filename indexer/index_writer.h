// IndexWriter: the only code that writes a Chancery index. Upserts by id
// (replacing a document with the same id term), deletes, and commits every
// `batch_size` changes so that a run killed half-way leaves the index as of
// its last commit, and running the same input again completes it.
//
// Revision pins (common/revision_pins.h): after opening and after each
// commit, it waits while chancery-searchd pins the revision that its next
// change would destroy, so that revisions searchd answered from stay
// readable for searchd's revision_keep_ms (at most an hour here). It waits
// before the first change after opening or a commit, so a run that
// commits and closes never waits. Xapian's
// own automatic commit (XAPIAN_FLUSH_THRESHOLD, 10000 changes by default)
// does not wait: keep batch_size below it.
//
// Not thread-safe: one writer thread owns it (Xapian allows one writer per
// database; a second process gets Unavailable from Open).
#ifndef CHANCERY_INDEXER_INDEX_WRITER_H_
#define CHANCERY_INDEXER_INDEX_WRITER_H_

#include <xapian.h>

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/status.h"
#include "indexer/document_builder.h"
#include "indexer/id_filter.h"

namespace chancery {

enum class WriteOutcome { kAdded, kReplaced, kUnchanged };

// Whether a write records the document's facet labels and native forms
// (schema::kLabelKey, kFormsKey metadata). kSkip on the shards of a
// sharded index other than its metadata shard, which records them for
// every document in input order (ShardedWriter), so labels are chosen as
// one index would choose them.
enum class LabelRecording { kRecord, kSkip };

class IndexWriter {
 public:
  // Opens or creates the index at `path`. batch_size >= 1.
  [[nodiscard]] static StatusOr<std::unique_ptr<IndexWriter>> Open(
      const std::string& path, int batch_size);
  ~IndexWriter();  // Commits what is pending (errors are logged, not lost
                   // silently: call Commit() to see them), unless a write
                   // failed.

  // Adds the document, or replaces the one with the same id. kUnchanged when
  // the stored article is byte-for-byte the same (nothing is written).
  // InvalidArgument when this document cannot be stored (the index is
  // unharmed); IoError when the index cannot be written.
  [[nodiscard]] StatusOr<WriteOutcome> Upsert(
      const BuiltDocument& built,
      LabelRecording labels = LabelRecording::kRecord);
  // Records the labels and native forms of `built` without writing the
  // document (it goes to another shard). InvalidArgument, recording
  // nothing, for a document Upsert would refuse.
  [[nodiscard]] Status RecordLabels(const BuiltDocument& built);
  // Removes the document with this id; false when there was none.
  [[nodiscard]] StatusOr<bool> Delete(const std::string& id);
  // The documents matching `query`, with their document data (pending
  // changes included). IoError when the index cannot be read.
  [[nodiscard]] StatusOr<std::vector<std::string>> MatchingData(
      const Xapian::Query& query);
  // The same documents themselves, in docid order. Reading them after a
  // later write to this index is undefined.
  [[nodiscard]] StatusOr<std::vector<Xapian::Document>> MatchingDocuments(
      const Xapian::Query& query);
  // Writes `doc` in place of the document with this id (which must
  // exist), without Upsert's unchanged check: for a change outside the
  // stored article (its story). IoError when the index cannot be written.
  [[nodiscard]] Status Replace(const std::string& id,
                               const Xapian::Document& doc);
  // The metadata value of `key` ("" when unset); SetMetadata writes it with
  // the next commit.
  [[nodiscard]] StatusOr<std::string> Metadata(std::string_view key) const;
  [[nodiscard]] Status SetMetadata(std::string_view key,
                                   const std::string& value);
  // Makes every change so far durable and visible to readers.
  [[nodiscard]] Status Commit();
  // After a write fails (IoError: a full disk, a failing device), every
  // later Upsert, Delete and Commit returns that first error and nothing
  // more is written: the index on disk stays as of its last commit.

  Xapian::doccount DocumentCount() const;
  // Documents in the index as of the last commit (or at Open): what
  // readers see, and what is left after a failed write.
  Xapian::doccount CommittedDocumentCount() const {
    return committed_documents_;
  }

 private:
  IndexWriter(Xapian::WritableDatabase db, std::string path, int batch_size);
  // Before the first change after opening or a commit: waits while a
  // reader pins the revision before the last committed one
  // (common/revision_pins.h), whose blocks the change may overwrite.
  void HonourRevisionPins();
  Status CountChange();
  // InvalidArgument for a document that cannot be stored.
  static Status CheckStorable(const BuiltDocument& built);
  // Records `error` as the first write failure; returns it.
  Status Fail(Status error);
  void RecordLabel(const std::string& term, const std::string& label);
  // Adds the new ones of `forms` to the term's stored native forms
  // (schema::kFormsKey), up to schema::kMaxNativeForms.
  void RecordForms(const std::string& term,
                   const std::vector<std::string>& forms);

  Xapian::WritableDatabase db_;
  std::string path_;  // The database's directory, where pins are read.
  int batch_size_;
  // Set when the index was empty at Open: then an id the filter has not
  // seen is certainly new and needs no lookup.
  std::unique_ptr<IdFilter> new_ids_;
  int pending_ = 0;
  bool pins_due_ = true;  // HonourRevisionPins before the next change.
  // Labels or forms were set since the last commit (they may come without
  // a document change: RecordLabels).
  bool labels_dirty_ = false;
  Xapian::doccount committed_documents_ = 0;
  Status write_error_;  // the first failed write, if any
  // Labels already written this run, so metadata is touched once per value.
  std::unordered_map<std::string, std::string> labels_;
  // Native forms of each term as in the index (read once per value this
  // run), so metadata is written only when a value's set grows.
  std::unordered_map<std::string, std::vector<std::string>> forms_;
};

}  // namespace chancery

#endif  // CHANCERY_INDEXER_INDEX_WRITER_H_
