// Where the tests find the project's files and the optional shared material (the real-world
// corpus is not part of a user's clone: tests that need it skip with a message when it is absent).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace dfls::test {

std::filesystem::path source_dir();
// ../shared/corpus/real-world beside the checkout, or $DFLS_CORPUS_DIR; empty when absent.
std::filesystem::path real_world_corpus_dir();
// The Dockerfiles of a corpus directory (MANIFEST.tsv and README.md left out), sorted.
std::vector<std::filesystem::path> corpus_files(const std::filesystem::path& dir);
std::string read_file(const std::filesystem::path& path);

}  // namespace dfls::test
