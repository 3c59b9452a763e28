// StoredArticle: what the index keeps of an article as Xapian document data,
// written by the indexer and read by the search side. EncodeStoredArticle
// writes a compact binary record, laid out in stored_article_binary.h (its
// first byte is 0x01). Indexes written before it hold one JSON object,
// which still decodes:
//   {"id","title","body","date" (ISO 8601 UTC or absent),"url","source",
//    "lang","author","dateline",
//    "countries":[ENTITY], "people":[ENTITY], "orgs":[ENTITY],
//    "meta":{...}, "furniture":[[begin,end],...] (absent when none)}
// where ENTITY is
//   {"id","label","mentions",
//    "spans":[["b",120,126,"PER"],...],   (absent when there are none)
//    "forms":["Лавров",...]}              (absent when there are none)
// A span is [field, begin, end, type]: field the first letter of its
// MentionFieldName ("t" title, "b" body, "d" dateline, "p" publisher),
// begin/end byte offsets into that field, type its MentionTypeName ("PER",
// "LOC", "ORG", "MISC", "rule"). "forms" are Entity::native_forms.
// JSON written before spans and forms existed decodes with both empty; a
// JSON span that is not such a 4-element array (or names an unknown field
// or type, or has begin > end) is dropped on decoding, not an error.
// Encoding and decoding live here only, so the two sides cannot drift.
// Decoding never reads past the data it is given, whatever the bytes.
#ifndef CHANCERY_COMMON_STORED_ARTICLE_H_
#define CHANCERY_COMMON_STORED_ARTICLE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/article.h"
#include "common/entities/entities.h"
#include "common/status.h"

namespace chancery {

struct StoredArticle {
  Article article;  // origin is not stored; meta_json is.
  ArticleEntities entities;
};

// Serialises to the binary document data format. Never fails. Invalid
// UTF-8 is stored replaced (U+FFFD), spans with begin > end and furniture
// ranges that are unsorted or beyond the body are left out.
std::string EncodeStoredArticle(const Article& article,
                                const ArticleEntities& entities);

// Parses document data of either format. Corruption when it is not what
// EncodeStoredArticle (or the JSON encoder before it) wrote.
StatusOr<StoredArticle> DecodeStoredArticle(std::string_view data);

// The fields of document data a listing needs, fast: the article's text
// fields and date, and each entity's id and label (no spans, forms, meta
// or furniture); the body only when `with_body` (else it is skipped
// unread, which is most of the work of DecodeStoredArticle). For exports
// (searchd/search/exporter.h). Corruption like DecodeStoredArticle when
// the data is not a stored article (a binary record whose fields up to
// the body are malformed, or whose lengths do not add up; the skipped
// parts are not checked). Implemented in stored_article_scan.cc.
[[nodiscard]] StatusOr<StoredArticle> DecodeStoredListing(std::string_view data,
                                                          bool with_body);

// article.body without its furniture lines (each left as an empty line):
// the text that is indexed and that snippets are cut from.
std::string SearchableBody(const Article& article);

// "2024-02-26T15:01:01Z" for epoch seconds (UTC).
std::string FormatIsoDate(int64_t epoch_seconds);
// Reads the "YYYY-MM-DDTHH:MM:SSZ" text FormatIsoDate writes; nullopt when
// it is not that or not a real date.
std::optional<int64_t> ParseIsoDate(const std::string& text);

}  // namespace chancery

#endif  // CHANCERY_COMMON_STORED_ARTICLE_H_
