// Tests of AptListsNotCleaned (hadolint DL3009).
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

TEST_CASE("AptListsNotCleaned", "[rules][hadolint]") {
  check_diagnostics({"AptListsNotCleaned"}, R"docker(
FROM debian:12 AS build
RUN apt-get update && apt-get install -y gcc
FROM debian:12 AS base
RUN @(AptListsNotCleaned)[[apt-get update]] && apt-get install -y curl
RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*
RUN apt-get update \
 && apt-get install -y git \
 && rm -rf /var/lib/apt/lists/*
RUN --mount=type=cache,target=/var/lib/apt,sharing=locked --mount=type=cache,target=/var/cache/apt \
    apt-get update && apt-get install -y jq
RUN --mount=type=tmpfs,target=/var/lib/apt/lists apt-get update && apt-get install -y jq
RUN set -eux; apt-get update; apt-get install -y jq; apt-get dist-clean
RUN <<EOF
set -e
apt-get update
apt-get install -y make
rm -rf /var/lib/apt/lists/*
EOF
RUN <<EOF
@(AptListsNotCleaned)[[apt-get update]]
EOF
FROM base
COPY --from=build /usr/bin/gcc /usr/bin/gcc
RUN @(AptListsNotCleaned)[[apt update]] && apt install -y vim
)docker");
  CHECK(message_of("AptListsNotCleaned", "FROM debian\nRUN apt-get update && apt-get install -y curl\n") ==
        "the package lists of apt-get update stay in the layer: remove /var/lib/apt/lists/* in the same RUN");
}

TEST_CASE("AptListsNotCleaned fix", "[rules][hadolint]") {
  check_fix("AptListsNotCleaned", "FROM debian\nRUN apt-get ^update && apt-get install -y curl\n",
            "FROM debian\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n");
  check_fix("AptListsNotCleaned",
            "FROM debian\nRUN apt-get ^update \\\n    && apt-get install -y curl   \nCMD [\"curl\"]\n",
            "FROM debian\nRUN apt-get update \\\n    && apt-get install -y curl && rm -rf /var/lib/apt/lists/*   \n"
            "CMD [\"curl\"]\n");
}

}  // namespace
}  // namespace dfls
