// Charset detection and decoding: any bytes, with a declared charset taken
// from the first line (so both the declared and the detected paths run).
// DecodeToUtf8 promises valid UTF-8 out, whatever comes in, and valid UTF-8
// left as it is (bar a byte order mark).
#include <cstddef>
#include <cstdint>
#include <string>

#include "common/base/utf8.h"
#include "fuzz/fuzz_support.h"
#include "indexer/readers/charset.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using chancery::fuzz::Require;
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const auto [declared, bytes] = chancery::fuzz::SplitFirstLine(input);

  Require(!chancery::DetectCharset(input).empty(), "DetectCharset not empty");

  std::string undeclared(input);
  chancery::DecodeToUtf8(&undeclared);
  Require(chancery::IsValidUtf8(undeclared), "UTF-8 out (detected)");

  if (chancery::IsValidUtf8(bytes)) {
    // Valid UTF-8 stays as it is, bar a byte order mark, whatever is said.
    std::string kept(bytes);
    chancery::DecodeToUtf8(&kept, declared);
    const std::string_view bom = "\xEF\xBB\xBF";
    Require(kept == (bytes.starts_with(bom) ? bytes.substr(bom.size()) : bytes),
            "valid UTF-8 is left as it is");
  }

  std::string text(bytes);
  const chancery::Utf8Decoding decoding =
      chancery::DecodeToUtf8(&text, declared);
  Require(chancery::IsValidUtf8(text), "UTF-8 out (declared)");
  Require(!decoding.charset.empty(), "the charset used is named");
  Require(decoding.replaced == 0 || decoding.first_bad_line > 0,
          "a replacement names its line");
  return 0;
}
