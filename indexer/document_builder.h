// DocumentBuilder: turns an analysed article into the Xapian document the
// schema (common/schema.h) describes. Not thread-safe; one per worker
// thread (it reuses its TermGenerator between documents).
#ifndef CHANCERY_INDEXER_DOCUMENT_BUILDER_H_
#define CHANCERY_INDEXER_DOCUMENT_BUILDER_H_

#include <xapian.h>

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/article.h"
#include "common/entities/entities.h"
#include "common/xapian_text.h"
#include "indexer/min_hash.h"

namespace chancery {

struct BuiltDocument {
  std::string id;
  std::string origin;  // "FILE:LINE" of the article, for error messages
  Xapian::Document document;
  // (facet term, display label) pairs for the index's label metadata.
  std::vector<std::pair<std::string, std::string>> labels;
  // (entity facet term, Entity::native_forms) for the index's forms
  // metadata (schema::kFormsKey); only entities that have some.
  std::vector<std::pair<std::string, std::vector<std::string>>> native_forms;
  // For grouping into stories (indexer/story_grouper.h): the article's
  // date and the MinHash sketch of its searchable body (also in the
  // document as kSlotMinHash).
  std::optional<int64_t> date;
  std::optional<MinHash> sketch;
};

// Replaces malformed UTF-8 in the article's text fields with U+FFFD
// (keeping furniture ranges on their lines), then sets an empty
// article.lang to CLD2's guess from title and body, or leaves it "" when
// CLD2 is unsure. Must run before the article reaches the analyzer.
// Precondition: article.lang is empty or normalised (NormalizeLanguage), as
// ArticleSink receives it.
void ResolveLanguage(Article& article);

// The boolean term of documents from `source` (schema::kSource).
std::string SourceTerm(std::string_view source);

// The boolean term marking a furniture line (schema::kFurnitureLine).
std::string FurnitureLineTerm(uint64_t line_hash);

// Makes `story` the document's story (kSlotStory, and the schema::kStory
// term, replacing any other, unless it is the document's own id).
// Precondition: the document has its kSlotId value.
void SetStory(const std::string& story, Xapian::Document& doc);

// The story id and MinHash sketch a document holds ("" and nullopt when
// absent).
std::string StoryOfDocument(const Xapian::Document& doc);
std::optional<MinHash> SketchOfDocument(const Xapian::Document& doc);

class DocumentBuilder {
 public:
  // Indexes the searchable body (SearchableBody: without furniture lines,
  // each of which gets a FurnitureLineTerm) and stores the whole article.
  // Precondition: article.id is not empty and article.lang was resolved.
  BuiltDocument Build(const Article& article, const ArticleEntities& entities);

 private:
  ArticleTextIndexer text_indexer_;
};

}  // namespace chancery

#endif  // CHANCERY_INDEXER_DOCUMENT_BUILDER_H_
