// KeptRevisions: which index revisions the search side still answers from
// (a search answer names its revision; GET ...?revision= reads it again,
// an export reads one throughout), until when, and the pins
// (common/revision_pins.h) that ask chancery-index to leave them intact.
//
// A revision is kept for keep_for after it was last used as the newest
// (or renewed by a reader of it), and at most `count` besides the newest
// are kept: older ones are dropped first. Only a revision somebody asked
// for again (Renew: a request naming it, an export reading it) is held,
// that is pinned: pinning every revision a search answered from would
// hold the writer back to one commit per keep_for under search traffic.
// An unheld revision stays readable until the writer's second commit. A
// revision found damaged (its blocks overwritten by a writer that does not
// honour pins) is dropped at once, so later requests for it get 410 rather than
// retrying.
//
// Not thread-safe: HandlePool guards it with its mutex.
#ifndef CHANCERY_SEARCHD_SEARCH_KEPT_REVISIONS_H_
#define CHANCERY_SEARCHD_SEARCH_KEPT_REVISIONS_H_

#include <chrono>
#include <string>
#include <vector>

#include "common/revision_pins.h"

namespace chancery {

// The public name of a revision (a handle's snapshot->revision, the
// shards' "uuid:revision" list): 16 hex digits of its hash.
std::string RevisionToken(const std::string& revision);

class KeptRevisions {
 public:
  using Clock = std::chrono::steady_clock;

  KeptRevisions(std::chrono::milliseconds keep_for, int count)
      : keep_for_(keep_for), count_(count) {}

  // Keeps `revision` (snapshot->revision of handles opened at `dirs`)
  // until now + keep_for, as the newest when `newest`; drops what falls
  // out. Returns whether the set of kept revisions changed.
  bool Keep(const std::string& revision, const std::vector<std::string>& dirs,
            bool newest, Clock::time_point now);
  // Extends a kept revision (by token) to now + keep_for and holds it;
  // false when it is not kept (any more).
  bool Renew(const std::string& token, Clock::time_point now);
  // Whether the revision named by `token` is kept and held.
  bool Held(const std::string& token) const;
  // Whether the revision named by `token` is kept and unexpired at `now`.
  bool Has(const std::string& token, Clock::time_point now) const;
  // Drops expired revisions; whether any was dropped.
  bool Expire(Clock::time_point now);
  void Drop(const std::string& token);
  const std::string& newest_token() const { return newest_token_; }

  // The pins of every held revision, expiring `slack` after it does, and
  // the database directories they concern (each gets the whole list).
  std::vector<RevisionPin> Pins(Clock::time_point now,
                                std::chrono::milliseconds slack) const;
  std::vector<std::string> PinDirs() const;

 private:
  struct Kept {
    std::string token;
    std::string revision;
    std::vector<std::string> dirs;
    Clock::time_point expires;
    bool held = false;
  };
  const std::chrono::milliseconds keep_for_;
  const int count_;
  std::vector<Kept> kept_;  // Oldest first.
  std::string newest_token_;
};

}  // namespace chancery

#endif  // CHANCERY_SEARCHD_SEARCH_KEPT_REVISIONS_H_
