// The entity extractor, with the committed named-entity models and the
// repo's gazetteers, over any article: line 1 lang, line 2 title, line 3
// dateline, line 4 publisher-given names (comma-separated, used as people,
// countries and orgs), the rest the body. Text is made valid UTF-8 first,
// as every reader delivers it. Entities must have an id, a label, at least
// one mention, and spans inside their field.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "common/base/utf8.h"
#include "common/entities/entity_extractor.h"
#include "fuzz/fuzz_support.h"

namespace {

// Loaded by LLVMFuzzerInitialize, never destroyed (the process ends).
const chancery::EntityExtractor* extractor = nullptr;

std::string_view TakeLine(std::string_view& rest) {
  const auto [line, after] = chancery::fuzz::SplitFirstLine(rest);
  rest = after;
  return line;
}

void CheckEntities(const std::vector<chancery::Entity>& entities,
                   const chancery::Article& article) {
  using chancery::fuzz::Require;
  for (const chancery::Entity& entity : entities) {
    Require(!entity.id.empty(), "an entity has an id");
    Require(!entity.label.empty(), "an entity has a label");
    Require(entity.mentions >= 1, "an entity is mentioned");
    for (const chancery::Mention& span : entity.spans) {
      size_t field_size = 0;
      switch (span.field) {
        case chancery::MentionField::kTitle:
          field_size = article.title.size();
          break;
        case chancery::MentionField::kBody:
          field_size = article.body.size();
          break;
        case chancery::MentionField::kDateline:
          field_size = article.dateline.size();
          break;
        case chancery::MentionField::kPublisher:
          break;
      }
      Require(span.begin <= span.end && span.end <= field_size,
              "a mention span lies inside its field");
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  chancery::EntityExtractorOptions options;
  options.ner_models_dir = CHANCERY_SOURCE_DIR "/models/ner";
  auto loaded =
      chancery::EntityExtractor::Load(CHANCERY_SOURCE_DIR "/config", options);
  chancery::fuzz::Require(loaded.ok(), "the entity extractor loads");
  extractor = std::move(loaded).value().release();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view rest(reinterpret_cast<const char*>(data), size);
  chancery::Article article;
  article.lang = chancery::ReplaceInvalidUtf8(TakeLine(rest));
  article.title = chancery::ReplaceInvalidUtf8(TakeLine(rest));
  article.dateline = chancery::ReplaceInvalidUtf8(TakeLine(rest));
  std::string_view names = TakeLine(rest);
  while (!names.empty()) {
    const size_t comma = names.find(',');
    const std::string name =
        chancery::ReplaceInvalidUtf8(names.substr(0, comma));
    article.people.push_back(name);
    article.countries.push_back(name);
    article.orgs.push_back(name);
    if (comma == std::string_view::npos) break;
    names.remove_prefix(comma + 1);
  }
  article.body = chancery::ReplaceInvalidUtf8(rest);

  const chancery::ArticleEntities found = extractor->Extract(article);
  CheckEntities(found.countries, article);
  CheckEntities(found.people, article);
  CheckEntities(found.orgs, article);
  return 0;
}
