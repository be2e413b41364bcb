// Tests of UntaggedImage (hadolint DL3006).
#include <catch2/catch_test_macros.hpp>

#include "core/config.h"
#include "core/document.h"
#include "rules/run_rules.h"
#include "support/check_helpers.h"

namespace dfls {
namespace {

using test::check_diagnostics;
using test::check_fix;

[[maybe_unused]] std::string message_of(std::string_view rule, std::string code, const Config& config = Config{}) {
  auto doc = Document::create("file:///test/Dockerfile", 0, std::move(code));
  for (const Diag& d : run_rules(*doc, config))
    if (d.rule_id == rule) return d.message;
  return "";
}

TEST_CASE("UntaggedImage", "[rules][hadolint]") {
  check_diagnostics({"UntaggedImage"}, R"docker(
ARG BASE=debian
ARG TAGGED=debian:12
ARG UNKNOWN
FROM @(UntaggedImage)[[ubuntu]] AS one
FROM debian:12 AS two
FROM one
FROM scratch
FROM alpine@sha256:0123456789012345678901234567890123456789012345678901234567890123
FROM @(UntaggedImage)[[ghcr.io/org/app]]
FROM @(UntaggedImage)[[$BASE]]
FROM ${TAGGED}
FROM $UNKNOWN
FROM ${UNKNOWN}:1.0
)docker");
  CHECK(message_of("UntaggedImage", "FROM ubuntu\n") ==
        "image 'ubuntu' has no tag, so it means ubuntu:latest, which changes with every release: pin a tag");
}

}  // namespace
}  // namespace dfls
