#include "searchd/search/kept_revisions.h"

#include <algorithm>
#include <cstdio>
#include <set>

#include "common/base/hash.h"

namespace chancery {

std::string RevisionToken(const std::string& revision) {
  char text[17];
  std::snprintf(text, sizeof text, "%016llx",
                static_cast<unsigned long long>(Fnv1a64(revision)));
  return text;
}

bool KeptRevisions::Keep(const std::string& revision,
                         const std::vector<std::string>& dirs, bool newest,
                         Clock::time_point now) {
  const std::string token = RevisionToken(revision);
  bool changed = Expire(now);
  auto it = std::find_if(kept_.begin(), kept_.end(),
                         [&](const Kept& k) { return k.token == token; });
  if (it == kept_.end()) {
    kept_.push_back({token, revision, dirs, now + keep_for_});
    changed = true;
  } else {
    it->expires = std::max(it->expires, now + keep_for_);
  }
  if (newest) newest_token_ = token;
  // The newest plus `count_` others; the oldest go first.
  while (static_cast<int>(kept_.size()) > count_ + 1) {
    auto victim = kept_.begin();
    if (victim->token == newest_token_) ++victim;
    kept_.erase(victim);
    changed = true;
  }
  return changed;
}

bool KeptRevisions::Renew(const std::string& token, Clock::time_point now) {
  for (Kept& k : kept_) {
    if (k.token == token && k.expires > now) {
      k.expires = std::max(k.expires, now + keep_for_);
      k.held = true;
      return true;
    }
  }
  return false;
}

bool KeptRevisions::Held(const std::string& token) const {
  return std::any_of(kept_.begin(), kept_.end(),
                     [&](const Kept& k) { return k.token == token && k.held; });
}

bool KeptRevisions::Has(const std::string& token, Clock::time_point now) const {
  return std::any_of(kept_.begin(), kept_.end(), [&](const Kept& k) {
    return k.token == token && k.expires > now;
  });
}

bool KeptRevisions::Expire(Clock::time_point now) {
  const size_t before = kept_.size();
  std::erase_if(kept_, [&](const Kept& k) { return k.expires <= now; });
  return kept_.size() != before;
}

void KeptRevisions::Drop(const std::string& token) {
  std::erase_if(kept_, [&](const Kept& k) { return k.token == token; });
  // A destroyed revision is not the newest either: the next borrow finds
  // the one on disk.
  if (newest_token_ == token) newest_token_.clear();
}

std::vector<RevisionPin> KeptRevisions::Pins(
    Clock::time_point now, std::chrono::milliseconds slack) const {
  std::vector<RevisionPin> pins;
  const int64_t unix_now = UnixNowMs();
  for (const Kept& k : kept_) {
    if (!k.held) continue;
    const int64_t expires =
        unix_now + slack.count() +
        std::chrono::duration_cast<std::chrono::milliseconds>(k.expires - now)
            .count();
    // "uuid:revision,uuid:revision" (index_handle.cc RevisionOf).
    size_t start = 0;
    while (start < k.revision.size()) {
      size_t end = k.revision.find(',', start);
      if (end == std::string::npos) end = k.revision.size();
      const std::string shard = k.revision.substr(start, end - start);
      const size_t colon = shard.rfind(':');
      if (colon != std::string::npos) {
        pins.push_back({shard.substr(0, colon),
                        std::stoull(shard.substr(colon + 1)), expires});
      }
      start = end + 1;
    }
  }
  return pins;
}

std::vector<std::string> KeptRevisions::PinDirs() const {
  std::set<std::string> dirs;
  for (const Kept& k : kept_) {
    if (k.held) dirs.insert(k.dirs.begin(), k.dirs.end());
  }
  return {dirs.begin(), dirs.end()};
}

}  // namespace chancery
