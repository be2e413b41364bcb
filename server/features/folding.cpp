#include "features/folding.h"

#include <algorithm>

#include "core/model/model.h"

namespace dfls {

std::vector<FoldingRange> folding_ranges(const Document& doc) {
  const auto& m = doc.model();
  const auto& lines = doc.lines();
  std::vector<FoldingRange> out;
  // The last line of a range: a span ending right after a line break ends on the line before.
  auto last_line = [&](size_t end, size_t start) {
    size_t line = lines.line_of(end);
    if (end > start && line > 0 && lines.line_start(line) == end) --line;
    return line;
  };
  auto add = [&](ByteRange r, FoldKind kind) {
    size_t first = lines.line_of(r.start), last = last_line(r.end, r.start);
    if (last > first) out.push_back({first, last, kind});
  };
  for (const auto& stage : m.stages) add(stage.span, FoldKind::Region);
  for (const auto& ins : m.instructions) {
    if (ins.inside_onbuild) continue;
    add(ins.span, FoldKind::Region);
    for (const auto& h : ins.heredocs)
      if (!h.body_span.empty()) add({h.marker_span.start, h.end_span.end}, FoldKind::Region);
  }
  // Runs of comment lines that follow each other directly.
  for (size_t i = 0; i < m.comments.size();) {
    size_t j = i;
    while (j + 1 < m.comments.size() &&
           lines.line_of(m.comments[j + 1].span.start) == lines.line_of(m.comments[j].span.start) + 1)
      ++j;
    add({m.comments[i].span.start, m.comments[j].span.end}, FoldKind::Comment);
    i = j + 1;
  }
  std::sort(out.begin(), out.end(), [](const FoldingRange& a, const FoldingRange& b) {
    return a.start_line != b.start_line ? a.start_line < b.start_line : a.end_line > b.end_line;
  });
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace dfls
