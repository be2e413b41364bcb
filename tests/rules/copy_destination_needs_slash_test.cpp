// Tests of CopyDestinationNeedsSlash (hadolint DL3021).
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

TEST_CASE("CopyDestinationNeedsSlash", "[rules][hadolint]") {
  check_diagnostics({"CopyDestinationNeedsSlash"}, R"docker(
FROM debian:12
ARG DIR=/app/
ARG FILE=/app
COPY a.txt b.txt @(CopyDestinationNeedsSlash)[[/app]]
COPY a.txt b.txt /app/
COPY a.txt /app
COPY a.txt b.txt .
COPY ["a.txt", "b.txt", @(CopyDestinationNeedsSlash)[["/srv"]]]
ADD a.txt b.txt @(CopyDestinationNeedsSlash)[[/opt]]
COPY a.txt b.txt $DIR
COPY a.txt b.txt @(CopyDestinationNeedsSlash)[[$FILE]]
COPY --from=build /a /b /dest/
COPY a b $UNDEFINED
)docker");
  CHECK(message_of("CopyDestinationNeedsSlash", "FROM debian\nCOPY a b /app\n") ==
        "COPY with several sources needs a directory destination ending with '/'");
}

TEST_CASE("CopyDestinationNeedsSlash fix", "[rules][hadolint]") {
  check_fix("CopyDestinationNeedsSlash", "FROM debian\nCOPY a b ^/app\n", "FROM debian\nCOPY a b /app/\n");
  check_fix("CopyDestinationNeedsSlash", "FROM debian\nCOPY [\"a\", \"b\", ^\"/app\"]\n",
            "FROM debian\nCOPY [\"a\", \"b\", \"/app/\"]\n");
}

}  // namespace
}  // namespace dfls
