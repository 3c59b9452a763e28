#include "searchd/search/log_likelihood.h"

#include <cmath>

namespace chancery {
namespace {

// k ln(k / e), 0 when k is 0.
double KLogKOverE(double k, double e) {
  return k > 0 ? k * std::log(k / e) : 0;
}

}  // namespace

double LogLikelihoodG2(double k11, double k12, double k21, double k22) {
  const double row1 = k11 + k12;
  const double row2 = k21 + k22;
  const double col1 = k11 + k21;
  const double col2 = k12 + k22;
  const double n = row1 + row2;
  if (row1 <= 0 || row2 <= 0 || col1 <= 0 || col2 <= 0) return 0;
  const double g2 =
      2 * (KLogKOverE(k11, row1 * col1 / n) + KLogKOverE(k12, row1 * col2 / n) +
           KLogKOverE(k21, row2 * col1 / n) + KLogKOverE(k22, row2 * col2 / n));
  return g2 > 0 ? g2 : 0;  // Rounding can leave -1e-13.
}

double SignedLogLikelihood(double k11, double k12, double k21, double k22) {
  const double n = k11 + k12 + k21 + k22;
  if (n <= 0) return 0;
  const double expected = (k11 + k12) * (k11 + k21) / n;
  const double g2 = LogLikelihoodG2(k11, k12, k21, k22);
  return k11 < expected ? -g2 : g2;
}

}  // namespace chancery
