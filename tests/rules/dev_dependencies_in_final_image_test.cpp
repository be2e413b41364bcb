#include <catch2/catch_test_macros.hpp>

#include "rules/run_rules.h"
#include "support/check_helpers.h"

namespace dfls::test {

TEST_CASE("DevDependenciesInFinalImage reports dev installs that reach the final image", "[quality]") {
  check_diagnostics({"DevDependenciesInFinalImage"}, R"docker(
FROM node:22
WORKDIR /app
RUN @(DevDependenciesInFinalImage)[[npm ci]]
CMD ["node", "server.js"]
)docker");
  check_diagnostics({"DevDependenciesInFinalImage"}, R"docker(
FROM node:22 AS build
WORKDIR /app
RUN npm ci && npm run build

FROM node:22-slim
COPY --from=build @(DevDependenciesInFinalImage)[[/app/node_modules]] /app/node_modules
COPY --from=build /app/dist /app/dist
)docker");
}

TEST_CASE("DevDependenciesInFinalImage accepts production installs and prunes", "[quality]") {
  check_diagnostics({"DevDependenciesInFinalImage"}, R"docker(
FROM node:22 AS build
WORKDIR /app
RUN npm ci
RUN npm run build && npm prune --omit=dev

FROM node:22 AS deps
WORKDIR /app
ENV NODE_ENV=production
RUN npm ci

FROM node:22-slim
COPY --from=build /app/node_modules /app/node_modules
COPY --from=deps /app /app
RUN npm ci --omit=dev
RUN yarn install --production
RUN NODE_ENV=production pnpm install
)docker");
  check_diagnostics({"DevDependenciesInFinalImage"}, R"docker(
FROM node:22 AS build
RUN npm ci && npm run build

FROM nginx:alpine
COPY --from=build /dist /usr/share/nginx/html
)docker");
}

TEST_CASE("DevDependenciesInFinalImage message and fixes", "[quality]") {
  auto doc = Document::create("file:///test/Dockerfile", 0, "FROM node:22\nRUN npm ci\n");
  std::vector<Diag> found;
  for (const Diag& d : run_rules(*doc, Config{}))
    if (d.rule_id == "DevDependenciesInFinalImage") found.push_back(d);
  REQUIRE(found.size() == 1);
  CHECK(found[0].message == "`npm ci` installs devDependencies, and they stay in the final image");
  CHECK(found[0].severity == Severity::Info);
  check_fix("DevDependenciesInFinalImage", "FROM node:22\nRUN ^npm ci\nCMD [\"node\", \"server.js\"]\n",
            "FROM node:22\nRUN npm ci --omit=dev\nCMD [\"node\", \"server.js\"]\n");
  check_fix("DevDependenciesInFinalImage", "FROM node:22\nRUN ^npm ci\nRUN npm run build\nCMD [\"npm\", \"start\"]\n",
            "FROM node:22\nRUN npm ci\nRUN npm run build\nRUN npm prune --omit=dev\nCMD [\"npm\", \"start\"]\n");
  check_fix("DevDependenciesInFinalImage",
            "FROM node:22 AS build\nWORKDIR /app\nRUN npm ci && npm run build\n"
            "FROM node:22-slim\nCOPY --from=build ^/app /app\n",
            "FROM node:22 AS build\nWORKDIR /app\nRUN npm ci && npm run build\nRUN npm prune --omit=dev\n"
            "FROM node:22-slim\nCOPY --from=build /app /app\n");
  check_fix("DevDependenciesInFinalImage", "FROM node:22\nRUN ^pnpm install\n",
            "FROM node:22\nRUN pnpm install --prod\n");
}

}  // namespace dfls::test
