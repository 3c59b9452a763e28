// Dunning's log-likelihood ratio G² for a 2×2 contingency table: the score
// of a term over-represented in a set of documents against the rest of the
// index (GET /api/terms), and the significance of a co-mention (GET
// /api/comentions: the value in the context's articles against the rest of
// the index). Unlike a lift, G² grows with the evidence: a value seen twice
// with a lift of 50 can score below one seen 300 times with a lift of 3
// (T. Dunning, "Accurate methods for the statistics of surprise and
// coincidence", Computational Linguistics 19(1), 1993).
//
//                      with term   without term
//   the set               a             b
//   the rest of index     c             d
//
//   G² = 2 Σ O·ln(O/E) over the four cells, E = row total · column total / N
//
// where a cell with O = 0 contributes 0. Pure functions, thread-safe.
#ifndef CHANCERY_SEARCHD_SEARCH_LOG_LIKELIHOOD_H_
#define CHANCERY_SEARCHD_SEARCH_LOG_LIKELIHOOD_H_

#include <cstdint>

namespace chancery {

struct ContingencyTable {
  int64_t a = 0;  // In the set, with the term.
  int64_t b = 0;  // In the set, without.
  int64_t c = 0;  // In the rest, with the term.
  int64_t d = 0;  // In the rest, without.
};

// G² of `t`; 0 when a row or column is empty. Precondition: no cell < 0.
double LogLikelihoodG2(const ContingencyTable& t);

// G² with the sign of a − E(a): negative when the set has the term less
// often than the rest of the index.
double SignedLogLikelihood(const ContingencyTable& t);

// Whether the term is more frequent in the set than expected from the whole
// table (a > E(a), i.e. a·d > b·c).
bool OverRepresented(const ContingencyTable& t);

}  // namespace chancery

#endif  // CHANCERY_SEARCHD_SEARCH_LOG_LIKELIHOOD_H_
