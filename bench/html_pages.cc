#include "bench/html_pages.h"

#include <zlib.h>

#include "common/base/hash.h"

namespace chancery {

bool IsHeldOut(std::string_view file) { return Fnv1a64(file) % 3 == 0; }

int SiteFold(std::string_view url, int folds) {
  std::string_view host = url;
  if (const size_t scheme = host.find("://");
      scheme != std::string_view::npos) {
    host.remove_prefix(scheme + 3);
  }
  host = host.substr(0, host.find_first_of("/?#:"));
  if (host.substr(0, 4) == "www.") host.remove_prefix(4);
  return static_cast<int>(Fnv1a64(host) % static_cast<uint64_t>(folds));
}

std::string NormaliseSpace(std::string_view text) {
  std::string out;
  bool gap = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const bool nbsp =
        c == '\xC2' && i + 1 < text.size() && text[i + 1] == '\xA0';
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || nbsp) {
      gap = true;
      if (nbsp) ++i;
      continue;
    }
    if (gap && !out.empty()) out += ' ';
    gap = false;
    out += c;
  }
  return out;
}

bool ReadGzip(const std::filesystem::path& path, std::string* out) {
  gzFile file = gzopen(path.c_str(), "rb");
  if (file == nullptr) return false;
  char buffer[1 << 16];
  int n;
  while ((n = gzread(file, buffer, sizeof buffer)) > 0) out->append(buffer, n);
  const bool ok = n == 0;
  gzclose(file);
  return ok;
}

}  // namespace chancery
