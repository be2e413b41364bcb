// Tests of PinPipPackageVersions (hadolint DL3013).
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

TEST_CASE("PinPipPackageVersions", "[rules][hadolint]") {
  check_diagnostics({"PinPipPackageVersions"}, R"docker(
FROM python:3.12
RUN pip install --no-cache-dir @(PinPipPackageVersions)[[flask]] gunicorn==22.0.0 "uvicorn>=0.30" 'pkg[extra]~=1.2'
RUN pip3 install -r requirements.txt -c constraints.txt . ./lib /wheels/app-1.0-py3-none-any.whl
RUN python3 -m pip install --upgrade @(PinPipPackageVersions)[[pip]] && pip install -e ./src
RUN pip install git+https://github.com/org/repo.git "pkg @ https://example.com/pkg.zip" $EXTRA
RUN pip install -i https://pypi.example.com/simple @(PinPipPackageVersions)[[requests]]
RUN pip uninstall -y flask && pip freeze
)docker");
  CHECK(message_of("PinPipPackageVersions", "FROM python\nRUN pip install flask\n") ==
        "pip package 'flask' has no version: pin it (flask==<version>)");
}

}  // namespace
}  // namespace dfls
