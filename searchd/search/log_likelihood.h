// Dunning's log-likelihood ratio (G²) of a 2x2 contingency table, the
// significance of co-mentions (GET /api/comentions): how surprising it is
// that a value is mentioned k11 times among the context's articles given
// how often the rest of the index mentions it.
//
//                    mention the value   do not
//   context          k11                 k12
//   rest of index    k21                 k22
//
//   G² = 2 Σ_ij k_ij ln(k_ij / E_ij),  E_ij = row_i · col_j / N,
//
// with 0 · ln 0 = 0. Unlike a lift, G² grows with the evidence: a value
// seen twice with a lift of 50 can score below one seen 300 times with a
// lift of 3. Pure functions, thread-safe.
#ifndef CHANCERY_SEARCHD_SEARCH_LOG_LIKELIHOOD_H_
#define CHANCERY_SEARCHD_SEARCH_LOG_LIKELIHOOD_H_

namespace chancery {

// G² >= 0 of the table; 0 when a row or column is empty. Counts >= 0.
double LogLikelihoodG2(double k11, double k12, double k21, double k22);

// G² with the sign of k11 - E11: negative when the context mentions the
// value less often than the rest of the index does.
double SignedLogLikelihood(double k11, double k12, double k21, double k22);

}  // namespace chancery

#endif  // CHANCERY_SEARCHD_SEARCH_LOG_LIKELIHOOD_H_
