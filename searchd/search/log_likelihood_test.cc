#include "searchd/search/log_likelihood.h"

#include <gtest/gtest.h>

namespace chancery {
namespace {

// Expected values by hand (first) and by python3 (math.log), see
// notes/terms.md: G² = 2 Σ O ln(O/E), E = row·column/N.
TEST(LogLikelihoodTest, HandMadeTables) {
  // N=1000; E = 2, 98, 18, 882:
  // 2(10 ln 5 + 90 ln(90/98) + 10 ln(10/18) + 890 ln(890/882)) = 21.17696.
  EXPECT_NEAR(LogLikelihoodG2({10, 90, 10, 890}), 21.176963409905998, 1e-9);
  EXPECT_NEAR(LogLikelihoodG2({20, 80, 100, 9800}), 81.94694076644618, 1e-9);
  EXPECT_NEAR(LogLikelihoodG2({110, 2442, 111, 29114}), 270.72187693623846,
              1e-9);
  // Only in the set: the empty cells contribute 0.
  // 2(5 ln 20 + 95 ln(95/95) ... ) = 2(5 ln 20) + 2(0 ...) = 39.70305.
  EXPECT_NEAR(LogLikelihoodG2({5, 0, 0, 95}), 39.7030486691745, 1e-9);
  // Under-represented tables score too (G² is two-sided).
  EXPECT_NEAR(LogLikelihoodG2({0, 10, 50, 940}), 1.0311653362743973, 1e-9);
}

TEST(LogLikelihoodTest, IndependentAndDegenerateTablesScoreZero) {
  EXPECT_DOUBLE_EQ(LogLikelihoodG2({1, 1, 1, 1}), 0);
  EXPECT_DOUBLE_EQ(LogLikelihoodG2({10, 90, 100, 900}), 0);
  EXPECT_DOUBLE_EQ(LogLikelihoodG2({0, 0, 5, 5}), 0);    // Empty set.
  EXPECT_DOUBLE_EQ(LogLikelihoodG2({0, 10, 0, 90}), 0);  // No term.
  EXPECT_DOUBLE_EQ(LogLikelihoodG2({}), 0);
}

TEST(LogLikelihoodTest, OverRepresented) {
  EXPECT_TRUE(OverRepresented({10, 90, 10, 890}));
  EXPECT_FALSE(OverRepresented({0, 10, 50, 940}));
  EXPECT_FALSE(OverRepresented({10, 90, 100, 900}));  // Same rate.
  EXPECT_TRUE(OverRepresented({5, 0, 0, 95}));
}

}  // namespace
}  // namespace chancery
