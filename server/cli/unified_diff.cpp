#include "cli/unified_diff.h"

#include <algorithm>
#include <vector>

namespace dfls::cli {

namespace {

// Lines with their line breaks, so that a changed line ending counts as a change.
std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    size_t nl = text.find('\n');
    size_t len = nl == std::string_view::npos ? text.size() : nl + 1;
    lines.push_back(text.substr(0, len));
    text.remove_prefix(len);
  }
  return lines;
}

enum class Op { Keep, Remove, Add };

// The shortest edit script from a to b (Myers, "An O(ND) Difference Algorithm"), in order.
std::vector<Op> edit_script(const std::vector<std::string_view>& a, const std::vector<std::string_view>& b) {
  const long n = static_cast<long>(a.size()), m = static_cast<long>(b.size());
  const long max = n + m;
  std::vector<long> v(static_cast<size_t>(2 * max + 3), 0);
  auto at = [&](std::vector<long>& vec, long k) -> long& { return vec[static_cast<size_t>(k + max + 1)]; };
  // trace[d] holds V for diagonals -d..d after step d.
  std::vector<std::vector<long>> trace;
  for (long d = 0; d <= max; ++d) {
    bool done = false;
    for (long k = -d; k <= d; k += 2) {
      long x = (k == -d || (k != d && at(v, k - 1) < at(v, k + 1))) ? at(v, k + 1) : at(v, k - 1) + 1;
      long y = x - k;
      while (x < n && y < m && a[static_cast<size_t>(x)] == b[static_cast<size_t>(y)]) ++x, ++y;
      at(v, k) = x;
      if (x >= n && y >= m) done = true;
    }
    trace.emplace_back(v.begin() + (max + 1 - d), v.begin() + (max + 1 + d + 1));
    if (done) break;
  }
  std::vector<Op> ops;
  long x = n, y = m;
  for (long d = static_cast<long>(trace.size()) - 1; d > 0; --d) {
    const std::vector<long>& prev = trace[static_cast<size_t>(d - 1)];
    auto prev_at = [&](long k) { return prev[static_cast<size_t>(k + d - 1)]; };
    long k = x - y;
    long prev_k = (k == -d || (k != d && prev_at(k - 1) < prev_at(k + 1))) ? k + 1 : k - 1;
    long prev_x = prev_at(prev_k), prev_y = prev_x - prev_k;
    while (x > prev_x && y > prev_y) {
      ops.push_back(Op::Keep);
      --x, --y;
    }
    ops.push_back(x == prev_x ? Op::Add : Op::Remove);
    x = prev_x, y = prev_y;
  }
  while (x > 0 && y > 0) {
    ops.push_back(Op::Keep);
    --x, --y;
  }
  std::reverse(ops.begin(), ops.end());
  return ops;
}

void append_line(std::string& out, char prefix, std::string_view line) {
  out += prefix;
  out += line;
  if (line.empty() || line.back() != '\n') out += "\n\\ No newline at end of file\n";
}

std::string range(size_t start, size_t count) {
  // An empty range names the line before it, and a count of one is left out, as diff does.
  std::string s = std::to_string(count == 0 ? start : start + 1);
  return count == 1 ? s : s + "," + std::to_string(count);
}

}  // namespace

std::string unified_diff(std::string_view old_text, std::string_view new_text,
                         std::string_view old_name, std::string_view new_name, size_t context) {
  if (old_text == new_text) return {};
  auto a = split_lines(old_text);
  auto b = split_lines(new_text);
  std::vector<Op> ops = edit_script(a, b);
  std::string out = "--- " + std::string(old_name) + "\n+++ " + std::string(new_name) + "\n";
  size_t i = 0;
  while (i < ops.size()) {
    if (ops[i] == Op::Keep) {
      ++i;
      continue;
    }
    // A hunk: from `context` kept lines before the change to where a run of more than
    // 2 * context kept lines (or the end) follows the last change.
    size_t first = i >= context ? i - context : 0;
    size_t end = i;
    while (end < ops.size()) {
      size_t keep = 0;
      while (end + keep < ops.size() && ops[end + keep] == Op::Keep) ++keep;
      if (end + keep == ops.size() || keep > 2 * context) {
        end += std::min(keep, context);
        break;
      }
      end += keep;
      while (end < ops.size() && ops[end] != Op::Keep) ++end;
    }
    // Line numbers where the hunk starts in each text.
    size_t old_line = 0, new_line = 0;
    for (size_t j = 0; j < first; ++j) {
      if (ops[j] != Op::Add) ++old_line;
      if (ops[j] != Op::Remove) ++new_line;
    }
    size_t old_count = 0, new_count = 0;
    std::string body;
    for (size_t j = first, oi = old_line, ni = new_line; j < end; ++j) {
      if (ops[j] == Op::Keep) {
        append_line(body, ' ', a[oi++]);
        ++ni, ++old_count, ++new_count;
      } else if (ops[j] == Op::Remove) {
        append_line(body, '-', a[oi++]);
        ++old_count;
      } else {
        append_line(body, '+', b[ni++]);
        ++new_count;
      }
    }
    out += "@@ -" + range(old_line, old_count) + " +" + range(new_line, new_count) + " @@\n" + body;
    i = end;
  }
  return out;
}

}  // namespace dfls::cli
