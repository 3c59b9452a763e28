#include "indexer/readers/input_format.h"

#include <string>

#include "common/base/strings.h"

namespace chancery {
namespace {

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         s.substr(s.size() - suffix.size()) == suffix;
}

bool StartsWithIgnoreCase(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() &&
         EqualsIgnoreAsciiCase(s.substr(0, prefix.size()), prefix);
}

// The first element name after any XML declaration, comments, processing
// instructions and doctype, lower-cased; empty when none is in `head`.
std::string FirstElementName(std::string_view head) {
  size_t pos = 0;
  while ((pos = head.find('<', pos)) != std::string_view::npos) {
    ++pos;
    if (pos >= head.size()) break;
    const char c = head[pos];
    if (c == '?' || c == '!') continue;  // declaration, comment, doctype
    const size_t end = head.find_first_of(" \t\r\n/>", pos);
    return AsciiToLower(head.substr(pos, end == std::string_view::npos
                                             ? std::string_view::npos
                                             : end - pos));
  }
  return "";
}

}  // namespace

InputFormat FormatFromFileName(std::string_view path) {
  const size_t slash = path.find_last_of('/');
  std::string name = AsciiToLower(
      slash == std::string_view::npos ? path : path.substr(slash + 1));
  if (EndsWith(name, ".gz")) name.resize(name.size() - 3);
  struct Extension {
    std::string_view suffix;
    InputFormat format;
  };
  static constexpr Extension kExtensions[] = {
      {".jsonl", InputFormat::kJsonLines},
      {".ndjson", InputFormat::kJsonLines},
      {".jsonlines", InputFormat::kJsonLines},
      {".json", InputFormat::kJson},
      {".xml", InputFormat::kXml},
      {".nitf", InputFormat::kNitf},
      {".newsml", InputFormat::kNewsMl},
      {".warc", InputFormat::kWarc},
      {".rss", InputFormat::kFeed},
      {".atom", InputFormat::kFeed},
      {".rdf", InputFormat::kFeed},
      {".cdf", InputFormat::kFeed},
      {".html", InputFormat::kHtml},
      {".htm", InputFormat::kHtml},
      {".xhtml", InputFormat::kHtml},
      {".txt", InputFormat::kText},
      {".text", InputFormat::kText},
      {".md", InputFormat::kText},
      {".markdown", InputFormat::kText},
  };
  for (const Extension& e : kExtensions) {
    if (EndsWith(name, e.suffix)) return e.format;
  }
  return InputFormat::kUnknown;
}

InputFormat FormatFromContent(std::string_view head) {
  head = TrimWhitespace(head);
  if (head.empty()) return InputFormat::kText;
  if (head[0] == '{') return InputFormat::kJsonLines;
  if (head[0] == '[') return InputFormat::kJsonArray;
  if (head.substr(0, 5) == "WARC/") return InputFormat::kWarc;
  if (head[0] != '<') return InputFormat::kText;
  std::string root = FirstElementName(head);
  if (root == "rss" || root == "feed" || root == "rdf:rdf" ||
      root == "channel") {
    return InputFormat::kFeed;
  }
  // NewsML-G2 and NITF are often written with a namespace prefix.
  if (const size_t colon = root.find(':'); colon != std::string::npos) {
    root.erase(0, colon + 1);
  }
  if (root == "newsitem" || root == "newsmessage") return InputFormat::kNewsMl;
  if (root == "nitf") return InputFormat::kNitf;
  if (root == "html" || StartsWithIgnoreCase(head, "<!doctype html")) {
    return InputFormat::kHtml;
  }
  // An XML declaration before an unknown root is still XML: let the feed
  // reader parse it and say what it found instead of reading tags as text.
  if (StartsWithIgnoreCase(head, "<?xml")) return InputFormat::kFeed;
  return InputFormat::kHtml;
}

}  // namespace chancery
