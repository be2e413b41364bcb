#include "support/test_paths.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace dfls::test {

std::filesystem::path source_dir() { return DFLS_SOURCE_DIR; }

std::filesystem::path real_world_corpus_dir() {
  if (const char* env = std::getenv("DFLS_CORPUS_DIR"); env && *env) return env;
  std::filesystem::path dir = std::filesystem::path(DFLS_SHARED_DIR) / "corpus" / "real-world";
  std::error_code ec;
  return std::filesystem::is_directory(dir, ec) ? dir : std::filesystem::path();
}

std::vector<std::filesystem::path> corpus_files(const std::filesystem::path& dir) {
  std::vector<std::filesystem::path> out;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (!entry.is_regular_file()) continue;
    std::string name = entry.path().filename().string();
    if (name == "MANIFEST.tsv" || name == "README.md") continue;
    out.push_back(entry.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace dfls::test
