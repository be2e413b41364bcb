#include "core/text_edit.h"

#include <algorithm>
#include <stdexcept>

namespace dfls {

namespace {

std::vector<TextEdit> sorted(std::vector<TextEdit> edits) {
  std::stable_sort(edits.begin(), edits.end(), [](const TextEdit& a, const TextEdit& b) {
    return a.range.start < b.range.start;
  });
  return edits;
}

}  // namespace

bool edits_overlap(const TextEdit& a, const TextEdit& b) {
  const ByteRange& x = a.range;
  const ByteRange& y = b.range;
  if (x.start == x.end && y.start == y.end) return false;
  if (x.start == x.end) return y.start < x.start && x.start < y.end;
  if (y.start == y.end) return x.start < y.start && y.start < x.end;
  return x.start < y.end && y.start < x.end;
}

bool edits_conflict(const std::vector<TextEdit>& edits, size_t text_size) {
  for (const TextEdit& e : edits)
    if (e.range.start > e.range.end || e.range.end > text_size) return true;
  std::vector<TextEdit> s = sorted(edits);
  // After sorting by start, an overlap always shows between some edit and an earlier one whose
  // end reaches furthest; checking every earlier edit keeps this obviously right for small lists.
  for (size_t i = 1; i < s.size(); ++i)
    for (size_t j = 0; j < i; ++j)
      if (edits_overlap(s[i], s[j])) return true;
  return false;
}

std::string apply_edits(std::string_view text, std::vector<TextEdit> edits) {
  if (edits_conflict(edits, text.size()))
    throw std::invalid_argument("apply_edits: edits overlap or reach past the end of the text");
  edits = sorted(std::move(edits));
  std::string out;
  out.reserve(text.size());
  size_t pos = 0;
  for (const TextEdit& e : edits) {
    out.append(text.substr(pos, e.range.start - pos));
    out.append(e.new_text);
    pos = e.range.end;
  }
  out.append(text.substr(pos));
  return out;
}

size_t map_offset(size_t offset, const std::vector<TextEdit>& edits) {
  long long shift = 0;
  for (const TextEdit& e : sorted(edits)) {
    if (e.range.start > offset) break;
    if (offset < e.range.end) return static_cast<size_t>(static_cast<long long>(e.range.start) + shift);
    shift += static_cast<long long>(e.new_text.size()) -
             static_cast<long long>(e.range.end - e.range.start);
  }
  return static_cast<size_t>(static_cast<long long>(offset) + shift);
}

std::string_view line_ending_of(std::string_view text) {
  size_t i = text.find_first_of("\r\n");
  if (i == std::string_view::npos || text[i] == '\n') return "\n";
  if (i + 1 < text.size() && text[i + 1] == '\n') return "\r\n";
  return "\r";
}

}  // namespace dfls
