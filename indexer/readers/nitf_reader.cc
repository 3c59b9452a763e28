#include "indexer/readers/nitf_reader.h"

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

bool AllDigits(std::string_view s) {
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return !s.empty();
}

// NITF's norm attribute is ISO 8601, usually in the basic form
// "20240402T080000Z" or "20240402T080000+0100"; the date parser reads the
// extended form, so basic is rewritten: "2024-04-02T08:00:00Z". Other
// text is returned as it is.
std::string ExtendedIsoDate(std::string_view norm) {
  if (norm.size() < 8 || !AllDigits(norm.substr(0, 8))) {
    return std::string(norm);
  }
  std::string out = std::string(norm.substr(0, 4)) + "-" +
                    std::string(norm.substr(4, 2)) + "-" +
                    std::string(norm.substr(6, 2));
  std::string_view rest = norm.substr(8);
  if (rest.empty()) return out;
  if (rest[0] != 'T' || rest.size() < 5 || !AllDigits(rest.substr(1, 4))) {
    return std::string(norm);
  }
  out += "T" + std::string(rest.substr(1, 2)) + ":" +
         std::string(rest.substr(3, 2));
  rest = rest.substr(5);
  if (rest.size() >= 2 && AllDigits(rest.substr(0, 2))) {
    out += ":" + std::string(rest.substr(0, 2));
    rest = rest.substr(2);
  } else {
    out += ":00";
  }
  return out + std::string(rest);  // "Z", "+0100" or ""
}

// "By Jane Doe" -> "Jane Doe"; the <person> names when the byline marks
// them.
std::string Byline(const xmlNode* byline) {
  std::string names;
  for (const xmlNode* person : XmlDescendants(byline, "person")) {
    const std::string name = XmlText(person);
    if (name.empty()) continue;
    if (!names.empty()) names += ", ";
    names += name;
  }
  if (!names.empty()) return names;
  std::string text = XmlText(byline);
  if (text.size() > 3 && EqualsIgnoreAsciiCase(text.substr(0, 3), "by ")) {
    text.erase(0, 3);
  }
  return text;
}

// A <country> element's value for Article::countries: its ISO code when
// given, else its name.
std::string CountryOf(const xmlNode* country) {
  std::string code = XmlAttribute(country, "iso-cc");
  return code.empty() ? XmlText(country) : code;
}

// Subjects, keywords and the entities the publisher identified.
void TakeDocdata(const xmlNode* head, Article& article, nlohmann::json& meta) {
  nlohmann::json subjects = nlohmann::json::array();
  for (const xmlNode* tobject : XmlChildren(head, "tobject")) {
    for (const xmlNode* subject : XmlChildren(tobject, "tobject.subject")) {
      std::string name;
      for (const char* part : {"tobject.subject.type", "tobject.subject.matter",
                               "tobject.subject.detail"}) {
        const std::string text = XmlAttribute(subject, part);
        if (text.empty()) continue;
        if (!name.empty()) name += " / ";
        name += text;
      }
      nlohmann::json j = nlohmann::json::object();
      const std::string code = XmlAttribute(subject, "tobject.subject.refnum");
      if (!code.empty()) j["code"] = code;
      if (!name.empty()) j["name"] = name;
      if (!j.empty()) subjects.push_back(std::move(j));
    }
  }
  if (!subjects.empty()) meta["subjects"] = std::move(subjects);

  const xmlNode* docdata = XmlChild(head, "docdata");
  nlohmann::json keywords = nlohmann::json::array();
  for (const xmlNode* list : XmlChildren(docdata, "key-list")) {
    for (const xmlNode* keyword : XmlChildren(list, "keyword")) {
      std::string key = XmlAttribute(keyword, "key");
      if (!key.empty()) keywords.push_back(std::move(key));
    }
  }
  if (!keywords.empty()) meta["keywords"] = std::move(keywords);

  if (const xmlNode* evloc = XmlChild(docdata, "evloc")) {
    AddUniqueValue(article.countries, XmlAttribute(evloc, "iso-cc"));
    if (article.dateline.empty())
      article.dateline = XmlAttribute(evloc, "city");
  }
  for (const xmlNode* content : XmlChildren(docdata, "identified-content")) {
    for (const xmlNode* person : XmlChildren(content, "person")) {
      AddUniqueValue(article.people, XmlText(person));
    }
    for (const xmlNode* org : XmlChildren(content, "org")) {
      AddUniqueValue(article.orgs, XmlText(org));
    }
    for (const xmlNode* country : XmlDescendants(content, "country")) {
      AddUniqueValue(article.countries, CountryOf(country));
    }
  }
}

}  // namespace

Status ReadNitf(InputSource& source, ArticleSink& sink) {
  std::string recovered_error;
  CHANCERY_ASSIGN_OR_RETURN(XmlDocument doc,
                            ParseNewsXml(source, &recovered_error));
  const xmlNode* root = xmlDocGetRootElement(doc.get());
  if (LocalName(root) != "nitf") {
    return Status::InvalidArgument(source.path() + ": XML root <" +
                                   std::string(LocalName(root)) +
                                   "> is not <nitf>");
  }
  if (!recovered_error.empty()) {
    sink.OnWarning(source.path(), "XML errors, recovered: " + recovered_error);
  }
  const xmlNode* head = XmlChild(root, "head");
  const xmlNode* docdata = XmlChild(head, "docdata");
  const xmlNode* body = XmlChild(root, "body");
  const xmlNode* body_head = XmlChild(body, "body.head");

  Article article;
  article.origin = source.path() + ":" + std::to_string(xmlGetLineNo(root));
  const xmlNode* hedline = XmlChild(body_head, "hedline");
  article.title = XmlText(XmlChild(hedline, "hl1"));
  if (article.title.empty()) article.title = XmlText(XmlChild(head, "title"));
  const xmlNode* dateline = XmlChild(body_head, "dateline");
  article.dateline = XmlText(dateline);
  article.author = Byline(XmlChild(body_head, "byline"));
  article.id = XmlAttribute(XmlChild(docdata, "doc-id"), "id-string");
  article.source = XmlAttribute(XmlChild(head, "pubdata"), "name");
  if (article.source.empty()) {
    article.source = XmlAttribute(XmlChild(docdata, "doc.copyright"), "holder");
  }
  article.lang = XmlLanguage(root);
  if (article.lang.empty()) article.lang = XmlLanguage(head);
  if (article.lang.empty()) article.lang = XmlLanguage(body);
  article.body = HtmlToText(XmlInnerMarkup(XmlChild(body, "body.content")));

  nlohmann::json meta = nlohmann::json::object();
  if (const xmlNode* location = XmlDescendant(dateline, "location")) {
    meta["located"] = XmlText(location);
  }
  for (const xmlNode* country : XmlDescendants(dateline, "country")) {
    AddUniqueValue(article.countries, CountryOf(country));
  }
  TakeDocdata(head, article, meta);
  if (!meta.empty()) {
    article.meta_json =
        meta.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  }
  const std::string date =
      ExtendedIsoDate(XmlAttribute(XmlChild(docdata, "date.issue"), "norm"));
  DeliverArticle(std::move(article), date, sink);
  return Status::Ok();
}

}  // namespace chancery
