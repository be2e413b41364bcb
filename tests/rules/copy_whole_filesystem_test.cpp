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
COPY --from=build @(CopyWholeFilesystem)[[/]] /
COPY --from=build /out /app
COPY --from=build ["/app", @(CopyWholeFilesystem)[["/"]], "/"]
COPY --from=build / /export/
COPY --from=binaries / /
COPY --from=1 / /
COPY --from=alpine:3.20 @(CopyWholeFilesystem)[[/]] /
COPY / /
)docker");
  CHECK(message_of("CopyWholeFilesystem", "FROM a AS b\nFROM scratch\nCOPY --from=b / /\n") ==
        "COPY --from=b / copies the whole file system: copy only what the image needs");
}

}  // namespace
}  // namespace dfls
