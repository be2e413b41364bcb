// Tests of PipNoCacheDir (hadolint DL3042).
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

TEST_CASE("PipNoCacheDir", "[rules][hadolint]") {
  check_diagnostics({"PipNoCacheDir"}, R"docker(
FROM python:3.12 AS build
RUN pip install -r requirements.txt
FROM python:3.12 AS app
RUN @(PipNoCacheDir)[[pip install]] flask==3.0.3 && pip install --no-cache-dir gunicorn==22.0.0
RUN @(PipNoCacheDir)[[pip3 install]] -r requirements.txt && @(PipNoCacheDir)[[python3 -m pip install]] -U pip
RUN PIP_NO_CACHE_DIR=1 pip install requests==2.32.3
RUN pip --disable-pip-version-check install --no-cache-dir uvicorn==0.30.1
RUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt
RUN pip install --cache-dir /tmp/pip-cache -r requirements.txt
RUN pip freeze && pip download flask
FROM app
ENV PIP_NO_CACHE_DIR=1
RUN pip install -r requirements.txt
)docker");
  CHECK(message_of("PipNoCacheDir", "FROM python\nRUN pip install -r r.txt\n") ==
        "pip install without --no-cache-dir leaves pip's download cache in the layer");
}

TEST_CASE("PipNoCacheDir fix", "[rules][hadolint]") {
  check_fix("PipNoCacheDir", "FROM python\nRUN pip ^install -r requirements.txt\n",
            "FROM python\nRUN pip install --no-cache-dir -r requirements.txt\n");
}

}  // namespace
}  // namespace dfls
