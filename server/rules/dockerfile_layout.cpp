#include "rules/dockerfile_layout.h"

#include <algorithm>
#include <cctype>
#include <deque>

#include "core/line_index.h"

namespace dfls {

namespace {

bool is_blank(char c) { return c == ' ' || c == '\t'; }

std::string_view trim_left(std::string_view s) {
  size_t i = 0;
  while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
  return s.substr(i);
}

std::string lowercase(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string uppercase(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

bool ends_with_escape(std::string_view line, char escape) {
  size_t end = line.size();
  while (end > 0 && is_blank(line[end - 1])) --end;
  return end > 0 && line[end - 1] == escape;
}

struct Heredoc {
  std::string name;
  bool strip_tabs = false;
};

bool is_name_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

// Heredoc openers (`<<EOF`, `<<-EOF`, `<<"EOF"`) on one line of a RUN, COPY or ADD instruction.
// Here-strings (`<<<`) and shifts such as `1<<2` are not openers.
void find_heredocs(std::string_view line, std::deque<Heredoc>& out) {
  for (size_t p = line.find("<<"); p != std::string_view::npos; p = line.find("<<", p + 2)) {
    if ((p > 0 && line[p - 1] == '<') || (p + 2 < line.size() && line[p + 2] == '<')) {
      while (p + 2 < line.size() && line[p + 2] == '<') ++p;
      continue;
    }
    size_t q = p + 2;
    Heredoc h;
    if (q < line.size() && line[q] == '-') {
      h.strip_tabs = true;
      ++q;
    }
    if (q < line.size() && (line[q] == '"' || line[q] == '\'')) ++q;
    size_t name_start = q;
    while (q < line.size() && is_name_char(line[q])) ++q;
    if (q == name_start || std::isdigit(static_cast<unsigned char>(line[name_start]))) continue;
    h.name = std::string(line.substr(name_start, q - name_start));
    out.push_back(std::move(h));
  }
}

// Whether an instruction may open heredocs: RUN, COPY and ADD, also behind ONBUILD, and not in
// JSON (exec) form.
bool takes_heredocs(std::string_view first_line) {
  std::string_view rest = trim_left(first_line);
  for (int word = 0; word < 2; ++word) {
    size_t end = 0;
    while (end < rest.size() && !std::isspace(static_cast<unsigned char>(rest[end]))) ++end;
    std::string kw = uppercase(rest.substr(0, end));
    rest = trim_left(rest.substr(end));
    if (kw == "RUN" || kw == "COPY" || kw == "ADD") return rest.empty() || rest[0] != '[';
    if (kw != "ONBUILD") return false;
  }
  return false;
}

bool is_known_directive(std::string_view name) {
  return name == "syntax" || name == "escape" || name == "check";
}

}  // namespace

std::optional<DirectiveParts> parse_directive_line(std::string_view line) {
  size_t i = 0;
  while (i < line.size() && std::isspace(static_cast<unsigned char>(line[i]))) ++i;
  if (i >= line.size() || line[i] != '#') return std::nullopt;
  ++i;
  while (i < line.size() && std::isspace(static_cast<unsigned char>(line[i]))) ++i;
  size_t name_start = i;
  if (i >= line.size() || !std::isalpha(static_cast<unsigned char>(line[i]))) return std::nullopt;
  while (i < line.size() && std::isalnum(static_cast<unsigned char>(line[i]))) ++i;
  DirectiveParts parts;
  parts.name = lowercase(line.substr(name_start, i - name_start));
  while (i < line.size() && std::isspace(static_cast<unsigned char>(line[i]))) ++i;
  if (i >= line.size() || line[i] != '=') return std::nullopt;
  ++i;
  while (i < line.size() && std::isspace(static_cast<unsigned char>(line[i]))) ++i;
  size_t end = line.size();
  while (end > i && std::isspace(static_cast<unsigned char>(line[end - 1]))) --end;
  if (end == i) return std::nullopt;
  parts.value_start = i;
  parts.value_end = end;
  return parts;
}

const LayoutDirective* DockerfileLayout::directive(std::string_view name) const {
  for (const LayoutDirective& d : directives)
    if (d.name == name) return &d;
  return nullptr;
}

const LayoutInstruction* DockerfileLayout::instruction_at(size_t offset) const {
  auto it = std::upper_bound(instructions.begin(), instructions.end(), offset,
                             [](size_t o, const LayoutInstruction& in) { return o < in.start; });
  if (it == instructions.begin()) return nullptr;
  const LayoutInstruction& in = *std::prev(it);
  if (offset < in.end || (offset == in.end && in.end == text_size)) return &in;
  return nullptr;
}

size_t DockerfileLayout::stage_end(size_t i) const {
  for (size_t j = i + 1; j < instructions.size(); ++j)
    if (instructions[j].is_from()) return instructions[j].start;
  return text_size;
}

DockerfileLayout read_layout(std::string_view text) {
  DockerfileLayout layout;
  layout.text_size = text.size();
  LineIndex lines(text);
  size_t line_count = lines.line_count();
  bool in_directives = true;
  bool continued = false;
  bool heredoc_capable = false;
  std::deque<Heredoc> heredocs;
  std::vector<size_t> block;
  LayoutInstruction* current = nullptr;
  size_t bom = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  layout.directives_end = bom;

  auto close_current = [&](size_t at) {
    if (current) {
      current->end = at;
      current = nullptr;
    }
  };
  for (size_t i = 0; i < line_count; ++i) {
    size_t start = lines.line_start(i);
    size_t content_start = i == 0 ? bom : start;
    std::string_view content = text.substr(content_start, lines.line_end(i) - content_start);
    size_t next_start = i + 1 < line_count ? lines.line_start(i + 1) : text.size();
    std::string_view trimmed = trim_left(content);

    if (!heredocs.empty()) {  // A heredoc body line, or its terminator.
      std::string_view candidate = content;
      if (heredocs.front().strip_tabs)
        while (!candidate.empty() && candidate.front() == '\t') candidate.remove_prefix(1);
      if (candidate == heredocs.front().name) heredocs.pop_front();
      if (current) current->last_line = i;
      continue;
    }
    if (continued) {  // A continuation line; comments and blank lines inside stay inside.
      if (current) current->last_line = i;
      if (trimmed.empty() || trimmed.front() == '#') continue;
      if (heredoc_capable) find_heredocs(content, heredocs);
      continued = ends_with_escape(content, layout.escape);
      continue;
    }
    if (in_directives) {
      if (i == 0 && trimmed.substr(0, 2) == "#!") {
        layout.comments.push_back({i, start, content, false});
        block.push_back(layout.comments.size() - 1);
        layout.directives_end = next_start;
        continue;
      }
      auto parts = parse_directive_line(content);
      if (parts && is_known_directive(parts->name)) {
        std::string_view value = content.substr(parts->value_start, parts->value_end - parts->value_start);
        if (!layout.directive(parts->name)) {
          layout.directives.push_back({parts->name, value, i, content_start + parts->value_start});
          if (parts->name == "escape" && (value == "`" || value == "\\")) layout.escape = value[0];
        }
        layout.comments.push_back({i, start, content, true});
        block.push_back(layout.comments.size() - 1);
        layout.directives_end = next_start;
        continue;
      }
      in_directives = false;
    }
    if (trimmed.empty()) continue;
    close_current(start);
    if (trimmed.front() == '#') {
      layout.comments.push_back({i, start, content, false});
      if (trim_left(trimmed.substr(1)).empty())
        block.clear();
      else
        block.push_back(layout.comments.size() - 1);
      continue;
    }
    LayoutInstruction in;
    in.start = start;
    in.first_line = in.last_line = i;
    in.indent = content.substr(0, content.size() - trimmed.size());
    size_t word_end = 0;
    while (word_end < trimmed.size() && !std::isspace(static_cast<unsigned char>(trimmed[word_end])))
      ++word_end;
    in.keyword = uppercase(trimmed.substr(0, word_end));
    in.comments = std::move(block);
    block.clear();
    layout.instructions.push_back(std::move(in));
    current = &layout.instructions.back();
    heredoc_capable = takes_heredocs(content);
    if (heredoc_capable) find_heredocs(content, heredocs);
    continued = ends_with_escape(content, layout.escape);
  }
  close_current(text.size());
  return layout;
}

}  // namespace dfls
