// Helpers for the rules that look at what a RUN executes (the hadolint family): the shell a stage
// runs shell-form commands with, the commands of a RUN (its command line and the heredoc bodies
// that run as shell scripts) split by the shell splitter with document offsets, the program of a
// command behind wrappers such as sudo or env, package-manager invocations with their verbs and
// operands, cache mounts, and the edits that append a command to a RUN.
//
// Everything goes through core/shell/shell.h: quotes, escapes, operators, subshells, line
// continuations and heredoc bodies are handled there, never with regular expressions here.
#pragma once

#include <cstddef>
#include <functional>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "core/model/model.h"
#include "core/range.h"
#include "core/shell/shell.h"

namespace dfls::shell_rules {

// ---------------------------------------------------------------------------------------------
// The shell of a stage.

struct StageShell {
  std::vector<std::string> argv = {"/bin/sh", "-c"};  // The default, or the last SHELL's array.
  int instruction = -1;  // The SHELL instruction in effect (index into Model::instructions), or -1.

  // The basename of the shell program ("sh", "bash", "pwsh").
  std::string name() const;
  // A POSIX-like shell whose commands the splitter can read: sh, bash, dash, ash, zsh, ksh, mksh,
  // busybox.
  bool posix() const;
  // Whether the array sets pipefail ("-o pipefail", "-eo pipefail", "-euxo pipefail" ...).
  bool pipefail() const;
};

// The shell in effect at an instruction: the last SHELL before it in its stage or in the stages
// the stage is built FROM (in this file); without one, `cmd /S /C` for Windows images and
// `/bin/sh -c` otherwise.
StageShell stage_shell(const model::Model& m, const model::Instruction& ins);

// Whether a stage is built on a Windows image (mcr.microsoft.com/windows/..., nanoserver and
// servercore images, ltsc tags), following FROM <stage>.
bool windows_stage(const model::Model& m, int stage);

// ---------------------------------------------------------------------------------------------
// The commands of a RUN.

// The index of the program word of a command after wrappers (sudo and its options, env and its
// options and assignments, time, nice, nohup, exec, command, stdbuf), or args.size() when none.
size_t program_index(const shell::Command& cmd);
// The basename of word i of a command ("" past the end).
std::string word_name(const shell::Command& cmd, size_t i);

struct RunCommand {
  const shell::Command* cmd = nullptr;
  size_t program = 0;    // Index of the program word (see program_index).
  bool heredoc = false;  // From a heredoc body run as a script.
  int script = 0;        // 0 for the command line, 1 + n for the n-th script body.

  std::string name() const { return word_name(*cmd, program); }
  // Word i counted from the program (0 is the program), or nullptr.
  const shell::Word* arg(size_t i) const {
    return program + i < cmd->args.size() ? &cmd->args[program + i] : nullptr;
  }
};

struct RunScripts {
  const model::Instruction* ins = nullptr;
  StageShell shell;
  bool analysed = false;  // False for the exec form and non-POSIX shells: nothing to look at.
  shell::Script line;     // The command line (heredoc bodies skipped, as the shell reads them).
  std::vector<shell::Script> bodies;     // Heredoc bodies that run as shell scripts.
  std::vector<int> body_heredocs;        // For each body: its index in Instruction::heredocs.
  // For each body: whether the stage's SHELL runs it (`RUN <<EOF` without a shebang), rather than
  // a shell named in the command (`RUN bash <<EOF`) or in the shebang.
  std::vector<bool> body_direct;
  std::vector<RunCommand> commands;      // Every command: the line's, then each body's.

  RunScripts() = default;
  RunScripts(RunScripts&&) noexcept = default;
  RunScripts& operator=(RunScripts&&) noexcept = default;
  RunScripts(const RunScripts&) = delete;
  RunScripts& operator=(const RunScripts&) = delete;

  // The commands named `program` (basename).
  std::vector<const RunCommand*> named(std::string_view program) const;
  // Whether any command is one of the programs.
  bool runs(std::initializer_list<std::string_view> programs) const;
};

// Splits a RUN (shell form only; ONBUILD RUN included). A heredoc body is a script when the
// command reading it is missing (`RUN <<EOF`) or is a shell (`RUN bash <<EOF`, without -c), and
// its first line is not a shebang naming something else than a POSIX shell.
// Computed once per document and instruction (ins must be one of doc's instructions).
const RunScripts& run_scripts(const Document& doc, const model::Instruction& ins);
// Every RUN of the file in order, ONBUILD RUNs included unless told otherwise.
std::vector<std::reference_wrapper<const RunScripts>> all_runs(const Document& doc, bool include_onbuild = true);

// ---------------------------------------------------------------------------------------------
// Package managers and other tools.

// A command running a tool with a verb: "apt-get install", "pip install" (also "pip3",
// "python3 -m pip"), "yarn" (no verb: install).
struct ToolCommand {
  const RunCommand* run = nullptr;
  size_t program = 0;  // Index (in Command::args) of the tool's word ("pip", or "python3").
  size_t verb = 0;     // Index of the verb word; equal to `program` when there is none.

  const shell::Command& cmd() const { return *run->cmd; }
  // The words from the program to the verb, as a document range.
  ByteRange range() const;
  // The verb word.
  const shell::Word& verb_word() const { return cmd().args[verb]; }
};

// Options of a tool that take a value in the next word ("-o", "--target-release").
using ValueOptions = std::vector<std::string_view>;
// The options of a tool (one of those tool_commands() knows) that take the next word as their
// value: "-o", "-t", "--default-release" for apt-get; empty for other tools.
const ValueOptions& value_options(std::string_view tool);

// The tools whose verbs this knows: "apt-get", "apt", "apk", "pip", "npm", "yarn", "gem", "go",
// "yum", "dnf", "microdnf". The verb is the first operand after the program (options, with the
// values of the tool's value options, skipped). `verbs` lists the verbs to find; "" also finds a
// tool run without a verb.
std::vector<ToolCommand> tool_commands(const RunScripts& run, std::string_view tool,
                                       std::initializer_list<std::string_view> verbs);

// The operands from word `from` on: words that are not options; the word after a value option
// is skipped; everything after "--" is an operand.
std::vector<const shell::Word*> operands(const shell::Command& cmd, size_t from, const ValueOptions& value_options);
// Whether the command has one of the options after word `from` (exact words, or `--name=value`
// for long options; short options also inside clusters such as "-qy").
bool has_option(const shell::Command& cmd, size_t from, std::initializer_list<std::string_view> options);
// The value of an option after word `from` ("--uid 5", "--uid=5", "-u5", "-u 5"), the last one.
std::optional<std::string> option_value(const shell::Command& cmd, size_t from, std::string_view name);

// ---------------------------------------------------------------------------------------------
// Mounts, stages and edits.

// The targets of the RUN's cache and tmpfs mounts, without trailing slashes ("/var/lib/apt").
std::vector<std::string> cache_mount_targets(const model::Instruction& ins);
// Whether one of the targets is dir or a directory above it.
bool covers(const std::vector<std::string>& targets, std::string_view dir);

// The stage the build produces: the configured target, else the last stage; -1 without stages.
int final_stage(const model::Model& m, std::string_view target);
// The final stage and the stages it is built FROM, nearest first.
std::vector<int> final_chain(const model::Model& m, std::string_view target);
// A stage and the stages it is built FROM (in this file), nearest first.
std::vector<int> stage_chain(const model::Model& m, int stage);

// The edit appending ` && <command>` to the command line of a shell-form RUN, right after its last
// command; nothing when that is not clean (heredocs, a trailing operator, a compound command or
// text after the last command).
std::optional<TextEdit> append_command(const Document& doc, const RunScripts& run, std::string_view command);

// The source and destination words of a COPY or ADD, in shell form (raw text, quotes kept;
// heredoc markers are sources) or exec form (unquoted); `dest` is null with fewer than two.
struct CopyPaths {
  std::vector<const model::Word*> sources;
  const model::Word* dest = nullptr;
};
CopyPaths copy_paths(const model::Instruction& ins);

// The keyword in the case of the instruction's keyword ("COPY" or "copy").
std::string keyword_like(const model::Instruction& ins, std::string_view upper);

// The basename of a path ("/usr/bin/pip3" gives "pip3").
std::string basename(std::string_view path);

// Whether a file name is that of a tar archive, compressed or not, which ADD unpacks (".tar",
// ".tgz", ".tar.gz", ".tar.xz", ".tar.zst" ...), or of a single compressed file (".gz", ".xz").
bool is_archive_name(std::string_view name);
// Whether a source is a URL or a Git repository (ADD fetches those).
bool is_remote_source(std::string_view source);

}  // namespace dfls::shell_rules
