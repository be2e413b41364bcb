// Tests of AptGetMissingYes (hadolint DL3014).
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

TEST_CASE("AptGetMissingYes", "[rules][hadolint]") {
  check_diagnostics({"AptGetMissingYes"}, R"docker(
FROM debian:12
RUN apt-get update && @(AptGetMissingYes)[[apt-get install]] curl
RUN @(AptGetMissingYes)[[apt-get -q install]] curl && @(AptGetMissingYes)[[apt-get upgrade]]
RUN apt-get install -y a && apt-get install --yes b && apt-get --assume-yes install c
RUN apt-get -qq install d && apt-get install -qy e && apt-get -o APT::Get::Assume-Yes=true install f
RUN @(AptGetMissingYes)[[apt install]] g && apt install -y h
RUN if true; then \
      @(AptGetMissingYes)[[apt-get install]] i; \
    fi
RUN echo "apt-get install j" && if apt-get install -s k > /dev/null; then echo ok; fi
)docker");
  CHECK(message_of("AptGetMissingYes", "FROM debian\nRUN apt-get install curl\n") ==
        "apt-get install without -y: the build cannot answer its prompt");
}

TEST_CASE("AptGetMissingYes fix", "[rules][hadolint]") {
  check_fix("AptGetMissingYes", "FROM debian\nRUN apt-get update && apt-get ^install curl\n",
            "FROM debian\nRUN apt-get update && apt-get install -y curl\n");
  check_fix("AptGetMissingYes", "FROM debian\nRUN apt-get ^--no-install-recommends install \\\n    curl\n",
            "FROM debian\nRUN apt-get --no-install-recommends install -y \\\n    curl\n");
}

}  // namespace
}  // namespace dfls
