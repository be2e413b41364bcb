// Tests of the ShellCheck rule and its runner (skipped when shellcheck is not installed).
#include <algorithm>
#include <catch2/catch_test_macros.hpp>

#include "core/config.h"
#include "core/document.h"
#include "rules/run_rules.h"
#include "rules/shellcheck_runner.h"
#include "support/check_helpers.h"

namespace dfls {
namespace {

using test::check_diagnostics;

// The `shellcheck` setting alone turns the rule on.
Config enabled() {
  Config config;
  config.shellcheck = true;
  return config;
}

TEST_CASE("shellcheck runner: json1 reports", "[hadolint][shellcheck]") {
  auto findings = shellcheck::parse_json1(
      R"({"comments":[{"file":"-","line":2,"endLine":2,"column":6,"endColumn":8,"level":"info","code":2086,)"
      R"("message":"Double quote \"x\" \u00e9.","fix":null}]})");
  REQUIRE(findings);
  REQUIRE(findings->size() == 1);
  CHECK((*findings)[0].line == 2);
  CHECK((*findings)[0].end_column == 8);
  CHECK((*findings)[0].code == 2086);
  CHECK((*findings)[0].level == "info");
  CHECK((*findings)[0].message == "Double quote \"x\" \xc3\xa9.");
  CHECK_FALSE(shellcheck::parse_json1("In - line 1: not json"));
  CHECK(shellcheck::parse_json1(R"({"comments":[]})")->empty());
}

TEST_CASE("shellcheck runner: processes with input and a deadline", "[hadolint][shellcheck]") {
  auto cat = shellcheck::find_program("cat");
  auto sleep = shellcheck::find_program("sleep");
  if (!cat || !sleep) SKIP("cat or sleep not on PATH");
  std::string big(300000, 'x');  // More than a pipe holds: input and output must flow together.
  auto out = shellcheck::run_process({*cat}, big, std::chrono::seconds(10));
  REQUIRE(out);
  CHECK(out->exit_code == 0);
  CHECK(out->out == big);
  bool timed_out = false;
  auto start = std::chrono::steady_clock::now();
  CHECK_FALSE(shellcheck::run_process({*sleep, "10"}, "", std::chrono::milliseconds(200), &timed_out));
  CHECK(timed_out);
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));
  CHECK_FALSE(shellcheck::run_process({"/nonexistent/program"}, "", std::chrono::seconds(1)));
}

TEST_CASE("ShellCheck", "[rules][hadolint][shellcheck]") {
  if (!shellcheck::find_program("shellcheck")) SKIP("shellcheck is not installed");
  check_diagnostics({"ShellCheck"}, R"docker(
FROM debian:12
ARG NAME
ENV HOME_DIR=/home/app
RUN echo "$NAME" "$HOME_DIR" \
# a comment line that BuildKit drops
    && echo "@(ShellCheck)[[$undefined]]"
RUN <<EOF
echo "é @(ShellCheck)[[$missing]]"
EOF
RUN cat <<EOF > /etc/motd && echo "@(ShellCheck)[[$after]]"
data @(ShellCheck)[[$in_body]]
EOF
SHELL ["/bin/bash", "-c"]
RUN echo "${NAME,,}" && echo "@(ShellCheck)[[$other]]"
RUN ["echo", "$exec_form"]
)docker",
                    enabled());
  check_diagnostics({"ShellCheck"}, "FROM debian\nRUN echo \"$x\"\n");  // Off by default.
  auto doc = Document::create("file:///test/Dockerfile", 0, "FROM debian\nRUN echo \"$x\"\n");
  std::vector<Diag> diags = run_rules(*doc, enabled());
  auto it = std::find_if(diags.begin(), diags.end(), [](const Diag& d) { return d.rule_id == "ShellCheck"; });
  REQUIRE(it != diags.end());
  CHECK(it->message == "SC2154: x is referenced but not assigned");
  CHECK(it->severity == Severity::Warning);
}

TEST_CASE("ShellCheck: the shell dialect follows SHELL", "[rules][hadolint][shellcheck]") {
  if (!shellcheck::find_program("shellcheck")) SKIP("shellcheck is not installed");
  // ${x,,} is bash: ShellCheck reports it in sh (SC3059) but not in bash.
  auto count = [](std::string text) {
    auto doc = Document::create("file:///test/Dockerfile", 0, std::move(text));
    size_t n = 0;
    for (const Diag& d : run_rules(*doc, enabled())) n += d.rule_id == "ShellCheck" ? 1 : 0;
    return n;
  };
  CHECK(count("FROM debian\nARG X\nRUN echo \"${X,,}\"\n") == 1);
  CHECK(count("FROM debian\nARG X\nSHELL [\"/bin/bash\", \"-c\"]\nRUN echo \"${X,,}\"\n") == 0);
  CHECK(count("FROM debian\nARG X\nRUN <<'EOF'\necho \"${X,,}\"\nEOF\n") == 1);
  CHECK(count("FROM debian\nARG X\nRUN bash <<'EOF'\necho \"${X,,}\"\nEOF\n") == 0);
}

}  // namespace
}  // namespace dfls
