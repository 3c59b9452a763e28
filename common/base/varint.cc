#include "common/base/varint.h"

namespace chancery {

void PutVarint64(std::string* out, uint64_t value) {
  char buf[10];
  int n = 0;
  while (value >= 0x80) {
    buf[n++] = static_cast<char>(value | 0x80);
    value >>= 7;
  }
  buf[n++] = static_cast<char>(value);
  out->append(buf, n);
}

void PutLengthPrefixed(std::string* out, std::string_view value) {
  PutVarint64(out, value.size());
  out->append(value);
}

bool GetVarint64(std::string_view* input, uint64_t* value) {
  uint64_t result = 0;
  for (size_t i = 0; i < input->size() && i < 10; ++i) {
    const uint64_t byte = static_cast<unsigned char>((*input)[i]);
    // The tenth byte holds bit 63 only; more would overflow.
    if (i == 9 && byte > 1) return false;
    result |= (byte & 0x7F) << (7 * i);
    if ((byte & 0x80) == 0) {
      input->remove_prefix(i + 1);
      *value = result;
      return true;
    }
  }
  return false;
}

bool GetLengthPrefixed(std::string_view* input, std::string_view* value) {
  uint64_t size = 0;
  if (!GetVarint64(input, &size) || size > input->size()) return false;
  *value = input->substr(0, size);
  input->remove_prefix(size);
  return true;
}

}  // namespace chancery
