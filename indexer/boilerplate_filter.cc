#include "indexer/boilerplate_filter.h"

#include <fstream>
#include <functional>
#include <optional>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "common/base/numbers.h"
#include "common/base/strings.h"
#include "common/text_analyzer.h"

namespace chancery {
namespace {

// Furniture lines are short; longer lines are content even when repeated.
constexpr size_t kMaxLineBytes = 100;
// Per-source bound on remembered lines; past it, once-seen lines are
// forgotten (real boilerplate recurs and is re-learned quickly).
constexpr size_t kMaxTrackedLines = 50000;

}  // namespace

StatusOr<BoilerplateFilter> BoilerplateFilter::Load(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Status::IoError("cannot read boilerplate patterns " + path);
  BoilerplateFilter filter;
  std::string line;
  int line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    std::string_view text = TrimWhitespace(line);
    if (text.empty() || text[0] == '#') continue;
    Pattern p;
    size_t tab = line.find('\t');
    if (tab != std::string::npos) {
      std::optional<int> drop =
          ParseInt(TrimWhitespace(std::string_view(line).substr(tab + 1)));
      if (!drop) {
        return Status::InvalidArgument(path + ":" + std::to_string(line_no) +
                                       ": expected PATTERN<TAB>NUMBER");
      }
      p.drop_following = *drop;
      text = TrimWhitespace(std::string_view(line).substr(0, tab));
    }
    p.folded_prefix = FoldForMatching(text);
    filter.patterns_.push_back(std::move(p));
  }
  return filter;
}

int BoilerplateFilter::MatchPattern(const std::string& folded_line) const {
  for (const Pattern& p : patterns_) {
    if (folded_line.compare(0, p.folded_prefix.size(), p.folded_prefix) == 0) {
      return p.drop_following;
    }
  }
  return -1;
}

bool BoilerplateFilter::Learn(const std::string& source, uint64_t line_hash) {
  SourceLines& lines = sources_[source];
  if (lines.seen.size() >= kMaxTrackedLines) {
    std::erase_if(lines.seen, [](const auto& kv) { return kv.second < 2; });
  }
  return ++lines.seen[line_hash] >= kLearnAfter;
}

void BoilerplateFilter::Clean(Article& article) {
  std::vector<std::string_view> lines;
  for (std::string_view body = article.body; !body.empty();) {
    size_t nl = body.find('\n');
    lines.push_back(body.substr(0, nl));
    body.remove_prefix(nl == std::string_view::npos ? body.size() : nl + 1);
  }
  auto blank = [&](size_t i) {
    return i >= lines.size() || TrimWhitespace(lines[i]).empty();
  };
  std::string out;
  out.reserve(article.body.size());
  std::unordered_set<uint64_t> seen_here;  // count a line once per article
  int drop_next = 0;
  bool changed = false;
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string_view text = TrimWhitespace(lines[i]);
    // Furniture stands alone as a paragraph; a wrapped line inside a
    // paragraph (wire copy) is content even when it repeats.
    bool standalone = (i == 0 || blank(i - 1)) && blank(i + 1);
    bool furniture = false;
    if (!text.empty() && standalone && text.size() <= kMaxLineBytes) {
      std::string folded = FoldForMatching(text);
      int follow = MatchPattern(folded);
      if (follow >= 0) {
        furniture = true;
        drop_next = follow;
      } else if (drop_next > 0) {
        furniture = true;
        --drop_next;
      }
      uint64_t hash = std::hash<std::string>{}(folded);
      if (seen_here.insert(hash).second && Learn(article.source, hash)) {
        furniture = true;
      }
    } else if (!text.empty()) {
      drop_next = 0;
    }
    if (furniture) {
      changed = true;
      continue;
    }
    out.append(lines[i]);
    out += '\n';
  }
  if (!changed) return;
  while (!out.empty() && (out.back() == '\n' || out.back() == ' '))
    out.pop_back();
  article.body = std::move(out);
}

}  // namespace chancery
