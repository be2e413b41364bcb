// Tests of UseCopyNotAdd (hadolint DL3020).
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

TEST_CASE("UseCopyNotAdd", "[rules][hadolint]") {
  check_diagnostics({"UseCopyNotAdd"}, R"docker(
FROM debian:12
ARG FILE=app.conf
ARG ARCHIVE=rootfs.tar.xz
ARG UNKNOWN
@(UseCopyNotAdd)[[ADD]] app.py /app/
@(UseCopyNotAdd)[[ADD]] --chown=app:app ["config dir", "/etc/app/"]
ADD rootfs.tar.gz /
ADD https://example.com/tool /usr/local/bin/tool
ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/x /x
ADD git@github.com:org/repo.git /src
@(UseCopyNotAdd)[[ADD]] $FILE /etc/
ADD $ARCHIVE /
ADD $UNKNOWN /
ADD $UNDEFINED /
@(UseCopyNotAdd)[[add]] <<EOF /etc/motd
hello
EOF
)docker");
  CHECK(message_of("UseCopyNotAdd", "FROM debian\nADD a /a\n") == "ADD of local files: use COPY, which does only that");
}

TEST_CASE("UseCopyNotAdd fix", "[rules][hadolint]") {
  check_fix("UseCopyNotAdd", "FROM debian\n^ADD --chown=1:1 a.txt b.txt /app/\n",
            "FROM debian\nCOPY --chown=1:1 a.txt b.txt /app/\n");
  check_fix("UseCopyNotAdd", "FROM debian\n^add a /a\n", "FROM debian\ncopy a /a\n");
}

}  // namespace
}  // namespace dfls
