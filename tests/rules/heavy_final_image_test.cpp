#include <catch2/catch_test_macros.hpp>

#include "rules/run_rules.h"
#include "support/check_helpers.h"
#include "support/temp_context.h"

namespace dfls::test {

TEST_CASE("HeavyFinalImage reports a build image that only runs the app", "[quality]") {
  check_diagnostics({"HeavyFinalImage"}, R"docker(
FROM @(HeavyFinalImage)[[node:22]]
WORKDIR /app
COPY . .
RUN npm ci && npm run build
CMD ["node", "dist/server.js"]
)docker");
  check_diagnostics({"HeavyFinalImage"}, R"docker(
FROM golang:1.22 AS build
RUN go build -o /app .
FROM @(HeavyFinalImage)[[golang:1.22]]
COPY --from=build /app /app
ENTRYPOINT ["/app"]
)docker");
  check_diagnostics({"HeavyFinalImage"}, R"docker(
FROM @(HeavyFinalImage)[[maven:3.9-eclipse-temurin-21]]
COPY . .
RUN mvn -B package
CMD java -jar target/app.jar
)docker");
}

TEST_CASE("HeavyFinalImage leaves runtime images and toolchain commands alone", "[quality]") {
  check_diagnostics({"HeavyFinalImage"}, R"docker(
FROM node:22 AS build
RUN npm ci && npm run build
FROM node:22-slim
COPY --from=build /app /app
CMD ["node", "/app/dist/server.js"]
)docker");
  check_diagnostics({"HeavyFinalImage"}, R"docker(
FROM node:22
COPY . .
RUN npm ci
CMD ["npm", "run", "dev"]
)docker");
  check_diagnostics({"HeavyFinalImage"}, R"docker(
FROM golang:1.22
COPY . .
CMD ["go", "run", "."]
)docker");
  check_diagnostics({"HeavyFinalImage"}, R"docker(
FROM python:3.12
RUN pip install tox
)docker");
}

TEST_CASE("HeavyFinalImage leaves commands that drive the toolchain behind wrappers", "[quality]") {
  // opentelemetry-collector-releases: ocb generates Go code and runs go build.
  check_diagnostics({"HeavyFinalImage"}, R"docker(
FROM golang:1.22-alpine
COPY ocb /usr/local/bin/ocb
ENTRYPOINT ["ocb"]
)docker");
  // argo-cd's Tilt image: Delve behind tini.
  check_diagnostics({"HeavyFinalImage"}, R"docker(
FROM golang:1.22
RUN go install github.com/go-delve/delve/cmd/dlv@v1.23.0
COPY app /usr/local/bin/app
ENTRYPOINT ["/usr/bin/tini", "-s", "--", "dlv", "exec", "/usr/local/bin/app", "--headless"]
)docker");
  // moby's dev container: dind with no command of its own.
  check_diagnostics({"HeavyFinalImage"}, R"docker(
FROM golang:1.22
WORKDIR /usr/src/project
ENTRYPOINT ["hack/dind"]
)docker");
  check_diagnostics({"HeavyFinalImage"}, R"docker(
FROM node:22
COPY . .
RUN npm ci
CMD ["sh", "-c", "npm ci && npx vue-cli-service serve"]
)docker");
  check_diagnostics({"HeavyFinalImage"}, R"docker(
FROM @(HeavyFinalImage)[[golang:1.22]]
COPY app /usr/local/bin/app
ENTRYPOINT ["/usr/bin/tini", "--", "/usr/local/bin/app"]
)docker");
}

TEST_CASE("HeavyFinalImage resolves npm scripts through package.json in the context", "[quality]") {
  TempContext dev({{"package.json", R"({"scripts": {"start": "webpack-dev-server --mode development"}})"}});
  check_diagnostics({"HeavyFinalImage"}, R"docker(
FROM node:22
WORKDIR /app
COPY . .
RUN npm ci
ENTRYPOINT ["pnpm", "start"]
)docker",
                    dev.config());
  TempContext app({{"package.json", R"({"scripts": {"start": "node server.js"}})"}});
  check_diagnostics({"HeavyFinalImage"}, R"docker(
FROM @(HeavyFinalImage)[[node:22]]
WORKDIR /app
COPY . .
RUN npm ci
CMD ["npm", "start"]
)docker",
                    app.config());
}

TEST_CASE("HeavyFinalImage message", "[quality]") {
  auto doc = Document::create("file:///test/Dockerfile", 0, "FROM node:22\nRUN npm ci\nCMD [\"node\", \"index.js\"]\n");
  std::vector<Diag> found;
  for (const Diag& d : run_rules(*doc, Config{}))
    if (d.rule_id == "HeavyFinalImage") found.push_back(d);
  REQUIRE(found.size() == 1);
  CHECK(found[0].message == "the final image is based on node:22, a full build image, while it only runs the app: "
                            "build in a builder stage and run on node:22-slim");
  CHECK(found[0].severity == Severity::Info);
  REQUIRE_FALSE(found[0].fixes.empty());
  CHECK_FALSE(found[0].fixes[0].safe);
}

TEST_CASE("HeavyFinalImage splits a single-stage build", "[quality]") {
  check_fix("HeavyFinalImage",
            "FROM ^node:22\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm run build\nEXPOSE 3000\nCMD [\"node\", \"dist/server.js\"]\n",
            R"docker(
FROM node:22 AS build
WORKDIR /app
COPY . .
RUN npm ci && npm run build
RUN npm prune --omit=dev

FROM node:22-slim
WORKDIR /app
COPY --from=build /app/package.json /app/package.json
COPY --from=build /app/node_modules /app/node_modules
COPY --from=build /app/dist /app/dist
EXPOSE 3000
CMD ["node", "dist/server.js"]
)docker");
  check_fix("HeavyFinalImage", "FROM ^golang:1.22\nWORKDIR /src\nCOPY . .\nRUN go build -o /bin/server .\nCMD /bin/server\n",
            R"docker(
FROM golang:1.22 AS build
WORKDIR /src
COPY . .
RUN go build -o /bin/server .

FROM gcr.io/distroless/base-debian12
WORKDIR /src
COPY --from=build /bin/server /bin/server
CMD ["/bin/server"]
)docker");
  check_fix("HeavyFinalImage",
            "FROM ^python:3.12\nWORKDIR /app\nENV PYTHONUNBUFFERED=1\nCOPY . .\nRUN pip install -r requirements.txt\n"
            "CMD [\"gunicorn\", \"app:app\"]\n",
            R"docker(
FROM python:3.12 AS build
WORKDIR /app
ENV PYTHONUNBUFFERED=1
COPY . .
RUN python -m venv /opt/venv
ENV PATH="/opt/venv/bin:$PATH"
RUN pip install -r requirements.txt

FROM python:3.12-slim
WORKDIR /app
ENV PYTHONUNBUFFERED=1
ENV PATH="/opt/venv/bin:$PATH"
COPY --from=build /opt/venv /opt/venv
COPY --from=build /app /app
CMD ["gunicorn", "app:app"]
)docker");
  check_fix("HeavyFinalImage",
            "FROM ^maven:3.9-eclipse-temurin-17\nWORKDIR /app\nCOPY . .\nRUN mvn -B package\n"
            "CMD [\"java\", \"-jar\", \"target/app.jar\"]\n",
            R"docker(
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /app
COPY . .
RUN mvn -B package

FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=build /app/target/app.jar /app/target/app.jar
CMD ["java", "-jar", "target/app.jar"]
)docker");
  check_fix("HeavyFinalImage", "FROM golang:1.22 AS b\nFROM ^node:22\nCOPY --from=b /x /x\nCMD [\"node\", \"/x\"]\n",
            "FROM golang:1.22 AS b\nFROM node:22-slim\nCOPY --from=b /x /x\nCMD [\"node\", \"/x\"]\n");
}

}  // namespace dfls::test
