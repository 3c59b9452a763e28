// What the readers of the agencies' XML (NewsML-G2, NITF) share: a safe
// libxml2 parse and lookups of elements by local name, whatever namespace
// prefix a document uses.
#ifndef CHANCERY_INDEXER_READERS_NEWS_XML_H_
#define CHANCERY_INDEXER_READERS_NEWS_XML_H_

#include <libxml/tree.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "indexer/readers/input_source.h"

namespace chancery {

struct XmlDocumentFree {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};
using XmlDocument = std::unique_ptr<xmlDoc, XmlDocumentFree>;

// Parses all of `source` as XML without network access or external
// entities (a file must not make us fetch URLs or read local files),
// recovering from errors where libxml2 can; a recovered error is returned
// in *recovered_error ("" when none) for the caller to warn about.
// InvalidArgument naming the file when it is not XML at all.
StatusOr<XmlDocument> ParseNewsXml(InputSource& source,
                                   std::string* recovered_error);

// The element's name without namespace prefix.
std::string_view LocalName(const xmlNode* node);

// Child elements of `parent` named `local_name` (any namespace), in order.
std::vector<const xmlNode*> XmlChildren(const xmlNode* parent,
                                        std::string_view local_name);
// The first of them, or nullptr.
const xmlNode* XmlChild(const xmlNode* parent, std::string_view local_name);
// The first element below `node` (depth first) named `local_name`, or
// nullptr.
const xmlNode* XmlDescendant(const xmlNode* node, std::string_view local_name);
// All of them, in document order.
std::vector<const xmlNode*> XmlDescendants(const xmlNode* node,
                                           std::string_view local_name);

// The text content with runs of whitespace collapsed to one space and
// trimmed; "" for nullptr.
std::string XmlText(const xmlNode* node);

// The attribute `name` (no namespace; "xml:lang" style names are not
// looked up here), trimmed; "" when absent or `node` is nullptr.
std::string XmlAttribute(const xmlNode* node, const char* name);

// The markup inside `node`, serialised, for turning XHTML bodies into
// text with HtmlToText.
std::string XmlInnerMarkup(const xmlNode* node);

// Appends `value` to *values unless it is empty or already there: for the
// entity lists (Article::countries...) gathered from several elements.
void AddUniqueValue(std::vector<std::string>& values, std::string value);

// The xml:lang in scope at `node`, "" when none.
std::string XmlLanguage(const xmlNode* node);

}  // namespace chancery

#endif  // CHANCERY_INDEXER_READERS_NEWS_XML_H_
