// Which files the check command reads: paths named on the command line as they are, and in
// named directories (recursively, skipping .git and node_modules, in name order) the files called
// Dockerfile, Containerfile, *.Dockerfile, *.dockerfile, Dockerfile.* or Containerfile.*.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace dfls::cli {

bool is_dockerfile_name(std::string_view file_name);

struct InputFile {
  std::string display;  // As shown in the output: the argument, or directory argument + relative path.
  std::string path;     // As given to the filesystem; "-" reads standard input.
};

// Expands the PATH arguments; a path that does not exist adds a message to errors.
std::vector<InputFile> collect_inputs(const std::vector<std::string>& paths,
                                      std::vector<std::string>& errors);

}  // namespace dfls::cli
