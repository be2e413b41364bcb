// Tests of DnfMissingYes (hadolint DL3038).
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

TEST_CASE("DnfMissingYes", "[rules][hadolint]") {
  check_diagnostics({"DnfMissingYes"}, R"docker(
FROM fedora:40
RUN @(DnfMissingYes)[[dnf install]] httpd && dnf install -y git && dnf -y install make
RUN @(DnfMissingYes)[[dnf --enablerepo extras install]] a && dnf install --assumeyes b
RUN dnf --setopt=assumeyes=1 install c && dnf clean all && dnf makecache
RUN @(DnfMissingYes)[[dnf update]] && @(DnfMissingYes)[[dnf group]] install "Development Tools"
)docker");
  CHECK(message_of("DnfMissingYes", "FROM fedora\nRUN dnf install httpd\n") ==
        "dnf install without -y: the build cannot answer its prompt");
}

TEST_CASE("DnfMissingYes fix", "[rules][hadolint]") {
  check_fix("DnfMissingYes", "FROM fedora\nRUN dnf ^install httpd\n", "FROM fedora\nRUN dnf install -y httpd\n");
}

}  // namespace
}  // namespace dfls
