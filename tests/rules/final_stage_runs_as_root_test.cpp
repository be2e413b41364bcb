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

TEST_CASE("FinalStageRunsAsRoot leaves a USER given through a variable", "[quality]") {
  // otelcol-ebpf-profiler: root is the default of a build argument the builder may override.
  check_diagnostics({"FinalStageRunsAsRoot"}, R"docker(
FROM scratch
ARG USER_UID=0
USER ${USER_UID}
COPY app /app
ENTRYPOINT ["/app"]
)docker");
  check_diagnostics({"FinalStageRunsAsRoot"}, R"docker(
FROM alpine:3.20
ARG GID=1000
USER @(FinalStageRunsAsRoot)[[root:${GID}]]
CMD ["/app"]
)docker");
}

TEST_CASE("FinalStageRunsAsRoot looks through init wrappers", "[quality]") {
  // traefik docs/check: tini with options in front of a shell.
  check_diagnostics({"FinalStageRunsAsRoot"}, R"docker(
FROM alpine:3.20
ENTRYPOINT ["/sbin/tini", "-g", "sh"]
)docker");
  // moby's dev container: dind with no command of its own.
  check_diagnostics({"FinalStageRunsAsRoot"}, R"docker(
FROM golang:1.22
WORKDIR /usr/src/project
ENTRYPOINT ["hack/dind"]
)docker");
  check_diagnostics({"FinalStageRunsAsRoot"}, R"docker(
FROM alpine:3.20
RUN apk add --no-cache docker
ENTRYPOINT ["dockerd-entrypoint.sh"]
CMD ["dockerd"]
)docker");
  check_diagnostics({"FinalStageRunsAsRoot"}, R"docker(
FROM @(FinalStageRunsAsRoot)[[alpine:3.20]]
ENTRYPOINT ["/sbin/tini", "-p", "SIGTERM", "--"]
CMD ["/usr/local/bin/server"]
)docker");
  check_diagnostics({"FinalStageRunsAsRoot"}, R"docker(
FROM @(FinalStageRunsAsRoot)[[node:22]]
ENTRYPOINT ["node"]
CMD ["server.js"]
)docker");
}

TEST_CASE("FinalStageRunsAsRoot leaves WebAssembly modules and exported artifacts", "[quality]") {
  check_diagnostics({"FinalStageRunsAsRoot"}, R"docker(
FROM scratch
COPY app.wasm /app.wasm
ENTRYPOINT ["/app.wasm"]
)docker");
  // opentelemetry-demo's android image only carries the APK for `docker cp`.
  check_diagnostics({"FinalStageRunsAsRoot"}, R"docker(
FROM scratch
COPY app-release.apk /app.apk
ENTRYPOINT ["/app.apk"]
)docker");
  // A jar run by java, or run directly (a Spring Boot executable jar), is a process like any other.
  check_diagnostics({"FinalStageRunsAsRoot"}, R"docker(
FROM @(FinalStageRunsAsRoot)[[eclipse-temurin:21-jre]]
COPY app.jar /app.jar
ENTRYPOINT ["java", "-jar", "/app.jar"]
)docker");
  check_diagnostics({"FinalStageRunsAsRoot"}, R"docker(
FROM @(FinalStageRunsAsRoot)[[eclipse-temurin:21-jre]]
COPY app.jar /app.jar
ENTRYPOINT ["/app.jar"]
)docker");
}

TEST_CASE("FinalStageRunsAsRoot leaves tools that need root and BuildKit frontends", "[quality]") {
  check_diagnostics({"FinalStageRunsAsRoot"}, R"docker(
FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends tshark && rm -rf /var/lib/apt/lists/*
ENTRYPOINT ["tshark", "-i", "any"]
)docker");
  check_diagnostics({"FinalStageRunsAsRoot"}, R"docker(
FROM scratch AS release
LABEL moby.buildkit.frontend.network.none="true"
COPY frontend /bin/dockerfile-frontend
ENTRYPOINT ["/bin/dockerfile-frontend"]
)docker");
}

TEST_CASE("FinalStageRunsAsRoot treats a redundant USER root as no USER", "[quality]") {
  // devcontainers/images: USER root restating the base's user, in an image with no command.
  check_diagnostics({"FinalStageRunsAsRoot"}, R"docker(
FROM debian:bookworm
USER root
RUN apt-get update && apt-get install -y --no-install-recommends cmake && rm -rf /var/lib/apt/lists/*
)docker");
  check_diagnostics({"FinalStageRunsAsRoot"}, R"docker(
FROM debian:bookworm
USER @(FinalStageRunsAsRoot)[[root]]
CMD ["/app"]
)docker");
  // The base's user is unknown: USER root may switch away from a non-root one.
  check_diagnostics({"FinalStageRunsAsRoot"}, R"docker(
FROM mycompany/base:1
USER @(FinalStageRunsAsRoot)[[root]]
RUN make install
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

TEST_CASE("FinalStageRunsAsRoot uses the app user of .NET 8 and later only", "[quality]") {
  check_fix("FinalStageRunsAsRoot",
            "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nWORKDIR /app\nCOPY out .\nENTRYPOINT [\"dotnet\", \"app.dll\"]\n",
            "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nWORKDIR /app\nCOPY out .\nUSER app\n"
            "ENTRYPOINT [\"dotnet\", \"app.dll\"]\n");
  // awesome-compose aspnet-mssql: the app user does not exist before .NET 8.
  check_fix("FinalStageRunsAsRoot",
            "FROM mcr.microsoft.com/dotnet/aspnet:6.0\nWORKDIR /app\nCOPY out .\nENTRYPOINT [\"dotnet\", \"app.dll\"]\n",
            "FROM mcr.microsoft.com/dotnet/aspnet:6.0\nWORKDIR /app\nCOPY out .\n"
            "RUN groupadd --system app && useradd --system --gid app --no-create-home app\nUSER app\n"
            "ENTRYPOINT [\"dotnet\", \"app.dll\"]\n");
}

}  // namespace dfls::test
