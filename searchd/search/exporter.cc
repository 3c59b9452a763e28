#include "searchd/search/exporter.h"

#include <xapian.h>

#include <algorithm>
#include <array>

#include "common/facets.h"
#include "common/stored_article.h"
#include "searchd/search/facet_counter.h"
#include "searchd/search/index_handle.h"
#include "searchd/search/query_builder.h"
#include "searchd/search/request_validator.h"
#include "searchd/search/searcher.h"

namespace chancery {
namespace {

// Stored fields of an article that are not fields of schema::kFields.
constexpr std::array<std::string_view, 3> kLeadColumns = {"id", "title", "url"};
constexpr std::array<std::string_view, 3> kTrailColumns = {"author", "dateline",
                                                           "body"};
// The one column left out of the default (metadata-only) export.
constexpr std::string_view kBodyColumn = kTrailColumns.back();

constexpr auto kColumns = [] {
  std::array<std::string_view, kLeadColumns.size() + schema::kFields.size() +
                                   kTrailColumns.size()>
      all{};
  size_t i = 0;
  for (std::string_view c : kLeadColumns) all[i++] = c;
  for (const schema::FieldSpec& f : schema::kFields) all[i++] = f.name;
  for (std::string_view c : kTrailColumns) all[i++] = c;
  return all;
}();

// Rows are handed out this often between renewals of the revision's pin.
constexpr int64_t kRenewEvery = 256;

ExportCell Text(std::string text) {
  ExportCell cell;
  cell.text = std::move(text);
  return cell;
}

// The cell of `column` for `stored`. Precondition: column is a name of
// kColumns.
ExportCell CellOf(const StoredArticle& stored, std::string_view column) {
  const Article& a = stored.article;
  if (const schema::FieldSpec* field = schema::FindField(column)) {
    if (field->entities != nullptr) {
      ExportCell cell;
      cell.is_list = true;
      for (const Entity& e : stored.entities.*(field->entities)) {
        cell.list.push_back(e.id);
      }
      return cell;
    }
    if (field->attribute != nullptr) return Text(a.*(field->attribute));
    return Text(a.date ? FormatIsoDate(*a.date) : std::string());
  }
  if (column == "id") return Text(a.id);
  if (column == "title") return Text(a.title);
  if (column == "url") return Text(a.url);
  if (column == "author") return Text(a.author);
  if (column == "dateline") return Text(a.dateline);
  return Text(a.body);
}

// Hands each matching document of one shard to the run.
class RowSpy : public Xapian::MatchSpy {
 public:
  explicit RowSpy(const std::function<bool(const Xapian::Document&)>& each)
      : each_(each) {}
  void operator()(const Xapian::Document& doc, double) override {
    if (!stopped_) stopped_ = !each_(doc);
  }
  bool stopped() const { return stopped_; }

 private:
  const std::function<bool(const Xapian::Document&)>& each_;
  bool stopped_ = false;
};

}  // namespace

std::span<const std::string_view> ExportColumnNames() { return kColumns; }

std::vector<std::string> DefaultExportColumns() {
  std::vector<std::string> columns;
  for (std::string_view c : kColumns) {
    if (c != kBodyColumn) columns.emplace_back(c);
  }
  return columns;
}

Status ValidateExportColumns(const std::vector<std::string>& columns,
                             const std::string& param) {
  if (columns.empty()) {
    return Status::InvalidArgument(param + " names no column", param);
  }
  for (size_t i = 0; i < columns.size(); ++i) {
    if (std::find(kColumns.begin(), kColumns.end(), columns[i]) ==
        kColumns.end()) {
      std::string names;
      for (std::string_view c : kColumns) {
        names += names.empty() ? "" : ", ";
        names += c;
      }
      return Status::InvalidArgument(param + ": unknown column \"" +
                                         columns[i] + "\" (columns: " + names +
                                         ")",
                                     param);
    }
    if (std::find(columns.begin(), columns.begin() + i, columns[i]) !=
        columns.begin() + i) {
      return Status::InvalidArgument(
          param + ": column \"" + columns[i] + "\" is named twice", param);
    }
  }
  return Status::Ok();
}

struct ExportRun::Impl {
  HandlePool::Lease lease;
  SearchRequest search;
  DateBounds dates;
  std::vector<std::string> columns;
  int64_t total = 0;
};

ExportRun::ExportRun(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
ExportRun::~ExportRun() = default;

const std::string& ExportRun::revision() const { return impl_->lease->token; }
const std::vector<std::string>& ExportRun::columns() const {
  return impl_->columns;
}
int64_t ExportRun::total() const { return impl_->total; }

Status ExportRun::Stream(const std::function<bool(const ExportRow&)>& row) {
  IndexHandle& h = *impl_->lease;
  int64_t given = 0;
  bool stop = false;
  ExportRow cells(impl_->columns.size());
  const bool with_body = std::find(impl_->columns.begin(), impl_->columns.end(),
                                   kBodyColumn) != impl_->columns.end();
  std::function<bool(const Xapian::Document&)> each =
      [&](const Xapian::Document& doc) -> bool {
    StatusOr<StoredArticle> stored =
        DecodeStoredListing(doc.get_data(), with_body);
    // A document the search core cannot read is skipped by search too
    // (HitsOf fails the page); an export goes on without it.
    if (!stored.ok()) return true;
    for (size_t i = 0; i < cells.size(); ++i) {
      cells[i] = CellOf(*stored, impl_->columns[i]);
    }
    if (++given % kRenewEvery == 0) impl_->lease.Renew();
    stop = !row(cells);
    return !stop;
  };
  try {
    QueryBuilder builder(h);
    Xapian::Query query =
        builder.SearchQuery(impl_->search, impl_->dates.first_day,
                            impl_->dates.last_day, {}, /*highlight=*/nullptr);
    const bool everything =
        query.get_description() == MatchAllQuery().get_description();
    const size_t shards = h.shards.size();
    for (size_t i = 0; i < shards && !stop; ++i) {
      const Xapian::Database& shard = shards == 1 ? h.db : h.shards[i];
      if (everything) {
        for (auto p = shard.postlist_begin(""); p != shard.postlist_end("");
             ++p) {
          if (!each(shard.get_document(*p))) break;
        }
        continue;
      }
      Xapian::Enquire enquire(shard);
      enquire.set_query(query);
      enquire.set_weighting_scheme(Xapian::BoolWeight());
      enquire.set_docid_order(Xapian::Enquire::ASCENDING);
      RowSpy spy(each);
      enquire.add_matchspy(&spy);
      enquire.get_mset(0, 0, shard.get_doccount());
    }
  } catch (const Xapian::DatabaseModifiedError&) {
    impl_->lease.Lost();
    return RevisionLost(impl_->lease->token);
  } catch (const Xapian::DatabaseOpeningError&) {
    // A table opened late whose file a compaction's switch removed.
    impl_->lease.Lost();
    return RevisionLost(impl_->lease->token);
  } catch (const Xapian::Error& e) {
    impl_->lease.Discard();
    return Status::IoError("index error: " + e.get_description());
  }
  return Status::Ok();
}

StatusOr<std::unique_ptr<ExportRun>> StartExport(const Searcher& searcher,
                                                 const ExportRequest& request) {
  CHANCERY_RETURN_IF_ERROR(ValidateExportColumns(request.columns, "fields"));
  SearchRequest search = request.search;
  search.page = 1;
  search.size = 0;
  // Checked as a search would be (facets named must exist), then counted
  // without facets: only the total is wanted.
  CHANCERY_ASSIGN_OR_RETURN(DateBounds dates,
                            ValidateSearchRequest(search, searcher.options()));
  search.facets = {};
  HandlePool& pool = searcher.handle_pool();
  // Held from its first row: a concurrent writer must not destroy it.
  StatusOr<HandlePool::Lease> borrowed = search.revision.empty()
                                             ? pool.BorrowHeld()
                                             : pool.Borrow(search.revision);
  if (!borrowed.ok()) return borrowed.status();
  HandlePool::Lease lease = std::move(*borrowed);
  if (!search.revision.empty()) lease.Renew();
  const std::string token = lease->token;
  int64_t total = 0;
  try {
    FacetQuery count{&search, dates.first_day, dates.last_day, 0};
    total = CountFacets(*lease, count).total;
  } catch (const Xapian::DatabaseModifiedError&) {
    lease.Lost();
    return RevisionLost(token);
  } catch (const Xapian::QueryParserError& e) {
    return Status::InvalidArgument("q: " + e.get_msg(), "q");
  } catch (const Xapian::Error& e) {
    lease.Discard();
    return Status::IoError("index error: " + e.get_description());
  }
  auto impl = std::unique_ptr<ExportRun::Impl>(new ExportRun::Impl{
      std::move(lease), std::move(search), dates, request.columns, total});
  return std::make_unique<ExportRun>(std::move(impl));
}

StatusOr<FacetTable> ExportFacet(const Searcher& searcher,
                                 const SearchRequest& request,
                                 const std::string& name) {
  if (!schema::FindField(name)) {
    return Status::InvalidArgument(
        "facet names a facet (" + schema::JoinedNames(schema::kFacetNames) +
            "), got \"" + name + "\"",
        "facet");
  }
  SearchRequest search = request;
  search.page = 1;
  search.size = 0;
  search.facets = {name};
  CHANCERY_ASSIGN_OR_RETURN(DateBounds dates,
                            ValidateSearchRequest(search, searcher.options()));
  HandlePool& pool = searcher.handle_pool();
  CHANCERY_ASSIGN_OR_RETURN(HandlePool::Lease lease,
                            pool.Borrow(search.revision));
  try {
    // facet_size 0: every value, not the top ones.
    FacetQuery query{&search, dates.first_day, dates.last_day, 0};
    FacetOutcome outcome = CountFacets(*lease, query);
    return FacetTable{std::move(outcome.facets.front()), lease->token,
                      outcome.total};
  } catch (const Xapian::DatabaseModifiedError&) {
    if (search.revision.empty()) {
      return Status::Unavailable("the index changed while counting; retry");
    }
    lease.Lost();
    return RevisionLost(search.revision);
  } catch (const Xapian::QueryParserError& e) {
    return Status::InvalidArgument("q: " + e.get_msg(), "q");
  } catch (const Xapian::Error& e) {
    lease.Discard();
    return Status::IoError("index error: " + e.get_description());
  }
}

}  // namespace chancery
