// Tests of PinAptPackageVersions (hadolint DL3008).
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

TEST_CASE("PinAptPackageVersions", "[rules][hadolint]") {
  check_diagnostics({"PinAptPackageVersions"}, R"docker(
FROM debian:12
RUN apt-get update && apt-get install -y --no-install-recommends @(PinAptPackageVersions)[[curl]] git=1:2.39.2-1.1 \
      @(PinAptPackageVersions)[[ca-certificates]] ./local.deb "$EXTRA" pkg=${VERSION} \
    && rm -rf /var/lib/apt/lists/*
RUN apt-get -o Dpkg::Options::=--force-confold install -y -t bookworm-backports @(PinAptPackageVersions)[[golang]]
RUN apt install -y @(PinAptPackageVersions)[[vim]]
RUN echo apt-get install nothing && apt-get update && apt-get remove -y curl
RUN ["apt-get", "install", "-y", "exec-form"]
RUN (sudo apt-get install -y @(PinAptPackageVersions)[[make]]) && 'apt-get' install -y @(PinAptPackageVersions)[["wget"]]
RUN apt-get install -y \
# a comment inside the continuation
    @(PinAptPackageVersions)[[htop]]
RUN <<EOF
apt-get install -y @(PinAptPackageVersions)[[jq]]
EOF
RUN cat <<EOF > /notes.txt
apt-get install -y data-not-a-command
EOF
)docker");
  CHECK(message_of("PinAptPackageVersions", "FROM debian\nRUN apt-get install -y curl\n") ==
        "apt package 'curl' has no version: pin it (curl=<version>)");
}

TEST_CASE("PinAptPackageVersions: option values are not packages", "[rules][hadolint]") {
  check_diagnostics({"PinAptPackageVersions"}, R"docker(
FROM debian:12
RUN apt-get install -y --default-release bookworm-backports foo=1
RUN apt-get install -y -a arm64 foo=1 && apt-get install -y --host-architecture arm64 bar=2
RUN apt-get install -y -o=Dpkg::Use-Pty=0 -o Acquire::Retries=3 foo=1
RUN apt-get install -y -q=2 -t bookworm-backports foo=1 --target-release=bookworm @(PinAptPackageVersions)[[bar]]
RUN apt-get -a arm64 install -y @(PinAptPackageVersions)[[libc6]]
)docker");
}

}  // namespace
}  // namespace dfls
