// The OpenAPI 3 description of chancery-searchd's HTTP API: the text of
// searchd/http/openapi.json, compiled into the binary (embed_file.cmake) so
// that it is served the same from a build tree and an installed one.
// handlers_test checks it against the route table and the parameter
// parsers. Thread-safe (a constant).
#ifndef CHANCERY_SEARCHD_HTTP_OPENAPI_H_
#define CHANCERY_SEARCHD_HTTP_OPENAPI_H_

#include <string_view>

namespace chancery {

// The JSON document; static storage.
std::string_view OpenApiDocument();

}  // namespace chancery

#endif  // CHANCERY_SEARCHD_HTTP_OPENAPI_H_
