// JSON Lines / NDJSON: one JSON object per line, fields as in
// json_article.h. Blank lines are skipped; a line that is not a JSON object
// is rejected as "FILE:LINE" and reading goes on.
#ifndef CHANCERY_INDEXER_READERS_JSON_LINES_READER_H_
#define CHANCERY_INDEXER_READERS_JSON_LINES_READER_H_

#include "indexer/readers/article_reader.h"
#include "indexer/readers/input_source.h"

namespace chancery {

// Reads `source` to its end, one line at a time, feeding `sink`. Origins
// are "PATH:LINE" with source.path() as given by the caller.
void ReadJsonLines(InputSource& source, ArticleSink& sink);

}  // namespace chancery

#endif  // CHANCERY_INDEXER_READERS_JSON_LINES_READER_H_
