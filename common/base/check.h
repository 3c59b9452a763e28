// CHECK and DCHECK: invariants that hold unless the program itself is wrong.
//
//   CHECK(next_write_ <= next_seq_) << "writer ran ahead of the reader";
//
// CHECK(cond) evaluates `cond` once; when it is false it prints
// "FILE:LINE: CHECK failed: cond" and any streamed message to stderr as one
// line and aborts, in every build. DCHECK(cond) does the same in debug
// builds (NDEBUG not defined) and in optimised builds compiles `cond` and the
// message without evaluating either. Both are statements; the message is
// only formatted on failure.
//
// For what the code promises (its own invariants and its callers'
// preconditions), never for input: bad input is a Status.
#ifndef CHANCERY_COMMON_BASE_CHECK_H_
#define CHANCERY_COMMON_BASE_CHECK_H_

#include <sstream>

namespace chancery::internal {

// Collects the message of a failed check; its destructor prints it and
// aborts. Built only on failure.
class CheckFailure {
 public:
  CheckFailure(const char* file, int line, const char* condition)
      : file_(file), line_(line), condition_(condition) {}
  CheckFailure(const CheckFailure&) = delete;
  CheckFailure& operator=(const CheckFailure&) = delete;
  [[noreturn]] ~CheckFailure();

  std::ostream& stream() { return stream_; }

 private:
  const char* file_;
  int line_;
  const char* condition_;
  std::ostringstream stream_;  // The caller's message, if any.
};

// Turns the stream expression into void so that it fits the ternary below.
struct CheckVoidify {
  void operator&(std::ostream&) {}
};

}  // namespace chancery::internal

#define CHECK(condition)                                                       \
  (condition)                                                                  \
      ? (void)0                                                                \
      : ::chancery::internal::CheckVoidify() &                                 \
            ::chancery::internal::CheckFailure(__FILE__, __LINE__, #condition) \
                .stream()

#ifdef NDEBUG
// `while (false)` keeps the condition and message compiled (so they cannot
// rot) but never evaluated.
#define DCHECK(condition) \
  while (false) CHECK(condition)
#else
#define DCHECK(condition) CHECK(condition)
#endif

#endif  // CHANCERY_COMMON_BASE_CHECK_H_
