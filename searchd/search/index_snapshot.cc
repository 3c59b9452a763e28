#include "searchd/search/index_snapshot.h"

#include <algorithm>
#include <utility>

#include "common/schema.h"
#include "common/text_analyzer.h"

namespace chancery {

uint32_t FacetColumn::Ordinal(std::string_view id) const {
  auto it = ordinals_.find(std::string(id));
  return it == ordinals_.end() ? kNoOrdinal : it->second;
}

void FacetColumn::Load(const Xapian::Database& db,
                       const std::vector<Xapian::Database>& shards) {
  // (docid, ordinal) pairs in term order, then bucketed by docid.
  std::vector<std::pair<Xapian::docid, uint32_t>> postings;
  for (auto t = db.allterms_begin(prefix_); t != db.allterms_end(prefix_);
       ++t) {
    const std::string term = *t;
    const uint32_t ordinal = static_cast<uint32_t>(ids_.size());
    std::string id = term.substr(prefix_.size());
    std::string label;
    if (field_->label_source == schema::LabelSource::kIndex) {
      const std::string key = std::string(schema::kLabelKey) + term;
      for (const Xapian::Database& shard : shards) {
        label = shard.get_metadata(key);
        if (!label.empty()) break;
      }
    }
    labels_.push_back(label.empty() ? id : std::move(label));
    folded_labels_.push_back(FoldForMatching(labels_.back()));
    ordinals_.emplace(id, ordinal);
    ids_.push_back(std::move(id));
    const size_t before = postings.size();
    for (auto p = db.postlist_begin(term); p != db.postlist_end(term); ++p) {
      postings.emplace_back(*p, ordinal);
    }
    doc_counts_.push_back(static_cast<uint32_t>(postings.size() - before));
  }
  if (field_->kind == schema::FieldKind::kEntity) LoadForms(shards);
  const Xapian::docid last = db.get_lastdocid();
  offsets_.assign(last + 2, 0);
  for (const auto& [did, ord] : postings) ++offsets_[did + 1];
  for (size_t i = 1; i < offsets_.size(); ++i) offsets_[i] += offsets_[i - 1];
  values_.resize(postings.size());
  std::vector<uint32_t> fill(offsets_.begin(), offsets_.end() - 1);
  for (const auto& [did, ord] : postings) values_[fill[did]++] = ord;
}

void FacetColumn::LoadForms(const std::vector<Xapian::Database>& shards) {
  // Only values that have forms have a key, so this reads few.
  std::unordered_map<uint32_t, std::vector<std::string>> forms;
  const std::string prefix = std::string(schema::kFormsKey) + prefix_;
  for (const Xapian::Database& shard : shards) {
    for (auto k = shard.metadata_keys_begin(prefix);
         k != shard.metadata_keys_end(prefix); ++k) {
      const std::string key = *k;
      const uint32_t ordinal =
          Ordinal(std::string_view(key).substr(prefix.size()));
      if (ordinal == kNoOrdinal) continue;  // No document has it any more.
      std::vector<std::string>& folded = forms[ordinal];
      const std::string stored = shard.get_metadata(key);
      for (size_t start = 0; start < stored.size();) {
        size_t end = std::min(stored.find('\n', start), stored.size());
        std::string form = FoldForMatching(
            std::string_view(stored).substr(start, end - start));
        if (!form.empty() &&
            std::find(folded.begin(), folded.end(), form) == folded.end()) {
          folded.push_back(std::move(form));
        }
        start = end + 1;
      }
    }
  }
  if (forms.empty()) return;
  form_offsets_.assign(ids_.size() + 1, 0);
  for (uint32_t ordinal = 0; ordinal < ids_.size(); ++ordinal) {
    auto it = forms.find(ordinal);
    if (it != forms.end()) {
      for (std::string& form : it->second) {
        folded_forms_.push_back(std::move(form));
      }
    }
    form_offsets_[ordinal + 1] = static_cast<uint32_t>(folded_forms_.size());
  }
}

int64_t IndexSnapshot::DatedBetween(int64_t first_day, int64_t last_day) const {
  if (day_prefix.empty()) return 0;
  first_day = std::max(first_day, min_day);
  last_day = std::min(last_day, max_day);
  if (first_day > last_day) return 0;
  return day_prefix[last_day - min_day + 1] - day_prefix[first_day - min_day];
}

const FacetColumn* IndexSnapshot::Column(std::string_view name) const {
  for (const FacetColumn& c : columns) {
    if (c.name() == name) return &c;
  }
  return nullptr;
}

std::shared_ptr<const IndexSnapshot> BuildIndexSnapshot(
    const Xapian::Database& db, const std::vector<Xapian::Database>& shards,
    std::string revision) {
  auto snap = std::make_shared<IndexSnapshot>();
  snap->revision = std::move(revision);
  snap->doc_count = db.get_doccount();
  snap->last_docid = db.get_lastdocid();
  for (const schema::FieldSpec& f : schema::kFields) {
    if (schema::HasValues(f)) snap->columns.emplace_back(f);
  }
  for (FacetColumn& c : snap->columns) c.Load(db, shards);
  snap->stories.Load(db);

  const FacetColumn* lang = snap->Column(schema::kLanguageField.name);
  Xapian::doccount stemmed = 0;
  for (uint32_t i = 0; i < lang->value_count(); ++i) {
    snap->languages.push_back(lang->id(i));
    if (!StemmerName(lang->id(i)).empty()) {
      stemmed += db.get_termfreq(lang->prefix() + lang->id(i));
    }
  }
  snap->has_unstemmed = stemmed < snap->doc_count;

  snap->days.assign(snap->last_docid + 1, kNoDay);
  bool any = false;
  for (auto v = db.valuestream_begin(schema::kSlotDay);
       v != db.valuestream_end(schema::kSlotDay); ++v) {
    int64_t day = static_cast<int64_t>(Xapian::sortable_unserialise(*v));
    snap->days[v.get_docid()] = static_cast<int32_t>(day);
    if (!any || day < snap->min_day) snap->min_day = day;
    if (!any || day > snap->max_day) snap->max_day = day;
    any = true;
  }
  if (any) {
    snap->day_prefix.assign(snap->max_day - snap->min_day + 2, 0);
    for (int32_t day : snap->days) {
      if (day != kNoDay) ++snap->day_prefix[day - snap->min_day + 1];
    }
    for (size_t i = 1; i < snap->day_prefix.size(); ++i) {
      snap->day_prefix[i] += snap->day_prefix[i - 1];
    }
  }
  return snap;
}

}  // namespace chancery
