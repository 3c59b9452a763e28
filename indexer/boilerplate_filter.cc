#include "indexer/boilerplate_filter.h"

#include <algorithm>
#include <cctype>
#include <cinttypes>
#include <cstdio>
#include <fstream>
#include <optional>
#include <sstream>

#include "common/base/hash.h"
#include "common/base/numbers.h"
#include "common/base/strings.h"
#include "common/text_analyzer.h"

namespace chancery {
namespace {

constexpr std::string_view kTableHeader = "chancery-boilerplate 1";
// Body hashes per "bodies" line of the serialised table.
constexpr size_t kBodiesPerLine = 512;

uint64_t Fnv1a(std::string_view s) { return Fnv1a64(s); }

// The folded line with white space runs as one space.
std::string LineKey(std::string_view line) {
  std::string folded = FoldForMatching(TrimWhitespace(line));
  std::string key;
  key.reserve(folded.size());
  bool space = false;
  for (char c : folded) {
    if (IsAsciiSpace(c)) {
      space = true;
      continue;
    }
    if (space && !key.empty()) key += ' ';
    space = false;
    key += c;
  }
  return key;
}

bool HasLetter(std::string_view text) {
  for (unsigned char c : text) {
    if (std::isalpha(c) || c >= 0x80) return true;
  }
  return false;
}

// Whether a line ends a sentence (or a heading), so the next line starts
// a unit of its own.
bool EndsSentence(std::string_view text) {
  static constexpr std::string_view kEnds[] = {".", "!",  "?",  ":", ";", "\"",
                                               "'", ")",  "]",  "…", "»", "”",
                                               "’", "。", "！", "？"};
  for (std::string_view end : kEnds) {
    if (text.size() >= end.size() &&
        text.compare(text.size() - end.size(), end.size(), end) == 0) {
      return true;
    }
  }
  return false;
}

std::string Hex(uint64_t v) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016" PRIx64, v);
  return buf;
}

std::optional<uint64_t> ParseHex(std::string_view s) {
  if (s.size() != 16) return std::nullopt;
  uint64_t v = 0;
  for (char c : s) {
    int d = std::isdigit(static_cast<unsigned char>(c)) ? c - '0'
            : (c >= 'a' && c <= 'f')                    ? c - 'a' + 10
                                                        : -1;
    if (d < 0) return std::nullopt;
    v = v << 4 | static_cast<uint64_t>(d);
  }
  return v;
}

// Text safe for one tab-separated field of the table.
std::string OneField(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  }
  return out;
}

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> fields;
  for (;;) {
    size_t tab = line.find('\t');
    fields.push_back(line.substr(0, tab));
    if (tab == std::string_view::npos) return fields;
    line.remove_prefix(tab + 1);
  }
}

}  // namespace

uint64_t FurnitureLineHash(std::string_view line) {
  return Fnv1a(LineKey(line));
}

// One line of a body, with what the decisions need.
struct BoilerplateFilter::Line {
  size_t begin = 0;  // byte offsets in the body, without the '\n'
  size_t end = 0;
  bool blank = true;
  bool candidate = false;
  uint64_t hash = 0;  // of a candidate
  int follow = -1;    // a candidate matching a pattern: lines it takes along
};

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

std::vector<BoilerplateFilter::Line> BoilerplateFilter::SplitLines(
    std::string_view body) const {
  std::vector<Line> lines;
  for (size_t pos = 0; pos <= body.size();) {
    size_t nl = body.find('\n', pos);
    if (nl == std::string_view::npos) nl = body.size();
    Line line;
    line.begin = pos;
    line.end = nl;
    line.blank = TrimWhitespace(body.substr(pos, nl - pos)).empty();
    lines.push_back(line);
    pos = nl + 1;
  }
  for (size_t i = 0; i < lines.size(); ++i) {
    Line& line = lines[i];
    std::string_view text =
        TrimWhitespace(body.substr(line.begin, line.end - line.begin));
    if (line.blank || text.size() > kMaxLineBytes || !HasLetter(text)) {
      continue;
    }
    if (i > 0 && !lines[i - 1].blank &&
        !EndsSentence(TrimWhitespace(body.substr(
            lines[i - 1].begin, lines[i - 1].end - lines[i - 1].begin)))) {
      continue;  // the end of a wrapped sentence
    }
    if (i + 1 < lines.size() && !lines[i + 1].blank) {
      std::string_view next = TrimWhitespace(body.substr(
          lines[i + 1].begin, lines[i + 1].end - lines[i + 1].begin));
      if (std::islower(static_cast<unsigned char>(next[0]))) continue;
    }
    line.candidate = true;
    std::string key = LineKey(text);
    line.hash = Fnv1a(key);
    line.follow = MatchPattern(key);
  }
  return lines;
}

void BoilerplateFilter::Learn(SourceStats& stats, uint64_t body_hash,
                              const std::vector<Line>& lines) {
  if (!stats.bodies.insert(body_hash).second) return;  // a copy
  if (stats.lines.size() >= kMaxTrackedLines) {
    std::erase_if(stats.lines, [](const auto& kv) { return kv.second < 2; });
  }
  std::unordered_set<uint64_t> counted;  // a line counts once per body
  for (const Line& line : lines) {
    if (line.candidate && counted.insert(line.hash).second) {
      ++stats.lines[line.hash];
    }
  }
}

bool BoilerplateFilter::Learned(const SourceStats* stats, uint64_t hash) const {
  if (stats == nullptr) return false;
  auto it = stats->lines.find(hash);
  if (it == stats->lines.end()) return false;
  return it->second >= kMinArticles &&
         it->second >= kMinShare * static_cast<double>(stats->bodies.size());
}

std::vector<size_t> BoilerplateFilter::Decide(
    const SourceStats* stats, const std::vector<Line>& lines,
    std::vector<size_t>* learned) const {
  std::vector<size_t> marked;
  int drop_next = 0;
  size_t content_lines = 0;
  for (size_t i = 0; i < lines.size(); ++i) {
    const Line& line = lines[i];
    if (line.blank) continue;
    bool furniture = false;
    if (line.candidate) {
      if (line.follow >= 0) {
        furniture = true;
        drop_next = line.follow;
      } else if (drop_next > 0) {
        furniture = true;
        --drop_next;
      } else if (Learned(stats, line.hash)) {
        furniture = true;
        if (learned) learned->push_back(i);
      }
    } else {
      drop_next = 0;
    }
    if (furniture) {
      marked.push_back(i);
    } else {
      ++content_lines;
    }
  }
  // Never the whole body: an article that is only furniture-like lines
  // (a one-line story repeated) is content.
  if (content_lines == 0) {
    marked.clear();
    if (learned) learned->clear();
  }
  return marked;
}

std::vector<std::pair<size_t, size_t>> BoilerplateFilter::Ranges(
    const std::vector<Line>& lines, const std::vector<size_t>& marked) {
  std::vector<std::pair<size_t, size_t>> ranges;
  ranges.reserve(marked.size());
  for (size_t i : marked) ranges.emplace_back(lines[i].begin, lines[i].end);
  return ranges;
}

void BoilerplateFilter::Clean(Article& article) {
  std::vector<Line> lines = SplitLines(article.body);
  std::string source_key = FoldForMatching(article.source);
  SourceStats& stats = sources_[source_key];
  Learn(stats, Fnv1a(article.body), lines);
  std::vector<size_t> learned;
  std::vector<size_t> marked = Decide(&stats, lines, &learned);
  for (size_t i : learned) {
    auto key = std::make_pair(source_key, lines[i].hash);
    if (used_.count(key)) continue;
    used_.emplace(
        std::move(key),
        std::string(TrimWhitespace(
            std::string_view(article.body)
                .substr(lines[i].begin, lines[i].end - lines[i].begin))));
  }
  article.furniture = Ranges(lines, marked);
}

std::vector<std::pair<size_t, size_t>> BoilerplateFilter::Find(
    const Article& article) const {
  std::vector<Line> lines = SplitLines(article.body);
  auto it = sources_.find(FoldForMatching(article.source));
  const SourceStats* stats = it == sources_.end() ? nullptr : &it->second;
  return Ranges(lines, Decide(stats, lines, nullptr));
}

std::vector<BoilerplateFilter::LineToRecheck>
BoilerplateFilter::LinesToRecheck() const {
  std::vector<LineToRecheck> out;
  out.reserve(used_.size());
  for (const auto& [key, text] : used_) {
    auto it = sources_.find(key.first);
    const SourceStats* stats = it == sources_.end() ? nullptr : &it->second;
    out.push_back({key.first, key.second, text, Learned(stats, key.second)});
  }
  return out;
}

// The table, one record a line, tab-separated:
//   chancery-boilerplate 1
//   source  FOLDED-SOURCE
//   line    HASH  COUNT  [TEXT]        (of the source above; TEXT when
//                                       the line is furniture)
//   bodies  HASH...                    (of the source above)
std::string BoilerplateFilter::Serialize() const {
  std::string out(kTableHeader);
  out += '\n';
  std::map<std::string_view, const SourceStats*> sorted;  // stable output
  for (const auto& [key, stats] : sources_) sorted.emplace(key, &stats);
  for (const auto& [key, stats] : sorted) {
    out += "source\t" + OneField(key) + "\n";
    std::map<uint64_t, uint32_t> lines(stats->lines.begin(),
                                       stats->lines.end());
    for (const auto& [hash, count] : lines) {
      if (count < 2) continue;
      out += "line\t" + Hex(hash) + "\t" + std::to_string(count);
      auto used = used_.find({std::string(key), hash});
      if (used != used_.end() && Learned(stats, hash)) {
        out += "\t" + OneField(used->second);
      }
      out += '\n';
    }
    std::vector<uint64_t> bodies(stats->bodies.begin(), stats->bodies.end());
    std::sort(bodies.begin(), bodies.end());
    size_t n = 0;
    for (uint64_t body : bodies) {
      out += n % kBodiesPerLine == 0 ? (n ? "\nbodies\t" : "bodies\t") : " ";
      out += Hex(body);
      ++n;
    }
    if (n) out += '\n';
  }
  return out;
}

Status BoilerplateFilter::Merge(std::string_view data) {
  if (data.empty()) return Status::Ok();
  std::istringstream in{std::string(data)};
  std::string record;
  if (!std::getline(in, record) || record != kTableHeader) {
    return Status::Corruption("boilerplate table: unknown format");
  }
  // Parsed into a copy first, so a bad table adds nothing.
  std::unordered_map<std::string, SourceStats> sources = sources_;
  std::map<std::pair<std::string, uint64_t>, std::string> used = used_;
  SourceStats* current = nullptr;
  std::string current_key;
  int record_no = 1;
  auto bad = [&record_no] {
    return Status::Corruption("boilerplate table: bad record " +
                              std::to_string(record_no));
  };
  while (std::getline(in, record)) {
    ++record_no;
    std::vector<std::string_view> f = SplitTabs(record);
    if (f[0] == "source" && f.size() == 2) {
      current_key = std::string(f[1]);
      current = &sources[current_key];
    } else if (f[0] == "line" && (f.size() == 3 || f.size() == 4) && current) {
      std::optional<uint64_t> hash = ParseHex(f[1]);
      std::optional<int64_t> count = ParseInt64(f[2]);
      if (!hash || !count || *count < 0) return bad();
      current->lines[*hash] += static_cast<uint32_t>(*count);
      if (f.size() == 4) used.emplace(std::make_pair(current_key, *hash), f[3]);
    } else if (f[0] == "bodies" && f.size() == 2 && current) {
      for (std::string_view rest = f[1]; !rest.empty();) {
        size_t space = rest.find(' ');
        std::optional<uint64_t> hash = ParseHex(rest.substr(0, space));
        if (!hash) return bad();
        current->bodies.insert(*hash);
        rest.remove_prefix(space == std::string_view::npos ? rest.size()
                                                           : space + 1);
      }
    } else {
      return bad();
    }
  }
  sources_ = std::move(sources);
  used_ = std::move(used);
  return Status::Ok();
}

}  // namespace chancery
