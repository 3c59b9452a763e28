#include "indexer/readers/news_xml.h"

#include <libxml/parser.h>

#include <mutex>
#include <utility>

#include "common/base/strings.h"

namespace chancery {
namespace {

struct XmlParserFree {
  void operator()(xmlParserCtxt* ctxt) const { xmlFreeParserCtxt(ctxt); }
};
struct XmlStringFree {
  void operator()(xmlChar* p) const { xmlFree(p); }
};
using XmlString = std::unique_ptr<xmlChar, XmlStringFree>;

std::string_view View(const xmlChar* s) {
  return s ? std::string_view(reinterpret_cast<const char*>(s))
           : std::string_view();
}

std::string CollapseWhitespace(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool space = false;
  for (char c : TrimWhitespace(text)) {
    if (IsAsciiSpace(c)) {
      space = true;
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

void CollectDescendants(const xmlNode* node, std::string_view local_name,
                        bool first_only, std::vector<const xmlNode*>* found) {
  for (const xmlNode* child = node->children; child; child = child->next) {
    if (child->type != XML_ELEMENT_NODE) continue;
    if (LocalName(child) == local_name) {
      found->push_back(child);
      if (first_only) return;
    }
    CollectDescendants(child, local_name, first_only, found);
    if (first_only && !found->empty()) return;
  }
}

}  // namespace

StatusOr<XmlDocument> ParseNewsXml(InputSource& source,
                                   std::string* recovered_error) {
  recovered_error->clear();
  std::string xml;
  CHANCERY_RETURN_IF_ERROR(source.ReadAll(&xml));
  static std::once_flag libxml_initialised;
  std::call_once(libxml_initialised, xmlInitParser);
  std::unique_ptr<xmlParserCtxt, XmlParserFree> ctxt(xmlNewParserCtxt());
  if (!ctxt) return Status::Internal(source.path() + ": out of memory");
  // NONET and no NOENT (entities stay unexpanded, external ones unread);
  // no DTDLOAD, so the agencies' DTD references are not followed.
  XmlDocument doc(xmlCtxtReadMemory(
      ctxt.get(), xml.data(), static_cast<int>(xml.size()),
      source.path().c_str(), nullptr,
      XML_PARSE_NONET | XML_PARSE_RECOVER | XML_PARSE_NOERROR |
          XML_PARSE_NOWARNING | XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES));
  std::string error;
  if (const xmlError* last = xmlCtxtGetLastError(ctxt.get());
      last != nullptr && last->message != nullptr) {
    error = std::string(TrimWhitespace(last->message)) + " at line " +
            std::to_string(last->line);
  }
  if (!doc || xmlDocGetRootElement(doc.get()) == nullptr) {
    return Status::InvalidArgument(source.path() + ": not well-formed XML" +
                                   (error.empty() ? "" : ": " + error));
  }
  *recovered_error = std::move(error);
  return doc;
}

std::string_view LocalName(const xmlNode* node) { return View(node->name); }

std::vector<const xmlNode*> XmlChildren(const xmlNode* parent,
                                        std::string_view local_name) {
  std::vector<const xmlNode*> out;
  if (parent == nullptr) return out;
  for (const xmlNode* child = parent->children; child; child = child->next) {
    if (child->type == XML_ELEMENT_NODE && LocalName(child) == local_name) {
      out.push_back(child);
    }
  }
  return out;
}

const xmlNode* XmlChild(const xmlNode* parent, std::string_view local_name) {
  if (parent == nullptr) return nullptr;
  for (const xmlNode* child = parent->children; child; child = child->next) {
    if (child->type == XML_ELEMENT_NODE && LocalName(child) == local_name) {
      return child;
    }
  }
  return nullptr;
}

const xmlNode* XmlDescendant(const xmlNode* node, std::string_view local_name) {
  if (node == nullptr) return nullptr;
  std::vector<const xmlNode*> found;
  CollectDescendants(node, local_name, /*first_only=*/true, &found);
  return found.empty() ? nullptr : found.front();
}

std::vector<const xmlNode*> XmlDescendants(const xmlNode* node,
                                           std::string_view local_name) {
  std::vector<const xmlNode*> found;
  if (node != nullptr) {
    CollectDescendants(node, local_name, /*first_only=*/false, &found);
  }
  return found;
}

std::string XmlText(const xmlNode* node) {
  if (node == nullptr) return "";
  XmlString content(xmlNodeGetContent(node));
  return CollapseWhitespace(View(content.get()));
}

std::string XmlAttribute(const xmlNode* node, const char* name) {
  if (node == nullptr) return "";
  XmlString value(xmlGetProp(node, reinterpret_cast<const xmlChar*>(name)));
  return std::string(TrimWhitespace(View(value.get())));
}

std::string XmlInnerMarkup(const xmlNode* node) {
  if (node == nullptr) return "";
  std::unique_ptr<xmlBuffer, decltype(&xmlBufferFree)> buffer(xmlBufferCreate(),
                                                              &xmlBufferFree);
  for (xmlNode* child = node->children; child; child = child->next) {
    xmlNodeDump(buffer.get(), node->doc, child, 0, 0);
  }
  return std::string(View(xmlBufferContent(buffer.get())));
}

void AddUniqueValue(std::vector<std::string>& values, std::string value) {
  if (value.empty()) return;
  for (const std::string& v : values) {
    if (v == value) return;
  }
  values.push_back(std::move(value));
}

std::string XmlLanguage(const xmlNode* node) {
  XmlString lang(xmlNodeGetLang(node));
  return std::string(TrimWhitespace(View(lang.get())));
}

}  // namespace chancery
