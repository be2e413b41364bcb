// Helpers for the rules that look at what a RUN executes (see shell_helpers.h).
#include "rules/shell_helpers.h"

#include <algorithm>
#include <cctype>
#include <functional>

#include "core/lazy_table.h"

namespace dfls::shell_rules {

namespace {

bool one_of(std::string_view s, std::initializer_list<std::string_view> list) {
  return std::find(list.begin(), list.end(), s) != list.end();
}

bool one_of(std::string_view s, const ValueOptions& list) {
  return std::find(list.begin(), list.end(), s) != list.end();
}

bool is_posix_shell_name(std::string_view name) {
  return one_of(name, {"sh", "bash", "dash", "ash", "zsh", "ksh", "mksh", "busybox"});
}

// A cluster of short options such as "-qy" (letters and digits only).
bool is_short_cluster(std::string_view arg) {
  return arg.size() > 2 && arg[0] == '-' && arg[1] != '-' &&
         std::all_of(arg.begin() + 1, arg.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; });
}

bool is_option(std::string_view arg) { return arg.size() > 1 && arg[0] == '-'; }

// Where a tool's word is in a command ("pip3", or "python3" of "python3 -m pip"), and where its
// verb may start; nothing when the command does not run the tool.
std::optional<std::pair<size_t, size_t>> tool_word(const RunCommand& rc, std::string_view tool) {
  const shell::Command& c = *rc.cmd;
  std::string name = rc.name();
  if (name.empty()) return std::nullopt;
  if (tool == "pip") {
    auto versioned = [](std::string_view n, std::string_view prefix) {
      if (!n.starts_with(prefix)) return false;
      return std::all_of(n.begin() + static_cast<long>(prefix.size()), n.end(),
                         [](char ch) { return std::isdigit(static_cast<unsigned char>(ch)) || ch == '.'; });
    };
    if (versioned(name, "pip")) return std::pair{rc.program, rc.program + 1};
    if (versioned(name, "python") && rc.program + 2 < c.args.size() && c.args[rc.program + 1].value == "-m" &&
        c.args[rc.program + 2].value == "pip")
      return std::pair{rc.program, rc.program + 3};
    return std::nullopt;
  }
  if (name == tool) return std::pair{rc.program, rc.program + 1};
  return std::nullopt;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Shells.

std::string basename(std::string_view path) {
  size_t slash = path.find_last_of("/\\");
  std::string_view base = slash == std::string_view::npos ? path : path.substr(slash + 1);
  if (base.size() > 4 && base.ends_with(".exe")) base.remove_suffix(4);
  return std::string(base);
}

std::string StageShell::name() const { return argv.empty() ? std::string() : basename(argv.front()); }

bool StageShell::posix() const { return is_posix_shell_name(name()); }

bool StageShell::pipefail() const {
  for (size_t i = 1; i + 1 < argv.size(); ++i) {
    std::string_view a = argv[i];
    if (a.size() >= 2 && a[0] == '-' && a[1] != '-' && a.back() == 'o' && argv[i + 1] == "pipefail") return true;
  }
  return false;
}

std::vector<int> stage_chain(const model::Model& m, int stage) {
  std::vector<int> out;
  while (stage >= 0 && stage < static_cast<int>(m.stages.size())) {
    if (std::find(out.begin(), out.end(), stage) != out.end()) break;
    out.push_back(stage);
    int parent = m.stages[stage].parent;
    if (parent >= stage) break;  // Only stages defined earlier are built first.
    stage = parent;
  }
  return out;
}

bool windows_stage(const model::Model& m, int stage) {
  std::vector<int> chain = stage_chain(m, stage);
  if (chain.empty()) return false;
  const ImageRef& base = m.stages[chain.back()].base;
  for (std::string_view w : {"windows", "nanoserver", "servercore", "ltsc"})
    if (base.repository.find(w) != std::string::npos || base.tag.find(w) != std::string::npos) return true;
  return false;
}

StageShell stage_shell(const model::Model& m, const model::Instruction& ins) {
  StageShell out;
  if (windows_stage(m, ins.stage)) out.argv = {"cmd", "/S", "/C"};
  const int self = static_cast<int>(&ins - m.instructions.data());
  std::vector<int> chain = stage_chain(m, ins.stage);
  for (auto it = chain.rbegin(); it != chain.rend(); ++it)
    for (int i : m.stages[*it].instructions) {
      if (*it == ins.stage && i >= self) break;
      const model::Instruction& s = m.instructions[i];
      if (s.kind != model::Kind::Shell || s.inside_onbuild || !s.json_form || s.json_args.empty()) continue;
      out.argv.clear();
      for (const model::Word& w : s.json_args) out.argv.push_back(w.text);
      out.instruction = i;
    }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Commands.

std::string word_name(const shell::Command& cmd, size_t i) {
  return i < cmd.args.size() ? basename(cmd.args[i].value) : std::string();
}

size_t program_index(const shell::Command& cmd) {
  const auto& a = cmd.args;
  size_t i = 0;
  while (i < a.size()) {
    std::string name = word_name(cmd, i);
    if (name == "sudo" || name == "env" || name == "stdbuf" || name == "time" || name == "nohup" || name == "exec") {
      static const ValueOptions sudo = {"-u", "-g", "-C", "-D", "-h", "-p", "-r", "-t", "-U", "-T", "--user", "--group"};
      static const ValueOptions env = {"-u", "-C", "-S", "--unset", "--chdir", "--split-string"};
      static const ValueOptions exec = {"-a"};
      static const ValueOptions none;
      const ValueOptions& with_value = name == "sudo" ? sudo : name == "env" ? env : name == "exec" ? exec : none;
      ++i;
      while (i < a.size()) {
        std::string_view w = a[i].value;
        if (w == "--") {
          ++i;
          break;
        }
        if (is_option(w)) {
          i += one_of(w, with_value) ? 2 : 1;
        } else if (name == "env" && w.find('=') != std::string_view::npos) {
          ++i;
        } else {
          break;
        }
      }
    } else if (name == "nice") {
      ++i;
      if (i < a.size() && a[i].value == "-n") i += 2;
      else if (i < a.size() && is_option(a[i].value)) ++i;
    } else if (name == "command") {
      ++i;
      if (i < a.size() && (a[i].value == "-v" || a[i].value == "-V")) return a.size();  // A look-up.
      if (i < a.size() && a[i].value == "-p") ++i;
    } else {
      break;
    }
  }
  return std::min(i, a.size());
}

std::vector<const RunCommand*> RunScripts::named(std::string_view program) const {
  std::vector<const RunCommand*> out;
  for (const RunCommand& c : commands)
    if (c.name() == program) out.push_back(&c);
  return out;
}

bool RunScripts::runs(std::initializer_list<std::string_view> programs) const {
  return std::any_of(commands.begin(), commands.end(), [&](const RunCommand& c) { return one_of(c.name(), programs); });
}

namespace {

// Whether a heredoc body is a shell script by its first line: no shebang, or one naming a shell.
bool shell_shebang(std::string_view body) {
  if (!body.starts_with("#!")) return true;
  std::string_view line = body.substr(2, body.find('\n') == std::string_view::npos ? body.size() - 2 : body.find('\n') - 2);
  std::vector<std::string_view> words;
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r')) ++i;
    size_t start = i;
    while (i < line.size() && line[i] != ' ' && line[i] != '\t' && line[i] != '\r') ++i;
    if (i > start) words.push_back(line.substr(start, i - start));
  }
  if (words.empty()) return true;
  std::string program = basename(words[0]);
  if (program == "env") {
    size_t k = 1;
    while (k < words.size() && words[k].starts_with("-")) ++k;
    program = k < words.size() ? basename(words[k]) : "";
  }
  return is_posix_shell_name(program);
}

RunScripts split_run(const Document& doc, const model::Instruction& ins) {
  RunScripts out;
  out.ins = &ins;
  if (ins.kind != model::Kind::Run || ins.json_form) return out;
  const model::Model& m = doc.model();
  out.shell = stage_shell(m, ins);
  if (!out.shell.posix()) return out;
  out.analysed = true;
  std::string_view text = doc.text();
  out.line = shell::split(ins.args_text(text), ins.args_span.start, m.escape);
  if (!ins.heredocs.empty() && out.line.heredocs.size() == ins.heredocs.size()) {
    for (const shell::Command& c : out.line.commands) {
      size_t p = program_index(c);
      bool reader_is_shell = c.args.empty() ||
                             (p < c.args.size() && is_posix_shell_name(word_name(c, p)) &&
                              !has_option(c, p + 1, {"-c"}));
      if (!reader_is_shell) continue;
      for (const shell::Redirect& r : c.redirects) {
        if ((r.op != "<<" && r.op != "<<-") || r.heredoc < 0) continue;
        const model::Heredoc& h = ins.heredocs[static_cast<size_t>(r.heredoc)];
        if (h.body_span.empty()) continue;
        std::string_view body = text.substr(h.body_span.start, h.body_span.size());
        if (!shell_shebang(body)) continue;
        out.bodies.push_back(shell::split(body, h.body_span.start, '\0'));
        out.body_heredocs.push_back(r.heredoc);
        out.body_direct.push_back(c.args.empty() && !body.starts_with("#!"));
      }
    }
  }
  auto add = [&](const shell::Script& s, bool heredoc, int script) {
    for (const shell::Command& c : s.commands)
      out.commands.push_back(RunCommand{.cmd = &c, .program = program_index(c), .heredoc = heredoc, .script = script});
  };
  add(out.line, false, 0);
  for (size_t i = 0; i < out.bodies.size(); ++i) add(out.bodies[i], true, static_cast<int>(i) + 1);
  return out;
}

}  // namespace

const RunScripts& run_scripts(const Document& doc, const model::Instruction& ins) {
  const auto& instructions = doc.model().instructions;
  const auto& table = doc.derived<LazyTable<RunScripts>>(
      [&](const Document&) { return LazyTable<RunScripts>(instructions.size()); });
  size_t index = static_cast<size_t>(&ins - instructions.data());
  return table.get(index, [&] { return split_run(doc, ins); });
}

std::vector<std::reference_wrapper<const RunScripts>> all_runs(const Document& doc, bool include_onbuild) {
  std::vector<std::reference_wrapper<const RunScripts>> out;
  for (const model::Instruction& ins : doc.model().instructions)
    if (ins.kind == model::Kind::Run && (include_onbuild || !ins.inside_onbuild)) out.push_back(run_scripts(doc, ins));
  return out;
}

// ---------------------------------------------------------------------------------------------
// Tools.

ByteRange ToolCommand::range() const { return {cmd().args[program].start, cmd().args[verb].end}; }

const ValueOptions& value_options(std::string_view tool) {
  static const ValueOptions apt = {"-o", "-c", "-t", "-a", "--option", "--config-file", "--target-release", "--default-release",
            "--host-architecture"};
  static const ValueOptions apk = {"-X", "--repository", "-p", "--root", "--arch", "--keys-dir", "--cache-dir", "--repositories-file",
            "--cache-max-age", "--timeout"};
  static const ValueOptions pip = {"--proxy", "--cache-dir", "--log", "--timeout", "--retries", "--exists-action", "--trusted-host", "--cert",
            "--client-cert", "--python"};
  static const ValueOptions npm = {"--prefix", "--registry", "--cache", "--userconfig", "--workspace", "-w", "-C"};
  static const ValueOptions yarn = {"--cwd", "--cache-folder", "--modules-folder", "--registry", "--network-timeout", "--mutex",
            "--global-folder", "--link-folder"};
  static const ValueOptions go = {"-C"};
  static const ValueOptions rpm = {"-c", "--config", "--installroot", "--releasever", "-d", "-e", "--debuglevel", "--errorlevel", "-x",
            "--exclude", "--enablerepo", "--disablerepo", "--repo", "--repoid", "--setopt", "--forcearch"};
  static const ValueOptions none;
  if (tool == "apt-get" || tool == "apt") return apt;
  if (tool == "apk") return apk;
  if (tool == "pip") return pip;
  if (tool == "npm") return npm;
  if (tool == "yarn") return yarn;
  if (tool == "go") return go;
  if (tool == "yum" || tool == "dnf" || tool == "microdnf") return rpm;
  return none;
}

std::vector<ToolCommand> tool_commands(const RunScripts& run, std::string_view tool,
                                       std::initializer_list<std::string_view> verbs) {
  std::vector<ToolCommand> out;
  for (const RunCommand& rc : run.commands) {
    auto where = tool_word(rc, tool);
    if (!where) continue;
    auto ops = operands(*rc.cmd, where->second, value_options(tool));
    // The verb is the first operand, unless "--" came before it.
    const shell::Word* verb = nullptr;
    if (!ops.empty()) {
      bool dashdash = false;
      for (size_t i = where->second; i < rc.cmd->args.size() && &rc.cmd->args[i] != ops.front(); ++i)
        dashdash = dashdash || rc.cmd->args[i].value == "--";
      if (!dashdash) verb = ops.front();
    }
    if (!verb) {
      if (one_of("", verbs)) out.push_back(ToolCommand{&rc, where->first, where->first});
      continue;
    }
    if (!one_of(verb->value, verbs)) continue;
    out.push_back(ToolCommand{&rc, where->first, static_cast<size_t>(verb - rc.cmd->args.data())});
  }
  return out;
}

std::vector<const shell::Word*> operands(const shell::Command& cmd, size_t from, const ValueOptions& value_options) {
  std::vector<const shell::Word*> out;
  bool ended = false;
  for (size_t i = from; i < cmd.args.size(); ++i) {
    std::string_view w = cmd.args[i].value;
    if (!ended && w == "--") {
      ended = true;
    } else if (!ended && is_option(w)) {
      if (one_of(w, value_options)) ++i;
    } else {
      out.push_back(&cmd.args[i]);
    }
  }
  return out;
}

bool has_option(const shell::Command& cmd, size_t from, std::initializer_list<std::string_view> options) {
  for (size_t i = from; i < cmd.args.size(); ++i) {
    std::string_view w = cmd.args[i].value;
    if (w == "--") break;
    for (std::string_view o : options) {
      if (w == o) return true;
      if (o.starts_with("--") && w.size() > o.size() && w.starts_with(o) && w[o.size()] == '=') return true;
      if (o.size() == 2 && o[0] == '-' && o[1] != '-' && is_short_cluster(w) && w.find(o[1], 1) != std::string_view::npos)
        return true;
    }
  }
  return false;
}

std::optional<std::string> option_value(const shell::Command& cmd, size_t from, std::string_view name) {
  std::optional<std::string> found;
  const bool is_long = name.starts_with("--");
  for (size_t i = from; i < cmd.args.size(); ++i) {
    std::string_view w = cmd.args[i].value;
    if (w == "--") break;
    if (w == name) {
      if (i + 1 < cmd.args.size()) found = cmd.args[++i].value;
    } else if (is_long && w.size() > name.size() && w.starts_with(name) && w[name.size()] == '=') {
      found = std::string(w.substr(name.size() + 1));
    } else if (!is_long && name.size() == 2 && w.size() > 2 && w.starts_with(name)) {
      found = std::string(w.substr(2));
    }
  }
  return found;
}

// ---------------------------------------------------------------------------------------------
// Mounts, stages and edits.

std::vector<std::string> cache_mount_targets(const model::Instruction& ins) {
  std::vector<std::string> out;
  for (const model::Flag* f : ins.flags_named("mount")) {
    const model::MountOption* type = f->option({"type"});
    if (!type || !type->value) continue;
    std::string t = *type->value;
    if (t != "cache" && t != "tmpfs") continue;
    const model::MountOption* target = f->option({"target", "dst", "destination"});
    if (!target || !target->value) continue;
    std::string v = *target->value;
    if (v.size() >= 2 && (v.front() == '"' || v.front() == '\'') && v.back() == v.front()) v = v.substr(1, v.size() - 2);
    while (v.size() > 1 && v.back() == '/') v.pop_back();
    out.push_back(v);
  }
  return out;
}

bool covers(const std::vector<std::string>& targets, std::string_view dir) {
  return std::any_of(targets.begin(), targets.end(), [&](const std::string& t) {
    return t == dir || t == "/" || (dir.size() > t.size() && dir.starts_with(t) && dir[t.size()] == '/');
  });
}

int final_stage(const model::Model& m, std::string_view target) {
  if (m.stages.empty()) return -1;
  if (!target.empty())
    if (const model::Stage* s = m.stage_named(target)) return s->index;
  return static_cast<int>(m.stages.size()) - 1;
}

std::vector<int> final_chain(const model::Model& m, std::string_view target) {
  return stage_chain(m, final_stage(m, target));
}

std::optional<TextEdit> append_command(const Document& doc, const RunScripts& run, std::string_view command) {
  if (!run.analysed || !run.ins->heredocs.empty() || run.line.commands.empty() || !run.line.problems.empty())
    return std::nullopt;
  const shell::Command* last = &run.line.commands.front();
  for (const shell::Command& c : run.line.commands)
    if (c.end > last->end) last = &c;
  if (!last->separator_after.empty() || last->depth != 0 || last->block_depth != 0) return std::nullopt;
  std::string_view text = doc.text();
  size_t end = run.ins->args_span.end;
  if (last->end > end) return std::nullopt;
  for (size_t i = last->end; i < end; ++i)
    if (text[i] != ' ' && text[i] != '\t' && text[i] != '\r' && text[i] != '\n') return std::nullopt;
  return TextEdit{{last->end, last->end}, " && " + std::string(command)};
}

CopyPaths copy_paths(const model::Instruction& ins) {
  CopyPaths out;
  const std::vector<model::Word>& words = ins.json_form ? ins.json_args : ins.args;
  if (words.size() < 2) return out;
  for (size_t i = 0; i + 1 < words.size(); ++i) out.sources.push_back(&words[i]);
  out.dest = &words.back();
  return out;
}

std::string keyword_like(const model::Instruction& ins, std::string_view upper) {
  bool lower = !ins.keyword.empty() &&
               std::none_of(ins.keyword.begin(), ins.keyword.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
  std::string out(upper);
  if (lower)
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool is_archive_name(std::string_view name) {
  static constexpr std::string_view kSuffixes[] = {".tar", ".tgz",  ".tbz",  ".tbz2", ".tb2", ".txz", ".tzst",
                                                   ".tlz", ".tZ",   ".taz",  ".tpz",  ".gz",  ".bz2", ".xz",
                                                   ".zst", ".lzma", ".lz",   ".Z"};
  return std::any_of(std::begin(kSuffixes), std::end(kSuffixes), [&](std::string_view s) {
    return name.size() > s.size() && name.ends_with(s);
  });
}

bool is_remote_source(std::string_view source) {
  return source.find("://") != std::string_view::npos || source.starts_with("git@");
}

}  // namespace dfls::shell_rules
