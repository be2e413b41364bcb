// Tests of WgetAndCurl (hadolint DL4001).
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

TEST_CASE("WgetAndCurl", "[rules][hadolint]") {
  check_diagnostics({"WgetAndCurl"}, R"docker(
FROM debian:12 AS one
RUN curl -fsSLO https://example.com/a && curl -fsSLO https://example.com/b
RUN @(WgetAndCurl)[[wget]] -q https://example.com/c
RUN echo "$(@(WgetAndCurl)[[wget]] -qO- https://example.com/d)"
FROM debian:12 AS two
RUN wget -q https://example.com/e
FROM debian:12
RUN curl -fsSLO https://example.com/f && apt-get install -y wget
)docker");
  CHECK(message_of("WgetAndCurl", "FROM debian\nRUN curl -O https://x/a\nRUN wget -q https://x/b\n") ==
        "this stage uses both wget and curl: use curl here too, or wget everywhere");
}

}  // namespace
}  // namespace dfls
