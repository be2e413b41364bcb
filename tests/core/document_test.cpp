// Document and DocumentEditor: edits apply in order against the text as edited so far, the
// original stays untouched, and an incremental reparse gives the same tree as a fresh parse.
#include "core/document.h"

#include <catch2/catch_test_macros.hpp>
#include <cstdlib>
#include <random>
#include <string>

#include "support/annotations.h"

using dfls::Document;
using dfls::DocumentEditor;
using dfls::test::Annotations;

namespace {

std::string sexp(const Document& doc) {
  if (doc.root().null()) return "";
  char* s = ts_node_string(doc.root().raw());
  std::string out = s;
  std::free(s);
  return out;
}

// The edited document must equal the same text parsed from scratch.
void check_same_as_fresh(const Document& edited) {
  auto fresh = Document::create(edited.uri(), edited.version(), edited.text());
  CHECK(edited.text() == fresh->text());
  CHECK(sexp(edited) == sexp(*fresh));
  CHECK(edited.lines().line_count() == fresh->lines().line_count());
}

constexpr const char* kDockerfile =
    "# syntax=docker/dockerfile:1\n"
    "FROM golang:1.23 AS build\n"
    "WORKDIR /src\n"
    "COPY go.mod go.sum ./\n"
    "RUN go mod download && \\\n"
    "    go build -o /out/app .\n"
    "FROM scratch\n"
    "COPY --from=build /out/app /app\n"
    "ENTRYPOINT [\"/app\"]\n";

}  // namespace

TEST_CASE("Document keeps uri, version and text") {
  auto doc = Document::create("file:///a/Dockerfile", 3, "FROM alpine\n");
  CHECK(doc->uri() == "file:///a/Dockerfile");
  CHECK(doc->version() == 3);
  CHECK(doc->text() == "FROM alpine\n");
  CHECK_FALSE(doc->root().null());
  CHECK(doc->lines().line_count() == 2);
}

TEST_CASE("DocumentEditor applies edits in order, each against the text edited so far") {
  Annotations t("FROM [[alpine]]\nRUN @run^echo hi\n");
  auto base = Document::create("file:///Dockerfile", 1, t.code());
  DocumentEditor editor(*base);
  editor.replace(t.range().start, t.range().end, "debian:12");
  // The second edit's offsets refer to the text after the first one (3 bytes longer).
  size_t run = t.point("run") + 3;
  editor.replace(run, run + 4, "printf");
  auto edited = editor.finish(2);
  CHECK(edited->text() == "FROM debian:12\nRUN printf hi\n");
  CHECK(edited->version() == 2);
  CHECK(base->text() == t.code());  // Documents are immutable values.
  check_same_as_fresh(*edited);
}

TEST_CASE("DocumentEditor clamps offsets past the end and reversed ranges") {
  auto base = Document::create("file:///Dockerfile", 1, "FROM a\n");
  DocumentEditor editor(*base);
  editor.replace(100, 200, "RUN x\n");
  editor.replace(3, 1, "");  // End before start: an empty range at the start.
  auto edited = editor.finish(2);
  CHECK(edited->text() == "FROM a\nRUN x\n");
  check_same_as_fresh(*edited);
}

TEST_CASE("DocumentEditor handles a full-text change among range edits") {
  auto base = Document::create("file:///Dockerfile", 1, "FROM a\n");
  DocumentEditor editor(*base);
  editor.replace(0, 4, "from");
  editor.replace_all("FROM b\nRUN c\n");
  editor.replace(5, 6, "busybox");
  auto edited = editor.finish(7);
  CHECK(edited->text() == "FROM busybox\nRUN c\n");
  check_same_as_fresh(*edited);
}

TEST_CASE("DocumentEditor edits across CRLF and lone CR line breaks") {
  Annotations t("FROM a\r\nRUN [[b]]\rCOPY x y\r\n");
  auto base = Document::create("file:///Dockerfile", 1, t.code());
  DocumentEditor editor(*base);
  editor.replace(t.range().start, t.range().end, "one \\\r\n  two");
  auto edited = editor.finish(2);
  CHECK(edited->text() == "FROM a\r\nRUN one \\\r\n  two\rCOPY x y\r\n");
  check_same_as_fresh(*edited);
}

TEST_CASE("Random incremental edits parse like the same text opened fresh") {
  const std::string pieces[] = {"\n", " ", "RUN ", "FROM ", "alpine", " AS ", "\\\n", "\"", "[",
                                "]", "$", "{", "}", "=", "<<EOF\n", "EOF\n", "\r\n", "#", "\xF0\x9F\x98\x80",
                                "e\xCC\x81", "COPY --from=build ", "ENV A=1 B=2\n"};
  std::mt19937 rng(4);
  auto doc = Document::create("file:///Dockerfile", 1, kDockerfile);
  for (int round = 0; round < 60; ++round) {
    DocumentEditor editor(*doc);
    int edits = 1 + static_cast<int>(rng() % 3);
    for (int e = 0; e < edits; ++e) {
      size_t size = editor.text().size();
      size_t start = size ? rng() % (size + 1) : 0;
      size_t end = std::min(size, start + rng() % 8);
      std::string insert = rng() % 3 ? pieces[rng() % std::size(pieces)] : std::string();
      editor.replace(start, end, insert);
    }
    doc = editor.finish(round + 2);
    INFO("round " << round << ", text:\n" << doc->text());
    check_same_as_fresh(*doc);
  }
}
