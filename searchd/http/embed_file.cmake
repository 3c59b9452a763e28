# cmake -DINPUT=FILE -DOUTPUT=FILE.cc -DFUNCTION=Name -P embed_file.cmake
# Writes a C++ source defining `std::string_view chancery::Name()`, the
# bytes of INPUT as a raw string literal, so a data file ships inside the
# binary rather than beside it.
file(READ "${INPUT}" content)
set(delimiter "chancery_embed")
string(FIND "${content}" ")${delimiter}\"" clash)
if(NOT clash EQUAL -1)
  message(FATAL_ERROR "${INPUT} contains )${delimiter}\"; pick another delimiter")
endif()
file(WRITE "${OUTPUT}.tmp"
  "// Generated from ${INPUT} by embed_file.cmake; do not edit.\n"
  "#include <string_view>\n\n"
  "namespace chancery {\n\n"
  "std::string_view ${FUNCTION}() {\n"
  "  static constexpr std::string_view kText = R\"${delimiter}(${content})${delimiter}\";\n"
  "  return kText;\n"
  "}\n\n"
  "}  // namespace chancery\n")
# Only a changed file is rewritten, so an unchanged one rebuilds nothing.
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")
