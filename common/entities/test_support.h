// Helpers shared by the entities tests: one extractor loaded from the
// repo's config/ for the whole test binary, and projections of results.
#ifndef CHANCERY_COMMON_ENTITIES_TEST_SUPPORT_H_
#define CHANCERY_COMMON_ENTITIES_TEST_SUPPORT_H_

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <string>
#include <vector>

#include "common/data_file.h"
#include "common/entities/entity_extractor.h"

namespace chancery {

inline std::string EntitiesConfigDir() {
  return std::string(CHANCERY_SOURCE_DIR) + "/config";
}

inline bool HaveGeneratedData() {
  return FileExists(EntitiesConfigDir() + "/entities/generated/cities.tsv");
}

inline std::string NerModelsDir() {
  return std::string(CHANCERY_SOURCE_DIR) + "/models/ner";
}

// The extractor as chancery-index runs it by default: with the
// named-entity models.
inline const EntityExtractor& SharedExtractor() {
  static const EntityExtractor* extractor = [] {
    auto loaded = EntityExtractor::Load(EntitiesConfigDir(),
                                        EntityExtractorOptions{NerModelsDir()});
    if (!loaded.ok()) {
      ADD_FAILURE() << loaded.status().ToString();
      std::abort();
    }
    return std::move(loaded).value().release();
  }();
  return *extractor;
}

// The rule-based path alone (--entities=rules).
inline const EntityExtractor& SharedRulesExtractor() {
  static const EntityExtractor* extractor = [] {
    auto loaded = EntityExtractor::Load(EntitiesConfigDir(), {});
    if (!loaded.ok()) {
      ADD_FAILURE() << loaded.status().ToString();
      std::abort();
    }
    return std::move(loaded).value().release();
  }();
  return *extractor;
}

inline std::vector<std::string> Ids(const std::vector<Entity>& entities) {
  std::vector<std::string> out;
  for (const Entity& e : entities) out.push_back(e.id);
  return out;
}

inline std::vector<std::string> Labels(const std::vector<Entity>& entities) {
  std::vector<std::string> out;
  for (const Entity& e : entities) out.push_back(e.label);
  return out;
}

inline const Entity* Find(const std::vector<Entity>& entities,
                          const std::string& id) {
  for (const Entity& e : entities) {
    if (e.id == id) return &e;
  }
  return nullptr;
}

}  // namespace chancery

#endif  // CHANCERY_COMMON_ENTITIES_TEST_SUPPORT_H_
