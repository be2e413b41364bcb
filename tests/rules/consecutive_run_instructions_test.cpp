// Tests of ConsecutiveRunInstructions (hadolint DL3059).
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

TEST_CASE("ConsecutiveRunInstructions", "[rules][hadolint]") {
  check_diagnostics({"ConsecutiveRunInstructions"}, R"docker(
FROM debian:12
RUN apt-get update
# a comment does not separate them
@(ConsecutiveRunInstructions)[[RUN]] apt-get install -y curl
@(ConsecutiveRunInstructions)[[RUN]] echo one && echo two
RUN echo a && echo b && echo c
RUN echo after a long one
WORKDIR /app
RUN --mount=type=cache,target=/root/.cache make
RUN make install
FROM debian:12
RUN echo first in stage
)docker");
  CHECK(message_of("ConsecutiveRunInstructions", "FROM debian\nRUN a\nRUN b\n") ==
        "RUN right after a RUN with the same flags: join them with && into one layer");
}

}  // namespace
}  // namespace dfls
