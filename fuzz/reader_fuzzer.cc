// One reader over any bytes, as a file read through InputSource (so gzip
// input is inflated first, as in production). Built once per reader, the
// reader function chosen by CHANCERY_FUZZ_READER (fuzz/CMakeLists.txt):
// ReadJsonLines, ReadJsonArray, ReadFeed, ReadHtmlPage, ReadTextDocument,
// ReadWarc, ReadNewsMl or ReadNitf.
#include <cstddef>
#include <cstdint>

#include "fuzz/fuzz_support.h"
#include "indexer/readers/feed_reader.h"
#include "indexer/readers/html_reader.h"
#include "indexer/readers/json_array_reader.h"
#include "indexer/readers/json_lines_reader.h"
#include "indexer/readers/newsml_reader.h"
#include "indexer/readers/nitf_reader.h"
#include "indexer/readers/text_reader.h"
#include "indexer/readers/warc_reader.h"

#ifndef CHANCERY_FUZZ_READER
#error "CHANCERY_FUZZ_READER names the reader function to fuzz"
#endif

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  chancery::fuzz::RunReader(
      data, size,
      [](chancery::InputSource& source, chancery::ArticleSink& sink) {
        // Bad input is reported through the sink or the Status; either is
        // fine here, only crashes and broken contracts are findings.
        (void)chancery::CHANCERY_FUZZ_READER(source, sink);
      });
  return 0;
}
