// ShellCheck (hadolint's SC findings; off by default): runs the `shellcheck` program, when it is
// on PATH, on the shell of every RUN: the command line in shell form (with its heredoc bodies as
// the shell reads them) and the heredoc bodies that run as scripts (`RUN <<EOF`, `RUN bash <<EOF`).
// The dialect follows the stage's SHELL (sh, bash, dash, ksh; other shells are skipped), a
// `bash <<EOF` reader or a script's shebang. The ARG and ENV names visible at the RUN are
// exported on a first line so that ShellCheck does not take them for unassigned variables
// (SC2154); that line is not part of the document, and every finding is mapped back to the exact
// bytes of the Dockerfile, across line continuations. SC1090, SC1091 (sourced files) and SC2187
// (ash) are left out, as hadolint does. Each finding's message starts with its SC code; the
// severity follows ShellCheck's level (style is a hint).
//
// Each run is limited to 2 seconds (the process is killed after that) and a document to 10
// seconds in all. The check blocks while ShellCheck runs: the language server must run it off
// its event-loop thread.
#include <algorithm>
#include <chrono>

#include "core/model/model.h"
#include "rules/rule.h"
#include "rules/rule_helpers.h"
#include "rules/shell_helpers.h"
#include "rules/shellcheck_runner.h"

namespace dfls {

namespace {

constexpr size_t kSynthetic = static_cast<size_t>(-1);

// A script for ShellCheck with the document offset of each of its bytes (kSynthetic for bytes
// that are not in the document).
struct Script {
  std::string text;
  std::vector<size_t> offsets;

  void add(std::string_view s, size_t doc_start) {
    for (size_t i = 0; i < s.size(); ++i) offsets.push_back(doc_start == kSynthetic ? kSynthetic : doc_start + i);
    text += s;
  }
  // The byte index of a 1-based line and character column (columns count code points).
  size_t index(int line, int column) const {
    size_t i = 0;
    for (int l = 1; l < line && i < text.size(); ++l) {
      size_t nl = text.find('\n', i);
      i = nl == std::string::npos ? text.size() : nl + 1;
    }
    for (int c = 1; c < column && i < text.size() && text[i] != '\n'; ++c) {
      ++i;
      while (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) ++i;
    }
    return i;
  }
};

std::string dialect_for(std::string_view shell) {
  if (shell == "bash") return "bash";
  if (shell == "sh" || shell == "ash" || shell == "busybox") return "sh";
  if (shell == "dash") return "dash";
  if (shell == "ksh" || shell == "mksh") return "ksh";
  return "";
}

// The interpreter named by a shebang line ("bash" for "#!/usr/bin/env bash"), or "".
std::string shebang_program(std::string_view body) {
  if (!body.starts_with("#!")) return "";
  std::string_view line = body.substr(2, body.find('\n') == std::string_view::npos ? std::string_view::npos
                                                                                    : body.find('\n') - 2);
  std::vector<std::string_view> words;
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r')) ++i;
    size_t start = i;
    while (i < line.size() && line[i] != ' ' && line[i] != '\t' && line[i] != '\r') ++i;
    if (i > start) words.push_back(line.substr(start, i - start));
  }
  size_t k = 0;
  if (!words.empty() && shell_rules::basename(words[0]) == "env") {
    k = 1;
    while (k < words.size() && words[k].starts_with("-")) ++k;
  }
  return k < words.size() ? shell_rules::basename(words[k]) : "";
}

std::string exports_line(const model::Model& m, const model::Instruction& ins) {
  std::vector<std::string> names;
  for (const model::VarDecl* d : m.visible_at(ins.span.start, false))
    if (std::find(names.begin(), names.end(), d->name) == names.end()) names.push_back(d->name);
  if (names.empty()) return "";
  std::string line = "export";
  for (const std::string& n : names) line += " " + n + "=1";
  return line + "\n";
}

Severity severity_of(std::string_view level) {
  if (level == "error") return Severity::Error;
  if (level == "warning") return Severity::Warning;
  if (level == "info") return Severity::Info;
  return Severity::Hint;
}

struct Budget {
  std::chrono::steady_clock::time_point end = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  std::chrono::milliseconds next() const {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(end - std::chrono::steady_clock::now());
    return std::min(left, std::chrono::milliseconds(2000));
  }
};

void check_script(RuleContext& ctx, const std::string& program, const std::string& dialect, const Script& s,
                  Budget& budget) {
  auto time = budget.next();
  if (time.count() <= 0 || dialect.empty()) return;
  shellcheck::Result r = shellcheck::run(program, dialect, s.text, time);
  for (const shellcheck::Finding& f : r.findings) {
    size_t a = s.index(f.line, f.column);
    size_t b = s.index(f.end_line, f.end_column);
    if (a >= s.offsets.size() || s.offsets[a] == kSynthetic) continue;
    ByteRange range{s.offsets[a], s.offsets[a] + 1};
    if (b > a && b <= s.offsets.size() && s.offsets[b - 1] != kSynthetic && s.offsets[b - 1] >= range.start)
      range.end = s.offsets[b - 1] + 1;
    std::string message = f.message;
    while (!message.empty() && (message.back() == '.' || message.back() == ' ')) message.pop_back();
    Diag& d = ctx.report(range, "SC" + std::to_string(f.code) + ": " + message);
    d.severity = severity_of(f.level);
  }
}

void check_shellcheck(RuleContext& ctx) {
  std::optional<std::string> program = shellcheck::find_program("shellcheck");
  if (!program) return;
  const model::Model& m = ctx.doc.model();
  std::string_view text = ctx.text();
  Budget budget;
  for (const shell_rules::RunScripts& run : shell_rules::all_runs(ctx.doc)) {
    if (!run.analysed) continue;
    const model::Instruction& ins = *run.ins;
    std::string exports = exports_line(m, ins);
    // The command line, unless it only consists of heredoc markers (`RUN <<EOF`).
    bool has_command = false;
    for (const shell::Command& c : run.line.commands) has_command = has_command || !c.args.empty();
    if (has_command) {
      Script s;
      s.add(exports, kSynthetic);
      rules::InstructionLine line = rules::read_instruction_line(ctx.doc, ins);
      for (size_t i = line.rest_start; i < line.line.text.size(); ++i) {
        s.text += line.line.text[i];
        s.offsets.push_back(line.line.offsets[i]);
      }
      for (size_t h = 0; h < ins.heredocs.size(); ++h) {
        const model::Heredoc& hd = ins.heredocs[h];
        bool script = std::find(run.body_heredocs.begin(), run.body_heredocs.end(), static_cast<int>(h)) !=
                      run.body_heredocs.end();
        s.add("\n", kSynthetic);
        if (!script && !hd.body_span.empty()) {
          s.add(text.substr(hd.body_span.start, hd.body_span.size()), hd.body_span.start);
          s.add("\n", kSynthetic);
        }
        s.add(hd.delimiter, kSynthetic);
      }
      s.add("\n", kSynthetic);
      check_script(ctx, *program, dialect_for(run.shell.name()), s, budget);
    }
    // Heredoc bodies that run as scripts.
    for (size_t i = 0; i < run.bodies.size(); ++i) {
      const model::Heredoc& hd = ins.heredocs[static_cast<size_t>(run.body_heredocs[i])];
      std::string_view body = text.substr(hd.body_span.start, hd.body_span.size());
      std::string shell = shebang_program(body);
      if (shell.empty() && !run.body_direct[i])
        for (const shell::Command& c : run.line.commands)
          for (const shell::Redirect& r : c.redirects)
            if (r.heredoc == run.body_heredocs[i]) shell = shell_rules::word_name(c, shell_rules::program_index(c));
      if (shell.empty()) shell = run.shell.name();
      Script s;
      size_t first = 0;
      if (body.starts_with("#!")) {
        first = body.find('\n') == std::string_view::npos ? body.size() : body.find('\n') + 1;
        s.add(body.substr(0, first), hd.body_span.start);
      }
      s.add(exports, kSynthetic);
      s.add(body.substr(first), hd.body_span.start + first);
      s.add("\n", kSynthetic);
      check_script(ctx, *program, dialect_for(shell), s, budget);
    }
  }
}

}  // namespace

extern const Rule kRuleShellCheck = {
    .id = "ShellCheck",
    .default_severity = Severity::Warning,
    .summary = "ShellCheck findings in RUN scripts",
    .check = check_shellcheck,
    .enabled_by_default = false,
};

}  // namespace dfls
