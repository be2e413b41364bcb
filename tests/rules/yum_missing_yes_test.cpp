// Tests of YumMissingYes (hadolint DL3030).
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

TEST_CASE("YumMissingYes", "[rules][hadolint]") {
  check_diagnostics({"YumMissingYes"}, R"docker(
FROM centos:7
RUN @(YumMissingYes)[[yum install]] httpd && yum install -y git && yum -y install make
RUN @(YumMissingYes)[[yum --enablerepo extras install]] a && yum install --assumeyes b
RUN yum --setopt=assumeyes=1 install c && yum clean all && yum makecache
RUN @(YumMissingYes)[[yum update]] && @(YumMissingYes)[[yum group]] install "Development Tools"
)docker");
  CHECK(message_of("YumMissingYes", "FROM centos\nRUN yum install httpd\n") ==
        "yum install without -y: the build cannot answer its prompt");
}

TEST_CASE("YumMissingYes fix", "[rules][hadolint]") {
  check_fix("YumMissingYes", "FROM centos\nRUN yum ^install httpd\n", "FROM centos\nRUN yum install -y httpd\n");
}

}  // namespace
}  // namespace dfls
