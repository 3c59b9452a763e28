// JSON array files: [ {article}, {article}, ... ], fields as in
// json_article.h. Streamed element by element through nlohmann's parser
// callback, so only one article is in memory at a time. Origins are
// "FILE:LINE" with the line where the element starts.
#ifndef CHANCERY_INDEXER_READERS_JSON_ARRAY_READER_H_
#define CHANCERY_INDEXER_READERS_JSON_ARRAY_READER_H_

#include "indexer/readers/article_reader.h"
#include "indexer/readers/input_source.h"

namespace chancery {

// Reads `source` to its end. Elements that are not objects, or lack title
// and body, are rejected one by one; a syntax error ends the file with one
// rejection at the error (articles before it have been delivered), since
// there is no reliable way to resynchronise inside broken JSON.
void ReadJsonArray(InputSource& source, ArticleSink& sink);

}  // namespace chancery

#endif  // CHANCERY_INDEXER_READERS_JSON_ARRAY_READER_H_
