// Tests of the CopyIgnoredFile rule: findings, non-findings, the fixes and the message.
#include <catch2/catch_test_macros.hpp>
#include <filesystem>
#include <fstream>

#include "core/config.h"
#include "core/document.h"
#include "rules/run_rules.h"
#include "support/check_helpers.h"

namespace dfls {
namespace {

using test::check_diagnostics;
using test::check_fix;

// The message of the first finding of a rule (the one test per rule that asserts its wording).
[[maybe_unused]] std::string message_of(std::string_view rule, std::string code, const Config& config = Config{}) {
  auto doc = Document::create("file:///test/Dockerfile", 0, std::move(code));
  for (const Diag& d : run_rules(*doc, config))
    if (d.rule_id == rule) return d.message;
  return "";
}

// A build context with the given .dockerignore, in a fresh temporary directory.
Config context_with(std::string_view name, std::string_view ignore) {
  auto dir = std::filesystem::temp_directory_path() / ("dfls-copy-ignored-" + std::string(name));
  std::filesystem::create_directories(dir);
  std::ofstream(dir / ".dockerignore") << ignore;
  Config c;
  c.context_dir = dir.string();
  return c;
}

TEST_CASE("CopyIgnoredFile", "[rules][buildkit]") {
  Config c = context_with("a", "# comment\nnode_modules\n*.log\nsecret/\n");
  check_diagnostics({"CopyIgnoredFile"}, R"docker(
FROM node
COPY @(CopyIgnoredFile)[[node_modules]] /app/node_modules
COPY @(CopyIgnoredFile)[[app.log]] src/ /app/
COPY @(CopyIgnoredFile)[[./secret/key.pem]] /run/
COPY --from=builder node_modules /x
COPY . /app
ADD https://example.com/a.log /x
COPY ["package.json", "@(CopyIgnoredFile)[[debug.log]]", "/app/"]
)docker", c);
  // Any "!" exception: BuildKit does not check at all.
  check_diagnostics({"CopyIgnoredFile"}, "FROM node\nCOPY app.log /x\n", context_with("b", "*.log\n!keep.log\n"));
  // The whole context counts only for "*", "**" and "**/*".
  check_diagnostics({"CopyIgnoredFile"}, "FROM node\nCOPY @(CopyIgnoredFile)[[.]] /x\n", context_with("c", "**\n"));
  check_diagnostics({"CopyIgnoredFile"}, "FROM node\nCOPY . /x\n", context_with("d", "docs\n"));
  // No .dockerignore: nothing to check.
  Config none;
  none.context_dir = (std::filesystem::temp_directory_path() / "dfls-copy-ignored-none").string();
  check_diagnostics({"CopyIgnoredFile"}, "FROM node\nCOPY app.log /x\n", none);
  CHECK(message_of("CopyIgnoredFile", "FROM node\nCOPY node_modules /x\n", c) ==
        "COPY source 'node_modules' is excluded by .dockerignore (pattern 'node_modules' on line 2)");
}

}  // namespace
}  // namespace dfls
