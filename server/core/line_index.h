// Converts between byte offsets (used everywhere inside the server) and editor positions
// (line, character) in UTF-8, UTF-16 or UTF-32 code units. It is the only place that counts
// UTF-16 code units. Lines end at "\n", "\r\n" or a lone "\r", as LSP defines them.
//
// Invalid UTF-8: each byte that does not start a well-formed sequence counts as one character
// (one code unit in every encoding), as if it were U+FFFD; offsets never split a valid sequence.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace dfls {

enum class Encoding { Utf8, Utf16, Utf32 };

struct Position {
  uint32_t line = 0;
  uint32_t character = 0;
  friend bool operator==(const Position&, const Position&) = default;
  friend auto operator<=>(const Position&, const Position&) = default;
};

// Length in bytes of the well-formed UTF-8 sequence at s[i], or 1 for an invalid byte.
size_t utf8_sequence_length(std::string_view s, size_t i);

class LineIndex {
 public:
  LineIndex() = default;
  explicit LineIndex(std::string_view text);

  size_t line_count() const { return starts_.size(); }
  // Byte offset where a line starts; line_count() gives the text size.
  size_t line_start(size_t line) const;
  // Byte offset where a line's content ends (before its line break).
  size_t line_end(size_t line) const;
  size_t line_of(size_t offset) const;

  Position position(size_t offset, Encoding enc) const;
  // Clamps as LSP says: a character past the line's end means the line's end, a line past the
  // last one means the end of the text. A position inside a character rounds down to its start.
  size_t offset(Position pos, Encoding enc) const;

  // The tree-sitter point of an offset: row counts "\n" only, column is in bytes.
  struct Point {
    uint32_t row = 0, column = 0;
  };
  Point ts_point(size_t offset) const;

  std::string_view text() const { return text_; }

 private:
  std::string_view text_;
  std::vector<size_t> starts_;
  bool lone_cr_ = false;  // Whether a "\r" ends a line on its own (tree-sitter rows then differ).
};

}  // namespace dfls
