// Exports: every match of a search, streamed row by row from one pinned
// index revision, and every value of a facet with its count.
//
// Order: index order, shard by shard (shard 0's matches in docid order,
// then shard 1's...; a compacted or single index is in docid order, which
// is the order articles were first added). It is the order Xapian's
// matcher visits documents in, so no sort is held in memory and an export
// of any size uses the same memory: one document at a time. Within one
// revision the order is fixed; a re-export of the same revision gives the
// same bytes. (A ranked order would need every match's key in memory, or
// a pass per chunk.) The request's sort, page and size do not apply.
//
// Revision: the export reads the revision the request names, or the newest
// at its start, through one handle it holds to its end, renewing the
// revision's pin (common/revision_pins.h) as it goes; a writer that
// honours pins (chancery-index) cannot change what it returns.
//
// Thread safety: an ExportRun belongs to one thread at a time; it holds a
// handle of the Searcher's pool and must be destroyed before the Searcher.
#ifndef CHANCERY_SEARCHD_SEARCH_EXPORTER_H_
#define CHANCERY_SEARCHD_SEARCH_EXPORTER_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "searchd/search/search_types.h"

namespace chancery {

// The columns an export can have, in their default order: the article's
// stored fields and every field of schema::kFields by its name.
std::span<const std::string_view> ExportColumnNames();
// Those without the body (metadata only): the default `fields`.
std::vector<std::string> DefaultExportColumns();
// InvalidArgument naming `param` for an unknown or repeated column, or
// none.
[[nodiscard]] Status ValidateExportColumns(
    const std::vector<std::string>& columns, const std::string& param);

struct ExportRequest {
  // q, filters, from, to and revision as for a search.
  SearchRequest search;
  std::vector<std::string> columns = DefaultExportColumns();
};

// One value of a row: text, or a list (the ids of an entity field).
struct ExportCell {
  std::string text;
  std::vector<std::string> list;
  bool is_list = false;
};
using ExportRow = std::vector<ExportCell>;  // One cell per column.

class ExportRun {
 public:
  struct Impl;
  explicit ExportRun(std::unique_ptr<Impl> impl);
  ~ExportRun();

  const std::string& revision() const;
  const std::vector<std::string>& columns() const;
  // Matches of the search, counted at the start (what Stream will give).
  int64_t total() const;
  // Calls `row` for every match, in index order, until it returns false.
  // Expired when a writer overwrote the revision meanwhile (the rows given
  // so far were of the revision). Call once.
  [[nodiscard]] Status Stream(const std::function<bool(const ExportRow&)>& row);

 private:
  std::unique_ptr<Impl> impl_;
};

class Searcher;
// Validates the request and pins its revision. InvalidArgument naming the
// parameter, Expired for a revision no longer kept.
[[nodiscard]] StatusOr<std::unique_ptr<ExportRun>> StartExport(
    const Searcher& searcher, const ExportRequest& request);

// Every value of facet `name` over the matches of `search`, by count then
// label, at the search's revision (or the newest).
struct FacetTable {
  FacetResult facet;
  std::string revision;
  int64_t total = 0;  // Matches of the search.
};
[[nodiscard]] StatusOr<FacetTable> ExportFacet(const Searcher& searcher,
                                               const SearchRequest& search,
                                               const std::string& name);

}  // namespace chancery

#endif  // CHANCERY_SEARCHD_SEARCH_EXPORTER_H_
