// Definition, references, highlights and rename, on annotated snippets. The peer's known bugs
// (peers.md Part A) each have a case: a --from that is not the only flag, the declaration in
// effect rather than the first one, numeric --from indexes.
#include <catch2/catch_test_macros.hpp>

#include "features/navigation.h"
#include "support/annotations.h"
#include "support/documents.h"

using namespace dfls;
using dfls::test::Annotations;
using dfls::test::make_document;

TEST_CASE("definition: COPY --from with other flags before and after") {
  Annotations t(R"(
FROM golang:1.23 AS [[builder]]
FROM scratch
COPY --chown=1000:1000 --from=build^er --link /out/server /server
)");
  auto doc = make_document(t.code());
  CHECK(find_definition(*doc, t.point()) == std::vector{t.range()});
}

TEST_CASE("definition: numeric --from index") {
  Annotations t("FROM alpine AS [[first]]\nFROM alpine\nCOPY --from=^0 /a /a\n");
  auto doc = make_document(t.code());
  CHECK(find_definition(*doc, t.point()) == std::vector{t.range()});
}

TEST_CASE("definition: mount from= and FROM <stage>") {
  Annotations t(R"(
FROM node:22 AS [[deps]]
FROM de^ps AS build
RUN --mount=type=bind,from=d@m^eps,source=/app/node_modules,target=/m true
)");
  auto doc = make_document(t.code());
  CHECK(find_definition(*doc, t.point()) == std::vector{t.range()});
  CHECK(find_definition(*doc, t.point("m")) == std::vector{t.range()});
}

TEST_CASE("definition: the declaration in effect, not the first one") {
  Annotations t(R"(
FROM alpine
ARG V=1
RUN echo $V
ARG [[V]]=2
RUN echo $^V
)");
  auto doc = make_document(t.code());
  CHECK(find_definition(*doc, t.point()) == std::vector{t.range()});
}

TEST_CASE("definition: FROM line variables go to the global ARG") {
  Annotations t(R"(
ARG [[TAG]]=3.20
FROM alpine:${TA^G}
ARG TAG
)");
  auto doc = make_document(t.code());
  CHECK(find_definition(*doc, t.point()) == std::vector{t.range()});
}

TEST_CASE("definition: heredoc terminator to its opener") {
  Annotations t("FROM alpine\nRUN [[<<EOF]]\necho hi\nE^OF\n");
  auto doc = make_document(t.code());
  CHECK(find_definition(*doc, t.point()) == std::vector{t.range()});
}

TEST_CASE("references with and without the declaration") {
  Annotations t(R"(
FROM alpine AS @decl[[b^uild]]
FROM alpine
COPY --from=[[build]] /a /a
RUN --mount=from=[[BUILD]],target=/x true
)");
  auto doc = make_document(t.code());
  CHECK(find_references(*doc, t.point(), false) == t.ranges());
  auto all = find_references(*doc, t.point(), true);
  CHECK(all.size() == 3);
  CHECK(all.front() == t.range("decl"));
}

TEST_CASE("highlights have read and write kinds") {
  Annotations t("FROM alpine\nARG @w[[NAME]]=x\nENV GREETING=\"hello ${@r[[NA^ME]]:-you}\"\n");
  auto doc = make_document(t.code());
  auto h = document_highlights(*doc, t.point());
  REQUIRE(h.size() == 2);
  CHECK(h[0] == Occurrence{t.range("w"), true});
  CHECK(h[1] == Occurrence{t.range("r"), false});
}

TEST_CASE("rename a stage across every reference form, keeping numeric indexes") {
  Annotations t(R"(
FROM alpine AS bu^ild
ONBUILD COPY --from=build /x /x
FROM build AS next
COPY --from=0 /a /a
RUN --mount=from=build,target=/m true
)");
  auto doc = make_document(t.code());
  auto result = rename(*doc, t.point(), "compile");
  auto* edits = std::get_if<std::vector<TextEdit>>(&result);
  REQUIRE(edits);
  CHECK(edits->size() == 4);
  for (const auto& e : *edits) CHECK(e.new_text == "compile");
}

TEST_CASE("rename a variable including ${V:-x} forms") {
  Annotations t("FROM alpine\nARG V^ER=1\nENV A=${VER:-0} B=$VER\nRUN echo ${VER}\n");
  auto doc = make_document(t.code());
  auto result = rename(*doc, t.point(), "VERSION");
  auto* edits = std::get_if<std::vector<TextEdit>>(&result);
  REQUIRE(edits);
  CHECK(edits->size() == 4);
}

TEST_CASE("rename refuses invalid and colliding names") {
  Annotations t("FROM alpine AS a^b\nFROM alpine AS cd\nARG @v^X=1\nARG Y=2\n");
  auto doc = make_document(t.code());
  auto bad = rename(*doc, t.point(), "9lives");
  REQUIRE(std::holds_alternative<RenameError>(bad));
  CHECK(std::get<RenameError>(bad).message.find("not a valid stage name") != std::string::npos);
  auto taken = rename(*doc, t.point(), "CD");
  REQUIRE(std::holds_alternative<RenameError>(taken));
  CHECK(std::get<RenameError>(taken).message.find("already exists") != std::string::npos);
  CHECK(std::holds_alternative<RenameError>(rename(*doc, t.point(), "scratch")));
  CHECK(std::holds_alternative<RenameError>(rename(*doc, t.point("v"), "Y")));
  CHECK(std::holds_alternative<RenameError>(rename(*doc, t.point("v"), "a-b")));
}

TEST_CASE("prepare rename on nothing explains itself") {
  Annotations t("FROM alpine\nRUN ec^ho hi\n");
  auto doc = make_document(t.code());
  CHECK(std::holds_alternative<RenameError>(prepare_rename(*doc, t.point())));
}
