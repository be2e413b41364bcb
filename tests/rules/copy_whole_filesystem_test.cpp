// Tests of CopyWholeFilesystem (hadolint DL3067).
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

TEST_CASE("CopyWholeFilesystem", "[rules][hadolint]") {
  check_diagnostics({"CopyWholeFilesystem"}, R"docker(
FROM debian:12 AS build
RUN make
FROM --platform=$BUILDPLATFORM tonistiigi/xx:1.5.0 AS xx
FROM scratch AS binaries
COPY --from=xx / /
COPY --from=build /out/app /bin/app
FROM scratch
COPY --from=build /out /app
COPY --from=build @(CopyWholeFilesystem)[[/]] /
COPY --from=build ["/app", @(CopyWholeFilesystem)[["/"]], "/"]
COPY --from=build / /export/
COPY --from=binaries / /
COPY --from=1 / /
COPY --from=alpine:3.20 @(CopyWholeFilesystem)[[/]] /
COPY / /
)docker");
  CHECK(message_of("CopyWholeFilesystem", "FROM a AS b\nFROM alpine\nCOPY --from=b / /\n") ==
        "COPY --from=b / copies the whole file system: copy only what the image needs");
}

TEST_CASE("CopyWholeFilesystem: a FROM with variables over scratch stages", "[rules][hadolint]") {
  check_diagnostics({"CopyWholeFilesystem"}, R"docker(
ARG TARGETOS
FROM golang:1.22 AS build
RUN go build -o /out/app .
FROM scratch AS binaries-linux
COPY --from=build /out/app /
FROM scratch AS binaries-darwin
COPY --from=build /out/app /
FROM binaries-$TARGETOS AS binaries
FROM binaries AS renamed
FROM debian:12 AS tools-linux
FROM scratch AS tools-darwin
FROM tools-${TARGETOS} AS tools
FROM other-$TARGETOS AS other
FROM scratch AS release
COPY --from=build /out/app /bin/app
COPY --from=binaries / /
COPY --from=renamed / /
COPY --from=tools @(CopyWholeFilesystem)[[/]] /
COPY --from=other @(CopyWholeFilesystem)[[/]] /
)docker");
}

TEST_CASE("CopyWholeFilesystem: squashing a stage into scratch", "[rules][hadolint]") {
  check_diagnostics({"CopyWholeFilesystem"}, R"docker(
FROM debian:12 AS build
RUN apt-get update && apt-get install -y --no-install-recommends systemd && rm -rf /var/lib/apt/lists/*
FROM scratch
COPY --from=build / /
CMD ["/sbin/init"]
FROM scratch
ARG VERSION
LABEL version=$VERSION
COPY --from=build / /
FROM scratch
COPY --from=build /etc/os-release /etc/
COPY --from=build @(CopyWholeFilesystem)[[/]] /
FROM debian:12
COPY --from=build @(CopyWholeFilesystem)[[/]] /
)docker");
}

TEST_CASE("CopyWholeFilesystem: images made to be copied whole", "[rules][hadolint]") {
  check_diagnostics({"CopyWholeFilesystem"}, R"docker(
FROM python:3.12-alpine AS dev
COPY --from=gloursdocker/docker / /
COPY --from=tonistiigi/xx:1.5.0 / /
COPY --from=docker:27-cli @(CopyWholeFilesystem)[[/]] /
)docker");
}

}  // namespace
}  // namespace dfls
