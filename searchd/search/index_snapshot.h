// IndexSnapshot: what the search core keeps in memory about one revision of
// the index, so that counting facets over hundreds of thousands of matches
// is array look-ups instead of reading document values: each facet field as
// a column (docid -> value ordinals, compressed-row layout), every value's
// id, display label and native-script forms, each document's day, and the
// languages present.
//
// Built from the facet terms' posting lists (the same terms filters use, so
// counts and filters cannot disagree) and the kSlotDay value stream.
// Immutable once built and shared (shared_ptr<const>) by every handle that
// sees the same revision; safe to read from any thread.
#ifndef CHANCERY_SEARCHD_SEARCH_INDEX_SNAPSHOT_H_
#define CHANCERY_SEARCHD_SEARCH_INDEX_SNAPSHOT_H_

#include <xapian.h>

#include <cstdint>
#include <limits>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/facets.h"
#include "searchd/search/story_column.h"

namespace chancery {

inline constexpr uint32_t kNoOrdinal = std::numeric_limits<uint32_t>::max();
inline constexpr int32_t kNoDay = std::numeric_limits<int32_t>::min();

// The values of one value field (schema::HasValues) of the registry.
class FacetColumn {
 public:
  // `field` is a row of schema::kFields (static, so never dangling).
  explicit FacetColumn(const schema::FieldSpec& field)
      : field_(&field), name_(field.name), prefix_(field.prefix) {}

  const schema::FieldSpec& field() const { return *field_; }
  const std::string& name() const { return name_; }
  const std::string& prefix() const { return prefix_; }  // term prefix
  size_t value_count() const { return ids_.size(); }
  const std::string& id(uint32_t ordinal) const { return ids_[ordinal]; }
  const std::string& label(uint32_t ordinal) const { return labels_[ordinal]; }
  // FoldForMatching(label), for matching what users type.
  const std::string& folded_label(uint32_t ordinal) const {
    return folded_labels_[ordinal];
  }
  // FoldForMatching of the value's native forms (schema::kFormsKey:
  // "лавров" for "Sergey Lavrov"), the union over shards; empty for most.
  std::span<const std::string> folded_forms(uint32_t ordinal) const {
    if (ordinal + 1 >= form_offsets_.size()) return {};
    return {folded_forms_.data() + form_offsets_[ordinal],
            folded_forms_.data() + form_offsets_[ordinal + 1]};
  }
  // kNoOrdinal when no document has the value.
  uint32_t Ordinal(std::string_view id) const;
  // Documents of the whole index that have the value (for lifts).
  uint32_t doc_count(uint32_t ordinal) const { return doc_counts_[ordinal]; }
  // The document's value ordinals; empty past the last docid.
  std::span<const uint32_t> Values(Xapian::docid did) const {
    if (did + 1 >= offsets_.size()) return {};
    return {values_.data() + offsets_[did], values_.data() + offsets_[did + 1]};
  }

  // Reads every term with prefix() from `db`; labels, for fields labelled
  // in the index, from `shards`' metadata (the first shard that has one),
  // else the id itself; native forms, for entity fields, from every shard.
  void Load(const Xapian::Database& db,
            const std::vector<Xapian::Database>& shards);

 private:
  // Fills form_offsets_ and folded_forms_ once ids_ are read.
  void LoadForms(const std::vector<Xapian::Database>& shards);

  const schema::FieldSpec* field_;
  std::string name_;
  std::string prefix_;
  std::vector<std::string> ids_;
  std::vector<std::string> labels_;
  std::vector<std::string> folded_labels_;
  std::unordered_map<std::string, uint32_t> ordinals_;
  std::vector<uint32_t> doc_counts_;  // ordinal -> documents
  // Compressed rows: ordinal -> folded_forms_[form_offsets_[o],
  // form_offsets_[o + 1]); form_offsets_ is empty when no value has forms.
  std::vector<uint32_t> form_offsets_;
  std::vector<std::string> folded_forms_;
  std::vector<uint32_t> offsets_;  // size lastdocid + 2
  std::vector<uint32_t> values_;
};

struct IndexSnapshot {
  std::string revision;  // Each shard's UUID:revision, "<uuid>:12,<uuid>:7".
  Xapian::doccount doc_count = 0;
  Xapian::docid last_docid = 0;
  // One column per value field, in schema::kFields order.
  std::vector<FacetColumn> columns;
  std::vector<int32_t> days;  // docid -> day number or kNoDay
  int64_t min_day = 0;        // Over dated documents; 0 when none.
  int64_t max_day = 0;
  // Dated documents before each day: day_prefix[i] counts those before
  // min_day + i (size max_day - min_day + 2 when any document is dated),
  // so that the whole index's articles in any range of days, the `all`
  // beside a date bucket's count, is one subtraction.
  std::vector<int64_t> day_prefix;
  std::vector<std::string> languages;  // Codes present, e.g. {"en", "fr"}.
  // Some documents were indexed without a stemmer (no language, or one
  // Snowball lacks), so queries must also be parsed unstemmed.
  bool has_unstemmed = false;
  StoryColumn stories;  // Stories of more than one version.

  // nullptr for an unknown field name.
  const FacetColumn* Column(std::string_view name) const;
  // Dated documents of the index within [first_day, last_day].
  int64_t DatedBetween(int64_t first_day, int64_t last_day) const;
};

// Reads a snapshot of `db`, whose sub-databases are `shards`. Throws
// Xapian::Error (callers convert it to a Status).
std::shared_ptr<const IndexSnapshot> BuildIndexSnapshot(
    const Xapian::Database& db, const std::vector<Xapian::Database>& shards,
    std::string revision);

}  // namespace chancery

#endif  // CHANCERY_SEARCHD_SEARCH_INDEX_SNAPSHOT_H_
