// The `check` command: lints Dockerfiles from the command line (docs/check-command.md).
//   dockerfile-ls check [--format text|json|sarif|checkstyle|gnu] [--config F] [--context DIR]
//                       [--severity-threshold error|warning|info|hint] [--fix | --fix-dry-run]
//                       [--unsafe-fixes] [--no-color] PATH...
#pragma once

#include <iosfwd>
#include <span>
#include <string>
#include <vector>

#include "rules/rule.h"

namespace dfls::cli {

// Runs `dockerfile-ls check ARGS...` (ARGS without "check") on the standard streams; returns the
// process exit status: 0 clean, 1 findings at or above the threshold (with --fix-dry-run: changes
// to make), 2 usage or I/O error.
int run_check(const std::vector<std::string>& args);

// The same with given streams. Colors are used only when terminal is true, --no-color is absent
// and NO_COLOR is unset or empty.
int run_check(const std::vector<std::string>& args, std::ostream& out, std::ostream& err, bool terminal);
// The same with a given rule table instead of the registry (tests use made-up rules).
int run_check(const std::vector<std::string>& args, std::ostream& out, std::ostream& err, bool terminal,
              std::span<const Rule> rules);

}  // namespace dfls::cli
