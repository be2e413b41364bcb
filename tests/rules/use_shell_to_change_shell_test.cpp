// Tests of UseShellToChangeShell (hadolint DL4005).
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

TEST_CASE("UseShellToChangeShell", "[rules][hadolint]") {
  check_diagnostics({"UseShellToChangeShell"}, R"docker(
FROM debian:12
RUN @(UseShellToChangeShell)[[ln -sf /bin/bash /bin/sh]]
RUN echo x && @(UseShellToChangeShell)[[ln -s -f bash /bin/sh]] && echo y
RUN ln -s /bin/sh /usr/local/bin/sh && ln -sf /usr/bin/python3 /usr/bin/python
)docker");
  CHECK(message_of("UseShellToChangeShell", "FROM debian\nRUN ln -sf /bin/bash /bin/sh\n") ==
        "linking /bin/sh changes the shell of the whole image: use SHELL");
}

}  // namespace
}  // namespace dfls
