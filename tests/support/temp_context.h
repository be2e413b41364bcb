// A build context on disk for rule tests: a fresh temporary directory holding the given files
// (relative path and content), removed again when the object goes out of scope.
#pragma once

#include <filesystem>
#include <initializer_list>
#include <string>
#include <utility>

#include "core/config.h"

namespace dfls::test {

class TempContext {
 public:
  explicit TempContext(std::initializer_list<std::pair<std::string, std::string>> files);
  ~TempContext();
  TempContext(const TempContext&) = delete;
  TempContext& operator=(const TempContext&) = delete;

  const std::filesystem::path& dir() const { return dir_; }
  // A default Config whose build context is this directory.
  Config config() const;

 private:
  std::filesystem::path dir_;
};

}  // namespace dfls::test
