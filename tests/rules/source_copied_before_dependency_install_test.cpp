#include <unistd.h>

#include <catch2/catch_test_macros.hpp>
#include <filesystem>
#include <fstream>

#include "rules/run_rules.h"
#include "support/check_helpers.h"
#include "support/temp_context.h"

namespace dfls::test {

namespace {

std::vector<Diag> order_findings(std::string_view text, const Config& config = {}) {
  auto doc = Document::create("file:///test/Dockerfile", 0, std::string(text));
  std::vector<Diag> out;
  for (const Diag& d : run_rules(*doc, config))
    if (d.rule_id == "SourceCopiedBeforeDependencyInstall") out.push_back(d);
  return out;
}

}  // namespace

TEST_CASE("SourceCopiedBeforeDependencyInstall reports installs after a whole-context copy", "[quality]") {
  check_diagnostics({"SourceCopiedBeforeDependencyInstall"}, R"docker(
FROM node:22
WORKDIR /app
COPY @(SourceCopiedBeforeDependencyInstall)[[.]] .
RUN npm ci

FROM node:22
WORKDIR /app
COPY package*.json ./
RUN npm ci
COPY . .
RUN npm run build

FROM golang:1.22
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN go build -o /app .

FROM golang:1.22
COPY @(SourceCopiedBeforeDependencyInstall)[[./]] /src
WORKDIR /src
RUN go build -o /app .

FROM python:3.12
COPY . /app
RUN pip install -r /tmp/requirements.txt

FROM python:3.12
ADD @(SourceCopiedBeforeDependencyInstall)[[.]] /app
RUN cd /app && pip install -r requirements.txt && pip install gunicorn

FROM maven:3.9-eclipse-temurin-21
WORKDIR /app
COPY @(SourceCopiedBeforeDependencyInstall)[[.]] .
RUN mvn -B package -DskipTests
)docker");
}

TEST_CASE("SourceCopiedBeforeDependencyInstall message", "[quality]") {
  auto found = order_findings("FROM node:22\nWORKDIR /app\nCOPY . .\nRUN npm ci\n");
  REQUIRE(found.size() == 1);
  CHECK(found[0].message ==
        "COPY . copies the whole build context before `npm ci` (line 4): any source change reruns the install");
  REQUIRE(found[0].fixes.size() == 1);
  CHECK_FALSE(found[0].fixes[0].safe);  // No context on disk: the manifests are conventions.
}

TEST_CASE("SourceCopiedBeforeDependencyInstall fixes", "[quality]") {
  check_fix("SourceCopiedBeforeDependencyInstall",
            "FROM node:22\nWORKDIR /app\n# the sources\nCOPY --chown=node:node ^. .\nRUN npm ci && npm run build\n",
            "FROM node:22\nWORKDIR /app\nCOPY --chown=node:node package.json package-lock.json ./\nRUN npm ci\n"
            "# the sources\nCOPY --chown=node:node . .\nRUN npm run build\n");
  check_fix("SourceCopiedBeforeDependencyInstall",
            "FROM node:22\nWORKDIR /app\nCOPY package*.json ./\nCOPY ^. .\nRUN --mount=type=cache,target=/root/.npm npm ci\n"
            "CMD [\"node\", \"index.js\"]\n",
            "FROM node:22\nWORKDIR /app\nCOPY package*.json ./\nRUN --mount=type=cache,target=/root/.npm npm ci\nCOPY . .\n"
            "CMD [\"node\", \"index.js\"]\n");
  check_fix("SourceCopiedBeforeDependencyInstall", "FROM golang:1.22\nWORKDIR /src\nCOPY ^. .\nRUN go build -o /app .\n",
            "FROM golang:1.22\nWORKDIR /src\nCOPY go.mod go.sum ./\nRUN go mod download\nCOPY . .\nRUN go build -o /app .\n");
  check_fix("SourceCopiedBeforeDependencyInstall",
            "FROM maven:3.9-eclipse-temurin-21\nWORKDIR /app\nCOPY ^. .\nRUN mvn -B package\n",
            "FROM maven:3.9-eclipse-temurin-21\nWORKDIR /app\nCOPY pom.xml ./\nRUN mvn -B dependency:go-offline\nCOPY . .\n"
            "RUN mvn -B package\n");
  check_fix("SourceCopiedBeforeDependencyInstall",
            "FROM python:3.12\nWORKDIR /app\nCOPY ^. .\nRUN pip install -r requirements/prod.txt\n",
            "FROM python:3.12\nWORKDIR /app\nCOPY requirements/prod.txt ./requirements/\n"
            "RUN pip install -r requirements/prod.txt\nCOPY . .\n");
  auto found = order_findings("FROM maven:3.9-eclipse-temurin-21\nCOPY . .\nRUN mvn package\n");
  REQUIRE(found.size() == 1);
  CHECK(found[0].fixes.at(0).title == "Copy pom.xml and run `mvn -B dependency:go-offline` before copying the sources");
}

TEST_CASE("SourceCopiedBeforeDependencyInstall copies the manifests the context has", "[quality]") {
  std::string dir = (std::filesystem::temp_directory_path() / "dfls-order-XXXXXX").string();
  REQUIRE(mkdtemp(dir.data()) != nullptr);
  for (const char* f : {"package.json", "yarn.lock", "web/package.json", "web/yarn.lock"}) {
    std::filesystem::create_directories((std::filesystem::path(dir) / f).parent_path());
    std::ofstream(std::filesystem::path(dir) / f) << "{}\n";
  }
  Config config;
  config.context_dir = dir;
  auto found = order_findings("FROM node:22\nWORKDIR /app\nCOPY . .\nRUN yarn install --frozen-lockfile\n", config);
  REQUIRE(found.size() == 1);
  REQUIRE(found[0].fixes.size() == 1);
  CHECK(found[0].fixes[0].safe);
  check_fix("SourceCopiedBeforeDependencyInstall",
            "FROM node:22\nWORKDIR /app\nCOPY ^web/ /app/\nRUN apt-get update && apt-get install -y git\nRUN yarn\n",
            "FROM node:22\nWORKDIR /app\nRUN apt-get update && apt-get install -y git\n"
            "COPY web/package.json web/yarn.lock ./\nRUN yarn\nCOPY web/ /app/\n",
            config);
  found = order_findings("FROM node:22\nWORKDIR /app\nCOPY . .\nRUN ./configure.sh\nRUN yarn\n", config);
  REQUIRE(found.size() == 1);
  CHECK_FALSE(found[0].fixes.at(0).safe);  // ./configure.sh may read the sources.
  std::filesystem::remove_all(dir);
}

TEST_CASE("SourceCopiedBeforeDependencyInstall is info when a cache mount keeps the downloads", "[quality]") {
  // dotnet-docker samples: the NuGet cache is mounted, so the rerun downloads nothing again.
  auto found = order_findings(R"docker(# syntax=docker/dockerfile:1
FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build
WORKDIR /source
COPY --link . .
RUN --mount=type=cache,target=/root/.nuget dotnet publish -o /app app.csproj
)docker");
  REQUIRE(found.size() == 1);
  CHECK(found[0].severity == Severity::Info);
  CHECK(found[0].message == "COPY . copies the whole build context before `dotnet publish` (line 5): any source "
                            "change reruns the install, though the cache mount on /root/.nuget keeps the downloads");
  found = order_findings(R"docker(# syntax=docker/dockerfile:1
FROM golang:1.22 AS build
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/go/pkg/mod --mount=type=cache,target=/root/.cache/go-build go build -o /app .
)docker");
  REQUIRE(found.size() == 1);
  CHECK(found[0].severity == Severity::Info);
  // A mount on the build cache alone keeps no downloads.
  found = order_findings(R"docker(# syntax=docker/dockerfile:1
FROM golang:1.22 AS build
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.cache/go-build go build -o /app .
)docker");
  REQUIRE(found.size() == 1);
  CHECK(found[0].severity == Severity::Warning);
}

TEST_CASE("SourceCopiedBeforeDependencyInstall leaves Go modules with nothing to download", "[quality]") {
  const char* snippet = R"docker(
FROM golang:1.22-alpine AS build
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -o /app main.go
)docker";
  // ingress-nginx fastcgi-helloserver: a go.mod without requirements.
  TempContext bare({{"go.mod", "module example.com/hello\n\ngo 1.22\n"}});
  CHECK(order_findings(snippet, bare.config()).empty());
  TempContext vendored({{"go.mod", "module example.com/hello\n\nrequire golang.org/x/text v0.14.0\n"},
                        {"vendor/modules.txt", "# golang.org/x/text v0.14.0\n"}});
  CHECK(order_findings(snippet, vendored.config()).empty());
  TempContext required({{"go.mod", "module example.com/hello\n\ngo 1.22\n\nrequire (\n\tgolang.org/x/text v0.14.0\n)\n"}});
  CHECK(order_findings(snippet, required.config()).size() == 1);
}

TEST_CASE("SourceCopiedBeforeDependencyInstall expands GOPATH of golang images", "[quality]") {
  // thanos Dockerfile.e2e-tests.
  check_diagnostics({"SourceCopiedBeforeDependencyInstall"}, R"docker(
FROM golang:1.22
WORKDIR $GOPATH/src/github.com/example/app
COPY @(SourceCopiedBeforeDependencyInstall)[[.]] $GOPATH/src/github.com/example/app
RUN go build -o /bin/app ./cmd/app
ENTRYPOINT ["/bin/app"]
)docker");
  check_fix("SourceCopiedBeforeDependencyInstall",
            "FROM golang:1.22\nWORKDIR $GOPATH/src/app\nCOPY ^. $GOPATH/src/app\nRUN go build -o /bin/app .\n",
            "FROM golang:1.22\nWORKDIR $GOPATH/src/app\nCOPY go.mod go.sum ./\nRUN go mod download\n"
            "COPY . $GOPATH/src/app\nRUN go build -o /bin/app .\n");
  // Another base image: GOPATH is whatever the Dockerfile says, here nothing known.
  check_diagnostics({"SourceCopiedBeforeDependencyInstall"}, R"docker(
FROM debian:12
ARG GOPATH
WORKDIR $GOPATH/src/app
COPY . $GOPATH/src/app
RUN go build -o /bin/app .
)docker");
}

}  // namespace dfls::test
