// Byte ranges and text edits: the currency of every layer below the LSP edge.
#pragma once

#include <cstddef>
#include <string>

namespace dfls {

// A byte range [start, end) in a document.
struct ByteRange {
  size_t start = 0;
  size_t end = 0;

  bool empty() const { return start == end; }
  // Whether offset lies in the range or at its end (a cursor right after a word is on it).
  bool contains(size_t offset) const { return start <= offset && offset <= end; }
  size_t size() const { return end - start; }
  friend bool operator==(const ByteRange&, const ByteRange&) = default;
  friend auto operator<=>(const ByteRange&, const ByteRange&) = default;
};

struct TextEdit {
  ByteRange range;
  std::string new_text;
  friend bool operator==(const TextEdit&, const TextEdit&) = default;
};

}  // namespace dfls
