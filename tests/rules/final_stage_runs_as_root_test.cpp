#include <catch2/catch_test_macros.hpp>

#include "rules/run_rules.h"
#include "support/check_helpers.h"

namespace dfls::test {

TEST_CASE("FinalStageRunsAsRoot reports a final stage left as root", "[quality]") {
  check_diagnostics({"FinalStageRunsAsRoot"}, R"docker(
FROM golang:1.22 AS build
RUN go build -o /app .

FROM @(FinalStageRunsAsRoot)[[node:22]]
CMD ["node", "app.js"]
)docker");
  check_diagnostics({"FinalStageRunsAsRoot"}, R"docker(
FROM node:22
USER node
RUN npm ci
USER @(FinalStageRunsAsRoot)[[root]]
)docker");
  check_diagnostics({"FinalStageRunsAsRoot"}, R"docker(
FROM @(FinalStageRunsAsRoot)[[scratch]] AS base
COPY app /app
FROM base
CMD ["/app"]
)docker");
}

TEST_CASE("FinalStageRunsAsRoot accepts non-root users and unknown images", "[quality]") {
  check_diagnostics({"FinalStageRunsAsRoot"}, R"docker(
FROM node:22 AS build
RUN npm ci

FROM node:22-slim
USER node
CMD ["node", "app.js"]
)docker");
  check_diagnostics({"FinalStageRunsAsRoot"}, R"docker(
FROM gcr.io/distroless/static-debian12:nonroot
COPY app /app
)docker");
  check_diagnostics({"FinalStageRunsAsRoot"}, R"docker(
FROM mycompany/base:1
COPY app /app
)docker");
  check_diagnostics({"FinalStageRunsAsRoot"}, R"docker(
FROM alpine
USER 1000:1000
CMD ["/app"]
)docker");
  check_diagnostics({"FinalStageRunsAsRoot"}, R"docker(
FROM alpine
ARG RUNTIME_USER
USER $RUNTIME_USER
)docker");
}

TEST_CASE("FinalStageRunsAsRoot leaves images that start as root by design", "[quality]") {
  check_diagnostics({"FinalStageRunsAsRoot"}, R"docker(
FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y gosu
ENTRYPOINT ["docker-entrypoint.sh"]
CMD ["postgres"]
)docker");
  check_diagnostics({"FinalStageRunsAsRoot"}, R"docker(
FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y nginx
CMD ["nginx", "-g", "daemon off;"]
)docker");
  check_diagnostics({"FinalStageRunsAsRoot"}, R"docker(
FROM python:3.12-slim
RUN pip install poetry
CMD ["python3"]
)docker");
  check_diagnostics({"FinalStageRunsAsRoot"}, R"docker(
FROM golang:1.22 AS build
RUN go build -o /out/tool .
FROM scratch AS binaries
COPY --from=build /out/tool /
)docker");
  check_diagnostics({"FinalStageRunsAsRoot"}, R"docker(
FROM mcr.microsoft.com/windows/servercore:ltsc2022
CMD ["app.exe"]
)docker");
}

TEST_CASE("FinalStageRunsAsRoot follows the configured target", "[quality]") {
  Config config;
  config.target = "app";
  check_diagnostics({"FinalStageRunsAsRoot"}, R"docker(
FROM @(FinalStageRunsAsRoot)[[python:3.12-slim]] AS app
CMD ["python", "app.py"]

FROM app AS test
USER 1000
)docker",
                    config);
}

TEST_CASE("FinalStageRunsAsRoot message and fixes", "[quality]") {
  auto doc = Document::create("file:///test/Dockerfile", 0, "FROM node:22\nCMD [\"node\", \"app.js\"]\n");
  std::vector<Diag> found;
  for (const Diag& d : run_rules(*doc, Config{}))
    if (d.rule_id == "FinalStageRunsAsRoot") found.push_back(d);
  REQUIRE(found.size() == 1);
  CHECK(found[0].message == "the final image runs as root: node:22 starts as root and no USER follows");
  CHECK_FALSE(found[0].fixes.at(0).safe);
  check_fix("FinalStageRunsAsRoot",
            "FROM node:22\nWORKDIR /app\nCOPY . .\nEXPOSE 3000\nCMD [\"node\", \"app.js\"]\n",
            "FROM node:22\nWORKDIR /app\nCOPY . .\nUSER node\nEXPOSE 3000\nCMD [\"node\", \"app.js\"]\n");
  check_fix("FinalStageRunsAsRoot", "FROM alpine:3.20\nCOPY app /app\nCMD [\"/app\"]\n",
            "FROM alpine:3.20\nCOPY app /app\nRUN addgroup -S app && adduser -S -G app -H -D app\nUSER app\n"
            "CMD [\"/app\"]\n");
  check_fix("FinalStageRunsAsRoot", "FROM python:3.12-slim\nCOPY . /app\nENTRYPOINT [\"python\", \"/app/main.py\"]",
            "FROM python:3.12-slim\nCOPY . /app\n"
            "RUN groupadd --system app && useradd --system --gid app --no-create-home app\nUSER app\n"
            "ENTRYPOINT [\"python\", \"/app/main.py\"]");
  check_fix("FinalStageRunsAsRoot", "FROM golang:1.22 AS b\nFROM scratch\nCOPY --from=b /app /app\n# run it\nENTRYPOINT [\"/app\"]\n",
            "FROM golang:1.22 AS b\nFROM scratch\nCOPY --from=b /app /app\nUSER 65532:65532\n# run it\n"
            "ENTRYPOINT [\"/app\"]\n");
  check_fix("FinalStageRunsAsRoot", "FROM gcr.io/distroless/static-debian12\nCOPY app /app\nCMD [\"/app\"]\n",
            "FROM gcr.io/distroless/static-debian12\nCOPY app /app\nUSER nonroot:nonroot\nCMD [\"/app\"]\n");
}

}  // namespace dfls::test
