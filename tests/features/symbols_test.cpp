#include <catch2/catch_test_macros.hpp>

#include "features/symbols.h"
#include "support/documents.h"

using namespace dfls;
using dfls::test::make_document;

TEST_CASE("document symbols: global ARGs, then stages with their instructions") {
  auto doc = make_document(
      "ARG NODE=22\nFROM node:${NODE} AS build\nWORKDIR /app\nENV A=1 B=2\n"
      "FROM nginx:alpine\nCOPY --from=build /app/dist /usr/share/nginx/html\n");
  auto symbols = document_symbols(*doc);
  REQUIRE(symbols.size() == 3);
  CHECK(symbols[0].name == "NODE");
  CHECK(symbols[0].kind == OutlineKind::Variable);
  CHECK(symbols[1].name == "build");
  CHECK(symbols[1].detail == "FROM node:${NODE}");
  REQUIRE(symbols[1].children.size() == 3);
  CHECK(symbols[1].children[2].name == "ENV");
  CHECK(symbols[1].children[2].children.size() == 2);
  CHECK(symbols[2].name == "stage 1");
}

TEST_CASE("workspace symbols match fuzzily across documents") {
  auto a = make_document("FROM alpine AS builder\nARG VERSION\n", "file:///a/Dockerfile");
  auto b = make_document("FROM alpine AS runtime\n", "file:///b/Dockerfile");
  auto found = workspace_symbols({a.get(), b.get()}, "bldr");
  REQUIRE(found.size() == 1);
  CHECK(found[0].symbol.name == "builder");
  CHECK(found[0].uri == "file:///a/Dockerfile");
  CHECK(workspace_symbols({a.get(), b.get()}, "VERS").size() == 1);
}
