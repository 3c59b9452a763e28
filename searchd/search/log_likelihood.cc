#include "searchd/search/log_likelihood.h"

#include <cmath>

#include "common/base/check.h"

namespace chancery {
namespace {

// O·ln(O/E) with E = row · column / n, 0 for an empty cell.
double CellTerm(double observed, double row, double column, double n) {
  if (observed <= 0) return 0;
  return observed * std::log(observed * n / (row * column));
}

}  // namespace

double LogLikelihoodG2(const ContingencyTable& t) {
  DCHECK(t.a >= 0 && t.b >= 0 && t.c >= 0 && t.d >= 0);
  const double a = static_cast<double>(t.a);
  const double b = static_cast<double>(t.b);
  const double c = static_cast<double>(t.c);
  const double d = static_cast<double>(t.d);
  const double n = a + b + c + d;
  const double set = a + b;
  const double rest = c + d;
  const double with = a + c;
  const double without = b + d;
  if (set == 0 || rest == 0 || with == 0 || without == 0) return 0;
  double sum = CellTerm(a, set, with, n) + CellTerm(b, set, without, n) +
               CellTerm(c, rest, with, n) + CellTerm(d, rest, without, n);
  // Rounding can leave a hair below 0 for independent tables.
  return sum > 0 ? 2 * sum : 0;
}

double SignedLogLikelihood(const ContingencyTable& t) {
  const double g2 = LogLikelihoodG2(t);
  return OverRepresented(t) || g2 == 0 ? g2 : -g2;
}

bool OverRepresented(const ContingencyTable& t) {
  // a·d > b·c without overflow: the counts are documents (< 2^32).
  return static_cast<double>(t.a) * static_cast<double>(t.d) >
         static_cast<double>(t.b) * static_cast<double>(t.c);
}

}  // namespace chancery
