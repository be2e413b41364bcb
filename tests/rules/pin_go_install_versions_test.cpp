// Tests of PinGoInstallVersions (hadolint DL3062).
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

TEST_CASE("PinGoInstallVersions", "[rules][hadolint]") {
  check_diagnostics({"PinGoInstallVersions"}, R"docker(
FROM golang:1.22
RUN go install @(PinGoInstallVersions)[[golang.org/x/tools/gopls]] && go install github.com/a/b/cmd/c@v1.2.3
RUN go install @(PinGoInstallVersions)[[github.com/go-delve/delve/cmd/dlv@latest]]
RUN go install -ldflags "-s -w" ./cmd/server && go install . && go install ./...
RUN go build -o /app ./cmd/app && go mod download && go install $TOOL && go install tool && go install std
)docker");
  CHECK(message_of("PinGoInstallVersions", "FROM golang\nRUN go install example.com/tool\n") ==
        "go install of 'example.com/tool' has no version: pin it (example.com/tool@<version>)");
}

}  // namespace
}  // namespace dfls
