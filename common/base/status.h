// Status and StatusOr<T>: how every Chancery component reports failure.
// No exceptions cross a component's API; third-party exceptions (Xapian,
// nlohmann::json, ICU errors) are caught at the boundary and turned into a
// Status that says where and why.
#ifndef CHANCERY_COMMON_BASE_STATUS_H_
#define CHANCERY_COMMON_BASE_STATUS_H_

#include <optional>
#include <string>
#include <utility>
#include <variant>

#include "common/base/check.h"

namespace chancery {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,  // The caller sent something malformed (a 400 to HTTP).
  kNotFound,         // The named thing does not exist (a 404 to HTTP).
  kIoError,          // A file or socket could not be read or written.
  kCorruption,       // Stored data is not what we wrote.
  kUnavailable,      // Try again later (index being replaced, port in use).
  kInternal,         // A bug or an unexpected library failure.
  kExpired,  // The named thing existed but is kept no longer (a 410 to HTTP).
};

// A value type: cheap to copy when ok, carries a message otherwise.
// For kInvalidArgument, `param` names the offending parameter or field.
class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(StatusCode code, std::string message, std::string param = "")
      : code_(code), message_(std::move(message)), param_(std::move(param)) {}

  static Status Ok() { return Status(); }
  static Status InvalidArgument(std::string msg, std::string param = "") {
    return Status(StatusCode::kInvalidArgument, std::move(msg),
                  std::move(param));
  }
  static Status NotFound(std::string msg) {
    return Status(StatusCode::kNotFound, std::move(msg));
  }
  static Status IoError(std::string msg) {
    return Status(StatusCode::kIoError, std::move(msg));
  }
  static Status Corruption(std::string msg) {
    return Status(StatusCode::kCorruption, std::move(msg));
  }
  static Status Unavailable(std::string msg) {
    return Status(StatusCode::kUnavailable, std::move(msg));
  }
  static Status Internal(std::string msg) {
    return Status(StatusCode::kInternal, std::move(msg));
  }
  static Status Expired(std::string msg, std::string param = "") {
    return Status(StatusCode::kExpired, std::move(msg), std::move(param));
  }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  const std::string& param() const { return param_; }
  // "invalid argument: <message>" style text for logs and the terminal.
  std::string ToString() const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
  std::string param_;
};

namespace internal {
// The error a StatusOr holds when it was built from an ok Status.
Status OkStatusOrError();
// Prints "StatusOr::value() on an error: <status>" to stderr and aborts.
[[noreturn]] void DieOfValueOnError(const Status& status);
}  // namespace internal

// Either a T or a non-ok Status. Thread-compatible, like T.
//
// Built from a Status, that Status must not be ok (an ok StatusOr holds a
// value): an ok one fails a DCHECK and, in optimised builds, becomes an
// internal error, so that it cannot pass for success with no value. value()
// (and * and ->) on an error prints the error and aborts; check ok() first.
template <typename T>
class [[nodiscard]] StatusOr {
 public:
  StatusOr(Status status) : v_(std::move(status)) {  // NOLINT: implicit
    const bool status_is_error = !std::get<Status>(v_).ok();
    DCHECK(status_is_error) << "StatusOr built from an ok Status";
    if (!status_is_error) v_ = internal::OkStatusOrError();
  }
  StatusOr(T value) : v_(std::move(value)) {}  // NOLINT: implicit

  bool ok() const { return std::holds_alternative<T>(v_); }
  const Status& status() const {
    static const Status kOk;
    return ok() ? kOk : std::get<Status>(v_);
  }
  T& value() & { return *Checked(&v_); }
  const T& value() const& { return *Checked(&v_); }
  T&& value() && { return std::move(*Checked(&v_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  template <typename V>
  static auto* Checked(V* v) {
    auto* value = std::get_if<T>(v);
    if (value == nullptr) internal::DieOfValueOnError(std::get<Status>(*v));
    return value;
  }

  std::variant<Status, T> v_;
};

}  // namespace chancery

// Returns the Status of `expr` from the enclosing function unless it is ok.
#define CHANCERY_RETURN_IF_ERROR(expr) \
  do {                                 \
    ::chancery::Status _st = (expr);   \
    if (!_st.ok()) return _st;         \
  } while (0)

#define CHANCERY_CONCAT_INNER_(a, b) a##b
#define CHANCERY_CONCAT_(a, b) CHANCERY_CONCAT_INNER_(a, b)
// Declares `lhs` from the value of StatusOr `rexpr`, or returns its Status.
#define CHANCERY_ASSIGN_OR_RETURN(lhs, rexpr)         \
  auto CHANCERY_CONCAT_(_so_, __LINE__) = (rexpr);    \
  if (!CHANCERY_CONCAT_(_so_, __LINE__).ok())         \
    return CHANCERY_CONCAT_(_so_, __LINE__).status(); \
  lhs = std::move(CHANCERY_CONCAT_(_so_, __LINE__)).value()

#endif  // CHANCERY_COMMON_BASE_STATUS_H_
