// Tests of SetPipefail (hadolint DL4006).
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

TEST_CASE("SetPipefail", "[rules][hadolint]") {
  check_diagnostics({"SetPipefail"}, R"docker(
FROM debian:12 AS plain
RUN curl -fsSL https://example.com/install.sh @(SetPipefail)[[|]] sh
RUN echo "a | b" && echo 'c|d' && echo done && echo "$sha *f" | sha256sum -c -
RUN echo "$sha *f" | sha256sum -c - @(SetPipefail)[[|]] tee /log
RUN set -eo pipefail && curl -fsSL https://example.com/x | tar -xz && echo ok
RUN curl -fsSL https://example.com/y @(SetPipefail)[[|]] tar -xz; set -o pipefail
RUN <<EOF
set -euo pipefail
curl -fsSL https://example.com/z | tar -xz
EOF
RUN <<EOF
curl -fsSL https://example.com/z @(SetPipefail)[[|]] tar -xz
EOF
FROM debian:12 AS bash
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN curl -fsSL https://example.com/a | tar -xz
RUN <<EOF
curl -fsSL https://example.com/b | tar -xz
EOF
RUN bash <<EOF
curl -fsSL https://example.com/c @(SetPipefail)[[|]] tar -xz
EOF
FROM bash
RUN curl -fsSL https://example.com/d | tar -xz
FROM mcr.microsoft.com/windows/servercore:ltsc2022
SHELL ["powershell", "-Command"]
RUN Get-Content a.txt | Select-String x
FROM mcr.microsoft.com/windows/nanoserver:ltsc2022
RUN dir | findstr x
)docker");
  CHECK(message_of("SetPipefail", "FROM debian\nRUN a | b\n") ==
        "a pipe without pipefail: the RUN ignores a failure before the last command of the pipeline");
}

TEST_CASE("SetPipefail: echo or printf left of a pipe inside a command substitution", "[rules][hadolint]") {
  check_diagnostics({"SetPipefail"}, R"docker(
FROM debian:12
RUN x="$(echo "$y" | grep foo)"; z=$(printf %s "$y" | wc -c)
RUN set -eux; dst="$(echo "$src" | tr -d 3)"; echo "$dst"
RUN if ! echo "$y" | grep foo; then exit 1; fi
RUN (echo a | grep a)
RUN v="$(curl -fsSL https://example.com/v @(SetPipefail)[[|]] tr -d v)"
RUN v="$(echo "$y" | tr -d v)" && curl -fsSL "https://example.com/$v" @(SetPipefail)[[|]] sh
)docker");
}

TEST_CASE("SetPipefail fix", "[rules][hadolint]") {
  check_fix("SetPipefail", "FROM debian\nRUN curl -fsSL https://x ^| tar -xz\n",
            "FROM debian\nSHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\nRUN curl -fsSL https://x | tar -xz\n");
  check_fix("SetPipefail", "FROM node:20-alpine\nrun wget -qO- https://x ^| tar -xz\n",
            "FROM node:20-alpine\nshell [\"/bin/ash\", \"-o\", \"pipefail\", \"-c\"]\nrun wget -qO- https://x | tar -xz\n");
}

}  // namespace
}  // namespace dfls
