// Tests of the UndefinedVar rule: findings, non-findings, the fixes and the message.
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

TEST_CASE("UndefinedVar", "[rules][buildkit]") {
  check_diagnostics({"UndefinedVar"}, R"docker(
ARG GLOBAL=1
FROM node:20 AS app
ENV APP_HOME=/app PATH=$PATH:/opt/bin
COPY . $APP_HOME
RUN echo $NOT_CHECKED_IN_RUN
COPY . $@(UndefinedVar)[[APP_HOEM]]
ENV V=$NODE_VERSION HOME_DIR=$HOME
ENV X=${MISSING:-default} LD_LIBRARY_PATH=${LD_LIBRARY_PATH:+$LD_LIBRARY_PATH:}/opt/lib
LABEL twice=$@(UndefinedVar)[[NOPE]]-$NOPE
LABEL arch=$@(UndefinedVar)[[TARGETARCH]] g=$@(UndefinedVar)[[GLOBAL]]
ARG LATER_ARG
ENV Y=$LATER_ARG
ENV Z=$@(UndefinedVar)[[DECLARED_LATER]]
ARG DECLARED_LATER
ENV P=${HTTP_PROXY-http://proxy:8080}
FROM app
COPY . $APP_HOME/$LATER_ARG
ONBUILD COPY . $NOT_CHECKED_IN_ONBUILD
)docker");
  check_fix("UndefinedVar", "FROM alpine\nENV APP_HOME=/app\nCOPY . $APP_HO^EM\n",
            "FROM alpine\nENV APP_HOME=/app\nCOPY . $APP_HOME\n");
  check_fix("UndefinedVar", "FROM alpine\nENV A=$TARGET^ARCH\n", "FROM alpine\nARG TARGETARCH\nENV A=$TARGETARCH\n");
  check_fix("UndefinedVar", "ARG V=1\nFROM alpine\nLABEL v=$^V\n", "ARG V=1\nFROM alpine\nARG V\nLABEL v=$V\n");
  CHECK(message_of("UndefinedVar", "FROM alpine\nENV APP_HOME=/app\nCOPY . $APP_HOEM\n") ==
        "variable 'APP_HOEM' is not defined here (did you mean APP_HOME?)");
}

}  // namespace
}  // namespace dfls
