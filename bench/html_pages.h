// The hand-marked pages of ../shared/html (see its README) for
// bench/html_quality and bench/html_block_train: the fixed held-out split,
// folds by site within the tuning part, and scoring a text against a
// page's segments as the evaluation does.
#ifndef CHANCERY_BENCH_HTML_PAGES_H_
#define CHANCERY_BENCH_HTML_PAGES_H_

#include <filesystem>
#include <string>
#include <string_view>

namespace chancery {

// Whether page file `file` is held out: FNV-1a of its name is 0 mod 3.
bool IsHeldOut(std::string_view file);

// The fold (0..folds-1) of the page at `url`, by its host less "www.":
// all pages of one site fall in one fold, so a fold scores sites not
// trained on.
int SiteFold(std::string_view url, int folds);

// Whitespace runs as one space, trimmed: how the evaluation compares text.
std::string NormaliseSpace(std::string_view text);

// The gunzipped bytes of `path` into *out; false when it cannot be read.
bool ReadGzip(const std::filesystem::path& path, std::string* out);

}  // namespace chancery

#endif  // CHANCERY_BENCH_HTML_PAGES_H_
