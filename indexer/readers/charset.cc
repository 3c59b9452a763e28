#include "indexer/readers/charset.h"

#include <unicode/ucnv.h>

#include "common/base/strings.h"
#include "common/base/utf8.h"

namespace chancery {
namespace {

// `bytes` converted from `charset` to UTF-8, or false if ICU cannot.
bool ConvertToUtf8(const std::string& bytes, const std::string& charset,
                   std::string* out) {
  UErrorCode status = U_ZERO_ERROR;
  // Preflight for the exact size, then convert.
  const int32_t length =
      ucnv_convert("UTF-8", charset.c_str(), nullptr, 0, bytes.data(),
                   static_cast<int32_t>(bytes.size()), &status);
  if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(status)) return false;
  out->resize(length);
  status = U_ZERO_ERROR;
  ucnv_convert("UTF-8", charset.c_str(), out->data(), length, bytes.data(),
               static_cast<int32_t>(bytes.size()), &status);
  return U_SUCCESS(status);
}

}  // namespace

bool EnsureUtf8(std::string* text, std::string_view declared_charset) {
  if (IsValidUtf8(*text)) return false;
  std::string charset(TrimWhitespace(declared_charset));
  // A document that claims UTF-8 but is not is usually windows-1252.
  if (EqualsIgnoreAsciiCase(charset, "utf-8") ||
      EqualsIgnoreAsciiCase(charset, "utf8")) {
    charset.clear();
  }
  std::string converted;
  if (charset.empty() || !ConvertToUtf8(*text, charset, &converted)) {
    if (!ConvertToUtf8(*text, "windows-1252", &converted)) return false;
  }
  text->swap(converted);
  return true;
}

}  // namespace chancery
