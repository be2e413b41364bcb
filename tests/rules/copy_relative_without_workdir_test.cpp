// Tests of CopyRelativeWithoutWorkdir (hadolint DL3045).
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

TEST_CASE("CopyRelativeWithoutWorkdir", "[rules][hadolint]") {
  check_diagnostics({"CopyRelativeWithoutWorkdir"}, R"docker(
FROM debian:12 AS base
COPY app.py @(CopyRelativeWithoutWorkdir)[[app/]]
COPY . @(CopyRelativeWithoutWorkdir)[[.]]
COPY app.py /app/
COPY app.py $HOME/
COPY ["a.txt", @(CopyRelativeWithoutWorkdir)[["rel"]]]
WORKDIR /srv
COPY . .
FROM base
COPY . .
FROM debian:12
COPY run.sh C:/tools/
COPY run.sh @(CopyRelativeWithoutWorkdir)[[bin/]]
FROM scratch
COPY --from=base /bin/app app
)docker");
  CHECK(message_of("CopyRelativeWithoutWorkdir", "FROM debian\nCOPY . app/\n") ==
        "COPY to the relative path 'app/' before any WORKDIR: it depends on the base image's working directory");
}

}  // namespace
}  // namespace dfls
