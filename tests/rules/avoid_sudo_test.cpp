// Tests of AvoidSudo (hadolint DL3004).
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

TEST_CASE("AvoidSudo", "[rules][hadolint]") {
  check_diagnostics({"AvoidSudo"}, R"docker(
FROM debian:12
RUN @(AvoidSudo)[[sudo]] apt-get update && @(AvoidSudo)[[sudo]] -E make install
RUN echo sudo && apt-get install -y sudo && echo "$(@(AvoidSudo)[[sudo]] whoami)"
RUN env DEBIAN_FRONTEND=noninteractive @(AvoidSudo)[[/usr/bin/sudo]] true
)docker");
  CHECK(message_of("AvoidSudo", "FROM debian\nRUN sudo make\n") == "sudo in a RUN: use USER to change the user instead");
}

TEST_CASE("AvoidSudo: root dropping privileges with sudo -u", "[rules][hadolint]") {
  check_diagnostics({"AvoidSudo"}, R"docker(
FROM archlinux:base-20240101.0.204074
RUN pacman -Syu --noconfirm sudo base-devel git && useradd -m builduser \
 && git clone https://aur.archlinux.org/gss-ntlmssp.git /tmp/p && chown -R builduser /tmp/p \
 && cd /tmp/p && sudo -u builduser makepkg -s --noconfirm
RUN sudo --user=builduser -H makepkg && sudo -ubuilduser true && sudo --user builduser true
RUN @(AvoidSudo)[[sudo]] -u root pacman -Syu && @(AvoidSudo)[[sudo]] -u 0 true
USER root
RUN sudo -u nobody true
USER builduser
RUN @(AvoidSudo)[[sudo]] -u other makepkg
USER $BUILD_USER
RUN @(AvoidSudo)[[sudo]] -u other makepkg
FROM debian:12
USER 0:0
RUN sudo -u app make && @(AvoidSudo)[[sudo]] make install
)docker");
}

}  // namespace
}  // namespace dfls
