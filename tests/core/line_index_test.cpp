// LineIndex: byte offsets <-> (line, character) in UTF-8, UTF-16 and UTF-32, line breaks as LSP
// defines them, clamping, and the tree-sitter points used for incremental edits.
#include "core/line_index.h"

#include <catch2/catch_test_macros.hpp>
#include <string>
#include <vector>

#include "support/annotations.h"

using dfls::Encoding;
using dfls::LineIndex;
using dfls::Position;
using dfls::test::Annotations;

namespace {

// "😀" is U+1F600: 4 UTF-8 bytes, 2 UTF-16 units (a surrogate pair), 1 code point.
constexpr const char* kEmoji = "\xF0\x9F\x98\x80";
// "é" written as "e" + U+0301 COMBINING ACUTE ACCENT: 3 bytes, 2 UTF-16 units, 2 code points.
constexpr const char* kCombined = "e\xCC\x81";

}  // namespace

TEST_CASE("LineIndex finds lines ending in LF, CRLF and lone CR") {
  Annotations t("@a^FROM a\n@b^RUN b\r\n@c^COPY c\r@d^EXPOSE 1@end^");
  LineIndex lines(t.code());
  REQUIRE(lines.line_count() == 4);
  CHECK(lines.line_start(1) == t.point("b"));
  CHECK(lines.line_start(2) == t.point("c"));
  CHECK(lines.line_start(3) == t.point("d"));
  CHECK(lines.line_end(1) == t.point("c") - 2);  // Before "\r\n".
  CHECK(lines.line_end(2) == t.point("d") - 1);  // Before the lone "\r".
  CHECK(lines.line_end(3) == t.point("end"));
  CHECK(lines.line_of(t.point("c")) == 2);
  CHECK(lines.line_of(t.point("c") - 1) == 1);  // The "\n" of "\r\n" belongs to its line.
  CHECK(lines.line_of(t.point("end")) == 3);
}

TEST_CASE("LineIndex counts an empty text and a trailing line break as lines") {
  CHECK(LineIndex("").line_count() == 1);
  CHECK(LineIndex("FROM a\n").line_count() == 2);
  CHECK(LineIndex("FROM a\r\n").line_count() == 2);
  LineIndex lines("FROM a\n");
  CHECK(lines.position(7, Encoding::Utf16) == Position{1, 0});
}

TEST_CASE("LineIndex counts a surrogate pair as two UTF-16 units") {
  Annotations t(std::string("LABEL a=\"") + kEmoji + "@after^\" b");
  LineIndex lines(t.code());
  size_t after = t.point("after");
  size_t before = after - 4;
  CHECK(lines.position(before, Encoding::Utf16) == Position{0, 9});
  CHECK(lines.position(after, Encoding::Utf8) == Position{0, 13});
  CHECK(lines.position(after, Encoding::Utf16) == Position{0, 11});
  CHECK(lines.position(after, Encoding::Utf32) == Position{0, 10});
  CHECK(lines.offset({0, 11}, Encoding::Utf16) == after);
  CHECK(lines.offset({0, 13}, Encoding::Utf8) == after);
  CHECK(lines.offset({0, 10}, Encoding::Utf32) == after);
  // Inside the pair (or inside the UTF-8 sequence) rounds down to the character's start.
  CHECK(lines.offset({0, 10}, Encoding::Utf16) == before);
  CHECK(lines.offset({0, 11}, Encoding::Utf8) == before);
}

TEST_CASE("LineIndex counts combining marks as characters of their own") {
  Annotations t(std::string("LABEL x=") + kCombined + "@after^ y");
  LineIndex lines(t.code());
  CHECK(lines.position(t.point("after"), Encoding::Utf16) == Position{0, 10});
  CHECK(lines.position(t.point("after"), Encoding::Utf8) == Position{0, 11});
  CHECK(lines.position(t.point("after"), Encoding::Utf32) == Position{0, 10});
  CHECK(lines.offset({0, 9}, Encoding::Utf16) == t.point("after") - 2);  // Before the accent.
}

TEST_CASE("LineIndex clamps a character past the line's end to the end of that line") {
  Annotations t("FROM a@eol^\r\nRUN b@eof^");
  LineIndex lines(t.code());
  CHECK(lines.offset({0, 99}, Encoding::Utf16) == t.point("eol"));
  CHECK(lines.offset({0, 7}, Encoding::Utf8) == t.point("eol"));  // Never inside "\r\n".
  CHECK(lines.offset({1, 99}, Encoding::Utf16) == t.point("eof"));
}

TEST_CASE("LineIndex clamps a line past the last one to the end of the text") {
  Annotations t("FROM a\nRUN b@eof^");
  LineIndex lines(t.code());
  CHECK(lines.offset({2, 0}, Encoding::Utf16) == t.point("eof"));
  CHECK(lines.offset({100, 5}, Encoding::Utf8) == t.point("eof"));
  CHECK(lines.position(t.code().size() + 10, Encoding::Utf16) == Position{1, 5});
}

TEST_CASE("LineIndex positions round-trip at every character boundary") {
  std::string text = std::string("FROM a AS b\r\nRUN ") + kEmoji + kCombined + " \xE4\xB8\xAD\r\n\rX" + kEmoji;
  LineIndex lines(text);
  std::vector<size_t> boundaries;
  for (size_t i = 0; i < text.size(); i += dfls::utf8_sequence_length(text, i)) boundaries.push_back(i);
  boundaries.push_back(text.size());
  for (Encoding enc : {Encoding::Utf8, Encoding::Utf16, Encoding::Utf32}) {
    for (size_t i : boundaries) {
      if (i > 0 && i < text.size() && text[i - 1] == '\r' && text[i] == '\n') continue;
      INFO("offset " << i);
      CHECK(lines.offset(lines.position(i, enc), enc) == i);
    }
  }
}

TEST_CASE("LineIndex counts each invalid UTF-8 byte as one character") {
  std::string text = "A\xFF\xC3" "B\xE2\x82" "C";  // A, 0xFF, truncated 2-byte, B, truncated 3-byte, C.
  LineIndex lines(text);
  CHECK(lines.position(text.size(), Encoding::Utf16) == Position{0, 7});
  CHECK(lines.position(text.size(), Encoding::Utf8) == Position{0, 7});
  CHECK(lines.offset({0, 3}, Encoding::Utf16) == 3);
  CHECK(lines.offset({0, 99}, Encoding::Utf32) == text.size());
}

TEST_CASE("LineIndex gives tree-sitter points that count only LF as a row break") {
  Annotations t("FROM a\r\nRUN @b^b\rCOPY @c^c");
  LineIndex lines(t.code());
  auto b = lines.ts_point(t.point("b"));
  CHECK(b.row == 1);
  CHECK(b.column == 4);
  auto c = lines.ts_point(t.point("c"));
  CHECK(c.row == 1);  // A lone CR is a line break for LSP only.
  CHECK(c.column == 11);
}
