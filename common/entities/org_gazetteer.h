// OrgGazetteer: international organisations (EU, NATO, UN, OPEC, IMF, ...)
// with their names and abbreviations in English, French, German, Spanish,
// Russian, Chinese and Arabic, from config/entities/orgs.tsv. Ids are the
// facet values ("eu"), labels English ("European Union").
//
// Loaded once, then immutable: concurrent const use is safe.
#ifndef CHANCERY_COMMON_ENTITIES_ORG_GAZETTEER_H_
#define CHANCERY_COMMON_ENTITIES_ORG_GAZETTEER_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "common/entities/alias_table.h"
#include "common/status.h"

namespace chancery {

class OrgGazetteer {
 public:
  static StatusOr<std::unique_ptr<OrgGazetteer>> Load(
      const std::string& entities_dir);

  const AliasTable& aliases() const { return aliases_; }

  // An id ("eu") or a name ("Union européenne") to an organisation.
  std::optional<uint32_t> FindOrg(std::string_view id_or_name) const;

 private:
  OrgGazetteer() = default;
  AliasTable aliases_;
};

}  // namespace chancery

#endif  // CHANCERY_COMMON_ENTITIES_ORG_GAZETTEER_H_
