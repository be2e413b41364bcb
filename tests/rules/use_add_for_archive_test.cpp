// Tests of UseAddForArchive (hadolint DL3010).
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

TEST_CASE("UseAddForArchive", "[rules][hadolint]") {
  check_diagnostics({"UseAddForArchive"}, R"docker(
FROM debian:12 AS one
COPY @(UseAddForArchive)[[dist/app.tar.gz]] other.txt /tmp/
RUN tar -xzf /tmp/app.tar.gz -C /opt && rm /tmp/app.tar.gz
COPY @(UseAddForArchive)[["data.tar"]] /tmp/
RUN cd /tmp && tar xf data.tar
COPY kept.tar.gz /srv/
COPY site.zip /tmp/
RUN unzip /tmp/site.zip
COPY --from=one /tmp/app.tar.gz /tmp/
FROM debian:12
RUN tar -xzf /srv/kept.tar.gz
)docker");
  CHECK(message_of("UseAddForArchive", "FROM debian\nCOPY a.tgz /tmp/\nRUN tar -xzf /tmp/a.tgz\n") ==
        "archive 'a.tgz' is copied, then unpacked: ADD unpacks local archives itself");
}

}  // namespace
}  // namespace dfls
