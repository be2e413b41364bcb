// Settings: a missing key means the default (never "off", the peer's bug); invalid values are
// reported and change nothing.
#include "lsp/settings.h"

#include <catch2/catch_test_macros.hpp>

#include "rules/rule.h"

using dfls::lsp::parse_settings;
using dfls::lsp::settings_section;
using json = nlohmann::json;

TEST_CASE("settings: nothing set means every default") {
  for (const json& empty : {json(nullptr), json::object(), json{{"rules", json::object()}}}) {
    auto config = parse_settings(empty);
    CHECK(config.rules.empty());
    CHECK(config.problems.empty());
    CHECK(config.registry_lookups);
    CHECK_FALSE(config.shellcheck);
    CHECK(config.trusted_registries.empty());
  }
}

TEST_CASE("settings: rule levels by id") {
  auto config = parse_settings(json::parse(R"({"rules": {"SyntaxError": "hint"}})"));
  REQUIRE(config.rules.count("SyntaxError"));
  CHECK_FALSE(config.rules.at("SyntaxError").off);
  CHECK(config.rules.at("SyntaxError").severity == dfls::Severity::Hint);
  config = parse_settings(json::parse(R"({"rules": {"SyntaxError": "off"}})"));
  CHECK(config.rules.at("SyntaxError").off);
  config = parse_settings(json::parse(R"({"rules": {"SyntaxError": false}})"));
  CHECK(config.rules.at("SyntaxError").off);
  config = parse_settings(json::parse(R"({"rules": {"SyntaxError": true}})"));
  CHECK_FALSE(config.rules.at("SyntaxError").off);
  CHECK_FALSE(config.rules.at("SyntaxError").severity.has_value());
  config = parse_settings(json::parse(R"({"rules": {"SyntaxError": null}})"));
  CHECK(config.rules.empty());
}

TEST_CASE("settings: invalid values are problems, never off") {
  auto config = parse_settings(json::parse(R"({"rules": {"SyntaxError": "loud", "NoSuchRule": "off"},
                                               "colour": "blue", "registry": {"enable": "yes"}})"));
  CHECK(config.rules.empty());
  CHECK(config.registry_lookups);
  CHECK(config.problems.size() == 4);
  config = parse_settings(json("not an object"));
  CHECK(config.problems.size() == 1);
}

TEST_CASE("settings: registries, context, target and switches") {
  auto config = parse_settings(json::parse(R"({
      "trustedRegistries": ["docker.io", "ghcr.io", 5],
      "context": "/src", "target": "build",
      "shellcheck": {"enable": true}, "registry": {"enable": false}})"));
  CHECK(config.trusted_registries == std::vector<std::string>{"docker.io", "ghcr.io"});
  CHECK(config.context_dir == "/src");
  CHECK(config.target == "build");
  CHECK(config.shellcheck);
  CHECK_FALSE(config.registry_lookups);
  CHECK(config.problems.size() == 1);  // The 5.
}

TEST_CASE("settings: the section is found in whole settings or taken as is") {
  CHECK(settings_section(json::parse(R"({"dockerfile-ls": {"target": "x"}, "other": 1})")) ==
        json::parse(R"({"target": "x"})"));
  CHECK(settings_section(json::parse(R"({"rules": {}})")) == json::parse(R"({"rules": {}})"));
  CHECK(settings_section(json::parse(R"({"yaml": {}})")).is_null());
  CHECK(settings_section(json(nullptr)).is_null());
}
