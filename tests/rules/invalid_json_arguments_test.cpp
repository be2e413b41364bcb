// Tests of the InvalidJsonArguments rule: findings, non-findings, the fixes and the message.
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

// The findings of the rule as (range, severity), for snippets whose brackets annotations cannot mark.
std::vector<std::pair<std::string, Severity>> findings(std::string code) {
  auto doc = Document::create("file:///test/Dockerfile", 0, code);
  std::vector<std::pair<std::string, Severity>> out;
  for (const Diag& d : run_rules(*doc, Config{}))
    if (d.rule_id == "InvalidJsonArguments")
      out.emplace_back(code.substr(d.range.start, d.range.end - d.range.start), d.severity);
  return out;
}

TEST_CASE("InvalidJsonArguments", "[rules][errors]") {
  using F = std::vector<std::pair<std::string, Severity>>;
  CHECK(findings("FROM alpine\nCMD ['node', 'app.js']\n") == F{{"['node', 'app.js']", Severity::Warning}});
  CHECK(findings("FROM alpine\nRUN [\"apt-get\", \"update\"\n") == F{{"[\"apt-get\", \"update\"", Severity::Warning}});
  CHECK(findings("FROM alpine\nCMD [\"sleep\", 10]\n") == F{{"[\"sleep\", 10]", Severity::Error}});
  CHECK(findings("FROM alpine\nHEALTHCHECK CMD ['curl', 'x']\n") == F{{"['curl', 'x']", Severity::Warning}});
  CHECK(findings("FROM alpine\nVOLUME [/data]\n") == F{{"[/data]", Severity::Warning}});
  // Shell tests and valid exec forms are fine.
  CHECK(findings("FROM alpine\nRUN [ -f /etc/x ] && echo yes\nRUN [ \"$A\" = b ] || true\nCMD [\"a\", \"b\"]\n").empty());
  check_fix("InvalidJsonArguments", "FROM alpine\nCMD ^['node', 'app.js']\n", "FROM alpine\nCMD [\"node\", \"app.js\"]\n");
  check_fix("InvalidJsonArguments", "FROM alpine\nENTRYPOINT ^[\"/run.sh\", \"--x\"\n",
            "FROM alpine\nENTRYPOINT [\"/run.sh\", \"--x\"]\n");
  check_fix("InvalidJsonArguments", "FROM alpine\nVOLUME ^[/data, /logs]\n", "FROM alpine\nVOLUME [\"/data\", \"/logs\"]\n");
  CHECK(message_of("InvalidJsonArguments", "FROM alpine\nCMD ['a']\n") ==
        "CMD arguments are not a valid JSON array (JSON strings use double quotes), so they run as a shell command");
}

}  // namespace
}  // namespace dfls
