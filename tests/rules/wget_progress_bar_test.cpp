// Tests of WgetProgressBar (hadolint DL3047).
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

TEST_CASE("WgetProgressBar", "[rules][hadolint]") {
  check_diagnostics({"WgetProgressBar"}, R"docker(
FROM debian:12
RUN @(WgetProgressBar)[[wget]] https://example.com/a.tar.gz && wget -q https://example.com/b
RUN wget -qO- https://example.com/c | tar -xz && wget -nv https://example.com/d
RUN wget --progress=dot:giga https://example.com/e && wget -o /tmp/log https://example.com/f
RUN wget --quiet -O /tmp/g https://example.com/g && @(WgetProgressBar)[[wget]] -O /tmp/h https://example.com/h
RUN echo wget && curl -fsSLO https://example.com/i
)docker");
  CHECK(message_of("WgetProgressBar", "FROM debian\nRUN wget https://example.com/x\n") ==
        "wget without --progress or -q fills the build log with progress dots");
}

TEST_CASE("WgetProgressBar fix", "[rules][hadolint]") {
  check_fix("WgetProgressBar", "FROM debian\nRUN ^wget https://example.com/x\n",
            "FROM debian\nRUN wget --progress=dot:giga https://example.com/x\n");
}

}  // namespace
}  // namespace dfls
