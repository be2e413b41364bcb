#include "core/line_index.h"

#include <algorithm>

namespace dfls {

size_t utf8_sequence_length(std::string_view s, size_t i) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  auto cont = [&](size_t k) { return k < s.size() && (byte(k) & 0xC0) == 0x80; };
  unsigned char c = byte(i);
  if (c < 0x80) return 1;
  if (c >= 0xC2 && c <= 0xDF) return cont(i + 1) ? 2 : 1;
  if (c >= 0xE0 && c <= 0xEF) {
    if (!cont(i + 1) || !cont(i + 2)) return 1;
    unsigned char c1 = byte(i + 1);
    if (c == 0xE0 && c1 < 0xA0) return 1;  // Overlong.
    if (c == 0xED && c1 >= 0xA0) return 1;  // UTF-16 surrogate halves.
    return 3;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if (!cont(i + 1) || !cont(i + 2) || !cont(i + 3)) return 1;
    unsigned char c1 = byte(i + 1);
    if (c == 0xF0 && c1 < 0x90) return 1;
    if (c == 0xF4 && c1 >= 0x90) return 1;
    return 4;
  }
  return 1;
}

LineIndex::LineIndex(std::string_view text) : text_(text) {
  starts_.push_back(0);
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\n') {
      starts_.push_back(i + 1);
    } else if (c == '\r') {
      if (i + 1 < text.size() && text[i + 1] == '\n') {
        ++i;
      } else {
        lone_cr_ = true;
      }
      starts_.push_back(i + 1);
    }
  }
}

size_t LineIndex::line_start(size_t line) const {
  return line < starts_.size() ? starts_[line] : text_.size();
}

size_t LineIndex::line_end(size_t line) const {
  if (line >= starts_.size()) return text_.size();
  size_t end = line + 1 < starts_.size() ? starts_[line + 1] : text_.size();
  if (end > starts_[line] && text_[end - 1] == '\n') --end;
  if (end > starts_[line] && text_[end - 1] == '\r') --end;
  return end;
}

size_t LineIndex::line_of(size_t offset) const {
  auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
  return static_cast<size_t>(it - starts_.begin()) - 1;
}

Position LineIndex::position(size_t offset, Encoding enc) const {
  offset = std::min(offset, text_.size());
  size_t line = line_of(offset);
  size_t i = starts_[line];
  size_t end = std::min(offset, line_end(line));
  uint32_t character = 0;
  if (enc == Encoding::Utf8) {
    character = static_cast<uint32_t>(end - i);
  } else {
    while (i < end) {
      size_t len = utf8_sequence_length(text_, i);
      character += (enc == Encoding::Utf16 && len == 4) ? 2 : 1;
      i += len;
    }
  }
  return {static_cast<uint32_t>(line), character};
}

size_t LineIndex::offset(Position pos, Encoding enc) const {
  if (pos.line >= starts_.size()) return text_.size();
  size_t i = starts_[pos.line];
  size_t end = line_end(pos.line);
  uint32_t units = 0;
  while (i < end) {
    size_t len = utf8_sequence_length(text_, i);
    uint32_t width = enc == Encoding::Utf8 ? static_cast<uint32_t>(len)
                     : (enc == Encoding::Utf16 && len == 4) ? 2 : 1;
    if (units + width > pos.character) break;
    units += width;
    i += len;
  }
  return i;
}

LineIndex::Point LineIndex::ts_point(size_t offset) const {
  offset = std::min(offset, text_.size());
  if (!lone_cr_) {
    size_t line = line_of(offset);
    return {static_cast<uint32_t>(line), static_cast<uint32_t>(offset - starts_[line])};
  }
  // Rare: a lone "\r" is a line break for LSP but not for tree-sitter, so count "\n" here.
  Point p;
  size_t line_begin = 0;
  for (size_t i = 0; i < offset; ++i) {
    if (text_[i] == '\n') {
      ++p.row;
      line_begin = i + 1;
    }
  }
  p.column = static_cast<uint32_t>(offset - line_begin);
  return p;
}

}  // namespace dfls
