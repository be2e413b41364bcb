// Tests of PinGemVersions (hadolint DL3028).
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

TEST_CASE("PinGemVersions", "[rules][hadolint]") {
  check_diagnostics({"PinGemVersions"}, R"docker(
FROM ruby:3.3
RUN gem install @(PinGemVersions)[[bundler]] rails:7.1.3 && gem install rake -v 13.2.1
RUN gem install --no-document @(PinGemVersions)[[nokogiri]] ./local.gem $GEMS
RUN gem install puma --version 6.4.2 && gem update --system && bundle install
)docker");
  CHECK(message_of("PinGemVersions", "FROM ruby\nRUN gem install bundler\n") ==
        "gem 'bundler' has no version: pin it (bundler:<version> or -v <version>)");
}

}  // namespace
}  // namespace dfls
