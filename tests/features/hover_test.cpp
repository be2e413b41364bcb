// Hover on annotated snippets: `^` is the cursor, `[[...]]` the range the hover should cover.
#include <catch2/catch_test_macros.hpp>

#include "features/hover.h"
#include "support/annotations.h"
#include "support/documents.h"

using namespace dfls;
using dfls::test::Annotations;
using dfls::test::make_document;

namespace {

std::optional<HoverResult> hover_at(const Annotations& t) {
  auto doc = make_document(t.code());
  return find_hover(*doc, t.point());
}

// The hover at the point, checked to cover the range; its markdown.
std::string hover_text(std::string_view annotated) {
  Annotations t(annotated);
  auto h = hover_at(t);
  REQUIRE(h);
  CHECK(h->range == t.range());
  return h->markdown;
}

bool contains(const std::string& s, std::string_view part) { return s.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("hover: instruction keywords link to the reference", "[hover]") {
  auto md = hover_text("[[FR^OM]] alpine");
  CHECK(contains(md, "build stage"));
  CHECK(contains(md, "https://docs.docker.com/reference/dockerfile/#from"));
  CHECK(contains(hover_text("FROM alpine\nONBUILD [[R^UN]] make"), "#run"));
  CHECK(contains(hover_text("FROM alpine\n[[maint^ainer]] me"), "#maintainer-deprecated"));
}

TEST_CASE("hover: flags with value type and default", "[hover]") {
  auto chown = hover_text("FROM alpine\nCOPY [[--ch^own]]=1000:1000 a b");
  CHECK(contains(chown, "<user>[:<group>]"));
  CHECK(contains(chown, "#copy---chown---chmod"));
  auto network = hover_text("FROM alpine\nRUN [[--net^work]]=none true");
  CHECK(contains(network, "default: `default`"));
  auto link = hover_text("FROM alpine\nCOPY [[--li^nk]] a b");
  CHECK(contains(link, "boolean"));
  CHECK(contains(link, "1.4"));
  CHECK(contains(hover_text("FROM alpine\nHEALTHCHECK [[--start-int^erval]]=1s CMD true"), "`5s`"));
  CHECK(contains(hover_text("FROM alpine\nADD [[--unp^ack]] a.tar /x"), "#add---unpack"));
}

TEST_CASE("hover: RUN --mount keys and types", "[hover]") {
  auto target = hover_text("FROM alpine\nRUN --mount=type=cache,[[tar^get]]=/x true");
  CHECK(contains(target, "Applies to"));
  CHECK(contains(target, "#run---mount"));
  auto cache = hover_text("FROM alpine\nRUN --mount=type=[[ca^che]],target=/x true");
  CHECK(contains(cache, "#run---mounttypecache"));
  auto sharing = hover_text("FROM alpine\nRUN --mount=type=cache,target=/x,sharing=[[lo^cked]] true");
  CHECK(contains(sharing, "`shared`"));
  CHECK(contains(hover_text("FROM alpine\nRUN --mount=type=secret,[[ds^t]]=/x true"), "same as `target`"));
}

TEST_CASE("hover: a variable's value and where it was set", "[hover]") {
  auto md = hover_text("ARG V=1.2\nFROM alpine\nARG V\nRUN echo $[[V^]]");
  CHECK(contains(md, "Value: `1.2`"));
  CHECK(contains(md, "line 3"));
  auto global = hover_text("ARG TAG=3.20\nFROM alpine:${[[T^AG]]}");
  CHECK(contains(global, "global build argument"));
  CHECK(contains(global, "line 1"));
  // The `$` itself.
  Annotations dollar("FROM alpine\nENV A=x\nRUN echo ^$[[A]]");
  auto h = hover_at(dollar);
  REQUIRE(h);
  CHECK(h->range == dollar.range());
  CHECK(contains(hover_text("FROM alpine\nRUN echo $[[NO^PE]]"), "Not declared"));
  CHECK(contains(hover_text("FROM alpine\nRUN echo $[[TARGETARCH^]]"), "Not declared"));
  CHECK(contains(hover_text("FROM alpine\nRUN echo $[[HTTP_PR^OXY]]"), "predefined"));
  CHECK(contains(hover_text("FROM alpine\nENV A=1 B=2\nENV A=3\nRUN echo ${[[A^]]:-x}"), "Value: `3`"));
  CHECK(contains(hover_text("FROM alpine\nARG V=1\nRUN <<EOF\necho $[[V^]]\nEOF\n"), "Value: `1`"));
}

TEST_CASE("hover: ARG and ENV declarations", "[hover]") {
  auto env = hover_text("FROM alpine\nENV [[HO^ME_DIR]]=/app");
  CHECK(contains(env, "environment variable"));
  CHECK(contains(env, "Value: `/app`"));
  auto arg = hover_text("ARG [[VER^SION]]=1\nFROM alpine");
  CHECK(contains(arg, "global build argument"));
  CHECK(contains(arg, "redeclaring"));
}

TEST_CASE("hover: stages", "[hover]") {
  const char* code = R"(
FROM golang:1.23 AS @name[[bu@def^ild]]
FROM alpine
COPY --from=@use[[bui@use^ld]] /a /b
FROM @base[[bu@base^ild]] AS test
)";
  Annotations t(code);
  auto doc = make_document(t.code());
  auto def = find_hover(*doc, t.point("def"));
  REQUIRE(def);
  CHECK(def->range == t.range("name"));
  CHECK(contains(def->markdown, "index 0"));
  CHECK(contains(def->markdown, "golang:1.23"));
  CHECK(contains(def->markdown, "COPY --from"));
  CHECK(contains(def->markdown, "line 3"));
  CHECK(contains(def->markdown, "stage `test`"));
  auto use = find_hover(*doc, t.point("use"));
  REQUIRE(use);
  CHECK(use->range == t.range("use"));
  CHECK(contains(use->markdown, "index 0"));
  auto base = find_hover(*doc, t.point("base"));
  REQUIRE(base);
  CHECK(base->range == t.range("base"));
  CHECK(contains(base->markdown, "Build stage `build`"));
}

TEST_CASE("hover: images from the catalog", "[hover]") {
  auto node = hover_text("FROM [[no^de:22-slim]]");
  CHECK(contains(node, "Node.js"));
  CHECK(contains(node, "Size"));
  CHECK(contains(node, "Default user"));
  CHECK(contains(node, "https://hub.docker.com/_/node"));
  auto full = hover_text("FROM [[no^de:22]]");
  CHECK(contains(full, "Slimmer"));
  auto unknown = hover_text("FROM [[example.com/team/ap^p:1]]");
  CHECK(contains(unknown, "Registry: `example.com`"));
  CHECK(contains(unknown, "Not in the offline image catalog"));
  auto arg = hover_text("ARG V=22\nFROM [[node:${V}-sl^im]]");
  CHECK(contains(arg, "resolves to `node:22-slim`"));
  CHECK(contains(hover_text("FROM alpine\nCOPY --from=[[nginx:alp^ine]] /etc/nginx /etc/nginx"), "nginx"));
}

TEST_CASE("hover: parser directives and check rules", "[hover]") {
  CHECK(contains(hover_text("# [[syn^tax]]=docker/dockerfile:1\nFROM alpine"), "#syntax"));
  CHECK(contains(hover_text("# [[Esc^ape]]=`\nFROM alpine"), "backtick"));
  CHECK(contains(hover_text("# check=skip=[[Syntax^Error]]\nFROM alpine"), "**SyntaxError**"));
}

TEST_CASE("hover: nothing on plain words, comments and heredoc text", "[hover]") {
  for (const char* code : {"FROM alpine\nCOPY a^ b", "FROM alpine\n# a comm^ent", "FROM alpine\nRUN <<EOF\nec^ho\nEOF\n",
                           "FROM alpine\n^"}) {
    INFO(code);
    CHECK_FALSE(hover_at(Annotations(code)));
  }
}
