#include <catch2/catch_test_macros.hpp>

#include "rules/run_rules.h"
#include "support/check_helpers.h"

namespace dfls::test {

TEST_CASE("DynamicBinaryInScratch reports cgo binaries in images without libc", "[quality]") {
  check_diagnostics({"DynamicBinaryInScratch"}, R"docker(
FROM golang:1.22 AS build
WORKDIR /src
RUN go build -o /out/server ./cmd/server
RUN CGO_ENABLED=0 go build -o /out/static ./cmd/static
RUN go build -ldflags '-extldflags "-static"' -o /out/linked ./cmd/linked
RUN go build -o bin/ ./cmd/...

FROM scratch
COPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/
COPY --from=build /out/static /static
COPY --from=build /out/linked /linked
COPY --from=build @(DynamicBinaryInScratch)[[/out/server]] /server
COPY --from=build @(DynamicBinaryInScratch)[[/src/bin/tool]] /tool
ENTRYPOINT ["/server"]

FROM gcr.io/distroless/static-debian12
COPY --from=build @(DynamicBinaryInScratch)[[/out]] /bin/
CMD ["/bin/server"]

FROM scratch AS binaries
COPY --from=build /out/server /

FROM gcr.io/distroless/base-debian12
COPY --from=build /out/server /server
)docker");
}

TEST_CASE("DynamicBinaryInScratch knows static builds", "[quality]") {
  check_diagnostics({"DynamicBinaryInScratch"}, R"docker(
FROM golang:1.22 AS env
ENV CGO_ENABLED=0
RUN go build -o /a .

FROM golang:1.22-alpine AS alpine
RUN go build -o /b .

FROM golang:1.22 AS exported
RUN export CGO_ENABLED=0 && go build -o /c .

FROM golang:1.22 AS cross
ARG TARGETARCH
RUN GOARCH=$TARGETARCH go build -o /d .

FROM scratch
COPY --from=env /a /a
COPY --from=alpine /b /b
COPY --from=exported /c /c
COPY --from=cross /d /d
COPY --from=env /etc/ssl/certs /etc/ssl/certs
ENTRYPOINT ["/a"]

FROM golang:${GO_VERSION}-alpine AS unknown_version
RUN go build -o /e .
FROM scratch
COPY --from=unknown_version /e /e
COPY --from=env /etc/ssl/certs /etc/ssl/certs
ENTRYPOINT ["/e"]
)docker");
}

TEST_CASE("DynamicBinaryInScratch reports missing CA certificates at info level", "[quality]") {
  check_diagnostics({"DynamicBinaryInScratch"}, R"docker(
FROM golang:1.22-alpine AS build
RUN go build -o /bin/app .

FROM @(DynamicBinaryInScratch)[[scratch]]
COPY --from=build /bin/app /app
ENTRYPOINT ["/app"]
)docker");
  auto doc = Document::create("file:///test/Dockerfile", 0,
                              "FROM golang:1.22-alpine AS build\nRUN go build -o /bin/app .\nFROM scratch\n"
                              "COPY --from=build /bin/app /app\nENTRYPOINT [\"/app\"]\n");
  std::vector<Diag> found;
  for (const Diag& d : run_rules(*doc, Config{}))
    if (d.rule_id == "DynamicBinaryInScratch") found.push_back(d);
  REQUIRE(found.size() == 1);
  CHECK(found[0].severity == Severity::Info);
  CHECK(found[0].message == "scratch has no CA certificates: the binary copied here cannot verify HTTPS servers");
}

TEST_CASE("DynamicBinaryInScratch message and fixes", "[quality]") {
  auto doc = Document::create("file:///test/Dockerfile", 0,
                              "FROM golang:1.22 AS build\nRUN go build -o /out/server .\nFROM scratch\n"
                              "COPY --from=build /out/server /server\nCOPY --from=build /etc/ssl/certs /etc/ssl/certs\n"
                              "CMD [\"/server\"]\n");
  std::vector<Diag> found;
  for (const Diag& d : run_rules(*doc, Config{}))
    if (d.rule_id == "DynamicBinaryInScratch") found.push_back(d);
  REQUIRE(found.size() == 1);
  CHECK(found[0].message == "the Go binary /out/server is built with cgo (no CGO_ENABLED=0, line 2) and scratch has no "
                            "C library: it will not start");
  CHECK(found[0].fixes.at(0).safe);
  check_fix("DynamicBinaryInScratch",
            "FROM golang:1.22 AS build\nRUN go build -o /out/server .\nFROM scratch\n"
            "COPY --from=build ^/out/server /server\nCOPY --from=build /etc/ssl/certs /etc/ssl/certs\nCMD [\"/server\"]\n",
            "FROM golang:1.22 AS build\nRUN CGO_ENABLED=0 go build -o /out/server .\nFROM scratch\n"
            "COPY --from=build /out/server /server\nCOPY --from=build /etc/ssl/certs /etc/ssl/certs\nCMD [\"/server\"]\n");
  check_fix("DynamicBinaryInScratch",
            "FROM golang:1.22-alpine AS build\nRUN go build -o /bin/app .\nFROM ^scratch\nCOPY --from=build /bin/app /app\n"
            "CMD [\"/app\"]\n",
            "FROM golang:1.22-alpine AS build\nRUN go build -o /bin/app .\nFROM scratch\n"
            "COPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/\nCOPY --from=build /bin/app /app\n"
            "CMD [\"/app\"]\n");
}

}  // namespace dfls::test
