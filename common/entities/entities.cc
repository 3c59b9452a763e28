#include "common/entities/entities.h"

namespace chancery {

std::string_view MentionFieldName(MentionField field) {
  switch (field) {
    case MentionField::kTitle:
      return "title";
    case MentionField::kBody:
      return "body";
    case MentionField::kDateline:
      return "dateline";
    case MentionField::kPublisher:
      return "publisher";
  }
  return "body";
}

std::string_view MentionTypeName(MentionType type) {
  switch (type) {
    case MentionType::kPer:
      return "PER";
    case MentionType::kLoc:
      return "LOC";
    case MentionType::kOrg:
      return "ORG";
    case MentionType::kMisc:
      return "MISC";
    case MentionType::kRule:
      return "rule";
  }
  return "rule";
}

}  // namespace chancery
