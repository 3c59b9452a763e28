#include "indexer/id_filter.h"

#include <gtest/gtest.h>

#include <string>

namespace chancery {
namespace {

TEST(IdFilter, NewIdsAreCertainlyNewAndSeenOnesMaybeSeen) {
  IdFilter filter;
  int false_positives = 0;
  for (int i = 0; i < 100000; ++i) {
    false_positives += filter.TestAndAdd("article-" + std::to_string(i));
  }
  EXPECT_LT(false_positives, 10);  // ~0 expected at this load
  for (int i = 0; i < 100000; i += 997) {
    EXPECT_TRUE(filter.TestAndAdd("article-" + std::to_string(i)));
  }
}

}  // namespace
}  // namespace chancery
