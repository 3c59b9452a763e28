#include "indexer/furniture_recleaner.h"

#include <xapian.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/stored_article.h"
#include "common/text_analyzer.h"
#include "common/xapian_text.h"
#include "indexer/document_builder.h"

namespace chancery {
namespace {

// The documents of language `lang` whose text holds the words of `line` in
// order: a phrase of its index terms (an AND when the tokeniser gives
// several terms one position, as CJK n-grams do). Empty when the line has
// no words.
Xapian::Query LineQuery(const std::string& line, std::string_view lang,
                        ArticleTextIndexer& indexer) {
  Xapian::Document scratch;
  indexer.Index("", line, lang, scratch);
  std::vector<std::pair<Xapian::termpos, std::string>> by_position;
  for (auto t = scratch.termlist_begin(); t != scratch.termlist_end(); ++t) {
    for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p) {
      by_position.emplace_back(*p, *t);
    }
  }
  std::sort(by_position.begin(), by_position.end());
  std::vector<std::string> terms;
  bool distinct_positions = true;
  for (size_t i = 0; i < by_position.size(); ++i) {
    if (i > 0 && by_position[i].first == by_position[i - 1].first) {
      distinct_positions = false;
    }
    terms.push_back(by_position[i].second);
  }
  if (terms.empty()) return Xapian::Query();
  if (terms.size() == 1) return Xapian::Query(terms[0]);
  if (!distinct_positions) {
    return Xapian::Query(Xapian::Query::OP_AND, terms.begin(), terms.end());
  }
  return Xapian::Query(Xapian::Query::OP_PHRASE, terms.begin(), terms.end(),
                       static_cast<Xapian::termcount>(terms.size()));
}

// The documents whose text holds `line`, in whichever language they were
// indexed: the index has stems, which depend on it (common/xapian_text.h).
Xapian::Query LineInAnyLanguage(const std::string& line) {
  ArticleTextIndexer indexer;
  std::vector<Xapian::Query> parts;
  std::vector<std::string> seen;
  std::vector<std::string_view> langs = StemmedLanguages();
  langs.push_back("");
  for (std::string_view lang : langs) {
    Xapian::Query q = LineQuery(line, lang, indexer);
    if (q.empty()) return q;
    std::string description = q.get_description();
    if (std::find(seen.begin(), seen.end(), description) != seen.end()) {
      continue;
    }
    seen.push_back(std::move(description));
    parts.push_back(std::move(q));
  }
  return Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end());
}

Xapian::Query AffectedDocuments(const BoilerplateFilter::LineToRecheck& line) {
  const Xapian::Query marked(FurnitureLineTerm(line.hash));
  Xapian::Query docs = marked;
  if (line.furniture) {
    Xapian::Query phrase = LineInAnyLanguage(line.text);
    if (phrase.empty()) return phrase;
    docs = Xapian::Query(Xapian::Query::OP_AND_NOT, phrase, marked);
  }
  if (line.source_key.empty()) return docs;
  return Xapian::Query(Xapian::Query::OP_FILTER, docs,
                       Xapian::Query(SourceTerm(line.source_key)));
}

}  // namespace

StatusOr<uint64_t> RecleanFurniture(const BoilerplateFilter& filter,
                                    ShardedWriter& writer) {
  DocumentBuilder builder;
  uint64_t rewritten = 0;
  for (const BoilerplateFilter::LineToRecheck& line : filter.LinesToRecheck()) {
    Xapian::Query docs = AffectedDocuments(line);
    if (docs.empty()) continue;
    CHANCERY_ASSIGN_OR_RETURN(std::vector<Xapian::Document> found,
                              writer.MatchingDocuments(docs));
    for (const Xapian::Document& doc : found) {
      std::string data;
      std::string story;
      try {
        data = doc.get_data();
        story = StoryOfDocument(doc);
      } catch (const Xapian::Error& e) {
        return Status::IoError("reading the index: " + e.get_description());
      }
      CHANCERY_ASSIGN_OR_RETURN(StoredArticle stored,
                                DecodeStoredArticle(data));
      std::vector<std::pair<size_t, size_t>> furniture =
          filter.Find(stored.article);
      if (furniture == stored.article.furniture) continue;
      stored.article.furniture = std::move(furniture);
      BuiltDocument built = builder.Build(stored.article, stored.entities);
      // The story is settled after this pass, from the new text.
      if (!story.empty()) SetStory(story, built.document);
      StatusOr<WriteOutcome> outcome = writer.Upsert(built);
      CHANCERY_RETURN_IF_ERROR(outcome.status());
      ++rewritten;
    }
  }
  return rewritten;
}

}  // namespace chancery
