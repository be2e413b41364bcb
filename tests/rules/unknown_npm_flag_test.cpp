#include <catch2/catch_test_macros.hpp>

#include "rules/run_rules.h"
#include "support/check_helpers.h"

namespace dfls::test {

TEST_CASE("UnknownNpmFlag reports yarn flags given to npm", "[quality]") {
  check_diagnostics({"UnknownNpmFlag"}, R"docker(
FROM node:22
RUN npm ci @(UnknownNpmFlag)[[--frozen-lockfile]]
RUN npm install @(UnknownNpmFlag)[[--pure-lockfile]] @(UnknownNpmFlag)[[--non-interactive]]
RUN yarn install --frozen-lockfile
RUN pnpm install --frozen-lockfile
RUN npm ci --prefer-offline --no-audit
RUN npm run build -- --frozen-lockfile
)docker");
}

TEST_CASE("UnknownNpmFlag message and fix", "[quality]") {
  auto doc = Document::create("file:///test/Dockerfile", 0, "FROM node:22\nRUN npm ci --frozen-lockfile\n");
  std::vector<Diag> found;
  for (const Diag& d : run_rules(*doc, Config{}))
    if (d.rule_id == "UnknownNpmFlag") found.push_back(d);
  REQUIRE(found.size() == 1);
  CHECK(found[0].message == "`--frozen-lockfile` is not an npm flag (it is yarn's): npm ignores it");
  CHECK(found[0].fixes.at(0).safe);
  check_fix("UnknownNpmFlag", "FROM node:22\nRUN npm ci ^--frozen-lockfile && npm run build\n",
            "FROM node:22\nRUN npm ci && npm run build\n");
}

}  // namespace dfls::test
