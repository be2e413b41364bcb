#include <catch2/catch_test_macros.hpp>

#include "rules/run_rules.h"
#include "support/check_helpers.h"
#include "support/temp_context.h"

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
CMD ["node", "/app/dist/server.js"]
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

TEST_CASE("DevDependenciesInFinalImage leaves images that run the dev tools or nothing", "[quality]") {
  // awesome-compose angular: ng serve needs @angular/cli, a devDependency.
  check_diagnostics({"DevDependenciesInFinalImage"}, R"docker(
FROM node:20
WORKDIR /project
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
CMD ["ng", "serve", "--host", "0.0.0.0"]
)docker");
  // opentelemetry-demo genproto: a tool image with no command of its own.
  check_diagnostics({"DevDependenciesInFinalImage"}, R"docker(
FROM node:20-alpine
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
)docker");
  // awesome-compose react-express-mongodb: the dev script (nodemon), inherited by dev-envs.
  check_diagnostics({"DevDependenciesInFinalImage"}, R"docker(
FROM node:20 AS development
WORKDIR /code
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
CMD ["npm", "run", "dev"]

FROM development AS dev-envs
RUN useradd -s /bin/bash -m vscode
)docker");
  check_diagnostics({"DevDependenciesInFinalImage"}, R"docker(
FROM node:20
WORKDIR /app
RUN yarn install
CMD ["yarn", "run", "serve"]
)docker");
}

TEST_CASE("DevDependenciesInFinalImage reads package.json in the context", "[quality]") {
  // awesome-compose nginx-nodejs-redis: no devDependencies to leave out.
  TempContext none({{"package.json", R"({"name": "web", "scripts": {"start": "node server.js"},
                                          "dependencies": {"express": "^4.17.2"}})"}});
  check_diagnostics({"DevDependenciesInFinalImage"}, R"docker(
FROM node:20-alpine
WORKDIR /usr/src/app
COPY package.json package-lock.json ./
RUN npm ci
COPY server.js ./
USER node
CMD ["npm", "start"]
)docker",
                    none.config());
  TempContext some({{"package.json", R"({"scripts": {"start": "node server.js"},
                                          "devDependencies": {"eslint": "^9.0.0"}})"}});
  check_diagnostics({"DevDependenciesInFinalImage"}, R"docker(
FROM node:20-alpine
WORKDIR /usr/src/app
COPY package.json package-lock.json ./
RUN @(DevDependenciesInFinalImage)[[npm ci]]
COPY server.js ./
USER node
CMD ["npm", "start"]
)docker",
                    some.config());
  // argo-cd's UI image: `pnpm start` is webpack-dev-server.
  TempContext dev({{"package.json", R"({"scripts": {"start": "webpack-dev-server --mode development"},
                                         "devDependencies": {"webpack-dev-server": "^5.0.0"}})"}});
  check_diagnostics({"DevDependenciesInFinalImage"}, R"docker(
FROM node:22
WORKDIR /src
COPY . .
RUN pnpm install --frozen-lockfile
ENTRYPOINT ["pnpm", "start"]
)docker",
                    dev.config());
}

TEST_CASE("DevDependenciesInFinalImage message and fixes", "[quality]") {
  auto doc = Document::create("file:///test/Dockerfile", 0, "FROM node:22\nRUN npm ci\nCMD [\"node\", \"server.js\"]\n");
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
            "FROM node:22-slim\nCOPY --from=build ^/app /app\nCMD [\"node\", \"/app/dist/server.js\"]\n",
            "FROM node:22 AS build\nWORKDIR /app\nRUN npm ci && npm run build\nRUN npm prune --omit=dev\n"
            "FROM node:22-slim\nCOPY --from=build /app /app\nCMD [\"node\", \"/app/dist/server.js\"]\n");
  check_fix("DevDependenciesInFinalImage", "FROM node:22\nRUN ^pnpm install\nCMD [\"node\", \"index.js\"]\n",
            "FROM node:22\nRUN pnpm install --prod\nCMD [\"node\", \"index.js\"]\n");
}

}  // namespace dfls::test
