// Suppression comments: BuildKit's check directive and comments, hadolint's pragmas and ours.
// Made-up rules stand in for real ones: BkRule and BkOther are BuildKit rules, OurRule has the
// hadolint code DL3008. `@in^` marks where a finding is suppressed, `@out^` where it is not.
#include <catch2/catch_test_macros.hpp>

#include "rules/suppression.h"
#include "support/annotations.h"
#include "support/check_helpers.h"

namespace dfls {
namespace {

using test::Annotations;
using test::make_test_rule;
using test::describe_offset;

void no_check(RuleContext&) {}

const std::vector<Rule> kRules = {
    make_test_rule("SyntaxError", no_check, "", "", Severity::Error),
    make_test_rule("BkRule", no_check, "", "BkRule"),
    make_test_rule("BkOther", no_check, "", "BkOther"),
    make_test_rule("OurRule", no_check, "DL3008"),
};

void expect(std::string_view rule, std::string_view annotated) {
  Annotations t(annotated);
  Suppressions s(t.code(), kRules);
  REQUIRE(t.points("in").size() + t.points("out").size() > 0);
  for (size_t p : t.points("in")) {
    INFO(rule << " should be suppressed at " << describe_offset(t.code(), p));
    CHECK(s.suppressed(rule, p));
  }
  for (size_t p : t.points("out")) {
    INFO(rule << " should not be suppressed at " << describe_offset(t.code(), p));
    CHECK_FALSE(s.suppressed(rule, p));
  }
}

TEST_CASE("check directive skips the named rules in the whole file") {
  std::string_view text = R"docker(
# check=skip=BkRule,OurRule
@in^FROM alpine
@in^RUN echo hi
FROM scratch
@in^COPY a b
)docker";
  expect("BkRule", text);
  expect("OurRule", text);
  expect("BkOther", R"docker(
# check=skip=BkRule
@out^FROM alpine
)docker");
}

TEST_CASE("check directive names are case-sensitive and cut at the first space") {
  expect("BkRule", R"docker(
# check=skip=bkrule
@out^FROM alpine
)docker");
  expect("BkRule", R"docker(
# check=skip=BkRule // the base image is fine
@in^FROM alpine
)docker");
}

TEST_CASE("check skip=all skips BuildKit rules only") {
  std::string_view text = R"docker(
# syntax=docker/dockerfile:1
# check=skip=all;error=true
@in^FROM alpine
)docker";
  expect("BkRule", text);
  expect("BkOther", text);
  expect("OurRule", R"docker(
# check=skip=all
@out^FROM alpine
)docker");
}

TEST_CASE("a malformed check value is ignored as a whole") {
  expect("BkRule", R"docker(
# check=skip=BkRule;bogus
@out^FROM alpine
)docker");
  expect("BkRule", R"docker(
# check=skip=BkRule;error=maybe
@out^FROM alpine
)docker");
}

TEST_CASE("a check comment after the leading directives applies to the next instruction") {
  expect("BkRule", R"docker(
FROM alpine
# check=skip=BkRule
@in^RUN echo one \
  @in^&& echo two
@out^RUN echo three
)docker");
  // A blank line ends the directives, so this is a per-instruction comment.
  expect("BkRule", R"docker(

# check=skip=BkRule
@in^FROM alpine
@in^RUN echo hi
)docker");
}

TEST_CASE("a check comment above FROM covers its whole stage") {
  expect("BkRule", R"docker(
FROM alpine AS base
@out^RUN echo base
# check=skip=BkRule
@in^FROM base AS build
@in^RUN echo build
@in^COPY . .
@out^FROM scratch
@out^COPY --from=build /out /out
)docker");
}

TEST_CASE("the first check comment of a block wins") {
  std::string_view text = R"docker(
FROM alpine
# check=skip=BkOther
# check=skip=BkRule
@out^RUN echo hi
)docker";
  expect("BkRule", text);
  Annotations t(text);
  CHECK(Suppressions(t.code(), kRules).suppressed("BkOther", t.points("out").front()));
}

TEST_CASE("a comment block goes on over blank lines and restarts at an empty comment") {
  expect("BkRule", R"docker(
FROM alpine
# check=skip=BkRule

@in^RUN echo hi
)docker");
  expect("BkRule", R"docker(
FROM alpine
# check=skip=BkRule
#
@out^RUN echo hi
)docker");
}

TEST_CASE("hadolint ignore applies to the next instruction, by code or by rule id") {
  expect("OurRule", R"docker(
FROM alpine
# hadolint ignore=DL3008,DL3009
@in^RUN apt-get install -y curl
@out^RUN apt-get install -y git
# hadolint ignore=OurRule
@in^RUN apt-get install -y vim
)docker");
  expect("BkRule", R"docker(
FROM alpine
# hadolint ignore=DL3008
@out^RUN apt-get install -y curl
)docker");
}

TEST_CASE("hadolint pragmas take a trailing comment, and anything else makes them no pragma") {
  expect("OurRule", R"docker(
FROM alpine
# hadolint ignore = DL3008 , DL3009 # pinned elsewhere
@in^RUN apt-get install -y curl
# hadolint ignore=DL3008 because
@out^RUN apt-get install -y git
# hadolintignore=DL3008
@out^RUN apt-get install -y vim
)docker");
}

TEST_CASE("global ignore applies to the whole file, wherever it is written") {
  expect("OurRule", R"docker(
FROM alpine
@in^RUN apt-get install -y curl
# hadolint global ignore=DL3008
@in^RUN apt-get install -y git
FROM scratch
@in^COPY a b
)docker");
  expect("OurRule", R"docker(
@in^FROM alpine
# dockerfile-ls global ignore=OurRule
)docker");
}

TEST_CASE("stage ignore applies from the next instruction to the end of the stage") {
  expect("OurRule", R"docker(
FROM alpine
@out^RUN apt-get install -y curl
# hadolint stage ignore=DL3008
@in^RUN apt-get install -y git
@in^RUN apt-get install -y vim
@out^FROM scratch
)docker");
  expect("OurRule", R"docker(
# dockerfile-ls stage ignore=OurRule
@in^FROM alpine
@in^RUN apt-get install -y git
@out^FROM alpine
)docker");
}

TEST_CASE("dockerfile-ls ignore applies to the next instruction") {
  expect("BkRule", R"docker(
FROM alpine
# dockerfile-ls ignore=BkOther,BkRule
@in^RUN echo hi
@out^RUN echo again
)docker");
}

TEST_CASE("an instruction's span covers heredoc bodies, even lines that look like comments") {
  expect("OurRule", R"docker(
FROM alpine
# dockerfile-ls ignore=OurRule
@in^RUN <<EOF
@in^apt-get install -y curl
# hadolint ignore=DL3008
@in^apt-get install -y git
EOF
@out^RUN echo done
)docker");
  expect("OurRule", R"docker(
FROM alpine
# dockerfile-ls ignore=OurRule
@in^COPY <<-"A" <<B /dest/
	@in^first
	A
@in^second
B
@out^RUN echo done
)docker");
}

TEST_CASE("a pragma inside a heredoc body is no pragma") {
  expect("OurRule", R"docker(
FROM alpine
RUN <<EOF
# dockerfile-ls global ignore=OurRule
EOF
@out^RUN echo done
)docker");
}

TEST_CASE("comments and blank lines inside a continued instruction stay inside it") {
  expect("OurRule", R"docker(
FROM alpine
# dockerfile-ls ignore=OurRule
@in^RUN apt-get update \
# dockerfile-ls ignore=BkRule

  @in^&& apt-get install -y curl
@out^RUN echo done
)docker");
}

TEST_CASE("the escape directive changes the continuation character") {
  expect("OurRule", R"docker(
# escape=`
FROM mcr.microsoft.com/windows/servercore
# dockerfile-ls ignore=OurRule
@in^RUN dir c:\ `
  @in^&& echo hi
@out^RUN echo done
)docker");
}

TEST_CASE("CRLF files are read the same way") {
  Annotations t("FROM alpine\r\n# hadolint ignore=DL3008\r\n@in^RUN a \\\r\n  @in^b\r\n@out^RUN c\r\n");
  Suppressions s(t.code(), kRules);
  for (size_t p : t.points("in")) CHECK(s.suppressed("OurRule", p));
  for (size_t p : t.points("out")) CHECK_FALSE(s.suppressed("OurRule", p));
}

TEST_CASE("the end of the text belongs to the last instruction") {
  Annotations t("FROM alpine\n# dockerfile-ls ignore=OurRule\nRUN echo hi^");
  Suppressions s(t.code(), kRules);
  CHECK(s.suppressed("OurRule", t.point()));
}

TEST_CASE("syntax errors are never suppressed") {
  Annotations t(R"docker(
# check=skip=all
# dockerfile-ls global ignore=SyntaxError
^FROM alpine
)docker");
  CHECK_FALSE(Suppressions(t.code(), kRules).suppressed("SyntaxError", t.point()));
}

TEST_CASE("parse_check_options reads BuildKit's check values") {
  auto opts = parse_check_options("skip=A,B;error=True;experimental=all");
  REQUIRE(opts);
  CHECK(opts->skip == std::vector<std::string>{"A", "B"});
  CHECK(opts->error == true);
  CHECK(opts->experimental_all);
  CHECK(opts->parts == 3);
  // The third part keeps further semicolons, as BuildKit's SplitN does.
  opts = parse_check_options("error=0;skip=A;experimental=B;C");
  REQUIRE(opts);
  CHECK(opts->experimental == std::vector<std::string>{"B;C"});
  CHECK(opts->skip == std::vector<std::string>{"A"});
  CHECK_FALSE(parse_check_options("skip"));
  CHECK_FALSE(parse_check_options("ignore=A"));
  CHECK_FALSE(parse_check_options("skip=A;"));
  // The value ends at the first space.
  opts = parse_check_options("skip=A, B;error=maybe");
  REQUIRE(opts);
  CHECK(opts->skip == std::vector<std::string>{"A", ""});
  CHECK(opts->length == 7);
}

TEST_CASE("parse_ignore_pragma reads the hadolint and dockerfile-ls forms") {
  auto p = parse_ignore_pragma("  # hadolint global ignore=DL3008,DL3009");
  REQUIRE(p);
  CHECK(p->tool == PragmaTool::Hadolint);
  CHECK(p->scope == PragmaScope::Global);
  CHECK(p->names == std::vector<std::string>{"DL3008", "DL3009"});
  p = parse_ignore_pragma("# dockerfile-ls stage ignore=A # why");
  REQUIRE(p);
  CHECK(p->tool == PragmaTool::DockerfileLs);
  CHECK(p->scope == PragmaScope::Stage);
  CHECK(p->names == std::vector<std::string>{"A"});
  CHECK_FALSE(parse_ignore_pragma("# hadolint ignore="));
  CHECK_FALSE(parse_ignore_pragma("# hadolint ignore=A,"));
  CHECK_FALSE(parse_ignore_pragma("# hadolint shell=bash"));
  CHECK_FALSE(parse_ignore_pragma("# dockerfile-ls ignored=A"));
}

}  // namespace
}  // namespace dfls
