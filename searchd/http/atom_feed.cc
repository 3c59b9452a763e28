#include "searchd/http/atom_feed.h"

#include <libxml/xmlwriter.h>

#include <array>
#include <memory>
#include <utility>

#include "common/base/utf8.h"

namespace chancery {
namespace {

constexpr const char* kAtomNamespace = "http://www.w3.org/2005/Atom";

const xmlChar* X(const char* s) { return reinterpret_cast<const xmlChar*>(s); }

struct BufferFree {
  void operator()(xmlBuffer* b) const { xmlBufferFree(b); }
};
struct WriterFree {
  void operator()(xmlTextWriter* w) const { xmlFreeTextWriter(w); }
};

// Writes elements; remembers the first failure so that the calls read as
// the document they write and are checked once at the end.
class AtomWriter {
 public:
  explicit AtomWriter(xmlTextWriter* w) : w_(w) {}

  void Start(const char* name) {
    Check(xmlTextWriterStartElement(w_, X(name)));
  }
  void End() { Check(xmlTextWriterEndElement(w_)); }
  void Attribute(const char* name, std::string_view value) {
    const std::string text = XmlCharacters(value);
    Check(xmlTextWriterWriteAttribute(w_, X(name), X(text.c_str())));
  }
  // <name>text</name>, or <name type="text">text</name> for Atom text
  // constructs when `typed`.
  void Text(const char* name, std::string_view value, bool typed = false) {
    Start(name);
    if (typed) Attribute("type", "text");
    const std::string text = XmlCharacters(value);
    Check(xmlTextWriterWriteString(w_, X(text.c_str())));
    End();
  }
  void Link(const char* rel, std::string_view href, const char* type) {
    if (href.empty()) return;
    Start("link");
    Attribute("rel", rel);
    if (type != nullptr) Attribute("type", type);
    Attribute("href", href);
    End();
  }
  void Person(std::string_view name) {
    if (name.empty()) return;
    Start("author");
    Text("name", name);
    End();
  }
  bool ok() const { return ok_; }

 private:
  void Check(int rc) {
    if (rc < 0) ok_ = false;
  }
  xmlTextWriter* w_;
  bool ok_ = true;
};

void WriteEntry(AtomWriter& out, const AtomEntry& e) {
  out.Start("entry");
  out.Text("id", e.id);
  out.Text("title", e.title, /*typed=*/true);
  out.Text("updated", e.updated);
  if (!e.published.empty()) out.Text("published", e.published);
  out.Person(e.author);
  out.Link("alternate", e.alternate_href, "text/html");
  out.Link("related", e.related_href, "text/html");
  if (!e.source_title.empty()) {
    out.Start("source");
    out.Text("title", e.source_title, /*typed=*/true);
    out.End();
  }
  if (!e.summary.empty()) out.Text("summary", e.summary, /*typed=*/true);
  out.End();
}

}  // namespace

std::string XmlCharacters(std::string_view text) {
  std::string valid = ReplaceInvalidUtf8(text);
  std::string out;
  out.reserve(valid.size());
  for (size_t i = 0; i < valid.size(); ++i) {
    const auto c = static_cast<unsigned char>(valid[i]);
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') continue;
    // U+FFFE and U+FFFF: EF BF BE, EF BF BF.
    if (c == 0xEF && i + 2 < valid.size() &&
        static_cast<unsigned char>(valid[i + 1]) == 0xBF &&
        (static_cast<unsigned char>(valid[i + 2]) & 0xFE) == 0xBE) {
      i += 2;
      continue;
    }
    out += valid[i];
  }
  return out;
}

std::string SnippetPlainText(std::string_view html) {
  static constexpr std::array<std::pair<std::string_view, char>, 5> kEntities =
      {{{"&amp;", '&'},
        {"&lt;", '<'},
        {"&gt;", '>'},
        {"&quot;", '"'},
        {"&#39;", '\''}}};
  std::string out;
  for (size_t i = 0; i < html.size(); ++i) {
    if (html[i] == '<') {
      const size_t close = html.find('>', i);
      if (close == std::string_view::npos) break;
      i = close;
      continue;
    }
    if (html[i] == '&') {
      bool decoded = false;
      for (const auto& [entity, c] : kEntities) {
        if (html.substr(i, entity.size()) == entity) {
          out += c;
          i += entity.size() - 1;
          decoded = true;
          break;
        }
      }
      if (decoded) continue;
    }
    out += html[i];
  }
  return out;
}

StatusOr<std::string> RenderAtomFeed(const AtomFeed& feed) {
  std::unique_ptr<xmlBuffer, BufferFree> buffer(xmlBufferCreate());
  if (!buffer) return Status::Internal("atom feed: out of memory");
  // The writer does not own the buffer.
  std::unique_ptr<xmlTextWriter, WriterFree> writer(
      xmlNewTextWriterMemory(buffer.get(), 0));
  if (!writer) return Status::Internal("atom feed: out of memory");
  xmlTextWriterSetIndent(writer.get(), 1);
  xmlTextWriterSetIndentString(writer.get(), X("  "));
  AtomWriter out(writer.get());
  bool ok =
      xmlTextWriterStartDocument(writer.get(), "1.0", "UTF-8", nullptr) >= 0;
  ok = ok && xmlTextWriterStartElementNS(writer.get(), nullptr, X("feed"),
                                         X(kAtomNamespace)) >= 0;
  out.Text("id", feed.id);
  out.Text("title", feed.title, /*typed=*/true);
  out.Text("updated", feed.updated);
  out.Person(feed.author);
  out.Link("self", feed.self_href, "application/atom+xml");
  out.Link("alternate", feed.alternate_href, "text/html");
  if (!feed.generator.empty()) out.Text("generator", feed.generator);
  for (const AtomEntry& entry : feed.entries) WriteEntry(out, entry);
  out.End();  // feed
  ok = ok && out.ok() && xmlTextWriterEndDocument(writer.get()) >= 0;
  writer.reset();  // Flushes into the buffer.
  if (!ok) return Status::Internal("atom feed: the XML writer failed");
  return std::string(
      reinterpret_cast<const char*>(xmlBufferContent(buffer.get())),
      static_cast<size_t>(xmlBufferLength(buffer.get())));
}

}  // namespace chancery
