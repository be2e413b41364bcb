// Document links on annotated snippets: every link is written as `@(target)[[...]]`, and the
// snippet's links must be exactly those.
#include <catch2/catch_test_macros.hpp>

#include <string>
#include <vector>

#include "features/links.h"
#include "support/annotations.h"
#include "support/documents.h"

using namespace dfls;
using dfls::test::Annotations;
using dfls::test::describe_payloads;
using dfls::test::describe_range;
using dfls::test::make_document;

namespace {

void check_links(std::string_view annotated) {
  Annotations t(annotated);
  auto doc = make_document(t.code());
  std::vector<std::string> got;
  for (const auto& link : document_links(*doc)) got.push_back(describe_range(t.code(), link.target, link.range));
  CHECK(got == describe_payloads(t));
}

}  // namespace

TEST_CASE("links: Docker Hub images, official and not, without their tag", "[links]") {
  check_links(R"(
FROM @(https://hub.docker.com/_/alpine)[[alpine]]:3.20 AS base
FROM @(https://hub.docker.com/r/bitnami/redis)[[bitnami/redis]]@sha256:4b2c0c5e0a0e3c1d
FROM @(https://hub.docker.com/_/node)[[docker.io/library/node]]:22
FROM @(https://hub.docker.com/r/grafana/grafana)[[docker.io/grafana/grafana]]
FROM base AS again
FROM scratch
)");
}

TEST_CASE("links: other registries' pages", "[links]") {
  check_links(R"(
FROM @(https://ghcr.io/acme/tools)[[ghcr.io/acme/tools]]:1
FROM @(https://mcr.microsoft.com/artifact/mar/dotnet/sdk)[[mcr.microsoft.com/dotnet/sdk]]:8.0
FROM @(https://quay.io/repository/prometheus/node-exporter)[[quay.io/prometheus/node-exporter]]
FROM @(https://console.cloud.google.com/gcr/images/distroless/global/static-debian12)[[gcr.io/distroless/static-debian12]]
FROM @(https://console.cloud.google.com/gcr/images/my-proj/eu/app)[[eu.gcr.io/my-proj/app]]
FROM @(https://gallery.ecr.aws/docker/library/alpine)[[public.ecr.aws/docker/library/alpine]]
FROM @(https://console.cloud.google.com/artifacts/docker/proj/us-central1/repo/img)[[us-central1-docker.pkg.dev/proj/repo/img]]:1
FROM registry.example.com/team/app:1
FROM localhost:5000/app
)");
}

TEST_CASE("links: images written with variables", "[links]") {
  check_links(R"(
ARG BASE=alpine:3.20
ARG UNSET
FROM @(https://hub.docker.com/_/alpine)[[${BASE}]]
FROM ${UNSET}
FROM ghcr.io/${UNSET}/tools
FROM @(https://hub.docker.com/_/debian)[[debian]]:${UNSET}
)");
}

TEST_CASE("links: COPY --from and mount from= images, not stages", "[links]") {
  check_links(R"(
FROM @(https://hub.docker.com/_/golang)[[golang]] AS build
COPY --from=build /a /b
COPY --from=0 /a /b
COPY --from=@(https://hub.docker.com/_/nginx)[[nginx]]:1.27 /etc/nginx /etc/nginx
COPY --from=$IMAGE /a /b
RUN --mount=type=bind,from=@(https://ghcr.io/acme/assets)[[ghcr.io/acme/assets]],target=/a true
RUN --mount=type=cache,from=build,target=/c true
)");
}

TEST_CASE("links: ADD URLs and the syntax directive", "[links]") {
  check_links(R"(
# syntax=@(https://hub.docker.com/r/docker/dockerfile)[[docker/dockerfile]]:1.7
FROM @(https://hub.docker.com/_/alpine)[[alpine]]
ADD @(https://example.com/a.tar.gz)[[https://example.com/a.tar.gz]] /tmp/
ADD "@(https://example.com/b.txt)[[https://example.com/b.txt]]" /tmp/
ADD ["@(https://example.com/c.txt)[[https://example.com/c.txt]]", "/tmp/"]
ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2015d0549ba4b9b0 @(https://github.com/moby/buildkit.git#v0.10.1)[[https://github.com/moby/buildkit.git#v0.10.1]] /src
ADD https://example.com/${VERSION}/d.tgz /tmp/
COPY https://example.com/e.txt /tmp/
)");
}

TEST_CASE("links: image pages from parsed references", "[links]") {
  CHECK(image_page(parse_image_ref("nginx")).url == "https://hub.docker.com/_/nginx");
  CHECK(image_page(parse_image_ref("index.docker.io/library/nginx:1")).url == "https://hub.docker.com/_/nginx");
  CHECK(image_page(parse_image_ref("nginx")).site == "Docker Hub");
  CHECK(image_page(parse_image_ref("scratch")).url.empty());
  CHECK(image_page(parse_image_ref("gcr.io/project")).url.empty());
  CHECK(image_page(parse_image_ref("NOT/valid")).url.empty());
}

TEST_CASE("links: tooltips name the image and the site", "[links]") {
  auto doc = make_document("FROM quay.io/keycloak/keycloak:26\n");
  auto links = document_links(*doc);
  REQUIRE(links.size() == 1);
  CHECK(links[0].tooltip == "Open quay.io/keycloak/keycloak on Quay");
}
