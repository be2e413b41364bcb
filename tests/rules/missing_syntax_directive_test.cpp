#include <catch2/catch_test_macros.hpp>

#include "rules/run_rules.h"
#include "support/check_helpers.h"

namespace dfls::test {

TEST_CASE("MissingSyntaxDirective reports the first recent feature", "[quality]") {
  check_diagnostics({"MissingSyntaxDirective"}, R"docker(
FROM alpine
RUN @(MissingSyntaxDirective)[[<<EOF]]
echo hi
EOF
COPY --parents a/b ./
)docker");
  check_diagnostics({"MissingSyntaxDirective"}, R"docker(
FROM alpine
RUN --mount=type=secret,id=t,@(MissingSyntaxDirective)[[env=TOKEN]] ./deploy.sh
)docker");
  check_diagnostics({"MissingSyntaxDirective"}, R"docker(
FROM alpine
COPY @(MissingSyntaxDirective)[[--exclude=*.md]] . /src
)docker");
  check_diagnostics({"MissingSyntaxDirective"}, R"docker(
FROM alpine
ADD @(MissingSyntaxDirective)[[--checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d]] https://example.com/a.tar.gz /a
)docker");
}

TEST_CASE("MissingSyntaxDirective stays quiet with a directive or older features", "[quality]") {
  check_diagnostics({"MissingSyntaxDirective"}, R"docker(
# syntax=docker/dockerfile:1
FROM alpine
RUN <<EOF
echo hi
EOF
)docker");
  check_diagnostics({"MissingSyntaxDirective"}, R"docker(
FROM alpine
RUN --mount=type=cache,target=/var/cache/apk apk add curl
COPY --link --chown=1:1 . /src
RUN --mount=type=secret,id=t cat /run/secrets/t
)docker");
}

TEST_CASE("MissingSyntaxDirective message and fix", "[quality]") {
  auto doc = Document::create("file:///test/Dockerfile", 0, "FROM alpine\nRUN <<EOF\necho\nEOF\n");
  bool found = false;
  for (const Diag& d : run_rules(*doc, Config{}))
    if (d.rule_id == "MissingSyntaxDirective") {
      found = true;
      CHECK(d.message ==
            "a heredoc needs a recent Dockerfile frontend, and the file has no `# syntax=docker/dockerfile:1` "
            "line to ask for one");
      REQUIRE(d.fixes.size() == 1);
      CHECK(d.fixes[0].safe);
    }
  CHECK(found);
  check_fix("MissingSyntaxDirective", "FROM alpine\nRUN ^<<EOF\necho\nEOF\n",
            "# syntax=docker/dockerfile:1\nFROM alpine\nRUN <<EOF\necho\nEOF\n");
  check_fix("MissingSyntaxDirective", "# escape=`\nFROM alpine\nCOPY ^--parents a/ /b/\n",
            "# syntax=docker/dockerfile:1\n# escape=`\nFROM alpine\nCOPY --parents a/ /b/\n");
}

}  // namespace dfls::test
