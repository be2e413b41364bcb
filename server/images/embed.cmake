# Turns the image catalog (a TSV data file) into a C++ source holding it as one string, so the
# catalog is compiled into the binary. Usage: cmake -DIN=catalog.tsv -DOUT=catalog_data.cpp -P embed.cmake
file(READ "${IN}" content HEX)
string(LENGTH "${content}" hex_length)
set(bytes "")
# Emit the bytes as a comma-separated list, which avoids string-literal length limits.
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${content}")
file(WRITE "${OUT}" "// Generated from ${IN}; do not edit.\n#include <string_view>\nnamespace dfls::images {\nstatic const char kCatalogBytes[] = {${bytes}0};\nstd::string_view embedded_catalog() { return {kCatalogBytes, sizeof(kCatalogBytes) - 1}; }\n}  // namespace dfls::images\n")
