#include "support/temp_context.h"

#include <unistd.h>

#include <fstream>
#include <stdexcept>

namespace dfls::test {

TempContext::TempContext(std::initializer_list<std::pair<std::string, std::string>> files) {
  std::string pattern = (std::filesystem::temp_directory_path() / "dfls-context-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("cannot create a temporary directory");
  dir_ = pattern;
  for (const auto& [path, content] : files) {
    std::filesystem::path file = dir_ / path;
    std::filesystem::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << content;
  }
}

TempContext::~TempContext() {
  std::error_code ec;
  std::filesystem::remove_all(dir_, ec);
}

Config TempContext::config() const {
  Config config;
  config.context_dir = dir_.string();
  return config;
}

}  // namespace dfls::test
