#include "searchd/search/story_view.h"

#include <algorithm>

#include "common/facets.h"
#include "common/schema.h"
#include "common/stored_article.h"
#include "searchd/search/hit_builder.h"
#include "searchd/search/story_lines.h"

namespace chancery {
namespace {

std::optional<Xapian::docid> FirstPosting(const Xapian::Database& db,
                                          const std::string& term) {
  Xapian::PostingIterator p = db.postlist_begin(term);
  if (p == db.postlist_end(term)) return std::nullopt;
  return *p;
}

// The first source ordinal of `did`, kNoOrdinal when it has none.
uint32_t SourceOf(const FacetColumn* sources, Xapian::docid did) {
  if (!sources) return kNoOrdinal;
  std::span<const uint32_t> values = sources->Values(did);
  return values.empty() ? kNoOrdinal : values.front();
}

// Oldest first, undated last, ties by id: the story grouper's order, so
// that the first version is the one the story is named after.
bool Earlier(const StoredArticle& a, const StoredArticle& b) {
  const Article& x = a.article;
  const Article& y = b.article;
  if (x.date.has_value() != y.date.has_value()) return x.date.has_value();
  if (x.date && *x.date != *y.date) return *x.date < *y.date;
  return x.id < y.id;
}

}  // namespace

Status DescribeStories(const IndexHandle& handle,
                       std::span<const Xapian::MSetIterator> matches,
                       std::vector<Hit>& hits) {
  const IndexSnapshot& snap = *handle.snapshot;
  const FacetColumn* sources = snap.Column(schema::kSourceField.name);
  for (size_t i = 0; i < matches.size() && i < hits.size(); ++i) {
    const Xapian::MSetIterator& m = matches[i];
    Hit& hit = hits[i];
    hit.has_story = true;
    StorySummary& story = hit.story;
    const uint32_t ordinal = snap.stories.Of(*m);
    if (ordinal == StoryColumn::kSingle) {
      story.id = hit.id;
      story.first_date = hit.date;
      story.first_source = hit.source;
      continue;
    }
    story.id = snap.stories.id(ordinal);
    story.size = snap.stories.size(ordinal);
    std::span<const Xapian::docid> members = snap.stories.Members(ordinal);
    if (members.front() == *m) {
      story.first_date = hit.date;
      story.first_source = hit.source;
    } else {
      CHANCERY_ASSIGN_OR_RETURN(
          StoredArticle first,
          DecodeStoredArticle(
              handle.db.get_document(members.front()).get_data()));
      Hit first_hit = HitFromArticle(first);
      story.first_date = first_hit.date;
      story.first_source = first_hit.source;
    }
    const uint32_t own = SourceOf(sources, *m);
    std::vector<uint32_t> listed;
    for (Xapian::docid did : members) {
      const uint32_t source = SourceOf(sources, did);
      if (source == kNoOrdinal || source == own ||
          std::find(listed.begin(), listed.end(), source) != listed.end()) {
        continue;
      }
      listed.push_back(source);
      story.other_sources.push_back(sources->label(source));
    }
  }
  return Status::Ok();
}

void CountVersions(const FacetOutcome& counted, std::vector<Hit>& hits) {
  if (!counted.stories || !counted.snapshot) return;
  for (Hit& hit : hits) {
    if (!hit.has_story || hit.story.size <= 1) continue;
    const uint32_t ordinal = counted.snapshot->stories.Find(hit.story.id);
    if (ordinal == StoryColumn::kSingle) continue;
    hit.story.versions =
        std::max<int64_t>(1, counted.stories->versions(ordinal));
  }
}

StatusOr<StoryView> ReadStory(const IndexHandle& handle,
                              const std::string& id) {
  const Xapian::Database& db = handle.db;
  std::optional<Xapian::docid> did =
      FirstPosting(db, std::string(schema::kId) + id);
  if (!did)
    return Status::NotFound("no story or article with id \"" + id + "\"");
  StoryView view;
  view.id = db.get_document(*did).get_value(schema::kSlotStory);
  if (view.id.empty()) view.id = id;  // Indexed before stories.
  std::vector<Xapian::docid> members;
  for (const std::string& term : {std::string(schema::kId) + view.id,
                                  std::string(schema::kStory) + view.id}) {
    for (auto p = db.postlist_begin(term); p != db.postlist_end(term); ++p) {
      members.push_back(*p);
    }
  }
  if (members.empty()) members.push_back(*did);
  std::vector<StoredArticle> versions;
  for (Xapian::docid member : members) {
    CHANCERY_ASSIGN_OR_RETURN(
        StoredArticle stored,
        DecodeStoredArticle(db.get_document(member).get_data()));
    versions.push_back(std::move(stored));
  }
  std::sort(versions.begin(), versions.end(), Earlier);
  AddedSentences added;
  for (const StoredArticle& stored : versions) {
    StoryVersion v;
    v.summary = HitFromArticle(stored);
    const std::vector<std::string> sentences =
        SplitSentences(SearchableBody(stored.article));
    v.sentences = static_cast<int64_t>(sentences.size());
    v.added = added.Add(sentences);
    view.versions.push_back(std::move(v));
  }
  return view;
}

}  // namespace chancery
