#include "common/entities/org_gazetteer.h"

#include "common/text_analyzer.h"

namespace chancery {

StatusOr<std::unique_ptr<OrgGazetteer>> OrgGazetteer::Load(
    const std::string& entities_dir) {
  std::unique_ptr<OrgGazetteer> g(new OrgGazetteer());
  CHANCERY_RETURN_IF_ERROR(g->aliases_.LoadTsv(entities_dir + "/orgs.tsv"));
  return g;
}

std::optional<uint32_t> OrgGazetteer::FindOrg(
    std::string_view id_or_name) const {
  if (auto id = aliases_.FindById(FoldForMatching(id_or_name))) return id;
  return aliases_.FindByName(id_or_name);
}

}  // namespace chancery
