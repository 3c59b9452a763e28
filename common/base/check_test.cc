#include "common/base/check.h"

#include <gtest/gtest.h>

namespace chancery {
namespace {

TEST(CheckDeathTest, FailureNamesFileLineConditionAndMessage) {
  const int queued = 3;
  EXPECT_DEATH(CHECK(queued < 2) << "queue over capacity: " << queued,
               "check_test\\.cc:[0-9]+: CHECK failed: queued < 2: queue over "
               "capacity: 3");
  EXPECT_DEATH(CHECK(queued == 0), "CHECK failed: queued == 0\n");
}

TEST(CheckTest, PassingCheckEvaluatesOnceAndFormatsNothing) {
  int evaluated = 0;
  int formatted = 0;
  auto message = [&formatted] { return ++formatted; };
  CHECK(++evaluated == 1) << message();
  EXPECT_EQ(evaluated, 1);
  EXPECT_EQ(formatted, 0);
}

TEST(CheckTest, IsOneStatementInsideIfElse) {
  bool reached_else = false;
  if (false)
    CHECK(false);
  else
    reached_else = true;
  EXPECT_TRUE(reached_else);
}

#ifdef NDEBUG
TEST(DcheckTest, NeitherEvaluatedNorFatalInOptimisedBuilds) {
  int evaluated = 0;
  DCHECK(++evaluated < 0) << "not printed";
  EXPECT_EQ(evaluated, 0);
}
#else
TEST(DcheckDeathTest, FatalInDebugBuilds) {
  EXPECT_DEATH(DCHECK(1 + 1 == 3) << "arithmetic",
               "CHECK failed: 1 \\+ 1 == 3");
}
#endif

}  // namespace
}  // namespace chancery
