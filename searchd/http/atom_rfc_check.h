// Test support, not part of chancery_http: checks a document against the
// requirements of RFC 4287 (Atom 1.0) that a feed of ours could break,
// parsing it with libxml2 (no network, no entities). Header-only so that
// each test binary that checks feeds compiles it in.
//
//   feed   root {http://www.w3.org/2005/Atom}feed; exactly one id, title,
//          updated; an author unless every entry has one; at most one
//          link rel=alternate per type and hreflang (4.1.1)
//   entry  exactly one id, title, updated; at most one published and
//          summary; content or a link rel=alternate (4.1.2)
//   id     an absolute IRI (4.2.6); dates RFC 3339 date-time (3.3);
//          link has href (4.2.7); text constructs' type is text, html or
//          xhtml (3.1)
#ifndef CHANCERY_SEARCHD_HTTP_ATOM_RFC_CHECK_H_
#define CHANCERY_SEARCHD_HTTP_ATOM_RFC_CHECK_H_

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <map>
#include <regex>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace chancery::atom_check {

inline constexpr std::string_view kAtomNs = "http://www.w3.org/2005/Atom";

inline bool IsAtom(const xmlNode* n, std::string_view name) {
  return n->type == XML_ELEMENT_NODE && n->ns != nullptr &&
         kAtomNs == reinterpret_cast<const char*>(n->ns->href) &&
         name == reinterpret_cast<const char*>(n->name);
}

inline std::vector<const xmlNode*> Children(const xmlNode* n,
                                            std::string_view name) {
  std::vector<const xmlNode*> out;
  for (const xmlNode* c = n->children; c != nullptr; c = c->next) {
    if (IsAtom(c, name)) out.push_back(c);
  }
  return out;
}

inline std::string Text(const xmlNode* n) {
  xmlChar* t = xmlNodeGetContent(n);
  std::string out = t ? reinterpret_cast<const char*>(t) : "";
  xmlFree(t);
  return out;
}

inline std::string Attr(const xmlNode* n, const char* name) {
  xmlChar* v = xmlGetProp(n, reinterpret_cast<const xmlChar*>(name));
  std::string out = v ? reinterpret_cast<const char*>(v) : "";
  xmlFree(v);
  return out;
}

// Errors of the children every feed and entry share; `where` names them.
inline void CheckCommon(const xmlNode* n, const std::string& where,
                        std::vector<std::string>& errors) {
  static const std::regex kDate(
      R"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2}))");
  static const std::regex kIri(R"([A-Za-z][A-Za-z0-9+.-]*:\S+)");
  for (const char* one : {"id", "title", "updated"}) {
    const size_t count = Children(n, one).size();
    if (count != 1) {
      errors.push_back(where + " has " + std::to_string(count) + " " + one);
    }
  }
  for (const xmlNode* id : Children(n, "id")) {
    if (!std::regex_match(Text(id), kIri)) {
      errors.push_back(where + " id is not an absolute IRI: " + Text(id));
    }
  }
  for (const char* date : {"updated", "published"}) {
    for (const xmlNode* d : Children(n, date)) {
      if (!std::regex_match(Text(d), kDate)) {
        errors.push_back(where + " " + date + " is not RFC 3339: " + Text(d));
      }
    }
  }
  for (const char* text : {"title", "summary", "content", "rights"}) {
    for (const xmlNode* t : Children(n, text)) {
      const std::string type = Attr(t, "type");
      if (!type.empty() && type != "text" && type != "html" &&
          type != "xhtml" && std::string_view(text) != "content") {
        errors.push_back(where + " " + text + " has type " + type);
      }
    }
  }
  std::set<std::string> alternates;
  for (const xmlNode* link : Children(n, "link")) {
    if (Attr(link, "href").empty())
      errors.push_back(where + " link lacks href");
    const std::string rel = Attr(link, "rel");
    if (rel.empty() || rel == "alternate") {
      const std::string key = Attr(link, "type") + "|" + Attr(link, "hreflang");
      if (!alternates.insert(key).second) {
        errors.push_back(where + " has two alternate links of type " + key);
      }
    }
  }
}

inline bool HasAlternate(const xmlNode* n) {
  for (const xmlNode* link : Children(n, "link")) {
    const std::string rel = Attr(link, "rel");
    if (rel.empty() || rel == "alternate") return true;
  }
  return false;
}

// The RFC 4287 errors of `xml`; empty when it is a valid feed.
inline std::vector<std::string> AtomErrors(std::string_view xml) {
  std::vector<std::string> errors;
  xmlDoc* doc = xmlReadMemory(
      xml.data(), static_cast<int>(xml.size()), "feed.atom", nullptr,
      XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (doc == nullptr) return {"not well-formed XML"};
  const xmlNode* root = xmlDocGetRootElement(doc);
  if (root == nullptr || !IsAtom(root, "feed")) {
    xmlFreeDoc(doc);
    return {"the root is not an Atom feed element"};
  }
  CheckCommon(root, "feed", errors);
  bool every_entry_has_author = true;
  int i = 0;
  for (const xmlNode* entry : Children(root, "entry")) {
    const std::string where = "entry " + std::to_string(i++);
    CheckCommon(entry, where, errors);
    if (Children(entry, "author").empty()) every_entry_has_author = false;
    for (const char* most_one : {"published", "summary", "content"}) {
      if (Children(entry, most_one).size() > 1) {
        errors.push_back(where + " has more than one " + most_one);
      }
    }
    if (Children(entry, "content").empty() && !HasAlternate(entry)) {
      errors.push_back(where + " has neither content nor an alternate link");
    }
  }
  if (Children(root, "author").empty() && !every_entry_has_author) {
    errors.push_back("feed has no author and an entry has none");
  }
  xmlFreeDoc(doc);
  return errors;
}

}  // namespace chancery::atom_check

#endif  // CHANCERY_SEARCHD_HTTP_ATOM_RFC_CHECK_H_
