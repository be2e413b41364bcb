#include "features/cursor_context.h"

#include <algorithm>
#include <cctype>

#include "features/completion_scope.h"

namespace dfls {

namespace {

using model::Model;
constexpr size_t npos = std::string_view::npos;

bool blank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

bool blank_line(std::string_view s) { return s.find_first_not_of(" \t\r") == npos; }

bool comment_line(std::string_view s) {
  size_t p = s.find_first_not_of(" \t");
  return p != npos && s[p] == '#';
}

// Whether a line ends with the escape character (blanks after it allowed) that is not itself
// escaped: the line continues on the next one. Returns where the escape sits, or npos.
size_t continuation_at(std::string_view s, char escape) {
  size_t e = s.find_last_not_of(" \t\r");
  if (e == npos || s[e] != escape) return npos;
  if (e > 0 && s[e - 1] == escape) return npos;
  return e;
}

std::string_view line_text(std::string_view text, const LineIndex& lines, size_t l) {
  size_t b = lines.line_start(l), e = lines.line_end(l);
  return text.substr(b, e - b);
}

// "# name =" on one of the top lines: the directive name (lowercased) when it is a known one.
std::string directive_name(std::string_view s) {
  if (s.starts_with("\xEF\xBB\xBF")) s.remove_prefix(3);
  size_t i = s.find_first_not_of(" \t");
  if (i == npos || s[i] != '#') return {};
  i = s.find_first_not_of(" \t", i + 1);
  if (i == npos || !std::isalpha(static_cast<unsigned char>(s[i]))) return {};
  size_t b = i;
  while (i < s.size() && std::isalnum(static_cast<unsigned char>(s[i]))) ++i;
  std::string name = to_lower(s.substr(b, i - b));
  i = s.find_first_not_of(" \t", i);
  if (i == npos || s[i] != '=') return {};
  return (name == "syntax" || name == "escape" || name == "check") ? name : std::string{};
}

std::vector<LineWord> split_words(std::string_view s, char escape) {
  std::vector<LineWord> out;
  size_t i = 0, n = s.size();
  while (i < n) {
    while (i < n && blank(s[i])) ++i;
    if (i >= n) break;
    size_t b = i;
    char quote = 0;
    while (i < n) {
      char c = s[i];
      if (quote) {
        if (c == quote) quote = 0;
        else if (c == escape && quote == '"' && i + 1 < n) ++i;
        ++i;
        continue;
      }
      if (blank(c)) break;
      if (c == '"' || c == '\'') quote = c;
      else if (c == escape && i + 1 < n) ++i;
      ++i;
    }
    out.push_back({b, std::min(i, n)});
  }
  return out;
}

// Fills ctx.variable when the cursor sits in a variable name (or just after `${NAME`).
void find_variable(CursorContext& ctx, size_t from, char escape) {
  const std::string& s = ctx.line.text;
  struct Open {
    size_t name_start;
    size_t name_end;  // npos while still in the name.
    bool braced;
  };
  std::vector<Open> open;  // Braced references still open, then at most one unbraced one on top.
  bool single = false, dbl = false;
  for (size_t i = from; i < ctx.cursor && i < s.size(); ++i) {
    char c = s[i];
    if (!open.empty() && !open.back().braced && open.back().name_end == npos && !is_name_char(c))
      open.pop_back();  // An unbraced name ends at the first other character.
    if (!open.empty() && open.back().braced && open.back().name_end == npos && !is_name_char(c))
      open.back().name_end = i;
    if (single) {
      if (c == '\'') single = false;
      continue;
    }
    if (c == escape && i + 1 < ctx.cursor) {
      ++i;
      continue;
    }
    if (c == '\'' && !dbl && open.empty()) single = true;
    else if (c == '"') dbl = !dbl;
    else if (c == '}' && !open.empty() && open.back().braced) open.pop_back();
    else if (c == '$' && i + 1 < s.size() && s[i + 1] == '{' && i + 1 < ctx.cursor) {
      open.push_back({i + 2, npos, true});
      ++i;
    } else if (c == '$') {
      open.push_back({i + 1, npos, false});
    }
  }
  if (open.empty()) return;
  const Open& top = open.back();
  VariableSpot v;
  v.braced = top.braced;
  if (top.name_end == npos) {
    size_t e = ctx.cursor;
    while (e < s.size() && is_name_char(s[e])) ++e;
    v.name = ctx.line.doc_range(top.name_start, ctx.cursor);
    v.name.end = ctx.offset;
    v.full_name = ctx.line.doc_range(top.name_start, e);
    v.name_text = s.substr(top.name_start, ctx.cursor - top.name_start);
    v.full_text = s.substr(top.name_start, e - top.name_start);
    if (!v.name_text.empty() && std::isdigit(static_cast<unsigned char>(v.name_text[0]))) return;
    ctx.variable = std::move(v);
    return;
  }
  // `${NAME` then modifier characters: offer modifiers while they are a modifier's start.
  std::string_view typed(s.data() + top.name_end, ctx.cursor - top.name_end);
  if (top.name_end == top.name_start || typed.size() > 2) return;
  for (char c : typed)
    if (c != ':' && c != '-' && c != '+' && c != '?' && c != '#' && c != '%' && c != '/') return;
  v.full_text = v.name_text = s.substr(top.name_start, top.name_end - top.name_start);
  v.full_name = v.name = ctx.line.doc_range(top.name_start, top.name_end);
  v.in_modifier = true;
  v.modifier = {ctx.line.doc(top.name_end), ctx.offset};
  v.modifier_text = std::string(typed);
  ctx.variable = std::move(v);
}

void set_element(CursorContext& ctx, size_t b, size_t e) {
  ctx.prefix = {ctx.line.doc(b), ctx.offset};
  if (b >= ctx.cursor) ctx.prefix.start = ctx.offset;
  ctx.prefix_text = ctx.line.text.substr(b, ctx.cursor - std::min(b, ctx.cursor));
  ctx.element = ctx.line.doc_range(b, e);
  if (b == e) ctx.element = ctx.prefix;
  ctx.element_text = ctx.line.text.substr(b, e - b);
}

// The --mount value: which field the cursor is in, and the other fields.
void read_mount(CursorContext& ctx, size_t vb, size_t ve) {
  const std::string& s = ctx.line.text;
  size_t fb = vb;
  bool quoted = false;
  for (size_t i = vb; i <= ve; ++i) {
    if (i < ve && s[i] == '"') quoted = !quoted;
    if (i < ve && (s[i] != ',' || quoted)) continue;
    std::string_view field(s.data() + fb, i - fb);
    size_t eq = field.find('=');
    bool here = fb <= ctx.cursor && ctx.cursor <= i;
    if (here) {
      if (eq == npos || ctx.cursor <= fb + eq) {
        ctx.spot = Spot::MountKey;
        set_element(ctx, fb, eq == npos ? i : fb + eq);
      } else {
        ctx.spot = Spot::MountValue;
        ctx.mount_key = to_lower(field.substr(0, eq));
        set_element(ctx, fb + eq + 1, i);
      }
    } else if (!field.empty()) {
      CursorContext::MountField f;
      f.key = to_lower(field.substr(0, eq));
      if (eq != npos) {
        f.has_value = true;
        f.value = std::string(field.substr(eq + 1));
        if (f.value.size() >= 2 && f.value.front() == '"' && f.value.back() == '"')
          f.value = f.value.substr(1, f.value.size() - 2);
      }
      ctx.mount_fields.push_back(std::move(f));
    }
    fb = i + 1;
  }
}

void read_instruction_line(CursorContext& ctx, char escape) {
  const std::string& s = ctx.line.text;
  auto& words = ctx.words;
  for (size_t i = 0; i < words.size(); ++i)
    if (words[i].begin <= ctx.cursor && ctx.cursor <= words[i].end) ctx.word = static_cast<int>(i);
  if (words.empty() || ctx.cursor < words[0].begin) {
    ctx.spot = Spot::Keyword;
    set_element(ctx, ctx.cursor, ctx.cursor);
    return;
  }
  ctx.keyword_word = 0;
  auto kind = model::kind_from_keyword(ctx.word_text(0));
  if (kind == model::Kind::Onbuild && ctx.word != 0) {
    ctx.onbuild = true;
    ctx.keyword_word = 1;
    if (words.size() < 2 || ctx.cursor < words[1].begin || ctx.word == 1) {
      ctx.spot = Spot::Keyword;
      if (ctx.word == 1) set_element(ctx, words[1].begin, words[1].end);
      else set_element(ctx, ctx.cursor, ctx.cursor);
      if (words.size() >= 2) ctx.keyword = std::string(ctx.word_text(1));
      return;
    }
    kind = model::kind_from_keyword(ctx.word_text(1));
  }
  ctx.kind = kind;
  ctx.keyword = std::string(ctx.word_text(ctx.keyword_word));
  if (ctx.word == ctx.keyword_word) {
    ctx.spot = Spot::Keyword;
    set_element(ctx, words[ctx.word].begin, words[ctx.word].end);
    return;
  }
  // Flags, then positional arguments.
  bool flags_open = true;
  int positional_before = 0;
  size_t cursor_slot = words.size();  // Index of the word at or after the cursor.
  for (size_t i = ctx.keyword_word + 1; i < words.size(); ++i) {
    std::string_view w = ctx.word_text(i);
    bool is_cursor_word = static_cast<int>(i) == ctx.word;
    if (cursor_slot == words.size() && (is_cursor_word || words[i].begin > ctx.cursor))
      cursor_slot = i;
    bool before = cursor_slot == words.size();
    if (flags_open && w == "--") {
      flags_open = false;
      if (before) ctx.flag_position = false;
      continue;
    }
    if (flags_open && w.starts_with("--")) {
      if (!is_cursor_word) ctx.flags_present.push_back(to_lower(w.substr(2, w.find('=') - 2)));
      continue;
    }
    if (flags_open && is_cursor_word && w.starts_with("-")) continue;
    flags_open = false;
    ++ctx.arg_count;
    if (before) ++positional_before;
  }
  ctx.flag_position = positional_before == 0;
  for (size_t i = ctx.keyword_word + 1; i < cursor_slot && i < words.size(); ++i)
    if (ctx.word_text(i) == "--") ctx.flag_position = false;

  if (ctx.word >= 0) {
    const LineWord& w = words[ctx.word];
    std::string_view text = ctx.word_text(ctx.word);
    if (ctx.flag_position && text.starts_with("-")) {
      size_t eq = text.find('=');
      size_t dashes = 0;
      while (dashes < 2 && dashes < text.size() && text[dashes] == '-') ++dashes;
      size_t name_b = w.begin + dashes;
      if (eq == npos || ctx.cursor <= w.begin + eq) {
        ctx.spot = Spot::FlagName;
        ctx.flag = to_lower(std::string_view(s).substr(name_b, (eq == npos ? w.end : w.begin + eq) - name_b));
        set_element(ctx, w.begin, eq == npos ? w.end : w.begin + eq);
        return;
      }
      ctx.spot = Spot::FlagValue;
      ctx.flag = to_lower(std::string_view(s).substr(name_b, w.begin + eq - name_b));
      set_element(ctx, w.begin + eq + 1, w.end);
      if (ctx.flag == "mount") read_mount(ctx, w.begin + eq + 1, w.end);
      if (ctx.flag != "from" && ctx.mount_key != "from") find_variable(ctx, w.begin + eq + 1, escape);
      return;
    }
    ctx.spot = Spot::Argument;
    ctx.arg_index = positional_before;
    ctx.flag_position = false;
    set_element(ctx, w.begin, w.end);
    find_variable(ctx, w.begin, escape);
    return;
  }
  ctx.spot = Spot::Argument;
  ctx.arg_index = positional_before;
  set_element(ctx, ctx.cursor, ctx.cursor);
}

}  // namespace

bool is_name_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

std::string to_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

ByteRange LogicalLine::doc_range(size_t b, size_t e) const {
  if (e <= b) return {doc(b), doc(b)};
  return {doc(b), doc(e - 1) + 1};
}

size_t LogicalLine::index_of(size_t offset) const {
  return static_cast<size_t>(std::lower_bound(offsets.begin(), offsets.end(), offset) - offsets.begin());
}

std::string_view CursorContext::word_text(size_t i) const {
  if (i >= words.size()) return {};
  return std::string_view(line.text).substr(words[i].begin, words[i].end - words[i].begin);
}

std::string_view CursorContext::rest_of_line() const {
  return std::string_view(line.text).substr(std::min(cursor, line.text.size()));
}

CursorContext cursor_context(const Document& doc, size_t offset) {
  CursorContext ctx;
  const std::string& text = doc.text();
  const Model& m = doc.model();
  const LineIndex& lines = doc.lines();
  offset = std::min(offset, text.size());
  ctx.offset = offset;
  const char escape = m.escape;
  size_t cur_line = lines.line_of(offset);
  ctx.first_line_of_file = cur_line == 0;

  // The instruction starting last at or before the cursor: its heredoc bodies bound the walk.
  int last = instructions_before(m, offset + 1) - 1;
  size_t floor = 0;
  for (int i = std::max(0, last - 1); i <= last; ++i) {
    for (const auto& h : m.instructions[i].heredocs) {
      size_t body_end = h.terminated ? h.end_span.end : std::max(h.body_span.end, h.end_span.end);
      if (h.body_span.start <= offset && offset <= body_end && offset > h.marker_span.end) {
        bool on_end = h.terminated && offset >= h.end_span.start;
        ctx.in_heredoc = true;
        if (on_end) return ctx;
        // Variables only, read on the physical line.
        size_t b = lines.line_start(cur_line), e = lines.line_end(cur_line);
        for (size_t k = b; k < e; ++k) ctx.line.offsets.push_back(k);
        ctx.line.text = text.substr(b, e - b);
        ctx.line.end = e;
        ctx.cursor = offset - b;
        ctx.instruction_index = i;
        ctx.stage = m.instructions[i].stage;
        ctx.instruction = &m.instructions[i];
        ctx.kind = m.instructions[i].kind;
        bool copy = ctx.kind == model::Kind::Copy || ctx.kind == model::Kind::Add;
        if (!(copy && h.quoted)) find_variable(ctx, 0, m.instructions[i].kind == model::Kind::Run ? '\\' : escape);
        return ctx;
      }
      if (h.end_span.end <= offset) floor = std::max(floor, h.end_span.end);
    }
  }

  // Walk back to the first physical line of the logical line.
  std::string_view here = line_text(text, lines, cur_line);
  size_t first = cur_line;
  for (size_t p = cur_line; p > 0 && lines.line_start(p - 1) >= floor;) {
    std::string_view prev = line_text(text, lines, p - 1);
    if (blank_line(prev) || comment_line(prev)) {
      --p;
      continue;
    }
    if (continuation_at(prev, escape) == npos) break;
    first = p = p - 1;
  }
  if (comment_line(here)) {
    if (first != cur_line) return ctx;  // A comment inside a continuation.
    // Parser directives: only on the top lines, each above being a directive.
    bool top = cur_line < 4;
    for (size_t l = 0; top && l < cur_line; ++l) top = !directive_name(line_text(text, lines, l)).empty();
    if (!top) return ctx;
    size_t b = lines.line_start(cur_line);
    std::string_view s = here;
    size_t skip = s.starts_with("\xEF\xBB\xBF") ? 3 : 0;
    for (size_t k = 0; k < s.size(); ++k) ctx.line.offsets.push_back(b + k);
    ctx.line.text = std::string(s);
    ctx.line.end = b + s.size();
    ctx.cursor = offset - b;
    size_t hash = s.find('#', skip);
    size_t nb = s.find_first_not_of(" \t", hash + 1);
    if (nb == npos) nb = s.size();
    size_t ne = nb;
    while (ne < s.size() && std::isalnum(static_cast<unsigned char>(s[ne]))) ++ne;
    if (ctx.cursor <= hash) return ctx;
    if (ctx.cursor <= ne) {
      // Typing the name: only letters may precede the cursor.
      if (ctx.cursor < nb) nb = ctx.cursor;
      ctx.spot = Spot::DirectiveName;
      set_element(ctx, nb, ne);
      return ctx;
    }
    size_t eq = s.find_first_not_of(" \t", ne);
    if (eq == npos || s[eq] != '=' || ctx.cursor <= eq) return ctx;
    ctx.directive = to_lower(s.substr(nb, ne - nb));
    size_t vb = s.find_first_not_of(" \t", eq + 1);
    if (vb == npos || vb > ctx.cursor) vb = ctx.cursor;
    size_t ve = s.find_last_not_of(" \t\r");
    ve = (ve == npos || ve + 1 < vb) ? vb : ve + 1;
    ctx.spot = Spot::DirectiveValue;
    set_element(ctx, vb, std::max(ve, ctx.cursor));
    return ctx;
  }

  // Join the logical line: continuation escapes dropped, blank and comment lines skipped.
  for (size_t l = first;; ++l) {
    std::string_view s = line_text(text, lines, l);
    size_t b = lines.line_start(l);
    bool empty_inside = l != first && (blank_line(s) || comment_line(s));
    // Blank and comment lines inside are skipped, but the cursor's own line is kept.
    if (!empty_inside || l == cur_line) {
      size_t cont = continuation_at(s, escape);
      size_t e = cont == npos ? s.size() : cont;
      for (size_t k = 0; k < e; ++k) {
        ctx.line.text.push_back(s[k]);
        ctx.line.offsets.push_back(b + k);
      }
      ctx.line.end = b + e;
      if (cont == npos && !empty_inside) break;
    }
    if (l + 1 >= lines.line_count()) break;
  }
  while (!ctx.line.text.empty() && ctx.line.text.back() == '\r') {
    ctx.line.text.pop_back();
    ctx.line.end = ctx.line.offsets.back();
    ctx.line.offsets.pop_back();
  }
  ctx.cursor = ctx.line.index_of(offset);
  ctx.words = split_words(ctx.line.text, escape);

  size_t line_start = lines.line_start(first);
  ctx.instruction_index = instructions_before(m, line_start);
  size_t anchor = ctx.words.empty() ? line_start : ctx.line.doc(ctx.words[0].begin);
  const model::Stage* stage = m.stage_at(anchor);
  ctx.stage = stage ? stage->index : -1;
  read_instruction_line(ctx, escape);
  if (!ctx.words.empty() && ctx.instruction_index < static_cast<int>(m.instructions.size())) {
    const model::Instruction& ins = m.instructions[ctx.instruction_index];
    if (ins.span.start == anchor) {
      ctx.instruction = &ins;
      if (ctx.onbuild && ins.onbuild_inner >= 0) ctx.instruction = &m.instructions[ins.onbuild_inner];
    }
  }
  return ctx;
}

}  // namespace dfls
