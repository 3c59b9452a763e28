#include "searchd/search/match_visitor.h"

#include "searchd/search/query_builder.h"

namespace chancery {
namespace {

// Hands each match on, mapped from the shard's docids to the combined
// database's (Xapian runs one sub-match per shard and gives spies
// shard-local docids; the combined database interleaves shards).
class VisitingSpy : public Xapian::MatchSpy {
 public:
  VisitingSpy(const std::function<void(Xapian::docid)>& visit,
              Xapian::docid shard, Xapian::docid shards)
      : visit_(visit), shard_(shard), shards_(shards) {}
  void operator()(const Xapian::Document& doc, double) override {
    Add(doc.get_docid());
  }
  void Add(Xapian::docid shard_docid) const {
    visit_((shard_docid - 1) * shards_ + shard_ + 1);
  }

 private:
  const std::function<void(Xapian::docid)>& visit_;
  const Xapian::docid shard_;
  const Xapian::docid shards_;
};

}  // namespace

void VisitMatches(const IndexHandle& handle, const Xapian::Query& query,
                  const std::function<void(Xapian::docid)>& visit) {
  const auto shards = static_cast<Xapian::docid>(handle.shards.size());
  const bool everything =
      query.get_description() == MatchAllQuery().get_description();
  for (Xapian::docid i = 0; i < shards; ++i) {
    const Xapian::Database& shard = shards == 1 ? handle.db : handle.shards[i];
    VisitingSpy spy(visit, i, shards);
    if (everything) {
      for (auto p = shard.postlist_begin(""); p != shard.postlist_end("");
           ++p) {
        spy.Add(*p);
      }
      continue;
    }
    Xapian::Enquire enquire(shard);
    enquire.set_query(query);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.set_docid_order(Xapian::Enquire::ASCENDING);
    enquire.add_matchspy(&spy);
    enquire.get_mset(0, 0, shard.get_doccount());
  }
}

}  // namespace chancery
