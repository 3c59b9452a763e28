// Plain text and Markdown files as one article each: the title is the
// first non-empty line (Markdown's leading '#'s and a setext "===" or
// "---" underline removed), the body everything after it. Markdown syntax
// in the body is kept as written. Legacy-encoded files are converted to
// UTF-8 (charset.h). Origin is the file path.
#ifndef CHANCERY_INDEXER_READERS_TEXT_READER_H_
#define CHANCERY_INDEXER_READERS_TEXT_READER_H_

#include "common/status.h"
#include "indexer/readers/article_reader.h"
#include "indexer/readers/input_source.h"

namespace chancery {

// Reads the whole file from `source` (at most
// InputSource::kMaxDocumentBytes) and delivers at most one article.
Status ReadTextDocument(InputSource& source, ArticleSink& sink);

}  // namespace chancery

#endif  // CHANCERY_INDEXER_READERS_TEXT_READER_H_
