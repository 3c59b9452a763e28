// RecleanFurniture: the end of a run's boilerplate filtering. During the
// run each article is marked with the statistics learned so far, so an
// article read before a line was learned keeps that line in its searchable
// text, and one read while a line looked like furniture may lose it
// although the whole input says otherwise. This pass finds the documents
// of every line whose decision may differ (BoilerplateFilter::
// LinesToRecheck) in the index itself:
//  - a line that is furniture now: the documents of its source whose text
//    has the line's words as a phrase and that lack its furniture term;
//  - a line that is no longer furniture: the documents with its term;
// re-marks each from its stored (original) body with the final statistics
// and rewrites those whose furniture changed. Only the first few articles
// of a source, and documents of earlier runs whose decision changed, are
// rewritten, so indexing does not read its input twice. A document's text
// is then what the whole index's statistics say, whatever the input order.
//
// The entities of a rewritten document are kept as extracted (its stored
// ones): a furniture line rarely names one.
#ifndef CHANCERY_INDEXER_FURNITURE_RECLEANER_H_
#define CHANCERY_INDEXER_FURNITURE_RECLEANER_H_

#include <cstdint>

#include "common/status.h"
#include "indexer/boilerplate_filter.h"
#include "indexer/sharded_writer.h"

namespace chancery {

// Rewrites the documents whose furniture differs from what `filter`
// decides now; returns how many. Errors are the writer's (IoError), or
// Corruption for a stored document that cannot be decoded.
[[nodiscard]] StatusOr<uint64_t> RecleanFurniture(
    const BoilerplateFilter& filter, ShardedWriter& writer);

}  // namespace chancery

#endif  // CHANCERY_INDEXER_FURNITURE_RECLEANER_H_
