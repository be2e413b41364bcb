// Tests of UseWorkdirNotCd (hadolint DL3003).
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

TEST_CASE("UseWorkdirNotCd", "[rules][hadolint]") {
  check_diagnostics({"UseWorkdirNotCd"}, R"docker(
FROM debian:12
RUN @(UseWorkdirNotCd)[[cd /app]] && make
RUN (cd /src && make) && for d in a b; do cd "$d"; done && if true; then cd /x; fi
RUN echo cd && git clone https://example.com/r.git && @(UseWorkdirNotCd)[[cd r]] && make
RUN <<EOF
@(UseWorkdirNotCd)[[cd /tmp]]
EOF
)docker");
  CHECK(message_of("UseWorkdirNotCd", "FROM debian\nRUN cd /app && make\n") ==
        "cd in a RUN: use WORKDIR to change the working directory");
}

TEST_CASE("UseWorkdirNotCd: only the first cd of a script, not the cds back", "[rules][hadolint]") {
  check_diagnostics({"UseWorkdirNotCd"}, R"docker(
FROM php:8.2
RUN set -eux; \
    @(UseWorkdirNotCd)[[cd /usr/src/php]]; \
    make -j"$(nproc)"; \
    cd /; \
    docker-php-source delete
RUN @(UseWorkdirNotCd)[[cd build]] && make && cd .. && cd docs && make
RUN <<EOF
@(UseWorkdirNotCd)[[cd /srv]]
cd -
EOF
)docker");
}

TEST_CASE("UseWorkdirNotCd: a cd into a directory the RUN removes", "[rules][hadolint]") {
  check_diagnostics({"UseWorkdirNotCd"}, R"docker(
FROM debian:12
RUN set -eux; \
    mkdir -p /usr/src/app; \
    tar -xf /tmp/src.tar -C /usr/src/app; \
    cd /usr/src/app; \
    ./configure && make && make install; \
    cd /; \
    rm -rf /usr/src/app
RUN cd /tmp/src/build && make && cd ../.. && rm -r -f /tmp/src/
RUN cd luarocks-3.11 && make install && cd .. && rm -Rf luarocks-3.11
RUN cd /tmp/b && make && cd / && rm -rf /tmp/b && @(UseWorkdirNotCd)[[cd /app]] && ./setup
RUN @(UseWorkdirNotCd)[[cd /opt/tool]] && make && rm /opt/tool/Makefile
RUN @(UseWorkdirNotCd)[[cd /opt/tool]] && make && (rm -rf /opt/tool)
RUN rm -rf /opt/old && @(UseWorkdirNotCd)[[cd /opt/old]] && make
)docker");
}

TEST_CASE("UseWorkdirNotCd fix", "[rules][hadolint]") {
  check_fix("UseWorkdirNotCd", "FROM debian\nRUN ^cd /app && make install\n",
            "FROM debian\nWORKDIR /app\nRUN make install\n");
  check_fix("UseWorkdirNotCd", "FROM debian\nRUN --network=none ^cd /app \\\n    && make\n",
            "FROM debian\nWORKDIR /app\nRUN --network=none make\n");
}

TEST_CASE("UseWorkdirNotCd offers no fix where WORKDIR would not do the same", "[rules][hadolint]") {
  for (std::string code : {"FROM debian\nRUN make && cd /app\n", "FROM debian\nRUN cd app && make\n",
                           "FROM debian\nRUN cd $HOME && make\n", "FROM debian\nRUN cd /a || exit 1\n"}) {
    auto doc = Document::create("file:///test/Dockerfile", 0, code);
    for (const Diag& d : run_rules(*doc, Config{}))
      if (d.rule_id == "UseWorkdirNotCd") CHECK(d.fixes.empty());
  }
}

}  // namespace
}  // namespace dfls
