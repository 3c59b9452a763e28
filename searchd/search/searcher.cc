#include "searchd/search/searcher.h"

#include <chrono>
#include <filesystem>
#include <future>
#include <span>

#include "common/data_file.h"
#include "common/schema.h"
#include "common/stored_article.h"
#include "common/text_analyzer.h"
#include "searchd/search/burst_counter.h"
#include "searchd/search/comention_counter.h"
#include "searchd/search/facet_counter.h"
#include "searchd/search/hit_builder.h"
#include "searchd/search/index_handle.h"
#include "searchd/search/query_builder.h"
#include "searchd/search/request_validator.h"
#include "searchd/search/snippet_builder.h"
#include "searchd/search/spelling_suggester.h"
#include "searchd/search/stopwords.h"
#include "searchd/search/story_collapse.h"
#include "searchd/search/story_view.h"
#include "searchd/search/task_pool.h"
#include "searchd/search/term_profiler.h"
#include "searchd/search/timeline.h"

namespace chancery {
namespace {

// A query with fewer matches than this gets a spelling suggestion.
constexpr int64_t kSuggestBelow = 5;
// Terms of a document that "more like this" searches for.
constexpr Xapian::termcount kSimilarTerms = 25;

// The result type of WithHandle for a function returning T: StatusOr<T>,
// with StatusOr<U> and Status passed through rather than nested.
template <typename T>
struct Checked {
  using type = StatusOr<T>;
};
template <typename T>
struct Checked<StatusOr<T>> {
  using type = StatusOr<T>;
};
template <>
struct Checked<Status> {
  using type = Status;
};

// Runs `fn(handle)` on a borrowed handle, retrying once on a fresh revision
// when a writer overwrote the one being read, and turning Xapian errors into
// Status values.
// With a revision `token`, reads that revision or none: a writer having
// overwritten it makes it Expired (a 410), never an answer from another.
template <typename Fn>
auto WithHandle(HandlePool& pool, const std::string& token, Fn&& fn) ->
    typename Checked<decltype(fn(std::declval<IndexHandle&>()))>::type {
  StatusOr<HandlePool::Lease> lease = pool.Borrow(token);
  if (!lease.ok()) return lease.status();
  for (int attempt = 0;; ++attempt) {
    try {
      return fn(**lease);
    } catch (const Xapian::DatabaseModifiedError& e) {
      if (!token.empty()) {
        lease->Lost();
        return RevisionLost(token);
      }
      if (attempt > 0) return Status::Unavailable(e.get_description());
      try {
        lease->Reopen();
      } catch (const Xapian::Error& e2) {
        lease->Discard();
        return Status::IoError("cannot reopen the index: " +
                               e2.get_description());
      }
    } catch (const Xapian::QueryParserError& e) {
      // Only a query with nothing left to search gets here
      // (QueryBuilder::TextQuery falls back to its plain words first).
      return Status::InvalidArgument("q: " + e.get_msg(), "q");
    } catch (const Xapian::DatabaseOpeningError& e) {
      // A table opened late whose file a compaction's switch removed: the
      // revision is gone for a pinned read; else as any error below.
      if (!token.empty()) {
        lease->Lost();
        return RevisionLost(token);
      }
      lease->Discard();
      return Status::IoError("index error: " + e.get_description());
    } catch (const Xapian::Error& e) {
      // DatabaseCorruptError, DatabaseError, DatabaseOpeningError...: this
      // handle may be reading files that were since replaced.
      lease->Discard();
      return Status::IoError("index error: " + e.get_description());
    } catch (const std::exception& e) {
      return Status::Internal(e.what());
    }
  }
}

template <typename Fn>
auto WithHandle(HandlePool& pool, Fn&& fn) {
  return WithHandle(pool, "", std::forward<Fn>(fn));
}

std::optional<Xapian::docid> FindDocid(const Xapian::Database& db,
                                       const std::string& id) {
  const std::string term = std::string(schema::kId) + id;
  Xapian::PostingIterator p = db.postlist_begin(term);
  if (p == db.postlist_end(term)) return std::nullopt;
  return *p;
}

// Hits of some matches of an MSet: stored fields, score, snippet.
StatusOr<std::vector<Hit>> HitsOf(std::span<const Xapian::MSetIterator> items,
                                  const HighlightTerms* highlight) {
  std::vector<Hit> hits;
  std::optional<SnippetBuilder> snippets;
  if (highlight) snippets.emplace(*highlight);
  for (const Xapian::MSetIterator& m : items) {
    StatusOr<StoredArticle> stored =
        DecodeStoredArticle(m.get_document().get_data());
    if (!stored.ok()) return stored.status();
    Hit hit = HitFromArticle(*stored);
    hit.score = m.get_weight();
    if (snippets) {
      hit.snippet = snippets->Build(SearchableBody(stored->article),
                                    stored->article.lang);
    }
    hits.push_back(std::move(hit));
  }
  return hits;
}

StatusOr<std::vector<Hit>> HitsOf(const Xapian::MSet& mset,
                                  const HighlightTerms* highlight) {
  std::vector<Xapian::MSetIterator> items;
  for (auto m = mset.begin(); m != mset.end(); ++m) items.push_back(m);
  return HitsOf(items, highlight);
}

// Whether folded `text` or one of its later words starts with `prefix`:
// "sej" matches "stephane sejourne", "ley" "ursula von der leyen".
bool WordStartsWith(std::string_view text, std::string_view prefix) {
  if (text.substr(0, prefix.size()) == prefix) return true;
  for (size_t sp = text.find_first_of(" -"); sp != std::string_view::npos;
       sp = text.find_first_of(" -", sp + 1)) {
    if (text.substr(sp + 1, prefix.size()) == prefix) return true;
  }
  return false;
}

// Runs `count(handle, request, dates)` once `validate` passed, and sets
// the answer's took_ms.
template <typename Response, typename Request, typename Validate,
          typename Count>
StatusOr<Response> TimedAnalysis(HandlePool& pool,
                                 const SearcherOptions& options,
                                 const Request& request, Validate validate,
                                 Count count) {
  const auto start = std::chrono::steady_clock::now();
  StatusOr<DateBounds> dates = validate(request, options);
  if (!dates.ok()) return dates.status();
  StatusOr<Response> answer = WithHandle(
      pool, [&](IndexHandle& h) { return count(h, request, *dates); });
  if (answer.ok()) {
    answer->took_ms = std::chrono::duration<double, std::milli>(
                          std::chrono::steady_clock::now() - start)
                          .count();
  }
  return answer;
}

int64_t DirectorySize(const std::string& path) {
  std::error_code ec;
  int64_t total = 0;
  for (auto it = std::filesystem::recursive_directory_iterator(path, ec);
       !ec && it != std::filesystem::recursive_directory_iterator();
       it.increment(ec)) {
    if (it->is_regular_file(ec))
      total += static_cast<int64_t>(it->file_size(ec));
  }
  return total;
}

}  // namespace

struct Searcher::Impl {
  SearcherOptions options;
  std::unique_ptr<HandlePool> pool;
  std::unique_ptr<TaskPool> counters;  // null when counting_threads == 0
  Stopwords stopwords;                 // Immutable after Open.

  StatusOr<FacetOutcome> Count(const FacetQuery& query,
                               const std::string& token) {
    return WithHandle(*pool, token,
                      [&](IndexHandle& h) { return CountFacets(h, query); });
  }
};

Searcher::Searcher(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Searcher::~Searcher() = default;

const SearcherOptions& Searcher::options() const { return impl_->options; }

HandlePool& Searcher::handle_pool() const { return *impl_->pool; }

StatusOr<std::unique_ptr<Searcher>> Searcher::Open(
    const SearcherOptions& options) {
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  CHANCERY_ASSIGN_OR_RETURN(
      impl->pool,
      HandlePool::Create(
          options.db_paths,
          std::chrono::milliseconds(options.reload_interval_ms),
          {.keep_for = std::chrono::milliseconds(options.revision_keep_ms),
           .count = options.revision_keep_count,
           .write_pins = options.write_revision_pins}));
  if (options.counting_threads > 0) {
    impl->counters = std::make_unique<TaskPool>(options.counting_threads);
  }
  // The default file is absent from a build without the npm data, which
  // then profiles terms without stopwords; a file the user named must be.
  const bool is_default =
      options.stopwords_file == SearcherOptions().stopwords_file;
  if (!options.stopwords_file.empty() &&
      (!is_default || FileExists(options.stopwords_file))) {
    if (!FileExists(options.stopwords_file)) {
      return Status::InvalidArgument(
          "stopwords_file: " + options.stopwords_file + " does not exist",
          "stopwords_file");
    }
    CHANCERY_ASSIGN_OR_RETURN(impl->stopwords,
                              Stopwords::Load(options.stopwords_file));
  }
  return std::unique_ptr<Searcher>(new Searcher(std::move(impl)));
}

StatusOr<SearchResponse> Searcher::Search(const SearchRequest& request) const {
  const auto start = std::chrono::steady_clock::now();
  CHANCERY_ASSIGN_OR_RETURN(DateBounds dates,
                            ValidateSearchRequest(request, impl_->options));
  const bool by_story = request.collapse == "story";
  FacetQuery facet_query{&request, dates.first_day, dates.last_day,
                         request.facet_size, by_story};
  // Hits, counts and suggestion all read one revision, named in the answer.
  CHANCERY_ASSIGN_OR_RETURN(const std::string token,
                            ResolveRevision(*impl_->pool, request.revision));
  // A client that names a revision (paging on) holds it for keep_for more.
  if (!request.revision.empty()) impl_->pool->Hold(token);

  // Facets and the exact total are counted on another thread, when one is
  // idle, while this one ranks the page of hits.
  std::promise<StatusOr<FacetOutcome>> counted;
  std::future<StatusOr<FacetOutcome>> counts = counted.get_future();
  bool offloaded =
      impl_->counters && request.size > 0 &&
      impl_->counters->TryRun([this, &facet_query, &counted, &token] {
        counted.set_value(impl_->Count(facet_query, token));
      });

  SearchResponse response;
  response.revision = token;
  auto ranked = WithHandle(*impl_->pool, token, [&](IndexHandle& h) -> Status {
    if (request.size == 0) return Status::Ok();
    QueryBuilder builder(h);
    HighlightTerms highlight;
    Xapian::Enquire enquire(h.db);
    enquire.set_query(builder.SearchQuery(request, dates.first_day,
                                          dates.last_day, {}, &highlight));
    // Ties are broken by id, never by docid: docids depend on how the
    // index was written (one pass, shards, compaction), ids do not.
    Xapian::MultiValueKeyMaker date_then_id;
    const bool browsing =
        request.q.find_first_not_of(" \t\r\n") == std::string::npos;
    if (request.sort == "date" || request.sort == "date_asc" || browsing) {
      // Browsing (no query text): every match weighs 0, so "relevance"
      // would be storage order; newest first instead.
      date_then_id.add_value(schema::kSlotDate,
                             /*reverse=*/request.sort != "date_asc");
      date_then_id.add_value(schema::kSlotId);
      enquire.set_sort_by_key_then_relevance(&date_then_id, /*reverse=*/false);
    } else {
      enquire.set_sort_by_relevance_then_value(schema::kSlotId,
                                               /*reverse=*/false);
    }
    const HighlightTerms* marks = request.snippets ? &highlight : nullptr;
    if (by_story) {
      // The best-ranked version of each story (story_collapse.h).
      CollapsedPage page =
          RankByStory(enquire, h.snapshot->stories,
                      (request.page - 1) * request.size, request.size);
      CHANCERY_ASSIGN_OR_RETURN(response.hits, HitsOf(page.hits, marks));
      return DescribeStories(h, page.hits, response.hits);
    }
    Xapian::MSet mset =
        enquire.get_mset((request.page - 1) * request.size, request.size);
    CHANCERY_ASSIGN_OR_RETURN(response.hits, HitsOf(mset, marks));
    return Status::Ok();
  });
  // Wait for the counting before returning, even on error: it reads
  // `request` by reference.
  StatusOr<FacetOutcome> outcome =
      offloaded ? counts.get() : impl_->Count(facet_query, token);
  if (!ranked.ok()) return ranked;
  if (!outcome.ok()) return outcome.status();
  response.total = outcome->total;
  response.facets = std::move(outcome->facets);
  if (by_story) {
    CountVersions(*outcome, response.hits);
    response.unit = "story";
  }

  if (request.suggest && response.total < kSuggestBelow &&
      request.q.find_first_not_of(" \t") != std::string::npos) {
    auto suggestion = WithHandle(*impl_->pool, token, [&](IndexHandle& h) {
      return SpellingSuggester(h.db).Suggest(request.q);
    });
    if (suggestion.ok()) response.suggestion = std::move(*suggestion);
  }
  response.took_ms = std::chrono::duration<double, std::milli>(
                         std::chrono::steady_clock::now() - start)
                         .count();
  return response;
}

StatusOr<DocumentView> Searcher::GetDocument(const std::string& id) const {
  return GetDocument(DocumentRequest{id, ""});
}

StatusOr<DocumentView> Searcher::GetDocument(
    const DocumentRequest& request) const {
  CHANCERY_RETURN_IF_ERROR(ValidateDocumentRequest(request, impl_->options));
  const std::string& id = request.id;
  auto found =
      WithHandle(*impl_->pool, [&](IndexHandle& h) -> StatusOr<DocumentView> {
        std::optional<Xapian::docid> did = FindDocid(h.db, id);
        if (!did) return Status::NotFound("no article with id \"" + id + "\"");
        CHANCERY_ASSIGN_OR_RETURN(
            StoredArticle stored,
            DecodeStoredArticle(h.db.get_document(*did).get_data()));
        DocumentView view = DocumentViewFromArticle(stored);
        if (request.q.find_first_not_of(" \t\r\n") == std::string::npos)
          return view;
        // The words a search snippet would mark, over the whole title and body.
        HighlightTerms terms;
        QueryBuilder(h).TextQuery(request.q, {}, &terms);
        SnippetBuilder matcher(terms);
        const Article& a = stored.article;
        for (const auto& [field, text] :
             {std::pair<const char*, std::string_view>{"title", a.title},
              {"body", a.body}}) {
          for (const auto& [start, end] :
               Utf16Ranges(text, matcher.MatchRanges(text, a.lang))) {
            view.highlights.push_back({field, static_cast<int64_t>(start),
                                       static_cast<int64_t>(end)});
          }
        }
        return view;
      });
  return found;
}

StatusOr<StoryView> Searcher::GetStory(const StoryRequest& request) const {
  CHANCERY_RETURN_IF_ERROR(ValidateStoryRequest(request));
  return WithHandle(*impl_->pool,
                    [&](IndexHandle& h) { return ReadStory(h, request.id); });
}

StatusOr<SearchResponse> Searcher::Similar(
    const SimilarRequest& request) const {
  CHANCERY_RETURN_IF_ERROR(ValidateSimilarRequest(request, impl_->options));
  const auto start = std::chrono::steady_clock::now();
  auto similar =
      WithHandle(*impl_->pool, [&](IndexHandle& h) -> StatusOr<SearchResponse> {
        std::optional<Xapian::docid> did = FindDocid(h.db, request.id);
        if (!did)
          return Status::NotFound("no article with id \"" + request.id + "\"");
        Xapian::Enquire enquire(h.db);
        Xapian::RSet rset;
        rset.add_document(*did);
        // Plain words only: no stems (they would count each word twice) and no
        // boolean filter terms.
        struct WordsOnly : Xapian::ExpandDecider {
          bool operator()(const std::string& term) const override {
            return !term.empty() &&
                   !std::isupper(static_cast<unsigned char>(term[0])) &&
                   term.size() > 2;
          }
        } words_only;
        Xapian::ESet eset = enquire.get_eset(kSimilarTerms, rset, &words_only);
        std::vector<std::string> terms(eset.begin(), eset.end());
        HighlightTerms highlight;
        highlight.words.insert(terms.begin(), terms.end());
        enquire.set_query(Xapian::Query(
            Xapian::Query::OP_AND_NOT,
            Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()),
            Xapian::Query(std::string(schema::kId) + request.id)));
        enquire.set_sort_by_relevance_then_value(schema::kSlotId,
                                                 /*reverse=*/false);
        Xapian::MSet mset = enquire.get_mset(0, request.size);
        SearchResponse response;
        response.total = mset.get_matches_estimated();
        response.total_exact =
            mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
        CHANCERY_ASSIGN_OR_RETURN(response.hits, HitsOf(mset, &highlight));
        return response;
      });
  if (!similar.ok()) return similar.status();
  SearchResponse response = std::move(similar.value());
  response.took_ms = std::chrono::duration<double, std::milli>(
                         std::chrono::steady_clock::now() - start)
                         .count();
  return response;
}

StatusOr<FacetResult> Searcher::FacetValues(
    const FacetValuesRequest& request) const {
  CHANCERY_RETURN_IF_ERROR(ValidateFacetValuesRequest(request, impl_->options));
  SearchRequest search;
  search.q = request.q;
  search.facets = {request.name};
  FacetQuery query{&search, std::nullopt, std::nullopt, /*facet_size=*/0,
                   /*by_story=*/request.collapse == "story"};
  const std::string prefix = FoldForMatching(request.prefix);
  // Counted and matched on one handle, so the native forms are those of
  // the revision counted.
  return WithHandle(*impl_->pool, [&](IndexHandle& h) -> FacetResult {
    FacetOutcome outcome = CountFacets(h, query);
    FacetResult all = std::move(outcome.facets.front());
    const FacetColumn* column = h.snapshot->Column(request.name);
    FacetResult result;
    result.name = all.name;
    for (FacetValue& v : all.values) {
      if (static_cast<int>(result.values.size()) >= request.size) break;
      bool match =
          prefix.empty() || WordStartsWith(FoldForMatching(v.label), prefix) ||
          FoldForMatching(v.value).compare(0, prefix.size(), prefix) == 0;
      // Or a form in another script: "лав" finds "Sergey Lavrov".
      const uint32_t ordinal = column ? column->Ordinal(v.value) : kNoOrdinal;
      if (!match && ordinal != kNoOrdinal) {
        for (const std::string& form : column->folded_forms(ordinal)) {
          if ((match = WordStartsWith(form, prefix))) break;
        }
      }
      if (match) result.values.push_back(std::move(v));
    }
    return result;
  });
}

StatusOr<IndexStats> Searcher::Stats() const {
  auto stats = WithHandle(*impl_->pool, [&](IndexHandle& h) {
    IndexStats s;
    s.articles = h.db.get_doccount();
    s.shards = static_cast<int>(h.shards.size());
    int64_t last = 0;
    for (const Xapian::Database& shard : h.shards) {
      std::string text =
          shard.get_metadata(std::string(schema::kLastUpdateKey));
      if (!text.empty())
        last = std::max<int64_t>(last, std::atoll(text.c_str()));
    }
    if (last > 0) s.last_update = FormatIsoDate(last);
    for (const FacetColumn& c : h.snapshot->columns) {
      s.distinct_values[c.name()] = static_cast<int64_t>(c.value_count());
    }
    return s;
  });
  if (!stats.ok()) return stats.status();
  for (const std::string& path : impl_->options.db_paths) {
    stats->size_bytes += DirectorySize(path);
  }
  return std::move(*stats);
}

StatusOr<ComentionResponse> Searcher::Comentions(
    const ComentionRequest& request) const {
  return TimedAnalysis<ComentionResponse>(*impl_->pool, impl_->options, request,
                                          ValidateComentionRequest,
                                          CountComentions);
}

StatusOr<TimelineResponse> Searcher::Timeline(
    const TimelineRequest& request) const {
  return TimedAnalysis<TimelineResponse>(*impl_->pool, impl_->options, request,
                                         ValidateTimelineRequest,
                                         CountTimeline);
}

StatusOr<BurstResponse> Searcher::Bursts(const BurstRequest& request) const {
  return TimedAnalysis<BurstResponse>(
      *impl_->pool, impl_->options, request, ValidateBurstRequest,
      [](const IndexHandle& h, const BurstRequest& r, const DateBounds& d) {
        return FindBursts(h, r, d);
      });
}

StatusOr<TermsResponse> Searcher::Terms(const TermsRequest& request) const {
  const auto start = std::chrono::steady_clock::now();
  if (request.size < 1 || request.size > impl_->options.max_terms_size) {
    return Status::InvalidArgument(
        "size must be 1.." + std::to_string(impl_->options.max_terms_size) +
            ", got " + std::to_string(request.size),
        "size");
  }
  // Only the matches matter: no page of hits to check.
  SearchRequest search = request.search;
  search.page = 1;
  search.size = 0;
  CHANCERY_ASSIGN_OR_RETURN(DateBounds dates,
                            ValidateSearchRequest(search, impl_->options));
  TermProfileLimits limits;
  limits.exact_limit = impl_->options.exact_terms_limit;
  limits.phrase_limit = impl_->options.phrase_sample_limit;
  limits.candidate_limit = impl_->options.terms_candidate_limit;
  limits.size = request.size;
  auto profile = WithHandle(*impl_->pool, [&](IndexHandle& h) -> TermsResponse {
    Xapian::Query query = QueryBuilder(h).SearchQuery(
        search, dates.first_day, dates.last_day, {}, nullptr);
    return ProfileTerms(h, query, impl_->stopwords, limits);
  });
  if (!profile.ok()) return profile.status();
  profile->took_ms = std::chrono::duration<double, std::milli>(
                         std::chrono::steady_clock::now() - start)
                         .count();
  return profile;
}

}  // namespace chancery
