#include "core/text_edit.h"

#include <catch2/catch_test_macros.hpp>
#include <stdexcept>

#include "support/annotations.h"

namespace dfls {
namespace {

using test::Annotations;

TextEdit edit(ByteRange r, std::string text) { return {r, std::move(text)}; }

TEST_CASE("apply_edits takes edits in any order") {
  Annotations t("FROM @a[[alpine]]:@b[[3.19]] AS @c^build");
  std::vector<TextEdit> edits = {edit(t.range("b"), "3.20"), edit(t.range("a"), "debian"),
                                 edit({t.point("c"), t.point("c")}, "my")};
  CHECK(apply_edits(t.code(), edits) == "FROM debian:3.20 AS mybuild");
}

TEST_CASE("insertions at one offset keep their order") {
  Annotations t("RUN ^x");
  size_t p = t.point();
  CHECK(apply_edits(t.code(), {edit({p, p}, "a"), edit({p, p}, "b")}) == "RUN abx");
}

TEST_CASE("overlapping edits are refused") {
  Annotations t("RUN @a[[echo @b[[hi]] there]]");
  std::vector<TextEdit> edits = {edit(t.range("a"), "x"), edit(t.range("b"), "y")};
  CHECK(edits_conflict(edits, t.code().size()));
  CHECK_THROWS_AS(apply_edits(t.code(), edits), std::invalid_argument);
  // An insertion at either end of a replaced range does not overlap it.
  ByteRange a = t.range("a");
  CHECK_FALSE(edits_conflict({edit(a, "x"), edit({a.start, a.start}, "<"), edit({a.end, a.end}, ">")},
                             t.code().size()));
  CHECK(edits_conflict({edit({t.code().size(), t.code().size() + 1}, "")}, t.code().size()));
}

TEST_CASE("map_offset follows text through edits") {
  Annotations t("@a^FROM @r[[alpine]] AS @b^base");
  std::vector<TextEdit> edits = {edit(t.range("r"), "debian:12"), edit({t.point("a"), t.point("a")}, "# x\n")};
  std::string out = apply_edits(t.code(), edits);
  CHECK(out.substr(map_offset(t.point("b"), edits)) == "base");
  CHECK(out.substr(map_offset(t.point("a"), edits)).starts_with("FROM"));
  CHECK(out.substr(map_offset(t.range("r").start + 2, edits)).starts_with("debian"));
}

TEST_CASE("line_ending_of finds the file's line break") {
  CHECK(line_ending_of("FROM a\r\nRUN b\n") == "\r\n");
  CHECK(line_ending_of("FROM a\nRUN b\r\n") == "\n");
  CHECK(line_ending_of("FROM a") == "\n");
}

}  // namespace
}  // namespace dfls
