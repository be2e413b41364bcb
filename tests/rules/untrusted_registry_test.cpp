// Tests of UntrustedRegistry (hadolint DL3026).
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

TEST_CASE("UntrustedRegistry", "[rules][hadolint]") {
  Config config;
  config.trusted_registries = {"docker.io", "*.example.com", "ghcr.io/"};
  check_diagnostics({"UntrustedRegistry"}, R"docker(
ARG REGISTRY
FROM debian:12 AS base
FROM ghcr.io/org/app:1.0
FROM eu.example.com/team/app:2
FROM @(UntrustedRegistry)[[quay.io/org/tool:3]] AS tool
FROM @(UntrustedRegistry)[[example.com/app:1]]
FROM ${REGISTRY}/app:1
FROM base
COPY --from=tool /bin/tool /bin/tool
COPY --from=@(UntrustedRegistry)[[gcr.io/distroless/static:nonroot]] /etc/passwd /etc/passwd
COPY --from=nginx:1.27 /etc/nginx /etc/nginx
RUN --mount=type=bind,from=@(UntrustedRegistry)[[registry.k8s.io/pause:3.9]],target=/p true
)docker",
                    config);
  check_diagnostics({"UntrustedRegistry"}, "FROM quay.io/org/tool:3\n");
  CHECK(message_of("UntrustedRegistry", "FROM quay.io/org/tool:3\n", config) ==
        "image 'quay.io/org/tool:3' comes from quay.io, which is not a trusted registry");
}

}  // namespace
}  // namespace dfls
