#include "indexer/readers/json_lines_reader.h"

#include <nlohmann/json.hpp>
#include <string>
#include <utility>

#include "common/base/strings.h"
#include "indexer/readers/article_delivery.h"
#include "indexer/readers/charset.h"
#include "indexer/readers/json_article.h"

namespace chancery {

void ReadJsonLines(InputSource& source, ArticleSink& sink) {
  std::string line;  // reused, so its capacity is allocated once
  std::string date_text;
  for (;;) {
    const int64_t line_number = source.line_number();
    if (!source.ReadLine(&line)) break;
    if (TrimWhitespace(line).empty()) continue;
    std::string origin = source.path() + ":" + std::to_string(line_number);
    if (source.line_was_cut()) {
      sink.OnReject(origin,
                    "line longer than " +
                        std::to_string(InputSource::kMaxLineBytes >> 20) +
                        " MiB");
      continue;
    }
    nlohmann::json object;
    try {
      object = nlohmann::json::parse(line, WithinJsonDepth);
    } catch (const nlohmann::json::exception& e) {
      // Old archives mix in windows-1252 bytes; keep such a record (as the
      // HTML and text readers do) rather than lose it.
      if (!EnsureUtf8(&line)) {
        sink.OnReject(origin, DescribeJsonError(e));
        continue;
      }
      object = nlohmann::json::parse(line, WithinJsonDepth,
                                     /*allow_exceptions=*/false);
      if (object.is_discarded()) {
        sink.OnReject(origin, DescribeJsonError(e));
        continue;
      }
      sink.OnWarning(origin, "not UTF-8; read as windows-1252");
    }
    if (!object.is_object()) {
      sink.OnReject(origin, "not a JSON object");
      continue;
    }
    Article article = ArticleFromJsonObject(object, &date_text);
    article.origin = std::move(origin);
    DeliverArticle(std::move(article), date_text, sink);
  }
  if (!source.status().ok()) {
    sink.OnReject(source.path() + ":" + std::to_string(source.line_number()),
                  source.status().message());
  }
}

}  // namespace chancery
