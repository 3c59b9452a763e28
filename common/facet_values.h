// The encoding of a document's facet values in its value slots
// (schema::kSlotCountries, kSlotPeople, kSlotOrgs): the ids joined by '\n',
// which no id contains. Kept trivial so that counting facets over many
// matches is a split, not a parse.
#ifndef CHANCERY_COMMON_FACET_VALUES_H_
#define CHANCERY_COMMON_FACET_VALUES_H_

#include <string>
#include <string_view>
#include <vector>

namespace chancery {

inline std::string EncodeFacetValues(const std::vector<std::string>& ids) {
  std::string out;
  for (const std::string& id : ids) {
    if (!out.empty()) out += '\n';
    out += id;
  }
  return out;
}

// Calls fn(std::string_view id) for each id in an encoded value.
template <typename Fn>
void ForEachFacetValue(std::string_view encoded, Fn&& fn) {
  while (!encoded.empty()) {
    size_t nl = encoded.find('\n');
    fn(encoded.substr(0, nl));
    if (nl == std::string_view::npos) break;
    encoded.remove_prefix(nl + 1);
  }
}

}  // namespace chancery

#endif  // CHANCERY_COMMON_FACET_VALUES_H_
