// DecodeStoredListing (stored_article.h): the binary format's own listing
// read (stored_article_binary.h), and for data written before it a scanner
// of the JSON object, reading the keys a listing needs and skipping the
// rest without building it.
#include <cstring>
#include <optional>

#include "common/stored_article.h"
#include "common/stored_article_binary.h"

namespace chancery {
namespace {

class Scanner {
 public:
  explicit Scanner(std::string_view data)
      : p_(data.data()), end_(p_ + data.size()) {}

  bool ok() const { return ok_; }
  void SkipSpace() {
    while (p_ < end_ &&
           (*p_ == ' ' || *p_ == '\n' || *p_ == '\t' || *p_ == '\r'))
      ++p_;
  }
  // Consumes `c` after spaces; false (and not ok) when it is not there.
  bool Expect(char c) {
    SkipSpace();
    if (p_ < end_ && *p_ == c) {
      ++p_;
      return true;
    }
    return ok_ = false;
  }
  // Consumes `c` after spaces when it is next.
  bool Accept(char c) {
    SkipSpace();
    if (p_ < end_ && *p_ == c) {
      ++p_;
      return true;
    }
    return false;
  }
  bool AtString() {
    SkipSpace();
    return p_ < end_ && *p_ == '"';
  }
  // A string, unescaped into `out` (or skipped when out is null).
  bool String(std::string* out) {
    if (!Expect('"')) return false;
    for (;;) {
      const char* stop = p_;
      while (stop < end_ && *stop != '"' && *stop != '\\') ++stop;
      if (out) out->append(p_, stop);
      p_ = stop;
      if (p_ >= end_) return ok_ = false;
      if (*p_ == '"') {
        ++p_;
        return true;
      }
      if (++p_ >= end_) return ok_ = false;  // the escape's letter
      const char e = *p_++;
      if (e == 'u') {
        uint32_t cp = 0;
        if (!Hex4(cp)) return false;
        if (cp >= 0xD800 && cp < 0xDC00 && end_ - p_ >= 6 && p_[0] == '\\' &&
            p_[1] == 'u') {
          p_ += 2;
          uint32_t low = 0;
          if (!Hex4(low)) return false;
          cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
        }
        if (out) AppendUtf8(cp, *out);
        continue;
      }
      const char* plain = std::strchr("\"\\/bfnrt", e);
      if (plain == nullptr || e == '\0') return ok_ = false;
      if (out) out->push_back("\"\\/\b\f\n\r\t"[plain - "\"\\/bfnrt"]);
    }
  }
  // Any value, unread.
  bool Skip() {
    SkipSpace();
    if (p_ >= end_) return ok_ = false;
    if (*p_ == '"') return String(nullptr);
    if (*p_ == '{' || *p_ == '[') {
      const char close = *p_ == '{' ? '}' : ']';
      ++p_;
      if (Accept(close)) return true;
      do {
        if (close == '}' && !(String(nullptr) && Expect(':'))) return false;
        if (!Skip()) return false;
      } while (Accept(','));
      return Expect(close);
    }
    // Number, true, false, null.
    const char* start = p_;
    while (p_ < end_ && std::strchr(",}] \n\t\r", *p_) == nullptr) ++p_;
    return p_ > start || (ok_ = false);
  }

 private:
  bool Hex4(uint32_t& out) {
    if (end_ - p_ < 4) return ok_ = false;
    for (int i = 0; i < 4; ++i) {
      const char c = *p_++;
      out <<= 4;
      if (c >= '0' && c <= '9') {
        out |= static_cast<uint32_t>(c - '0');
      } else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f') {
        out |= static_cast<uint32_t>((c | 0x20) - 'a' + 10);
      } else {
        return ok_ = false;
      }
    }
    return true;
  }
  static void AppendUtf8(uint32_t cp, std::string& out) {
    if (cp < 0x80) {
      out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
      out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
      out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
      out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
  }

  const char* p_;
  const char* end_;
  bool ok_ = true;
};

// [ {"id", "label", ...}, ... ] into entities (id and label only).
bool Entities(Scanner& s, std::vector<Entity>& out) {
  if (!s.Expect('[')) return false;
  if (s.Accept(']')) return true;
  do {
    Entity e;
    if (!s.Expect('{')) return false;
    if (!s.Accept('}')) {
      do {
        std::string key;
        if (!s.String(&key) || !s.Expect(':')) return false;
        std::string* into = key == "id"      ? &e.id
                            : key == "label" ? &e.label
                                             : nullptr;
        if (into && s.AtString() ? !s.String(into) : !s.Skip()) return false;
      } while (s.Accept(','));
      if (!s.Expect('}')) return false;
    }
    out.push_back(std::move(e));
  } while (s.Accept(','));
  return s.Expect(']');
}

}  // namespace

StatusOr<StoredArticle> DecodeStoredListing(std::string_view data,
                                            bool with_body) {
  if (!data.empty() && data.front() == stored_article_internal::kBinaryFormat) {
    return stored_article_internal::DecodeBinary(
        data, with_body ? stored_article_internal::BinaryPart::kListingWithBody
                        : stored_article_internal::BinaryPart::kListing);
  }
  StoredArticle stored;
  Article& a = stored.article;
  Scanner s(data);
  bool good = s.Expect('{');
  if (good && !s.Accept('}')) {
    do {
      std::string key;
      if (!(good = s.String(&key) && s.Expect(':'))) break;
      std::string* text = key == "id"                  ? &a.id
                          : key == "title"             ? &a.title
                          : key == "url"               ? &a.url
                          : key == "source"            ? &a.source
                          : key == "lang"              ? &a.lang
                          : key == "author"            ? &a.author
                          : key == "dateline"          ? &a.dateline
                          : key == "body" && with_body ? &a.body
                                                       : nullptr;
      std::vector<Entity>* list = key == "countries"
                                      ? &stored.entities.countries
                                  : key == "people" ? &stored.entities.people
                                  : key == "orgs"   ? &stored.entities.orgs
                                                    : nullptr;
      if (text && s.AtString()) {
        good = s.String(text);
      } else if (key == "date" && s.AtString()) {
        std::string date;
        good = s.String(&date);
        a.date = ParseIsoDate(date);
      } else if (list) {
        good = Entities(s, *list);
      } else {
        good = s.Skip();
      }
    } while (good && s.Accept(','));
    good = good && s.Expect('}');
  }
  if (!good || !s.ok()) {
    return Status::Corruption("document data is not a stored article");
  }
  return stored;
}

}  // namespace chancery
