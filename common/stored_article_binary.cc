#include "common/stored_article_binary.h"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <nlohmann/json.hpp>
#include <vector>

#include "common/base/utf8.h"
#include "common/base/varint.h"

namespace chancery::stored_article_internal {
namespace {

constexpr uint64_t kHasDate = 1;
constexpr unsigned kMaxField = static_cast<unsigned>(MentionField::kPublisher);
constexpr unsigned kMaxType = static_cast<unsigned>(MentionType::kRule);

// --- Encoding --------------------------------------------------------------

void PutText(std::string* out, std::string_view text) {
  if (IsValidUtf8(text)) {
    PutLengthPrefixed(out, text);
  } else {
    PutLengthPrefixed(out, ReplaceInvalidUtf8(text));
  }
}

// What the decoder accepts as a span; others are left out (the JSON
// decoder dropped them too).
bool Storable(const Mention& m) {
  return static_cast<unsigned>(m.field) <= kMaxField &&
         static_cast<unsigned>(m.type) <= kMaxType && m.begin <= m.end;
}

void PutSpans(std::string* out, const std::vector<Mention>& spans) {
  PutVarint64(out, static_cast<uint64_t>(
                       std::count_if(spans.begin(), spans.end(), Storable)));
  const Mention* previous = nullptr;
  for (const Mention& m : spans) {
    if (!Storable(m)) continue;
    const int64_t base =
        previous != nullptr && previous->field == m.field ? previous->begin : 0;
    out->push_back(static_cast<char>(static_cast<unsigned>(m.field) << 3 |
                                     static_cast<unsigned>(m.type)));
    PutVarint64(out, ZigZagEncode(int64_t{m.begin} - base));
    PutVarint64(out, m.end - m.begin);
    previous = &m;
  }
}

void PutEntityDetail(std::string* out, const Entity& e) {
  PutVarint64(out, ZigZagEncode(e.mentions));
  PutSpans(out, e.spans);
  PutVarint64(out, e.native_forms.size());
  for (const std::string& form : e.native_forms) PutText(out, form);
}

// The meta object's compact text, "" for an empty object or anything that
// is not an object (as the JSON format stored it: {}).
std::string MetaText(const std::string& meta_json) {
  if (meta_json.empty() || meta_json == "{}") return "";
  using nlohmann::json;
  const json meta = json::parse(meta_json, nullptr, /*allow_exceptions=*/false);
  if (!meta.is_object() || meta.empty()) return "";
  return meta.dump(-1, ' ', false, json::error_handler_t::replace);
}

// The ranges that are sorted, disjoint and within `body_size`, as gaps
// and lengths.
void PutFurniture(std::string* out,
                  const std::vector<std::pair<size_t, size_t>>& furniture,
                  size_t body_size) {
  std::vector<std::pair<size_t, size_t>> kept;
  size_t previous_end = 0;
  for (const auto& [begin, end] : furniture) {
    if (begin < previous_end || begin > end || end > body_size) continue;
    kept.emplace_back(begin - previous_end, end - begin);
    previous_end = end;
  }
  PutVarint64(out, kept.size());
  for (const auto& [gap, length] : kept) {
    PutVarint64(out, gap);
    PutVarint64(out, length);
  }
}

// --- Decoding --------------------------------------------------------------

// Reads the parts of a record from the front of its bytes; the first
// failure is remembered, and every later read fails.
class RecordReader {
 public:
  explicit RecordReader(std::string_view bytes) : in_(bytes) {}

  bool ok() const { return error_ == nullptr; }
  bool AtEnd() const { return in_.empty(); }
  // What failed first: "title", "people", ...
  const char* error() const { return error_; }

  bool Fail(const char* what) {
    if (error_ == nullptr) error_ = what;
    return false;
  }
  bool Varint(uint64_t* value, const char* what) {
    return ok() && (GetVarint64(&in_, value) || Fail(what));
  }
  // A count of items that take at least `min_bytes` each: no more than the
  // bytes left can hold, so a hostile count cannot make a long loop.
  bool Count(uint64_t* count, size_t min_bytes, const char* what) {
    return Varint(count, what) &&
           (*count <= in_.size() / min_bytes || Fail(what));
  }
  bool Bytes(std::string_view* value, const char* what) {
    return ok() && (GetLengthPrefixed(&in_, value) || Fail(what));
  }
  bool Text(std::string* out, const char* what) {
    std::string_view text;
    if (!Bytes(&text, what)) return false;
    if (!IsValidUtf8(text)) return Fail(what);
    out->assign(text);
    return true;
  }
  bool Byte(unsigned* value, const char* what) {
    if (!ok()) return false;
    if (in_.empty()) return Fail(what);
    *value = static_cast<unsigned char>(in_.front());
    in_.remove_prefix(1);
    return true;
  }

 private:
  std::string_view in_;
  const char* error_ = nullptr;
};

bool ReadList(RecordReader& r, std::vector<Entity>& out, const char* what) {
  uint64_t n = 0;
  if (!r.Count(&n, 2, what)) return false;
  out.resize(n);
  for (Entity& e : out) {
    if (!r.Text(&e.id, what) || !r.Text(&e.label, what)) return false;
  }
  return true;
}

bool ReadSpans(RecordReader& r, std::vector<Mention>& out) {
  uint64_t n = 0;
  if (!r.Count(&n, 3, "spans")) return false;
  out.resize(n);
  const Mention* previous = nullptr;
  for (Mention& m : out) {
    unsigned code = 0;
    uint64_t delta = 0;
    uint64_t length = 0;
    if (!r.Byte(&code, "spans") || !r.Varint(&delta, "spans") ||
        !r.Varint(&length, "spans")) {
      return false;
    }
    const unsigned field = code >> 3;
    const unsigned type = code & 7;
    if (field > kMaxField || type > kMaxType) return r.Fail("span code");
    m.field = static_cast<MentionField>(field);
    m.type = static_cast<MentionType>(type);
    const int64_t base =
        previous != nullptr && previous->field == m.field ? previous->begin : 0;
    // base and the result are within uint32, so neither sum can overflow
    // once delta is within the range of a difference of two of them.
    const int64_t change = ZigZagDecode(delta);
    constexpr int64_t kMax = std::numeric_limits<uint32_t>::max();
    if (change < -kMax || change > kMax || base + change < 0 ||
        base + change > kMax || length > static_cast<uint64_t>(kMax) ||
        base + change + static_cast<int64_t>(length) > kMax) {
      return r.Fail("span offsets");
    }
    m.begin = static_cast<uint32_t>(base + change);
    m.end = static_cast<uint32_t>(m.begin + length);
    previous = &m;
  }
  return true;
}

bool ReadEntityDetail(RecordReader& r, Entity& e) {
  uint64_t mentions = 0;
  if (!r.Varint(&mentions, "mentions")) return false;
  const int64_t value = ZigZagDecode(mentions);
  if (value < std::numeric_limits<int>::min() ||
      value > std::numeric_limits<int>::max()) {
    return r.Fail("mentions");
  }
  e.mentions = static_cast<int>(value);
  if (!ReadSpans(r, e.spans)) return false;
  uint64_t forms = 0;
  if (!r.Count(&forms, 1, "forms")) return false;
  e.native_forms.resize(forms);
  for (std::string& form : e.native_forms) {
    if (!r.Text(&form, "forms")) return false;
  }
  return true;
}

bool ReadFurniture(RecordReader& r, size_t body_size,
                   std::vector<std::pair<size_t, size_t>>& out) {
  uint64_t n = 0;
  if (!r.Count(&n, 2, "furniture")) return false;
  out.resize(n);
  uint64_t previous_end = 0;
  for (auto& [begin, end] : out) {
    uint64_t gap = 0;
    uint64_t length = 0;
    if (!r.Varint(&gap, "furniture") || !r.Varint(&length, "furniture")) {
      return false;
    }
    // Each step is checked against the body size first, so no sum wraps.
    if (gap > body_size - previous_end ||
        length > body_size - previous_end - gap) {
      return r.Fail("furniture");
    }
    begin = previous_end + gap;
    end = begin + length;
    previous_end = end;
  }
  return true;
}

// The detail block: entity details, meta and furniture.
bool ReadDetail(RecordReader& r, StoredArticle& s) {
  for (std::vector<Entity>* list :
       {&s.entities.countries, &s.entities.people, &s.entities.orgs}) {
    for (Entity& e : *list) {
      if (!ReadEntityDetail(r, e)) return false;
    }
  }
  if (!r.Text(&s.article.meta_json, "meta")) return false;
  if (s.article.meta_json.empty()) s.article.meta_json = "{}";
  if (!ReadFurniture(r, s.article.body.size(), s.article.furniture)) {
    return false;
  }
  return r.AtEnd() || r.Fail("detail");
}

}  // namespace

std::string EncodeBinary(const Article& a, const ArticleEntities& e) {
  std::string out;
  out.reserve(64 + a.body.size() + a.title.size());
  out.push_back(kBinaryFormat);
  PutVarint64(&out, a.date ? kHasDate : 0);
  for (const std::string* text :
       {&a.id, &a.title, &a.url, &a.source, &a.lang, &a.author, &a.dateline}) {
    PutText(&out, *text);
  }
  if (a.date) PutVarint64(&out, ZigZagEncode(*a.date));
  const std::vector<Entity>* lists[] = {&e.countries, &e.people, &e.orgs};
  for (const std::vector<Entity>* list : lists) {
    PutVarint64(&out, list->size());
    for (const Entity& entity : *list) {
      PutText(&out, entity.id);
      PutText(&out, entity.label);
    }
  }
  const std::string body =
      IsValidUtf8(a.body) ? std::string() : ReplaceInvalidUtf8(a.body);
  const std::string_view stored_body = body.empty() ? a.body : body;
  std::string detail;
  for (const std::vector<Entity>* list : lists) {
    for (const Entity& entity : *list) PutEntityDetail(&detail, entity);
  }
  PutText(&detail, MetaText(a.meta_json));
  PutFurniture(&detail, a.furniture, stored_body.size());
  PutLengthPrefixed(&out, detail);
  PutLengthPrefixed(&out, stored_body);
  return out;
}

StatusOr<StoredArticle> DecodeBinary(std::string_view data, BinaryPart part) {
  if (data.empty() || data.front() != kBinaryFormat) {
    return Status::Corruption("document data: not the binary format");
  }
  RecordReader r(data.substr(1));
  StoredArticle s;
  Article& a = s.article;
  uint64_t flags = 0;
  if (r.Varint(&flags, "flags") && (flags & ~kHasDate) != 0) r.Fail("flags");
  r.Text(&a.id, "id");
  r.Text(&a.title, "title");
  r.Text(&a.url, "url");
  r.Text(&a.source, "source");
  r.Text(&a.lang, "lang");
  r.Text(&a.author, "author");
  r.Text(&a.dateline, "dateline");
  uint64_t date = 0;
  if (r.ok() && (flags & kHasDate) != 0 && r.Varint(&date, "date")) {
    a.date = ZigZagDecode(date);
  }
  if (r.ok() && ReadList(r, s.entities.countries, "countries") &&
      ReadList(r, s.entities.people, "people")) {
    ReadList(r, s.entities.orgs, "orgs");
  }
  std::string_view detail;
  std::string_view body;
  r.Bytes(&detail, "detail");
  r.Bytes(&body, "body");
  if (r.ok() && !r.AtEnd()) r.Fail("trailing bytes");
  if (r.ok() && part != BinaryPart::kListing) {
    if (IsValidUtf8(body)) {
      a.body.assign(body);
    } else {
      r.Fail("body");
    }
  }
  if (r.ok() && part == BinaryPart::kAll) {
    RecordReader d(detail);
    if (!ReadDetail(d, s)) r.Fail(d.error());
  }
  if (!r.ok()) {
    return Status::Corruption(std::string("document data: bad ") + r.error());
  }
  return s;
}

}  // namespace chancery::stored_article_internal
