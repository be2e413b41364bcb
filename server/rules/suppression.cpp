#include "rules/suppression.h"

#include <cctype>

#include "rules/dockerfile_layout.h"

namespace dfls {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

// Go's strconv.ParseBool, which BuildKit uses for `error=`.
std::optional<bool> parse_go_bool(std::string_view s) {
  if (s == "1" || s == "t" || s == "T" || s == "TRUE" || s == "true" || s == "True") return true;
  if (s == "0" || s == "f" || s == "F" || s == "FALSE" || s == "false" || s == "False") return false;
  return std::nullopt;
}

// A comma-separated list of names, each trimmed; `all` alone sets all instead.
void read_names(std::string_view v, std::vector<std::string>& names, bool& all) {
  v = trim(v);
  if (v == "all") {
    all = true;
    return;
  }
  while (true) {
    size_t comma = v.find(',');
    names.emplace_back(trim(v.substr(0, comma)));
    if (comma == std::string_view::npos) break;
    v.remove_prefix(comma + 1);
  }
}

bool is_token_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

}  // namespace

std::optional<CheckOptions> parse_check_options(std::string_view value) {
  CheckOptions opts;
  value = value.substr(0, value.find(' '));
  opts.length = value.size();
  if (trim(value).empty()) return opts;
  // BuildKit splits into at most three parts; the third keeps any further `;`.
  size_t pos = 0;
  while (pos <= value.size()) {
    size_t semi = opts.parts < 2 ? value.find(';', pos) : std::string_view::npos;
    size_t part_end = semi == std::string_view::npos ? value.size() : semi;
    std::string_view part = value.substr(pos, part_end - pos);
    ++opts.parts;
    size_t eq = part.find('=');
    if (eq == std::string_view::npos) return std::nullopt;
    std::string_view key = trim(part.substr(0, eq));
    std::string_view v = part.substr(eq + 1);
    if (key == "skip") {
      read_names(v, opts.skip, opts.skip_all);
      opts.skip_end = part_end;
    } else if (key == "experimental") {
      read_names(v, opts.experimental, opts.experimental_all);
    } else if (key == "error") {
      opts.error = parse_go_bool(trim(v));
      if (!opts.error) return std::nullopt;
    } else {
      return std::nullopt;
    }
    if (semi == std::string_view::npos) break;
    pos = semi + 1;
  }
  return opts;
}

std::optional<IgnorePragma> parse_ignore_pragma(std::string_view line) {
  size_t i = 0;
  auto skip_space = [&] {
    size_t from = i;
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    return i > from;
  };
  auto word = [&](std::string_view w) {
    if (line.substr(i, w.size()) != w) return false;
    if (i + w.size() < line.size() && is_token_char(line[i + w.size()])) return false;
    i += w.size();
    return true;
  };
  skip_space();
  if (i >= line.size() || line[i] != '#') return std::nullopt;
  ++i;
  skip_space();
  IgnorePragma p;
  if (word("hadolint"))
    p.tool = PragmaTool::Hadolint;
  else if (word("dockerfile-ls"))
    p.tool = PragmaTool::DockerfileLs;
  else
    return std::nullopt;
  if (!skip_space()) return std::nullopt;
  if (word("global")) {
    p.scope = PragmaScope::Global;
    if (!skip_space()) return std::nullopt;
  } else if (word("stage")) {
    p.scope = PragmaScope::Stage;
    if (!skip_space()) return std::nullopt;
  }
  if (!word("ignore")) return std::nullopt;
  skip_space();
  if (i >= line.size() || line[i] != '=') return std::nullopt;
  ++i;
  for (;;) {
    skip_space();
    size_t start = i;
    while (i < line.size() && is_token_char(line[i])) ++i;
    if (i == start) return std::nullopt;
    p.names.emplace_back(line.substr(start, i - start));
    p.list_end = i;
    skip_space();
    if (i < line.size() && line[i] == ',') {
      ++i;
      continue;
    }
    break;
  }
  // After the list: nothing, or a `# reason` after some space.
  if (i < line.size() && !(line[i] == '#' && i > p.list_end)) return std::nullopt;
  return p;
}

Suppressions::Suppressions(const Document& doc) : Suppressions(doc.text(), all_rules()) {}

Suppressions::Suppressions(std::string_view text, std::span<const Rule> rules)
    : rules_(rules), text_size_(text.size()) {
  for (const Rule& r : rules)
    if (!r.buildkit_name.empty()) buildkit_ids_.emplace(r.id);
  DockerfileLayout layout = read_layout(text);
  if (const LayoutDirective* d = layout.directive("check")) {
    file_check_ = parse_check_options(d->value);
    if (file_check_) add(0, text.size(), file_check_->skip, false, file_check_->skip_all);
  }
  for (size_t k = 0; k < layout.instructions.size(); ++k) {
    const LayoutInstruction& in = layout.instructions[k];
    // BuildKit merges the first comment of the block that reads as a check directive.
    for (size_t c : in.comments) {
      std::string_view line = layout.comments[c].text;
      auto parts = parse_directive_line(line);
      if (!parts || parts->name != "check") continue;
      auto opts = parse_check_options(line.substr(parts->value_start, parts->value_end - parts->value_start));
      if (opts) {
        size_t end = in.is_from() ? layout.stage_end(k) : in.end;
        add(in.start, end, opts->skip, false, opts->skip_all);
      }
      break;
    }
    for (size_t c : in.comments) {
      auto pragma = parse_ignore_pragma(layout.comments[c].text);
      if (!pragma || pragma->scope == PragmaScope::Global) continue;
      size_t end = pragma->scope == PragmaScope::Stage ? layout.stage_end(k) : in.end;
      add(in.start, end, pragma->names, true, false);
    }
  }
  for (const LayoutComment& c : layout.comments) {
    auto pragma = parse_ignore_pragma(c.text);
    if (pragma && pragma->scope == PragmaScope::Global)
      add(0, text.size(), pragma->names, true, false);
  }
}

void Suppressions::add(size_t start, size_t end, const std::vector<std::string>& names,
                       bool map_codes, bool buildkit_all) {
  Scope scope{start, end, {}, buildkit_all};
  for (const std::string& name : names) {
    scope.ids.insert(name);
    if (!map_codes) continue;
    for (const Rule& r : rules_)
      if (has_hadolint_code(r, name)) scope.ids.emplace(r.id);
  }
  if (!scope.ids.empty() || scope.buildkit_all) scopes_.push_back(std::move(scope));
}

bool Suppressions::suppressed(std::string_view rule_id, size_t offset) const {
  if (rule_id == "SyntaxError") return false;
  bool buildkit = buildkit_ids_.count(rule_id) > 0;
  for (const Scope& s : scopes_) {
    bool inside = (s.start <= offset && offset < s.end) || (offset == s.end && s.end == text_size_);
    if (!inside) continue;
    if (s.ids.count(rule_id) || (s.buildkit_all && buildkit)) return true;
  }
  return false;
}

}  // namespace dfls
