// The document data format EncodeStoredArticle writes (stored_article.h):
// a compact binary record, built from LevelDB-style varints and
// length-prefixed strings (common/base/varint.h). Internal to
// stored_article*.cc; everything else goes through stored_article.h.
//
//   record   := format:0x01 flags:varint text*7 [date:zigzag] list*3
//               detail:str body:str
//   text     := str (id, title, url, source, lang, author, dateline)
//   flags    := bit 0: a date follows (epoch seconds); other bits 0
//   list     := n:varint (id:str label:str)*n     (countries, people, orgs)
//   detail   := entity*     (one per entity above, in the same order)
//               meta:str furniture
//   entity   := mentions:zigzag nspans:varint span*nspans
//               nforms:varint form:str*nforms
//   span     := code:byte begin:zigzag length:varint
//               code = field << 3 | type (MentionField, MentionType);
//               begin is the change from the entity's previous span's
//               begin in the same field (from 0 when the field changes)
//   meta     := the meta JSON object's text; empty for "{}"
//   furniture:= n:varint (gap:varint length:varint)*n, gap from the end
//               of the previous range (from 0 for the first)
//   str      := length:varint bytes        (every str is UTF-8)
//
// A listing reads the record up to `detail`, steps over it by its length
// and takes or steps over the body, so the fields a listing does not need
// cost nothing to skip. The first byte tells the formats apart: the JSON
// written before this format always starts with '{'.
#ifndef CHANCERY_COMMON_STORED_ARTICLE_BINARY_H_
#define CHANCERY_COMMON_STORED_ARTICLE_BINARY_H_

#include <string>
#include <string_view>

#include "common/stored_article.h"

namespace chancery::stored_article_internal {

inline constexpr char kBinaryFormat = '\x01';

// The record above. Strings that are not valid UTF-8 are stored with
// ReplaceInvalidUtf8 applied, furniture ranges that are not sorted,
// disjoint and within the body are left out, and meta_json is stored as
// its JSON object's compact text ("{}" when it is not an object).
std::string EncodeBinary(const Article& article,
                         const ArticleEntities& entities);

enum class BinaryPart { kAll, kListing, kListingWithBody };

// Reads a record that starts with kBinaryFormat: all of it, or what
// DecodeStoredListing returns. Corruption, naming what is wrong, for any
// bytes EncodeBinary cannot have written (truncated, trailing bytes, a
// length or count beyond the data, an unknown span code, invalid UTF-8).
StatusOr<StoredArticle> DecodeBinary(std::string_view data, BinaryPart part);

}  // namespace chancery::stored_article_internal

#endif  // CHANCERY_COMMON_STORED_ARTICLE_BINARY_H_
