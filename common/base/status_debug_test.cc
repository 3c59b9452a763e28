// Built with NDEBUG undefined whatever the build type (see CMakeLists.txt),
// so the DCHECK in StatusOr's constructor is live here. Only types of this
// file instantiate StatusOr, so no other file's optimised copy is replaced.
#include <gtest/gtest.h>

#include "common/base/status.h"

namespace chancery {
namespace {

struct Answer {
  int value = 42;
};

TEST(StatusOrDebugDeathTest, BuiltFromOkStatusFailsADcheck) {
  EXPECT_DEATH(
      {
        StatusOr<Answer> wrong = Status::Ok();
        (void)wrong;
      },
      "CHECK failed: status_is_error: StatusOr built from an ok Status");
}

TEST(StatusOrDebugTest, BuiltFromAnErrorOrAValueIsFine) {
  StatusOr<Answer> error = Status::Unavailable("index being replaced");
  EXPECT_EQ(error.status().code(), StatusCode::kUnavailable);
  StatusOr<Answer> value = Answer{};
  EXPECT_EQ(value->value, 42);
}

}  // namespace
}  // namespace chancery
