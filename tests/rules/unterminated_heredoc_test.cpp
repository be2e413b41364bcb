// Tests of the UnterminatedHeredoc rule: findings, non-findings, the fixes and the message.
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

TEST_CASE("UnterminatedHeredoc", "[rules][errors]") {
  check_diagnostics({"UnterminatedHeredoc"}, R"docker(
FROM alpine
RUN <<EOF
echo fine
EOF
RUN @(UnterminatedHeredoc)[[<<EOF]]
echo hi
)docker");
  check_fix("UnterminatedHeredoc", "FROM alpine\nRUN <<E^OF\necho hi\n", "FROM alpine\nRUN <<EOF\necho hi\nEOF\n");
  check_fix("UnterminatedHeredoc", "FROM alpine\nCOPY <<E^ND /x\nabc", "FROM alpine\nCOPY <<END /x\nabc\nEND\n");
  CHECK(message_of("UnterminatedHeredoc", "FROM alpine\nRUN <<EOF\necho hi\n") ==
        "heredoc 'EOF' has no terminating line 'EOF'");
}

}  // namespace
}  // namespace dfls
