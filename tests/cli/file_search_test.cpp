#include "cli/file_search.h"

#include <catch2/catch_test_macros.hpp>
#include <filesystem>
#include <fstream>
#include <random>

namespace dfls::cli {
namespace {

namespace fs = std::filesystem;

TEST_CASE("Dockerfile names") {
  for (const char* name : {"Dockerfile", "Containerfile", "Dockerfile.dev", "Containerfile.prod",
                           "api.Dockerfile", "web.dockerfile"})
    CHECK(is_dockerfile_name(name));
  for (const char* name : {"dockerfile", "Dockerfiles", "Dockerfile-old", ".dockerfile", "README.md",
                           "x.Dockerfile.bak"}) {
    INFO(name);
    CHECK_FALSE(is_dockerfile_name(name));
  }
}

TEST_CASE("directories are searched recursively in name order, skipping .git and node_modules") {
  std::random_device rd;
  fs::path root = fs::temp_directory_path() / ("dfls-search-" + std::to_string(rd()));
  for (const char* rel : {"Dockerfile", "b/api.Dockerfile", "a/Containerfile.prod", "a/README.md",
                          ".git/Dockerfile", "node_modules/pkg/Dockerfile", "c/notes.txt"}) {
    fs::create_directories((root / rel).parent_path());
    std::ofstream(root / rel) << "FROM scratch\n";
  }
  std::vector<std::string> errors;
  auto inputs = collect_inputs({root.string() + "/", (root / "a/README.md").string(), (root / "nope").string()}, errors);
  std::vector<std::string> shown;
  for (const InputFile& in : inputs) shown.push_back(in.display);
  CHECK(shown == std::vector<std::string>{root.string() + "/Dockerfile", root.string() + "/a/Containerfile.prod",
                                          root.string() + "/b/api.Dockerfile", (root / "a/README.md").string()});
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].starts_with("cannot read '" + (root / "nope").string() + "'"));
  fs::remove_all(root);
}

}  // namespace
}  // namespace dfls::cli
