// Tests of the JSONArgsRecommended rule: findings, non-findings, the fixes and the message.
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

TEST_CASE("JSONArgsRecommended", "[rules][buildkit]") {
  check_diagnostics({"JSONArgsRecommended"}, R"docker(
FROM alpine
CMD @(JSONArgsRecommended)[[node server.js]]
ENTRYPOINT ["/entrypoint.sh"]
RUN echo not checked
HEALTHCHECK CMD curl -f http://localhost/
FROM alpine AS withshell
SHELL ["/bin/bash", "-c"]
CMD echo chosen shell
FROM withshell
ENTRYPOINT echo inherited shell
FROM alpine
ONBUILD CMD echo later
)docker");
  check_fix("JSONArgsRecommended", "FROM alpine\nCMD ^node server.js\n", "FROM alpine\nCMD [\"node\", \"server.js\"]\n");
  check_fix("JSONArgsRecommended", "FROM alpine\nENTRYPOINT ^\"/app/run\" --port 80\n",
            "FROM alpine\nENTRYPOINT [\"/app/run\", \"--port\", \"80\"]\n");
  // Shell features: no automatic conversion.
  auto doc = Document::create("file:///test/Dockerfile", 0, "FROM alpine\nCMD echo $HOME && run *.txt\n");
  for (const Diag& d : run_rules(*doc, Config{}))
    if (d.rule_id == "JSONArgsRecommended") CHECK(d.fixes.empty());
  CHECK(message_of("JSONArgsRecommended", "FROM alpine\nCMD node app.js\n") ==
        "CMD in shell form runs under /bin/sh -c, which does not forward signals: use the JSON form");
}

TEST_CASE("JSONArgsRecommended: a command started with exec", "[rules][buildkit]") {
  check_diagnostics({"JSONArgsRecommended"}, R"docker(
FROM busybox:1.36
CMD @(JSONArgsRecommended)[[exec sh -c "trap : TERM INT; tail -f /dev/null"]]
ENTRYPOINT @(JSONArgsRecommended)[[exec /app/run --port 80]]
)docker");
  CHECK(message_of("JSONArgsRecommended", "FROM busybox:1.36\nCMD exec sh -c \"trap : TERM INT; tail -f /dev/null\"\n") ==
        "CMD in shell form: exec passes signals on, but BuildKit recommends the JSON form");
  CHECK(message_of("JSONArgsRecommended", "FROM alpine\nCMD executable --flag\n") ==
        "CMD in shell form runs under /bin/sh -c, which does not forward signals: use the JSON form");
  check_fix("JSONArgsRecommended", "FROM alpine\nCMD ^exec node server.js\n", "FROM alpine\nCMD [\"node\", \"server.js\"]\n");
  check_fix("JSONArgsRecommended", "FROM busybox:1.36\nCMD ^exec sh -c \"trap : TERM INT; tail -f /dev/null\"\n",
            "FROM busybox:1.36\nCMD [\"sh\", \"-c\", \"trap : TERM INT; tail -f /dev/null\"]\n");
}

}  // namespace
}  // namespace dfls
