// Running ShellCheck on a script: the program is found on PATH and started directly (posix_spawn
// with an argument array, never through a shell), the script goes in on stdin, its json1 report
// comes back on stdout, and the process is killed when it takes longer than the time allowed.
//
// This blocks the calling thread for as long as ShellCheck runs: the language server must call it
// (through the ShellCheck rule) off its event-loop thread.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dfls::shellcheck {

// One finding of ShellCheck's json1 format. Lines and columns are 1-based; a column counts
// characters (a tab or a multi-byte character is one); the end column is exclusive.
struct Finding {
  int line = 0, column = 0, end_line = 0, end_column = 0;
  int code = 0;       // 2086 for SC2086.
  std::string level;  // "error", "warning", "info", "style".
  std::string message;
};

struct Result {
  bool ran = false;        // The program started and exited on its own with a report.
  bool timed_out = false;  // Killed after the time allowed.
  std::vector<Finding> findings;
};

// The full path of an executable file named `name` in a directory of PATH, or nothing.
std::optional<std::string> find_program(std::string_view name);

// Runs `<program> --format=json1 --norc --shell=<dialect> --exclude=<codes> -` with the script on
// stdin. `dialect` is one of sh, bash, dash, ksh.
Result run(const std::string& program, std::string_view dialect, std::string_view script,
           std::chrono::milliseconds timeout, std::string_view exclude = "SC1090,SC1091,SC2187");

// The findings of a json1 report ({"comments": [...]}); nothing for text that is not one.
std::optional<std::vector<Finding>> parse_json1(std::string_view json);

// Starts argv[0] (a path) with argv, writes `input` to its stdin, returns what it writes to stdout
// (stderr is discarded); kills it after `timeout`. Nothing when it cannot be started or was killed.
struct ProcessOutput {
  int exit_code = -1;
  std::string out;
};
std::optional<ProcessOutput> run_process(const std::vector<std::string>& argv, std::string_view input,
                                         std::chrono::milliseconds timeout, bool* timed_out = nullptr);

}  // namespace dfls::shellcheck
