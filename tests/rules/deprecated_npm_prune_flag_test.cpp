#include <catch2/catch_test_macros.hpp>

#include "rules/run_rules.h"
#include "support/check_helpers.h"

namespace dfls::test {

TEST_CASE("DeprecatedNpmPruneFlag reports --production and --only=prod", "[quality]") {
  check_diagnostics({"DeprecatedNpmPruneFlag"}, R"docker(
FROM node:22
RUN npm prune @(DeprecatedNpmPruneFlag)[[--production]]
RUN npm ci @(DeprecatedNpmPruneFlag)[[--only=production]]
RUN npm install @(DeprecatedNpmPruneFlag)[[--only prod]]
RUN npm ci @(DeprecatedNpmPruneFlag)[[--production=false]]
RUN npm prune --omit=dev
RUN yarn install --production
RUN npm run build --production
)docker");
}

TEST_CASE("DeprecatedNpmPruneFlag message and fixes", "[quality]") {
  auto doc = Document::create("file:///test/Dockerfile", 0, "FROM node:22\nRUN npm prune --production\n");
  std::vector<Diag> found;
  for (const Diag& d : run_rules(*doc, Config{}))
    if (d.rule_id == "DeprecatedNpmPruneFlag") found.push_back(d);
  REQUIRE(found.size() == 1);
  CHECK(found[0].message == "`--production` is deprecated in npm: use `--omit=dev`");
  CHECK(found[0].tags == std::vector<DiagTag>{DiagTag::Deprecated});
  check_fix("DeprecatedNpmPruneFlag", "FROM node:22\nRUN npm prune ^--production\n",
            "FROM node:22\nRUN npm prune --omit=dev\n");
  check_fix("DeprecatedNpmPruneFlag", "FROM node:22\nRUN npm install ^--only prod\n",
            "FROM node:22\nRUN npm install --omit=dev\n");
  check_fix("DeprecatedNpmPruneFlag", "FROM node:22\nRUN npm ci ^--production=false\n",
            "FROM node:22\nRUN npm ci --include=dev\n");
}

}  // namespace dfls::test
