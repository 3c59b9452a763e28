#include "indexer/readers/charset.h"

#include <uchardet/uchardet.h>
#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <memory>

#include "common/base/strings.h"
#include "common/base/utf8.h"

namespace chancery {
namespace {

constexpr size_t kDeclarationWindow = 4096;

bool IsUtf8Name(std::string_view charset) {
  return EqualsIgnoreAsciiCase(charset, "utf-8") ||
         EqualsIgnoreAsciiCase(charset, "utf8");
}

std::string_view BomCharset(std::string_view bytes) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") return "UTF-8";
  if (bytes.substr(0, 2) == "\xFF\xFE") return "UTF-16LE";
  if (bytes.substr(0, 2) == "\xFE\xFF") return "UTF-16BE";
  return "";
}

// The value after `key` (e.g. "encoding=" or "charset=") at or after
// `from` in `lower` (the lower-cased window), quoted or not; "" if none.
std::string ValueAfter(std::string_view window, std::string_view lower,
                       std::string_view key, size_t from, size_t until) {
  const size_t at = lower.find(key, from);
  if (at == std::string_view::npos || at >= until) return "";
  size_t begin = at + key.size();
  while (
      begin < window.size() &&
      (window[begin] == '"' || window[begin] == '\'' || window[begin] == ' ')) {
    ++begin;
  }
  size_t end = begin;
  while (end < window.size() && end < until &&
         std::string_view("\"'; />\t\r\n").find(window[end]) ==
             std::string_view::npos) {
    ++end;
  }
  return std::string(window.substr(begin, end - begin));
}

// The encoding of an XML declaration at the very start of `window`.
std::string XmlDeclarationCharset(std::string_view window,
                                  std::string_view lower) {
  if (lower.substr(0, 5) != "<?xml") return "";
  const size_t end = lower.find("?>");
  return ValueAfter(window, lower, "encoding=", 0,
                    end == std::string_view::npos ? window.size() : end);
}

// <meta charset="X"> or <meta http-equiv="Content-Type"
// content="text/html; charset=X">, whichever <meta> comes first.
std::string MetaCharset(std::string_view window, std::string_view lower) {
  for (size_t at = lower.find("<meta"); at != std::string_view::npos;
       at = lower.find("<meta", at + 5)) {
    const size_t end = std::min(lower.find('>', at), window.size());
    std::string charset = ValueAfter(window, lower, "charset=", at, end);
    if (!charset.empty()) return charset;
  }
  return "";
}

std::string_view ToView(uchardet* detector) {
  const char* charset = uchardet_get_charset(detector);
  return charset ? charset : "";
}

std::string UchardetGuess(std::string_view bytes) {
  std::unique_ptr<uchardet, decltype(&uchardet_delete)> detector(
      uchardet_new(), &uchardet_delete);
  if (!detector ||
      uchardet_handle_data(detector.get(), bytes.data(), bytes.size()) != 0) {
    return "";
  }
  uchardet_data_end(detector.get());
  const std::string_view charset = ToView(detector.get());
  // uchardet's names that ICU spells otherwise.
  if (EqualsIgnoreAsciiCase(charset, "UHC")) return "windows-949";
  return std::string(charset);
}

bool IcuKnows(const std::string& charset) {
  UErrorCode status = U_ZERO_ERROR;
  UConverter* converter = ucnv_open(charset.c_str(), &status);
  if (converter) ucnv_close(converter);
  return U_SUCCESS(status);
}

// Where ICU found bytes it could not decode.
struct BadBytes {
  const char* begin;
  size_t count = 0;
  size_t first_offset = 0;
};

// Counts each undecodable sequence and substitutes U+FFFD (ICU's own
// substitute callback writes U+001A for some multi-byte charsets).
void CountAndSubstitute(const void* context, UConverterToUnicodeArgs* args,
                        const char* /*code_units*/, int32_t length,
                        UConverterCallbackReason reason, UErrorCode* error) {
  if (reason > UCNV_IRREGULAR) return;  // not a decoding error
  auto* bad = static_cast<BadBytes*>(const_cast<void*>(context));
  if (bad->count++ == 0) {
    bad->first_offset = static_cast<size_t>(args->source - bad->begin) - length;
  }
  static constexpr UChar kReplacement = 0xFFFD;
  *error = U_ZERO_ERROR;
  ucnv_cbToUWriteUChars(args, &kReplacement, 1, 0, error);
}

// *text read as `charset` into UTF-8; false (and *text untouched) if ICU
// cannot open the converter.
bool Convert(const std::string& charset, std::string* text,
             Utf8Decoding* decoding) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, decltype(&ucnv_close)> converter(
      ucnv_open(charset.c_str(), &status), &ucnv_close);
  if (U_FAILURE(status)) return false;
  BadBytes bad{text->data()};
  ucnv_setToUCallBack(converter.get(), CountAndSubstitute, &bad, nullptr,
                      nullptr, &status);
  icu::UnicodeString unicode(text->data(), static_cast<int32_t>(text->size()),
                             converter.get(), status);
  if (U_FAILURE(status)) return false;
  if (unicode.length() > 0 && unicode.charAt(0) == 0xFEFF) unicode.remove(0, 1);
  std::string utf8;
  unicode.toUTF8String(utf8);
  decoding->replaced = bad.count;
  if (bad.count > 0) {
    decoding->first_bad_line =
        1 + std::count(text->begin(), text->begin() + bad.first_offset, '\n');
  }
  decoding->converted = utf8 != *text;
  text->swap(utf8);
  return true;
}

}  // namespace

std::string DetectCharset(std::string_view bytes) {
  if (std::string_view bom = BomCharset(bytes); !bom.empty()) {
    return std::string(bom);
  }
  const std::string_view window = bytes.substr(0, kDeclarationWindow);
  const std::string lower = AsciiToLower(window);
  const bool valid_utf8 = IsValidUtf8(bytes);
  for (std::string declared :
       {XmlDeclarationCharset(window, lower), MetaCharset(window, lower)}) {
    if (declared.empty() || (IsUtf8Name(declared) && !valid_utf8)) continue;
    if (IcuKnows(declared)) return declared;
  }
  if (valid_utf8) return "UTF-8";
  std::string guess = UchardetGuess(bytes);
  if (!guess.empty() && !IsUtf8Name(guess) && IcuKnows(guess)) return guess;
  return "windows-1252";
}

Utf8Decoding DecodeToUtf8(std::string* text,
                          std::string_view declared_charset) {
  Utf8Decoding decoding;
  if (IsValidUtf8(*text)) {
    // Whatever a declaration says: legacy text is practically never valid
    // UTF-8 by accident, while UTF-8 pages declaring ISO-8859-1 are common.
    decoding.charset = "UTF-8";
    if (text->compare(0, 3, "\xEF\xBB\xBF") == 0) {
      text->erase(0, 3);
      decoding.converted = true;
    }
    return decoding;
  }
  std::string charset(TrimWhitespace(declared_charset));
  if (charset.empty() || IsUtf8Name(charset) || !IcuKnows(charset)) {
    charset = DetectCharset(*text);
  }
  decoding.charset = charset;
  if (!Convert(charset, text, &decoding)) {
    decoding.charset = "windows-1252";
    Convert(decoding.charset, text, &decoding);
  }
  return decoding;
}

bool EnsureUtf8(std::string* text, std::string_view declared_charset) {
  return DecodeToUtf8(text, declared_charset).converted;
}

}  // namespace chancery
