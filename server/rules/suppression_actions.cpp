#include "rules/suppression_actions.h"

#include <algorithm>

#include "core/text_edit.h"
#include "rules/dockerfile_layout.h"
#include "rules/suppression.h"

namespace dfls {

namespace {

struct Context {
  std::string_view text;
  const DockerfileLayout& layout;
  std::string_view eol;
  const std::string& id;

  size_t offset_of(std::string_view part) const { return static_cast<size_t>(part.data() - text.data()); }
};

bool listed(const std::vector<std::string>& names, std::string_view id) {
  return std::find(names.begin(), names.end(), id) != names.end();
}

Fix make_fix(std::string title, TextEdit edit) {
  Fix fix;
  fix.title = std::move(title);
  fix.edits.push_back(std::move(edit));
  fix.safe = false;
  return fix;
}

Fix insertion_fix(std::string title, size_t at, std::string new_text) {
  return make_fix(std::move(title), TextEdit{{at, at}, std::move(new_text)});
}

// A new line inserted at a line start; at the end of a text without a final line break the
// break goes first.
std::string new_line_at(const Context& c, size_t at, std::string_view line) {
  bool after_last = at == c.text.size() && !c.text.empty() && c.text.back() != '\n' && c.text.back() != '\r';
  std::string s = after_last ? std::string(c.eol) : std::string();
  s += line;
  if (!after_last) s += c.eol;
  return s;
}

// Appends the id to a `check=` value at value_start: to its skip list, or as a new skip part.
// Returns nothing when the value cannot take it (invalid, already skipping, or three parts).
std::optional<TextEdit> extend_check_value(const Context& c, std::string_view value, size_t value_start) {
  auto opts = parse_check_options(value);
  if (!opts || opts->skip_all || listed(opts->skip, c.id)) return std::nullopt;
  if (opts->skip_end) {
    bool empty = opts->skip.size() == 1 && opts->skip[0].empty();
    size_t at = value_start + *opts->skip_end;
    return TextEdit{{at, at}, (empty ? "" : ",") + c.id};
  }
  if (opts->parts >= 3) return std::nullopt;
  size_t at = value_start + opts->length;
  return TextEdit{{at, at}, (opts->parts == 0 ? "skip=" : ";skip=") + c.id};
}

// Appends the id to the first dockerfile-ls pragma of the given scope among comments.
std::optional<TextEdit> extend_pragma(const Context& c, const std::vector<size_t>& comments,
                                      PragmaScope scope) {
  for (size_t i : comments) {
    std::string_view line = c.layout.comments[i].text;
    auto pragma = parse_ignore_pragma(line);
    if (!pragma || pragma->tool != PragmaTool::DockerfileLs || pragma->scope != scope) continue;
    size_t at = c.offset_of(line) + pragma->list_end;
    return TextEdit{{at, at}, "," + c.id};
  }
  return std::nullopt;
}

std::optional<Fix> instruction_fix(const Context& c, const LayoutInstruction& in, bool buildkit) {
  std::string title = "Ignore " + c.id + " for this instruction";
  size_t at = in.start == 0 ? c.layout.directives_end : in.start;
  if (buildkit) {
    const LayoutComment* check = nullptr;
    for (size_t i : in.comments) {
      auto parts = parse_directive_line(c.layout.comments[i].text);
      if (parts && parts->name == "check") {
        check = &c.layout.comments[i];
        break;
      }
    }
    if (check && !check->directive) {
      auto parts = parse_directive_line(check->text);
      std::string_view value = check->text.substr(parts->value_start, parts->value_end - parts->value_start);
      if (auto edit = extend_check_value(c, value, c.offset_of(value))) return make_fix(title, *edit);
    } else if (!check && in.start > c.layout.directives_end) {
      std::string line = std::string(in.indent) + "# check=skip=" + c.id;
      return insertion_fix(title, at, new_line_at(c, at, line));
    }
  }
  if (auto edit = extend_pragma(c, in.comments, PragmaScope::Next)) return make_fix(title, *edit);
  std::string line = std::string(in.indent) + "# dockerfile-ls ignore=" + c.id;
  return insertion_fix(title, at, new_line_at(c, at, line));
}

std::optional<Fix> file_fix(const Context& c, bool buildkit) {
  std::string title = "Ignore " + c.id + " in this file";
  size_t at = c.layout.directives_end;
  if (buildkit) {
    if (const LayoutDirective* d = c.layout.directive("check")) {
      auto opts = parse_check_options(d->value);
      if (opts && (opts->skip_all || listed(opts->skip, c.id))) return std::nullopt;
      if (auto edit = extend_check_value(c, d->value, d->value_start)) return make_fix(title, *edit);
    } else {
      return insertion_fix(title, at, new_line_at(c, at, "# check=skip=" + c.id));
    }
  }
  std::vector<size_t> all(c.layout.comments.size());
  for (size_t i = 0; i < all.size(); ++i) all[i] = i;
  if (auto edit = extend_pragma(c, all, PragmaScope::Global)) return make_fix(title, *edit);
  return insertion_fix(title, at, new_line_at(c, at, "# dockerfile-ls global ignore=" + c.id));
}

}  // namespace

std::vector<Fix> suppression_fixes(const Document& doc, const Diag& diag) {
  const Rule* rule = find_rule(diag.rule_id);
  return suppression_fixes(doc.text(), diag, rule && !rule->buildkit_name.empty());
}

std::vector<Fix> suppression_fixes(std::string_view text, const Diag& diag, bool buildkit_rule) {
  std::vector<Fix> out;
  if (diag.rule_id == "SyntaxError" || diag.rule_id.empty()) return out;
  DockerfileLayout layout = read_layout(text);
  Context c{text, layout, line_ending_of(text), diag.rule_id};
  if (const LayoutInstruction* in = layout.instruction_at(diag.range.start))
    if (auto fix = instruction_fix(c, *in, buildkit_rule)) out.push_back(std::move(*fix));
  if (auto fix = file_fix(c, buildkit_rule)) out.push_back(std::move(*fix));
  return out;
}

}  // namespace dfls
