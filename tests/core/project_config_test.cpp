// Project configuration files: .dockerfile-ls.yaml and .hadolint.yaml, over made-up rules
// (BkRule, and OurRule and OurOther with hadolint codes).
#include "core/project_config.h"

#include <catch2/catch_test_macros.hpp>
#include <filesystem>
#include <fstream>
#include <random>

#include "support/check_helpers.h"

namespace dfls {
namespace {

namespace fs = std::filesystem;
using test::make_test_rule;

void no_check(RuleContext&) {}

const std::vector<Rule> kRules = {
    make_test_rule("BkRule", no_check, "", "BkRule"),
    make_test_rule("OurRule", no_check, "DL3008"),
    make_test_rule("OurOther", no_check, "DL3009", "", Severity::Info),
};

Config ours(std::string_view yaml) {
  return parse_project_config(yaml, ConfigFileKind::DockerfileLs, "/p/.dockerfile-ls.yaml", kRules);
}

Config hadolint(std::string_view yaml) {
  return parse_project_config(yaml, ConfigFileKind::Hadolint, "/p/.hadolint.yaml", kRules);
}

// A fresh directory under the system's temporary directory, removed at the end of the test.
struct TempDir {
  fs::path path;
  TempDir() {
    std::random_device rd;
    path = fs::temp_directory_path() / ("dfls-config-" + std::to_string(rd()));
    fs::create_directories(path);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  void write(const fs::path& rel, std::string_view text) const {
    fs::create_directories((path / rel).parent_path());
    std::ofstream(path / rel, std::ios::binary) << text;
  }
};

TEST_CASE("a valid .dockerfile-ls.yaml sets every key") {
  Config c = ours(R"yaml(
rules:
  BkRule: off
  OurRule: error
  OurOther: on
ignore: [OurOther]
trustedRegistries:
  - docker.io
  - ghcr.io
context: ../ctx
target: build
shellcheck: true
registry: no
)yaml");
  CHECK(c.problems.empty());
  CHECK(c.rules.at("BkRule").off);
  CHECK(c.rules.at("OurRule").severity == Severity::Error);
  CHECK(c.rules.at("OurOther").off);  // `ignore` wins over `rules`.
  CHECK(c.trusted_registries == std::vector<std::string>{"docker.io", "ghcr.io"});
  CHECK(c.context_dir == "/ctx");
  CHECK(c.target == "build");
  CHECK(c.shellcheck);
  CHECK_FALSE(c.registry_lookups);
}

TEST_CASE("wrong types and unknown names become problems with line numbers") {
  Config c = ours(R"yaml(
ignore: OurRule
rules:
  NoSuchRule: error
  OurRule: loud
shellcheck: maybe
colour: red
trustedRegistries: [docker.io]
)yaml");
  CHECK(c.problems == std::vector<std::string>{
                          "/p/.dockerfile-ls.yaml:2: expected a list of rule ids for 'ignore'",
                          "/p/.dockerfile-ls.yaml:4: unknown rule 'NoSuchRule'",
                          "/p/.dockerfile-ls.yaml:5: expected off, on, hint, info, warning or error for rule 'OurRule'",
                          "/p/.dockerfile-ls.yaml:6: expected true or false for 'shellcheck'",
                          "/p/.dockerfile-ls.yaml:7: unknown setting 'colour'",
                      });
  // The valid parts still count.
  CHECK(c.trusted_registries == std::vector<std::string>{"docker.io"});
  CHECK(c.rules.empty());
}

TEST_CASE("invalid YAML is a problem, not an exception") {
  Config c;
  REQUIRE_NOTHROW(c = ours("rules:\n  BkRule: [off\n"));
  REQUIRE(c.problems.size() == 1);
  CHECK(c.problems[0].starts_with("/p/.dockerfile-ls.yaml:"));
  CHECK(c.problems[0].find("invalid YAML") != std::string::npos);
  CHECK(ours("- a\n- b\n").problems == std::vector<std::string>{"/p/.dockerfile-ls.yaml:1: expected a mapping of settings"});
  CHECK(ours("").problems.empty());
}

TEST_CASE("hadolint codes map to our rules; unknown codes and keys are ignored quietly") {
  Config c = hadolint(R"yaml(
failure-threshold: warning
ignored:
  - DL3008
  - DL9999
  - SC2086
override:
  error: [DL3009]
  style: [DL4000]
trustedRegistries: my.registry
)yaml");
  CHECK(c.problems.empty());
  CHECK(c.rules.size() == 2);
  CHECK(c.rules.at("OurRule").off);
  CHECK(c.rules.at("OurOther").severity == Severity::Error);
  CHECK(c.trusted_registries == std::vector<std::string>{"my.registry"});
  CHECK(hadolint("override:\n  style: [DL3009]\n").rules.at("OurOther").severity == Severity::Hint);
  CHECK(hadolint("ignored: DL3008\n").problems ==
        std::vector<std::string>{"/p/.hadolint.yaml:1: expected a list of rule codes for 'ignored'"});
}

TEST_CASE("config files are found upward; .dockerfile-ls.yaml wins over .hadolint.yaml") {
  TempDir dir;
  dir.write(".hadolint.yaml", "ignored: [DL3008]\ntrustedRegistries: [from-hadolint]\n");
  dir.write("app/.dockerfile-ls.yml", "trustedRegistries: [from-ours]\ncontext: ..\n");
  dir.write("app/svc/Dockerfile", "FROM alpine\n");
  ProjectConfigFiles files = find_project_config_files((dir.path / "app/svc/Dockerfile").string());
  CHECK(files.dockerfile_ls == (dir.path / "app/.dockerfile-ls.yml").string());
  CHECK(files.hadolint == (dir.path / ".hadolint.yaml").string());

  Config c = load_project_config((dir.path / "app/svc/Dockerfile").string());
  CHECK(c.problems.empty());
  CHECK(c.trusted_registries == std::vector<std::string>{"from-ours"});
  CHECK(c.context_dir == dir.path.lexically_normal().string());
  // Editor settings are merged last and win.
  Config editor;
  editor.trusted_registries = {"from-editor"};
  c.merge_from(editor);
  CHECK(c.trusted_registries == std::vector<std::string>{"from-editor"});
}

TEST_CASE("load_config_file reads a named file and reports one it cannot read") {
  TempDir dir;
  dir.write("custom.yaml", "target: release\n");
  std::string error;
  auto c = load_config_file((dir.path / "custom.yaml").string(), error);
  REQUIRE(c);
  CHECK(c->target == "release");
  CHECK_FALSE(load_config_file((dir.path / "missing.yaml").string(), error));
  CHECK_FALSE(error.empty());
  CHECK(config_file_kind("/x/.hadolint.yml") == ConfigFileKind::Hadolint);
  CHECK(config_file_kind("/x/.dockerfile-ls.yaml") == ConfigFileKind::DockerfileLs);
}

}  // namespace
}  // namespace dfls
