// Tests of PinNpmPackageVersions (hadolint DL3016).
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

TEST_CASE("PinNpmPackageVersions", "[rules][hadolint]") {
  check_diagnostics({"PinNpmPackageVersions"}, R"docker(
FROM node:20
RUN npm install && npm ci && npm install --omit=dev
RUN npm install -g @(PinNpmPackageVersions)[[typescript]] pm2@5.4.0 @(PinNpmPackageVersions)[[@angular/cli]]
RUN npm i @scope/pkg@1.2.3 @(PinNpmPackageVersions)[[eslint@latest]] ./local-pkg user/repo git+https://x/y.git a.tgz
RUN npm install --prefix /opt/app --registry https://registry.example.com @(PinNpmPackageVersions)[[left-pad]]
RUN npm run build && npm uninstall lodash
)docker");
  CHECK(message_of("PinNpmPackageVersions", "FROM node\nRUN npm install -g typescript\n") ==
        "npm package 'typescript' has no version: pin it (typescript@<version>)");
}

}  // namespace
}  // namespace dfls
