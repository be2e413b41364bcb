// Tests of the WorkdirRelativePath rule: findings, non-findings, the fixes and the message.
#include <catch2/catch_test_macros.hpp>

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

TEST_CASE("WorkdirRelativePath", "[rules][buildkit]") {
  check_diagnostics({"WorkdirRelativePath"}, R"docker(
FROM alpine
WORKDIR @(WorkdirRelativePath)[[app]]
WORKDIR sub
FROM alpine AS base
WORKDIR /srv
WORKDIR relative-after-absolute
FROM base
WORKDIR inherits-the-absolute-one
FROM alpine
ARG DIR=/srv
WORKDIR $DIR/app
FROM alpine
WORKDIR "/quoted"
FROM mcr.microsoft.com/windows/servercore:ltsc2022
WORKDIR C:\app
)docker");
  check_fix("WorkdirRelativePath", "FROM alpine\nWORKDIR ^app\n", "FROM alpine\nWORKDIR /app\n");
  CHECK(message_of("WorkdirRelativePath", "FROM alpine\nWORKDIR app\n") ==
        "relative WORKDIR 'app' depends on the working directory of the base image");
}

}  // namespace
}  // namespace dfls
