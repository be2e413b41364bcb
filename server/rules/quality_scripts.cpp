// RUN scripts for the build-practice rules: a RUN's commands split by the shell splitter (shell
// form, exec form, heredoc scripts), wrappers such as sudo and env, removing commands with their
// separators, and the mounts and variables a script uses (see quality_helpers.h).
#include <algorithm>
#include <cctype>

#include "rules/quality_helpers.h"

#include "core/lazy_table.h"
#include "rules/rule_helpers.h"

namespace dfls::quality {

namespace {

std::string basename_of(std::string_view path) {
  while (path.size() > 1 && path.back() == '/') path.remove_suffix(1);
  size_t slash = path.rfind('/');
  return std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// RUN scripts.

namespace {

RunScript split_script(const Document& doc, const model::Instruction& ins) {
  RunScript out;
  const model::Model& m = doc.model();
  std::string_view text = doc.text();
  out.escape = m.escape;
  if (ins.json_form) {
    out.form = RunScript::Form::Exec;
    shell::Command cmd;
    for (const model::Word& w : ins.json_args)
      cmd.args.push_back({w.text, w.span.start, w.span.end, true, false});
    if (!cmd.args.empty()) {
      cmd.start = cmd.args.front().start;
      cmd.end = cmd.args.back().end;
      out.commands.push_back(std::move(cmd));
    }
    return out;
  }
  shell::Script line = shell::split(ins.args_text(text), ins.args_span.start, m.escape);
  out.commands = std::move(line.commands);
  out.separators = std::move(line.separators);
  if (ins.heredocs.empty()) return out;
  // `RUN <<EOF` and `RUN bash <<EOF` run the body as a script; `RUN cat <<EOF > f` does not.
  bool script_body = false;
  for (const shell::Command& c : out.commands) {
    std::string program = c.args.empty() ? "" : basename_of(c.args.front().value);
    bool shell = c.args.empty() || program == "sh" || program == "bash" || program == "ash" ||
                 program == "dash" || program == "zsh";
    for (const shell::Redirect& r : c.redirects)
      if (shell && (r.op == "<<" || r.op == "<<-")) script_body = true;
  }
  if (!script_body) return out;
  out.form = RunScript::Form::Heredoc;
  out.escape = '\0';
  for (const model::Heredoc& h : ins.heredocs) {
    if (h.body_span.empty()) continue;
    shell::Script body = shell::split(text.substr(h.body_span.start, h.body_span.size()), h.body_span.start, '\0');
    for (auto& c : body.commands) out.commands.push_back(std::move(c));
    for (auto& s : body.separators) out.separators.push_back(s);
  }
  return out;
}

}  // namespace

const RunScript& run_script(const Document& doc, const model::Instruction& ins) {
  const auto& instructions = doc.model().instructions;
  const auto& table = doc.derived<LazyTable<RunScript>>(
      [&](const Document&) { return LazyTable<RunScript>(instructions.size()); });
  return table.get(static_cast<size_t>(&ins - instructions.data()), [&] { return split_script(doc, ins); });
}

size_t program_index(const shell::Command& cmd) {
  size_t i = 0;
  while (i < cmd.args.size()) {
    std::string name = word_name(cmd, i);
    if (name == "sudo" || name == "gosu" || name == "su-exec") {
      bool takes_user = name != "sudo";
      ++i;
      while (i < cmd.args.size() && cmd.args[i].value.starts_with("-")) {
        std::string_view o = cmd.args[i].value;
        ++i;
        if ((o == "-u" || o == "-g" || o == "-C" || o == "-D") && i < cmd.args.size()) ++i;
      }
      if (takes_user && i < cmd.args.size()) ++i;
    } else if (name == "env") {
      ++i;
      while (i < cmd.args.size() &&
             (cmd.args[i].value.starts_with("-") || cmd.args[i].value.find('=') != std::string::npos)) {
        std::string_view o = cmd.args[i].value;
        ++i;
        if ((o == "-u" || o == "-C") && i < cmd.args.size()) ++i;
      }
    } else if (name == "time" || name == "nice" || name == "nohup" || name == "exec" || name == "command" ||
               name == "eatmydata" || name == "stdbuf") {
      ++i;
      while (i < cmd.args.size() && cmd.args[i].value.starts_with("-")) ++i;
    } else {
      return i;
    }
  }
  return cmd.args.size();
}

std::string word_name(const shell::Command& cmd, size_t i) {
  return i < cmd.args.size() ? basename_of(cmd.args[i].value) : "";
}

namespace {

bool top_level(const shell::Command& c) { return c.depth == 0 && c.block_depth == 0 && !c.nested && !c.in_pipeline; }
bool plain_separator(std::string_view op) { return op == "&&" || op == ";" || op == "\n"; }

// Only blanks, line continuations and the separator between two commands.
bool only_glue(std::string_view text, size_t from, size_t to, char escape) {
  for (size_t i = from; i < to && i < text.size(); ++i) {
    char c = text[i];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '&' || c == ';' || c == '\\' ||
        (escape != '\0' && c == escape))
      continue;
    return false;
  }
  return true;
}

}  // namespace

std::optional<std::vector<ByteRange>> commands_removal(const RunScript& script, std::vector<size_t> indices,
                                                       std::string_view text) {
  const auto& cmds = script.commands;
  // The top-level commands in order; nested ones go with the command holding them.
  std::vector<size_t> top;
  for (size_t i = 0; i < cmds.size(); ++i)
    if (top_level(cmds[i]) && (top.empty() || cmds[i].start >= cmds[top.back()].end)) top.push_back(i);
  std::vector<bool> removed(top.size(), false);
  for (size_t index : indices) {
    auto it = std::find(top.begin(), top.end(), index);
    if (it == top.end()) return std::nullopt;
    removed[static_cast<size_t>(it - top.begin())] = true;
  }
  std::vector<ByteRange> out;
  for (size_t a = 0; a < top.size();) {
    if (!removed[a]) {
      ++a;
      continue;
    }
    size_t b = a;
    while (b + 1 < top.size() && removed[b + 1]) ++b;
    // Every separator around and inside the run must be a plain one, with only blanks around.
    for (size_t k = a; k <= b; ++k)
      if (k + 1 < top.size() && (!plain_separator(cmds[top[k]].separator_after) ||
                                 !only_glue(text, cmds[top[k]].end, cmds[top[k + 1]].start, script.escape)))
        return std::nullopt;
    if (a > 0 && (!plain_separator(cmds[top[a - 1]].separator_after) ||
                  !only_glue(text, cmds[top[a - 1]].end, cmds[top[a]].start, script.escape)))
      return std::nullopt;
    if (b + 1 < top.size()) out.push_back({cmds[top[a]].start, cmds[top[b + 1]].start});
    else if (a > 0) out.push_back({cmds[top[a - 1]].end, cmds[top[b]].end});
    else return std::nullopt;
    a = b + 1;
  }
  return out;
}

std::optional<std::vector<TextEdit>> remove_commands(const Document& doc, const model::Instruction& ins,
                                                     const RunScript& script, std::vector<size_t> indices) {
  bool all = true;
  for (size_t i = 0; i < script.commands.size(); ++i) {
    const shell::Command& c = script.commands[i];
    if (c.depth == 0 && !c.nested && c.block_depth == 0 && !c.args.empty() &&
        std::find(indices.begin(), indices.end(), i) == indices.end())
      all = false;
  }
  if (all) return std::vector<TextEdit>{{instruction_block(doc, ins), ""}};
  if (script.form == RunScript::Form::Exec) return std::nullopt;
  auto ranges = commands_removal(script, indices, doc.text());
  if (!ranges) return std::nullopt;
  std::vector<TextEdit> out;
  for (const ByteRange& r : *ranges) out.push_back({r, ""});
  return out;
}

bool uses_variable(const RunScript& script, std::string_view name) {
  auto in_word = [&](const shell::Word& w) {
    if (!w.has_expansion) return false;
    const std::string& v = w.value;
    for (size_t at = v.find('$'); at != std::string::npos; at = v.find('$', at + 1)) {
      size_t n = at + 1;
      if (n < v.size() && v[n] == '{') ++n;
      if (v.compare(n, name.size(), name) != 0) continue;
      size_t after = n + name.size();
      if (after >= v.size() || !(std::isalnum(static_cast<unsigned char>(v[after])) || v[after] == '_')) return true;
    }
    return false;
  };
  for (const shell::Command& c : script.commands) {
    for (const auto& w : c.args)
      if (in_word(w)) return true;
    for (const auto& w : c.assignments)
      if (in_word(w)) return true;
    for (const auto& r : c.redirects)
      if (in_word(r.target)) return true;
  }
  return false;
}

std::vector<std::string_view> credential_consumers(std::string_view basename) {
  if (basename == ".npmrc") return {"npm", "npx", "yarn", "pnpm", "bun"};
  if (basename == ".pypirc") return {"pip", "pip3", "twine", "python", "python3", "poetry", "uv"};
  if (basename == ".netrc" || basename == ".git-credentials") return {"git", "curl", "wget", "go", "pip", "pip3"};
  return {};
}

std::vector<TextEdit> mount_on_consumers(const Document& doc, int stage, int after, std::string_view mount,
                                         const std::vector<std::string_view>& programs,
                                         const std::vector<int>& skip) {
  std::vector<TextEdit> out;
  const model::Model& m = doc.model();
  if (stage < 0) return out;
  for (int i : m.stages[stage].instructions) {
    const model::Instruction& ins = m.instructions[i];
    if (i <= after || ins.kind != model::Kind::Run || ins.inside_onbuild ||
        std::find(skip.begin(), skip.end(), i) != skip.end())
      continue;
    const RunScript& script = run_script(doc, ins);
    bool consumer = false;
    for (const shell::Command& c : script.commands) {
      std::string name = word_name(c, program_index(c));
      if (std::find(programs.begin(), programs.end(), name) == programs.end()) continue;
      // Package managers read registry credentials only when they download.
      std::optional<ToolUse> use = classify(c);
      bool package_manager = name == "npm" || name == "yarn" || name == "pnpm" || name == "bun" ||
                             name.starts_with("pip") || name == "poetry" || name == "uv";
      if (!package_manager || (use && use->downloads)) consumer = true;
    }
    if (consumer) out.push_back({{ins.args_span.start, ins.args_span.start}, std::string(mount)});
  }
  return out;
}

ByteRange word_removal(const shell::Command& cmd, size_t i, std::string_view text) {
  size_t start = cmd.args[i].start;
  while (start > 0 && (text[start - 1] == ' ' || text[start - 1] == '\t')) --start;
  return {start, cmd.args[i].end};
}

std::vector<std::string> cache_mount_targets(const model::Instruction& ins, std::string_view workdir) {
  std::vector<std::string> out;
  for (const model::Flag* f : ins.flags_named("mount")) {
    const model::MountOption* type = f->option({"type"});
    if (!type || !type->value || rules::to_lower(*type->value) != "cache") continue;
    const model::MountOption* target = f->option({"target", "dst", "destination"});
    if (target && target->value) out.push_back(join_path(workdir, *target->value));
  }
  return out;
}

}  // namespace dfls::quality
