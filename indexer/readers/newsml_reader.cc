#include "indexer/readers/newsml_reader.h"

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/base/strings.h"
#include "indexer/readers/article_delivery.h"
#include "indexer/readers/html_text.h"
#include "indexer/readers/news_xml.h"

namespace chancery {
namespace {

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         s.substr(s.size() - suffix.size()) == suffix;
}

// "medtop:20000106" -> {"medtop", "20000106"}; no colon: {"", qcode}.
std::pair<std::string_view, std::string_view> SplitQcode(
    std::string_view qcode) {
  const size_t colon = qcode.find(':');
  if (colon == std::string_view::npos) return {"", qcode};
  return {qcode.substr(0, colon), qcode.substr(colon + 1)};
}

// A G2 concept (subject, located, broader): its qcode, type and name.
struct Concept {
  std::string qcode, type, name;

  explicit Concept(const xmlNode* node)
      : qcode(XmlAttribute(node, "qcode")),
        type(XmlAttribute(node, "type")),
        name(XmlText(XmlChild(node, "name"))) {
    if (name.empty()) name = XmlAttribute(node, "literal");
  }

  // The country this concept is, as Article::countries takes it; "" when
  // it is not a country.
  std::string Country() const {
    const auto [scheme, code] = SplitQcode(qcode);
    const bool iso = AsciiToLower(scheme).find("iso3166") == 0;
    if (!iso && !EndsWith(AsciiToLower(type), ":country")) return "";
    if (iso && code.size() == 2) return std::string(code);
    return name.empty() ? std::string(code) : name;
  }

  nlohmann::json ToJson() const {
    nlohmann::json j = nlohmann::json::object();
    if (!qcode.empty()) j["qcode"] = qcode;
    if (!name.empty()) j["name"] = name;
    if (!type.empty()) j["type"] = type;
    return j;
  }
};

std::string FirstText(std::initializer_list<const xmlNode*> nodes) {
  for (const xmlNode* node : nodes) {
    std::string text = XmlText(node);
    if (!text.empty()) return text;
  }
  return "";
}

std::string Headline(const xmlNode* content_meta) {
  const std::vector<const xmlNode*> headlines =
      XmlChildren(content_meta, "headline");
  for (const xmlNode* headline : headlines) {
    const std::string role = XmlAttribute(headline, "role");
    if (role.empty() || EndsWith(role, ":main")) return XmlText(headline);
  }
  return headlines.empty() ? "" : XmlText(headlines.front());
}

std::string Authors(const xmlNode* content_meta) {
  std::vector<std::string> names;
  for (const xmlNode* by : XmlChildren(content_meta, "by")) {
    AddUniqueValue(names, XmlText(by));
  }
  if (names.empty()) {
    for (const xmlNode* creator : XmlChildren(content_meta, "creator")) {
      AddUniqueValue(names, Concept(creator).name);
    }
  }
  std::string joined;
  for (const std::string& name : names) {
    if (!joined.empty()) joined += ", ";
    joined += name;
  }
  return joined;
}

std::string Provider(const xmlNode* item_meta) {
  const xmlNode* provider = XmlChild(item_meta, "provider");
  if (provider == nullptr) return "";
  const Concept named(provider);
  if (!named.name.empty()) return named.name;
  return std::string(SplitQcode(named.qcode).second);
}

std::string CanonicalLink(const xmlNode* item_meta) {
  for (const xmlNode* link : XmlChildren(item_meta, "link")) {
    if (EndsWith(XmlAttribute(link, "rel"), "canonical")) {
      return XmlAttribute(link, "href");
    }
  }
  return "";
}

std::string BodyText(const xmlNode* content_set) {
  if (const xmlNode* inline_xml = XmlChild(content_set, "inlineXML")) {
    return HtmlToText(XmlInnerMarkup(inline_xml));
  }
  return XmlText(XmlChild(content_set, "inlineData"));
}

// The subjects, place and keywords of contentMeta: into the entity fields
// the facets use, and into meta.
void TakeConcepts(const xmlNode* content_meta, Article& article,
                  nlohmann::json& meta) {
  nlohmann::json subjects = nlohmann::json::array();
  for (const xmlNode* node : XmlChildren(content_meta, "subject")) {
    const Concept subject(node);
    subjects.push_back(subject.ToJson());
    const std::string type = AsciiToLower(subject.type);
    if (type == "cpnat:person") AddUniqueValue(article.people, subject.name);
    if (type == "cpnat:organisation" || type == "cpnat:organization") {
      AddUniqueValue(article.orgs, subject.name);
    }
    AddUniqueValue(article.countries, subject.Country());
  }
  for (const xmlNode* node : XmlChildren(content_meta, "genre")) {
    subjects.push_back(Concept(node).ToJson());
  }
  if (!subjects.empty()) meta["subjects"] = std::move(subjects);

  if (const xmlNode* located = XmlChild(content_meta, "located")) {
    const Concept place(located);
    meta["located"] = place.ToJson();
    if (article.dateline.empty()) article.dateline = place.name;
    AddUniqueValue(article.countries, place.Country());
    for (const xmlNode* broader : XmlDescendants(located, "broader")) {
      AddUniqueValue(article.countries, Concept(broader).Country());
    }
  }

  nlohmann::json keywords = nlohmann::json::array();
  for (const xmlNode* keyword : XmlChildren(content_meta, "keyword")) {
    if (std::string text = XmlText(keyword); !text.empty()) {
      keywords.push_back(std::move(text));
    }
  }
  if (!keywords.empty()) meta["keywords"] = std::move(keywords);
}

void DeliverItem(const xmlNode* item, const std::string& path,
                 ArticleSink& sink) {
  const xmlNode* item_meta = XmlChild(item, "itemMeta");
  const xmlNode* content_meta = XmlChild(item, "contentMeta");
  Article article;
  article.origin = path + ":" + std::to_string(xmlGetLineNo(item));
  article.id = XmlAttribute(item, "guid");
  article.title = Headline(content_meta);
  article.dateline = XmlText(XmlChild(content_meta, "dateline"));
  article.author = Authors(content_meta);
  article.source = Provider(item_meta);
  article.url = CanonicalLink(item_meta);
  article.lang = XmlAttribute(XmlChild(content_meta, "language"), "tag");
  if (article.lang.empty()) article.lang = XmlLanguage(item);
  article.body = BodyText(XmlChild(item, "contentSet"));
  if (article.body.empty()) {
    article.body = XmlText(XmlChild(content_meta, "description"));
  }
  nlohmann::json meta = nlohmann::json::object();
  TakeConcepts(content_meta, article, meta);
  if (!meta.empty()) {
    article.meta_json =
        meta.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  }
  const std::string date = FirstText({XmlChild(content_meta, "contentCreated"),
                                      XmlChild(item_meta, "firstCreated"),
                                      XmlChild(item_meta, "versionCreated")});
  DeliverArticle(std::move(article), date, sink);
}

}  // namespace

Status ReadNewsMl(InputSource& source, ArticleSink& sink) {
  std::string recovered_error;
  CHANCERY_ASSIGN_OR_RETURN(XmlDocument doc,
                            ParseNewsXml(source, &recovered_error));
  const xmlNode* root = xmlDocGetRootElement(doc.get());
  std::vector<const xmlNode*> items;
  if (LocalName(root) == "newsItem") {
    items.push_back(root);
  } else {
    items = XmlDescendants(root, "newsItem");
  }
  if (items.empty()) {
    return Status::InvalidArgument(source.path() + ": XML root <" +
                                   std::string(LocalName(root)) +
                                   "> holds no NewsML-G2 <newsItem>");
  }
  if (!recovered_error.empty()) {
    sink.OnWarning(source.path(), "XML errors, recovered: " + recovered_error);
  }
  for (const xmlNode* item : items) DeliverItem(item, source.path(), sink);
  return Status::Ok();
}

}  // namespace chancery
