// GET /api/feed: any search as an Atom feed of its newest matches, with
// validators so that feed readers poll with conditional GETs.
//
// Identity and links: the feed's id is "urn:chancery:feed:" and the
// canonical query string of what it selects (CanonicalSelectionQuery), so
// the same search asked in any parameter order, or with another limit, is
// the same feed. Links are absolute when the request's Host header is a
// plain host[:port] ("http://" + Host), else relative to the server root.
//
// Validators: the ETag is a hash of the document, so it changes exactly
// when an entry (or the query's feed metadata) does. Last-Modified is the
// index's last commit (IndexStats::last_update), else the newest entry's
// date: an article indexed later than the newest one but dated earlier
// still moves it. If-None-Match wins over If-Modified-Since (RFC 9110).
#include <algorithm>
#include <optional>
#include <string>

#include "common/stored_article.h"
#include "searchd/http/atom_feed.h"
#include "searchd/http/conditional_get.h"
#include "searchd/http/handlers.h"
#include "searchd/http/request_params.h"

namespace chancery {
namespace {

// Clients may keep a copy but must revalidate it (cheap: a 304).
constexpr std::string_view kFeedCacheControl = "no-cache";
// Stands for an unknown date where Atom requires one.
constexpr std::string_view kEpochDate = "1970-01-01T00:00:00Z";

bool IsPlainHost(std::string_view host) {
  if (host.empty() || host.size() > 255) return false;
  return std::all_of(host.begin(), host.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9') || c == '.' || c == '-' || c == ':' ||
           c == '[' || c == ']';
  });
}

// "field: a, b" ("a or b" for any=field), quoted q, "from X", "to Y".
std::string FeedTitle(const SearchRequest& r) {
  std::string what;
  auto add = [&what](const std::string& part) {
    if (!what.empty()) what += "; ";
    what += part;
  };
  if (!r.q.empty()) add("\u201c" + r.q + "\u201d");
  for (const auto& [field, filter] : r.filters) {
    std::string values;
    for (const std::string& v : filter.values) {
      if (!values.empty()) values += filter.any ? " or " : ", ";
      values += v;
    }
    add(field + ": " + values);
  }
  if (!r.from.empty()) add("from " + r.from);
  if (!r.to.empty()) add("to " + r.to);
  return "Chancery: " + (what.empty() ? std::string("all articles") : what);
}

// "?query" or "" for a query string, with `extra` ("doc=ID") appended.
std::string QueryPart(const std::string& query, const std::string& extra) {
  if (query.empty() && extra.empty()) return "";
  if (query.empty() || extra.empty()) return "?" + query + extra;
  return "?" + query + "&" + extra;
}

AtomFeed FeedOf(const SearchRequest& r, const SearchResponse& found,
                const std::string& base, std::string_view fallback_date) {
  const std::string selection = CanonicalSelectionQuery(r);
  AtomFeed feed;
  feed.id = "urn:chancery:feed:" + (selection.empty() ? "all" : selection);
  feed.title = FeedTitle(r);
  feed.author = "Chancery";
  feed.generator = "Chancery";
  const std::string limit =
      r.size == kDefaultFeedEntries
          ? ""
          : std::string(kFeedLimitParam) + "=" + std::to_string(r.size);
  feed.self_href = base + "/api/feed" + QueryPart(selection, limit);
  feed.alternate_href = base + "/" + QueryPart(selection, "sort=date");
  std::string newest;
  for (const Hit& hit : found.hits) {
    AtomEntry e;
    e.id = "urn:chancery:article:" + PercentEncode(hit.id);
    e.title = hit.title.empty() ? hit.id : hit.title;
    e.updated = hit.date.empty() ? std::string(fallback_date) : hit.date;
    e.published = hit.date;
    e.summary = SnippetPlainText(hit.snippet);
    e.source_title = hit.source;
    const std::string in_ui =
        base + "/" + QueryPart(selection, "doc=" + PercentEncode(hit.id));
    e.alternate_href = hit.url.empty() ? in_ui : hit.url;
    if (!hit.url.empty()) e.related_href = in_ui;
    // Same-format ISO dates compare as text.
    if (ParseIsoDate(hit.date) && hit.date > newest) newest = hit.date;
    feed.entries.push_back(std::move(e));
  }
  feed.updated = newest.empty() ? std::string(fallback_date) : newest;
  return feed;
}

}  // namespace

HttpResponse GetFeed(const ServerContext& ctx, const HttpRequest& req) {
  StatusOr<SearchRequest> request = ParseFeedParams(req);
  if (!request.ok()) return ErrorResponse(request.status());
  const int max_entries =
      std::min(kMaxFeedEntries, ctx.config.search.max_page_size);
  // The default yields to a server whose pages are smaller; a given limit
  // above the cap is the client's error.
  const bool limit_given = std::any_of(
      req.query.begin(), req.query.end(),
      [](const auto& param) { return param.first == kFeedLimitParam; });
  if (!limit_given) request->size = std::min(request->size, max_entries);
  if (request->size < 1 || request->size > max_entries) {
    return ErrorResponse(Status::InvalidArgument(
        std::string(kFeedLimitParam) + " must be between 1 and " +
            std::to_string(max_entries) + ", got " +
            std::to_string(request->size),
        std::string(kFeedLimitParam)));
  }
  StatusOr<SearchResponse> found = ctx.searcher.Search(*request);
  if (!found.ok()) return ErrorResponse(found.status());

  // The index's last commit, when it says (not an error when it does not).
  std::optional<int64_t> committed;
  if (StatusOr<IndexStats> stats = ctx.searcher.Stats(); stats.ok()) {
    committed = ParseIsoDate(stats->last_update);
  }
  const std::string fallback_date =
      committed ? FormatIsoDate(*committed) : std::string(kEpochDate);
  const std::string_view host = req.Header("Host");
  const std::string base =
      IsPlainHost(host) ? "http://" + std::string(host) : std::string();
  const AtomFeed feed = FeedOf(*request, *found, base, fallback_date);
  StatusOr<std::string> body = RenderAtomFeed(feed);
  if (!body.ok()) return ErrorResponse(body.status());

  Validators validators;
  validators.etag = EntityTag(*body);
  validators.last_modified = committed ? committed : ParseIsoDate(feed.updated);
  if (ClientCopyIsCurrent(req, validators)) {
    return NotModifiedResponse(validators, kFeedCacheControl);
  }
  HttpResponse r;
  r.content_type = std::string(kAtomContentType);
  r.body = std::move(*body);
  AddValidators(validators, r);
  r.headers.emplace_back("Cache-Control", std::string(kFeedCacheControl));
  return r;
}

}  // namespace chancery
