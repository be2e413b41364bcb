// Project configuration files. `.dockerfile-ls.yaml` (or `.yml`) and hadolint's `.hadolint.yaml`
// (or `.yml`) are each looked up from the Dockerfile's directory upward to the filesystem root;
// the nearest of each kind counts. Precedence: editor settings > .dockerfile-ls.yaml >
// .hadolint.yaml (the editor layer is merged by the caller, with Config::merge_from).
//
// .dockerfile-ls.yaml keys:
//   rules: {RuleId: off|on|hint|info|warning|error}   ignore: [RuleId, ...]
//   trustedRegistries: [host, ...]   context: dir (relative to the file)   target: stage
//   shellcheck: bool   registry: bool
// .hadolint.yaml keys read: ignored: [DLxxxx], override: {error|warning|info|style: [DLxxxx]}
// (style means hint), trustedRegistries: host or [host]. Hadolint codes map to our rules through
// Rule::hadolint_code (one rule may carry several codes); codes we have no rule for, and keys we
// do not use, are ignored quietly.
//
// Nothing here throws: invalid YAML, wrong types and unknown rule ids become Config::problems,
// "<file>:<line>: <what is wrong>", and the rest of the file still counts.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "core/config.h"
#include "rules/rule.h"

namespace dfls {

enum class ConfigFileKind { DockerfileLs, Hadolint };

// The kind of a configuration file from its name: hadolint's when the name starts with
// ".hadolint" or "hadolint", ours otherwise.
ConfigFileKind config_file_kind(std::string_view path);

// Parses one configuration file's text; path names it in problems and anchors `context:`.
Config parse_project_config(std::string_view yaml, ConfigFileKind kind, std::string_view path,
                            std::span<const Rule> rules);
Config parse_project_config(std::string_view yaml, ConfigFileKind kind, std::string_view path);

struct ProjectConfigFiles {
  std::string dockerfile_ls;  // Empty when there is none.
  std::string hadolint;
};
ProjectConfigFiles find_project_config_files(const std::string& dockerfile_path);

// The merged project configuration for a Dockerfile (no caching: the files are read each time).
Config load_project_config(const std::string& dockerfile_path, std::span<const Rule> rules = all_rules());

// Reads and parses one named configuration file (`check --config F`). Returns nothing, with the
// reason in error, when the file cannot be read.
std::optional<Config> load_config_file(const std::string& path, std::string& error,
                                       std::span<const Rule> rules = all_rules());

}  // namespace dfls
