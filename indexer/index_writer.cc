#include "indexer/index_writer.h"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <iostream>

#include "common/base/utf8.h"
#include "common/revision_pins.h"
#include "common/schema.h"
#include "common/text_analyzer.h"
#include "common/xapian_text.h"

namespace chancery {
namespace {

// A pin older than this is a reader gone wrong; the writer goes on (the
// reader then answers 410 for the revision). searchd keeps revisions at
// most this long (revision_keep_ms).
constexpr std::chrono::milliseconds kMaxRevisionPinWait(3600 * 1000);

// Xapian's limit on a term's length.
constexpr size_t kMaxIdTermBytes = 245;

std::string IdTerm(const std::string& id) {
  return std::string(schema::kId) + id;
}

size_t NonAsciiBytes(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) n += c >= 0x80;
  return n;
}

// The best display form of a value: the one that keeps accents (Séjourné
// over Sejourne); otherwise the first one seen, so labels do not flap.
bool BetterLabel(const std::string& candidate, const std::string& current) {
  if (current.empty()) return true;
  if (candidate == current) return false;
  if (FoldForMatching(candidate) != FoldForMatching(current)) return false;
  return NonAsciiBytes(candidate) > NonAsciiBytes(current);
}

// Longer forms are not names; kept short so a value's metadata stays small.
constexpr size_t kMaxFormBytes = 120;

bool UsableForm(const std::string& form) {
  return !form.empty() && form.size() <= kMaxFormBytes &&
         form.find('\n') == std::string::npos && IsValidUtf8(form);
}

// The forms in a kFormsKey metadata value.
std::vector<std::string> SplitForms(const std::string& stored) {
  std::vector<std::string> forms;
  size_t start = 0;
  while (start < stored.size()) {
    size_t end = stored.find('\n', start);
    if (end == std::string::npos) end = stored.size();
    if (end > start) forms.push_back(stored.substr(start, end - start));
    start = end + 1;
  }
  return forms;
}

}  // namespace

IndexWriter::IndexWriter(Xapian::WritableDatabase db, std::string path,
                         int batch_size)
    : db_(std::move(db)),
      path_(std::move(path)),
      batch_size_(batch_size),
      committed_documents_(db_.get_doccount()) {
  if (committed_documents_ == 0) new_ids_ = std::make_unique<IdFilter>();
}

IndexWriter::~IndexWriter() {
  // After a write error the caller has the error; a second attempt would
  // only fail again (ENOSPC) with a more confusing message.
  if (!write_error_.ok()) return;
  Status s = Commit();
  if (!s.ok()) std::cerr << "chancery-index: " << s.ToString() << "\n";
}

Status IndexWriter::Fail(Status error) {
  if (write_error_.ok()) write_error_ = error;
  return error;
}

StatusOr<std::unique_ptr<IndexWriter>> IndexWriter::Open(
    const std::string& path, int batch_size) {
  try {
    Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OPEN);
    const std::string problem = TextFormatProblem(db, path);
    if (!problem.empty()) return Status::InvalidArgument(problem, "--db");
    auto writer = std::unique_ptr<IndexWriter>(
        new IndexWriter(std::move(db), path, batch_size));
    return writer;
  } catch (const Xapian::DatabaseLockError& e) {
    return Status::Unavailable("index " + path +
                               " is locked by another writer: " + e.get_msg());
  } catch (const Xapian::Error& e) {
    return Status::IoError("cannot open index " + path + ": " +
                           e.get_description());
  }
}

void IndexWriter::RecordLabel(const std::string& term,
                              const std::string& label) {
  auto it = labels_.find(term);
  if (it != labels_.end() && !BetterLabel(label, it->second)) return;
  std::string key = std::string(schema::kLabelKey) + term;
  if (it == labels_.end()) {
    std::string stored = db_.get_metadata(key);
    if (!BetterLabel(label, stored)) {
      labels_.emplace(term, stored);
      return;
    }
  }
  db_.set_metadata(key, label);
  labels_dirty_ = true;
  labels_[term] = label;
}

void IndexWriter::RecordForms(const std::string& term,
                              const std::vector<std::string>& forms) {
  const std::string key = std::string(schema::kFormsKey) + term;
  auto [it, first_seen] = forms_.try_emplace(term);
  std::vector<std::string>& known = it->second;
  if (first_seen) known = SplitForms(db_.get_metadata(key));
  bool grew = false;
  for (const std::string& form : forms) {
    if (known.size() >= schema::kMaxNativeForms) break;
    if (!UsableForm(form) ||
        std::find(known.begin(), known.end(), form) != known.end()) {
      continue;
    }
    // The same form in other case or accents ("ЛАВРОВ") adds nothing that
    // matching (which folds) would not find.
    const std::string folded = FoldForMatching(form);
    if (std::any_of(known.begin(), known.end(), [&](const std::string& k) {
          return FoldForMatching(k) == folded;
        })) {
      continue;
    }
    known.push_back(form);
    grew = true;
  }
  if (!grew) return;
  std::string joined;
  for (const std::string& form : known) {
    if (!joined.empty()) joined += '\n';
    joined += form;
  }
  db_.set_metadata(key, joined);
  labels_dirty_ = true;
}

Status IndexWriter::CheckStorable(const BuiltDocument& built) {
  // Checked before writing because a document Xapian refuses inside
  // add_document makes it cancel every uncommitted change.
  if (IdTerm(built.id).size() > kMaxIdTermBytes) {
    return Status::InvalidArgument(
        "id longer than " + std::to_string(kMaxIdTermBytes - 1) + " bytes",
        "id");
  }
  return Status::Ok();
}

Status IndexWriter::RecordLabels(const BuiltDocument& built) {
  CHANCERY_RETURN_IF_ERROR(write_error_);
  HonourRevisionPins();
  CHANCERY_RETURN_IF_ERROR(CheckStorable(built));
  try {
    for (const auto& [term, label] : built.labels) RecordLabel(term, label);
    for (const auto& [term, forms] : built.native_forms) {
      RecordForms(term, forms);
    }
    return Status::Ok();
  } catch (const Xapian::Error& e) {
    return Fail(
        Status::IoError("writing " + built.id + ": " + e.get_description()));
  }
}

StatusOr<WriteOutcome> IndexWriter::Upsert(const BuiltDocument& built,
                                           LabelRecording labels) {
  CHANCERY_RETURN_IF_ERROR(write_error_);
  HonourRevisionPins();
  if (labels == LabelRecording::kRecord) {
    CHANCERY_RETURN_IF_ERROR(RecordLabels(built));
  } else {
    CHANCERY_RETURN_IF_ERROR(CheckStorable(built));
  }
  try {
    const std::string id_term = IdTerm(built.id);
    // Opening a posting list on a writable database flushes pending
    // document lengths, which would dominate the cost of indexing new
    // articles; the id filter spares even the cheaper term_exists.
    bool maybe_exists = new_ids_ ? new_ids_->TestAndAdd(built.id) : true;
    if (!maybe_exists || !db_.term_exists(id_term)) {
      db_.add_document(built.document);
      CHANCERY_RETURN_IF_ERROR(CountChange());
      return WriteOutcome::kAdded;
    }
    Xapian::PostingIterator existing = db_.postlist_begin(id_term);
    if (db_.get_document(*existing).get_data() == built.document.get_data()) {
      return WriteOutcome::kUnchanged;
    }
    db_.replace_document(id_term, built.document);
    CHANCERY_RETURN_IF_ERROR(CountChange());
    return WriteOutcome::kReplaced;
  } catch (const Xapian::Error& e) {
    return Fail(
        Status::IoError("writing " + built.id + ": " + e.get_description()));
  }
}

StatusOr<bool> IndexWriter::Delete(const std::string& id) {
  CHANCERY_RETURN_IF_ERROR(write_error_);
  HonourRevisionPins();
  try {
    const std::string id_term = IdTerm(id);
    if (db_.postlist_begin(id_term) == db_.postlist_end(id_term)) return false;
    db_.delete_document(id_term);
    CHANCERY_RETURN_IF_ERROR(CountChange());
    return true;
  } catch (const Xapian::Error& e) {
    return Fail(Status::IoError("deleting " + id + ": " + e.get_description()));
  }
}

StatusOr<std::vector<Xapian::Document>> IndexWriter::MatchingDocuments(
    const Xapian::Query& query) {
  try {
    Xapian::Enquire enquire(db_);
    enquire.set_query(query);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.set_docid_order(Xapian::Enquire::ASCENDING);
    Xapian::MSet matches = enquire.get_mset(0, db_.get_doccount());
    std::vector<Xapian::Document> docs;
    docs.reserve(matches.size());
    for (auto it = matches.begin(); it != matches.end(); ++it) {
      docs.push_back(it.get_document());
    }
    return docs;
  } catch (const Xapian::Error& e) {
    return Status::IoError("reading the index: " + e.get_description());
  }
}

StatusOr<std::vector<std::string>> IndexWriter::MatchingData(
    const Xapian::Query& query) {
  CHANCERY_ASSIGN_OR_RETURN(std::vector<Xapian::Document> docs,
                            MatchingDocuments(query));
  try {
    std::vector<std::string> data;
    data.reserve(docs.size());
    for (const Xapian::Document& doc : docs) data.push_back(doc.get_data());
    return data;
  } catch (const Xapian::Error& e) {
    return Status::IoError("reading the index: " + e.get_description());
  }
}

Status IndexWriter::Replace(const std::string& id,
                            const Xapian::Document& doc) {
  CHANCERY_RETURN_IF_ERROR(write_error_);
  HonourRevisionPins();
  try {
    db_.replace_document(IdTerm(id), doc);
    return CountChange();
  } catch (const Xapian::Error& e) {
    return Fail(Status::IoError("writing " + id + ": " + e.get_description()));
  }
}

StatusOr<std::string> IndexWriter::Metadata(std::string_view key) const {
  try {
    return db_.get_metadata(std::string(key));
  } catch (const Xapian::Error& e) {
    return Status::IoError("reading metadata " + std::string(key) + ": " +
                           e.get_description());
  }
}

Status IndexWriter::SetMetadata(std::string_view key,
                                const std::string& value) {
  HonourRevisionPins();
  try {
    db_.set_metadata(std::string(key), value);
    ++pending_;  // written by the next Commit
    return Status::Ok();
  } catch (const Xapian::Error& e) {
    return Fail(Status::IoError("writing metadata " + std::string(key) + ": " +
                                e.get_description()));
  }
}

Status IndexWriter::CountChange() {
  if (++pending_ >= batch_size_) return Commit();
  return Status::Ok();
}

Status IndexWriter::Commit() {
  CHANCERY_RETURN_IF_ERROR(write_error_);
  if (pending_ == 0 && !labels_dirty_) return Status::Ok();
  try {
    db_.set_metadata(std::string(schema::kLastUpdateKey),
                     std::to_string(std::time(nullptr)));
    // With every commit, not at opening: a change before the first
    // HonourRevisionPins could destroy a pinned revision. (An index that
    // never committed an article has no format yet.)
    db_.set_metadata(std::string(schema::kTextFormatKey),
                     std::string(schema::kTextFormat));
    db_.commit();
    pending_ = 0;
    labels_dirty_ = false;
    committed_documents_ = db_.get_doccount();
    pins_due_ = true;
    return Status::Ok();
  } catch (const Xapian::Error& e) {
    return Fail(Status::IoError("commit failed: " + e.get_description()));
  }
}

void IndexWriter::HonourRevisionPins() {
  if (!pins_due_) return;
  pins_due_ = false;
  try {
    WaitForRevisionPins(path_, db_.get_uuid(), db_.get_revision(),
                        kMaxRevisionPinWait);
  } catch (const Xapian::Error&) {
    // The next change reports what is wrong with the database.
  }
}

Xapian::doccount IndexWriter::DocumentCount() const {
  return db_.get_doccount();
}

}  // namespace chancery
