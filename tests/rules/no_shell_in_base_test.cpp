#include <catch2/catch_test_macros.hpp>

#include "rules/run_rules.h"
#include "support/check_helpers.h"

namespace dfls::test {

TEST_CASE("NoShellInBase reports shell forms in images without a shell", "[quality]") {
  check_diagnostics({"NoShellInBase"}, R"docker(
FROM gcr.io/distroless/static-debian12
@(NoShellInBase)[[RUN]] echo hi
RUN ["/app/migrate"]
@(NoShellInBase)[[CMD]] /app/server --port 8080
ENTRYPOINT ["/app/server"]
@(NoShellInBase)[[HEALTHCHECK]] --interval=5s CMD /app/health
HEALTHCHECK CMD ["/app/health"]

FROM scratch AS base
COPY app /app

FROM base
@(NoShellInBase)[[ENTRYPOINT]] /app

FROM cgr.dev/chainguard/static
@(NoShellInBase)[[RUN]] ls
)docker");
}

TEST_CASE("NoShellInBase leaves images with a shell alone", "[quality]") {
  check_diagnostics({"NoShellInBase"}, R"docker(
FROM gcr.io/distroless/static-debian12:debug
RUN echo ok

FROM node:22
RUN echo ok
CMD node app.js

FROM $BASE
RUN echo unknown

FROM scratch
SHELL ["/busybox/sh", "-c"]
RUN echo ok

FROM cgr.dev/chainguard/node:latest-dev
RUN echo ok
)docker");
}

TEST_CASE("NoShellInBase message and fixes", "[quality]") {
  auto doc = Document::create("file:///test/Dockerfile", 0, "FROM scratch\nRUN true\n");
  std::vector<Diag> found;
  for (const Diag& d : run_rules(*doc, Config{}))
    if (d.rule_id == "NoShellInBase") found.push_back(d);
  REQUIRE(found.size() == 1);
  CHECK(found[0].message == "RUN needs /bin/sh, and scratch has no shell");
  CHECK(found[0].fixes.empty());
  check_fix("NoShellInBase", "FROM scratch\nCOPY app /app\nC^MD /app --port 80\n",
            "FROM scratch\nCOPY app /app\nCMD [\"/app\", \"--port\", \"80\"]\n");
  check_fix("NoShellInBase", "FROM gcr.io/distroless/base-debian12\nHEALTH^CHECK --interval=5s CMD /health -q\n",
            "FROM gcr.io/distroless/base-debian12\nHEALTHCHECK --interval=5s CMD [\"/health\", \"-q\"]\n");
}

}  // namespace dfls::test
