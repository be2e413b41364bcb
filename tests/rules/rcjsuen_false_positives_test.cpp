// Tests of the rcjsuen comparison rule: findings, non-findings, the fixes and the message.
#include <catch2/catch_test_macros.hpp>
#include <algorithm>

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

// False positives of rcjsuen's validator (peers.md Part A section 2) that our rules avoid.
// The findings of the rules that stand for rcjsuen's codes (see docs/rcjsuen-mapping.md).
std::vector<std::string> problems(std::string code) {
  static const std::vector<std::string_view> kRules = {
      "SyntaxError", "WrongArgumentCount", "VariableExpansionError", "UndefinedArgInFrom", "InvalidDefaultArgInFrom",
      "UndefinedVar", "InvalidImageReference", "NoFromInstruction", "InstructionBeforeFrom"};
  auto doc = Document::create("file:///test/Dockerfile", 0, std::move(code));
  std::vector<std::string> out;
  for (const Diag& d : run_rules(*doc, Config{}))
    if (std::find(kRules.begin(), kRules.end(), d.rule_id) != kRules.end()) out.push_back(d.rule_id + ": " + d.message);
  return out;
}

TEST_CASE("rcjsuen false positives are not ours", "[rules][errors][rcjsuen]") {
  // INVALID_DESTINATION: BuildKit treats "." as a directory.
  using V = std::vector<std::string>;
  CHECK(problems("FROM alpine\nWORKDIR /app\nCOPY a b .\n") == V{});
  // UNSUPPORTED_MODIFIER: a colon in the default of ${VAR-default}.
  CHECK(problems("FROM alpine\nENV HTTP_PROXY=${HTTP_PROXY-http://proxy.example.com:8080}\n") == V{});
  // BASE_NAME_EMPTY: ARG with several names.
  CHECK(problems("ARG IMAGE=alpine TAG=3.20\nFROM ${IMAGE}:${TAG}\n") == V{});
  // BASE_NAME_EMPTY: BUILDVARIANT is a predefined platform argument.
  CHECK(problems("FROM alpine:3.20${BUILDVARIANT}\n") == V{});
  // ${FOO:?} and PowerShell-style text in RUN are the shell's business.
  CHECK(problems("FROM alpine\nARG FOO=x\nENV BAR=${FOO:?}\nRUN echo ${env:x}\n") == V{});
}

}  // namespace
}  // namespace dfls
