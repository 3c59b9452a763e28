// Status and StatusOr<T> live in the base library; this header keeps the
// path every component already includes.
#ifndef CHANCERY_COMMON_STATUS_H_
#define CHANCERY_COMMON_STATUS_H_

#include "common/base/status.h"  // IWYU pragma: export

#endif  // CHANCERY_COMMON_STATUS_H_
