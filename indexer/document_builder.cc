#include "indexer/document_builder.h"

#include <cinttypes>
#include <cstdio>

#include "common/base/check.h"
#include "common/base/civil_date.h"
#include "common/base/language.h"
#include "common/base/utf8.h"
#include "common/facets.h"
#include "common/schema.h"
#include "common/stored_article.h"
#include "common/text_analyzer.h"
#include "indexer/boilerplate_filter.h"

namespace chancery {
namespace {

constexpr size_t kDetectionSampleBytes = 2048;
// Xapian refuses terms longer than 245 bytes; a publisher-given source or
// person name that long is cut (at a UTF-8 boundary) rather than lost.
constexpr size_t kMaxTermBytes = 240;

std::string ClampTerm(std::string term) {
  TruncateUtf8(&term, kMaxTermBytes);
  return term;
}

// Adds the boolean term of `value` (with its display label, when the field
// keeps labels in the index) and returns the term.
std::string AddValue(const schema::FieldSpec& field, std::string_view value,
                     std::string_view label, BuiltDocument& built) {
  std::string term = std::string(field.prefix);
  term += field.normalisation == schema::Normalisation::kFolded
              ? FoldForMatching(value)
              : std::string(value);
  term = ClampTerm(std::move(term));
  built.document.add_boolean_term(term);
  if (field.label_source == schema::LabelSource::kIndex) {
    built.labels.emplace_back(term, label);
  }
  return term;
}

void AddDate(int64_t seconds, Xapian::Document& doc) {
  const int64_t day = DayOfEpochSeconds(seconds);
  const CivilDate date = CivilFromDays(day);
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04d", date.year);
  doc.add_boolean_term(std::string(schema::kYear) + buf);
  std::snprintf(buf, sizeof buf, "%04d%02d", date.year, date.month);
  doc.add_boolean_term(std::string(schema::kMonth) + buf);
  std::snprintf(buf, sizeof buf, "%04d%02d%02d", date.year, date.month,
                date.day);
  doc.add_boolean_term(std::string(schema::kDay) + buf);
  doc.add_value(schema::kSlotDate,
                Xapian::sortable_serialise(static_cast<double>(seconds)));
  doc.add_value(schema::kSlotDay,
                Xapian::sortable_serialise(static_cast<double>(day)));
}

// The body made valid UTF-8, with the furniture ranges moved to where
// their bytes now are: each range's ends stay on the same characters.
void ReplaceInvalidBodyUtf8(Article& article) {
  std::string_view body = article.body;
  std::string fixed;
  size_t done = 0;  // bytes of the old body already in `fixed`
  auto upto = [&](size_t old_offset) {
    fixed += ReplaceInvalidUtf8(body.substr(done, old_offset - done));
    done = old_offset;
    return fixed.size();
  };
  for (auto& [begin, end] : article.furniture) {
    begin = upto(begin);
    end = upto(end);
  }
  upto(body.size());
  article.body = std::move(fixed);
}

// The last line of defence before CLD2, ICU and Xapian, which may crash or
// misbehave on malformed UTF-8: readers should convert legacy charsets,
// but whatever slips through becomes U+FFFD here rather than a SIGSEGV.
void ReplaceInvalidUtf8Fields(Article& article) {
  for (std::string* field : {&article.title, &article.url, &article.source,
                             &article.author, &article.dateline}) {
    if (!IsValidUtf8(*field)) *field = ReplaceInvalidUtf8(*field);
  }
  if (!IsValidUtf8(article.body)) ReplaceInvalidBodyUtf8(article);
}

void AddSketch(std::string_view searchable_body, BuiltDocument& built) {
  built.sketch = ComputeMinHash(searchable_body);
  if (!built.sketch) return;
  built.document.add_value(schema::kSlotMinHash, EncodeMinHash(*built.sketch));
}

}  // namespace

void SetStory(const std::string& story, Xapian::Document& doc) {
  const std::string id = doc.get_value(schema::kSlotId);
  const std::string old = doc.get_value(schema::kSlotStory);
  if (!old.empty() && old != id) {
    try {
      doc.remove_term(std::string(schema::kStory) + old);
    } catch (const Xapian::InvalidArgumentError&) {
      // Not there: nothing to remove.
    }
  }
  if (story != id) {
    doc.add_boolean_term(ClampTerm(std::string(schema::kStory) + story));
  }
  doc.add_value(schema::kSlotStory, story);
}

std::string StoryOfDocument(const Xapian::Document& doc) {
  return doc.get_value(schema::kSlotStory);
}

std::optional<MinHash> SketchOfDocument(const Xapian::Document& doc) {
  return DecodeMinHash(doc.get_value(schema::kSlotMinHash));
}

std::string SourceTerm(std::string_view source) {
  return ClampTerm(std::string(schema::kSource) + FoldForMatching(source));
}

std::string FurnitureLineTerm(uint64_t line_hash) {
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016" PRIx64, line_hash);
  return std::string(schema::kFurnitureLine) + hex;
}

void ResolveLanguage(Article& article) {
  DCHECK(article.lang == NormalizeLanguage(article.lang))
      << article.origin << ": lang \"" << article.lang << "\" not normalised";
  ReplaceInvalidUtf8Fields(article);
  if (!article.lang.empty()) return;
  std::string sample = article.title;
  sample += "\n";
  // One byte past the sample, so that the cut can tell whether it would
  // split a character, and cut before it: CLD2 gets whole characters.
  sample.append(article.body, 0, kDetectionSampleBytes + 1);
  TruncateUtf8(&sample, article.title.size() + 1 + kDetectionSampleBytes);
  article.lang = DetectLanguage(sample);
}

BuiltDocument DocumentBuilder::Build(const Article& article,
                                     const ArticleEntities& entities) {
  BuiltDocument built;
  built.id = article.id;
  built.origin = article.origin;
  Xapian::Document& doc = built.document;
  built.date = article.date;
  if (article.furniture.empty()) {
    text_indexer_.Index(article.title, article.body, article.lang, doc);
    AddSketch(article.body, built);
  } else {
    const std::string searchable = SearchableBody(article);
    text_indexer_.Index(article.title, searchable, article.lang, doc);
    AddSketch(searchable, built);
    const std::string_view body = article.body;
    for (const auto& [begin, end] : article.furniture) {
      doc.add_boolean_term(FurnitureLineTerm(
          FurnitureLineHash(body.substr(begin, end - begin))));
    }
  }
  doc.add_boolean_term(std::string(schema::kId) + article.id);
  doc.add_value(schema::kSlotId, article.id);
  for (const schema::FieldSpec& field : schema::kFields) {
    switch (field.kind) {
      case schema::FieldKind::kEntity:
        for (const Entity& e : entities.*field.entities) {
          std::string term = AddValue(field, e.id, e.label, built);
          if (!e.native_forms.empty()) {
            built.native_forms.emplace_back(std::move(term), e.native_forms);
          }
        }
        break;
      case schema::FieldKind::kKeyword:
        if (const std::string& value = article.*field.attribute;
            !value.empty()) {
          AddValue(field, value, value, built);
        }
        break;
      case schema::FieldKind::kDate:
        if (article.date) AddDate(*article.date, doc);
        break;
    }
  }
  doc.set_data(EncodeStoredArticle(article, entities));
  return built;
}

}  // namespace chancery
