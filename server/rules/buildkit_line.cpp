// BuildKit's reading of an instruction line: continuations joined, comment lines dropped, words
// and leading flags split as its parser does (see rule_helpers.h).
#include "rules/rule_helpers.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>

#include "core/shell/shell.h"
#include "syntax/tree.h"

namespace dfls::rules {

ByteRange LogicalLine::range(size_t start, size_t end) const {
  if (offsets.empty()) return {};
  start = std::min(start, offsets.size() - 1);
  end = std::min(end, offsets.size() - 1);
  if (end <= start) return {offsets[start], offsets[start]};
  return {offsets[start], offsets[end - 1] + 1};
}

LogicalLine read_logical_line(std::string_view text, size_t start, size_t limit, char escape) {
  LogicalLine out;
  limit = std::min(limit, text.size());
  size_t pos = start;
  auto append = [&](size_t from, size_t to) {
    for (size_t i = from; i < to; ++i) {
      out.text.push_back(text[i]);
      out.offsets.push_back(i);
    }
  };
  size_t last_end = start;
  while (pos < limit) {
    size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    size_t content_end = std::min(eol, limit);
    if (content_end == eol && content_end > pos && text[content_end - 1] == '\r') --content_end;
    size_t e = content_end;
    while (e > pos && (text[e - 1] == ' ' || text[e - 1] == '\t')) --e;
    bool continued = e > pos && text[e - 1] == escape && !(e - 1 > pos && text[e - 2] == escape);
    if (!continued) {
      append(pos, content_end);
      last_end = content_end;
      break;
    }
    append(pos, e - 1);
    last_end = e - 1;
    pos = eol + 1;
    // Comment lines and blank lines inside a continuation are dropped.
    while (pos < limit) {
      size_t next = text.find('\n', pos);
      if (next == std::string_view::npos) next = text.size();
      size_t line_end = std::min(next, limit);
      std::string_view line = text.substr(pos, line_end - pos);
      size_t first = line.find_first_not_of(" \t\r");
      if (first == std::string_view::npos) {
        size_t visible_end = line_end;
        if (visible_end > pos && text[visible_end - 1] == '\r') --visible_end;
        out.empty_lines.push_back({pos, visible_end});
      } else if (line[first] != '#') {
        break;
      }
      pos = next + 1;
    }
  }
  out.offsets.push_back(out.offsets.empty() ? last_end : out.offsets.back() + 1);
  return out;
}

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f'; }

}  // namespace

std::vector<LineWord> InstructionLine::whitespace_words() const {
  std::vector<LineWord> out;
  const std::string& t = line.text;
  size_t i = rest_start;
  while (i < t.size()) {
    while (i < t.size() && is_space(t[i])) ++i;
    if (i >= t.size()) break;
    size_t b = i;
    while (i < t.size() && !is_space(t[i])) ++i;
    out.push_back({t.substr(b, i - b), b, i});
  }
  return out;
}

std::vector<LineWord> InstructionLine::quoted_words(char escape) const {
  std::vector<LineWord> out;
  const std::string& t = line.text;
  size_t i = rest_start;
  while (i < t.size()) {
    while (i < t.size() && is_space(t[i])) ++i;
    if (i >= t.size()) break;
    size_t b = i;
    char quote = 0;
    while (i < t.size()) {
      char c = t[i];
      if (quote) {
        if (c == quote) quote = 0;
        else if (c == escape && quote != '\'' && i + 1 < t.size()) ++i;
        ++i;
        continue;
      }
      if (is_space(c)) break;
      if (c == '\'' || c == '"') quote = c;
      else if (c == escape && i + 1 < t.size()) ++i;
      ++i;
    }
    out.push_back({t.substr(b, i - b), b, i});
  }
  return out;
}

InstructionLine read_instruction_line(const Document& doc, const model::Instruction& ins) {
  InstructionLine out;
  const model::Model& m = doc.model();
  std::string_view text = doc.text();
  out.line = read_logical_line(text, ins.keyword_span.start, ins.span.end, m.escape);
  const std::string& t = out.line.text;
  size_t k = 0;
  while (k < t.size() && !is_space(t[k])) ++k;
  out.keyword = t.substr(0, k);
  out.keyword_span = out.line.range(0, k);
  // Flags, as BuildKit's extractBuilderFlags reads them.
  size_t pos = k;
  size_t rest = t.size();
  char esc = m.escape;
  while (pos < t.size()) {
    while (pos < t.size() && is_space(t[pos])) ++pos;
    if (pos >= t.size()) break;
    if (!(t[pos] == '-' && pos + 1 < t.size() && t[pos + 1] == '-')) {
      rest = pos;
      break;
    }
    size_t word_start = pos;
    std::string word;
    char quote = 0;
    while (pos < t.size()) {
      char c = t[pos];
      if (quote) {
        if (c == quote) {
          quote = 0;
          ++pos;
          continue;
        }
        if (c == esc && pos + 1 < t.size()) ++pos;
        word.push_back(t[pos++]);
        continue;
      }
      if (is_space(c)) break;
      if (c == '\'' || c == '"') {
        quote = c;
        ++pos;
        continue;
      }
      if (c == esc) {
        if (pos + 1 >= t.size()) {
          ++pos;
          continue;
        }
        ++pos;
      }
      word.push_back(t[pos++]);
    }
    size_t word_end = pos;
    if (word == "--") {
      while (pos < t.size() && is_space(t[pos])) ++pos;
      rest = pos;
      break;
    }
    FlagWord f;
    f.span = out.line.range(word_start, word_end);
    std::string body = word.substr(2);
    size_t eq = body.find('=');
    f.name = body.substr(0, eq);
    size_t raw_eq = t.find('=', word_start);
    if (raw_eq == std::string::npos || raw_eq >= word_end) raw_eq = word_end;
    f.name_span = out.line.range(word_start + 2, eq == std::string::npos ? word_end : raw_eq);
    if (eq != std::string::npos) {
      f.value = body.substr(eq + 1);
      f.value_start = std::min(raw_eq + 1, word_end);
      f.value_end = word_end;
      f.value_span = out.line.range(f.value_start, f.value_end);
      f.value_is_raw = t.compare(f.value_start, f.value_end - f.value_start, *f.value) == 0;
    } else {
      f.value_span = {f.span.end, f.span.end};
    }
    out.flags.push_back(std::move(f));
  }
  out.rest_start = std::min(rest, t.size());
  return out;
}

}  // namespace dfls::rules
