#include "indexer/readers/text_reader.h"

#include <string>
#include <string_view>
#include <utility>

#include "common/base/strings.h"
#include "indexer/readers/article_delivery.h"
#include "indexer/readers/charset.h"

namespace chancery {
namespace {

// Removes the first line from `text` and returns it, without its newline.
std::string_view NextLine(std::string_view& text) {
  const size_t newline = text.find('\n');
  std::string_view line = text.substr(0, newline);
  text.remove_prefix(newline == std::string_view::npos ? text.size()
                                                       : newline + 1);
  return line;
}

// A Markdown setext underline: "===" or "---" and nothing else.
bool IsSetextUnderline(std::string_view line) {
  line = TrimWhitespace(line);
  if (line.empty() || (line[0] != '=' && line[0] != '-')) return false;
  return line.find_first_not_of(line[0]) == std::string_view::npos;
}

}  // namespace

Status ReadTextDocument(InputSource& source, ArticleSink& sink) {
  std::string text;
  CHANCERY_RETURN_IF_ERROR(source.ReadAll(&text));
  EnsureUtf8(&text);

  std::string_view rest = text;
  std::string_view title;
  while (!rest.empty() && title.empty()) {
    title = TrimWhitespace(NextLine(rest));
  }
  const size_t hashes = title.find_first_not_of('#');
  title = hashes == std::string_view::npos
              ? std::string_view()
              : TrimWhitespace(title.substr(hashes));
  std::string_view after_title = rest;
  if (IsSetextUnderline(NextLine(after_title))) rest = after_title;

  Article article;
  article.origin = source.path();
  article.title = title;
  article.body = rest;
  DeliverArticle(std::move(article), "", sink);
  return Status::Ok();
}

}  // namespace chancery
