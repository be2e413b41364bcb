// `check --fix`: applies every safe fix, in rounds (with --unsafe-fixes, every finding's first fix
// whether safe or not). Each round checks the text, takes the fix of each finding unless its
// edits overlap edits already taken, and applies them; the
// next round checks the result again, until no safe fix is left or five rounds have run.
// Edits of other files (Fix::file_edits, e.g. .dockerignore) are collected in memory; a file
// edited in one round is not edited again in later rounds, since the rules still see it as it
// is on disk. The caller writes the results (`--fix`) or prints them as a diff (`--fix-dry-run`).
#pragma once

#include <map>
#include <span>
#include <string>

#include "core/config.h"
#include "rules/rule.h"

namespace dfls::cli {

struct ChangedFile {
  bool existed = true;   // False when the fixes create it.
  std::string original;  // Its text before the fixes (empty when it did not exist).
  std::string text;      // Its text after them.
};

struct FixResult {
  std::string text;                                 // The Dockerfile after the fixes.
  std::map<std::string, ChangedFile> other_files;   // By absolute path.
  size_t applied = 0;                               // Fixes applied, over all rounds.
};

struct FixPolicy {
  bool unsafe = false;  // Also fixes not marked safe (splitting a stage, adding a USER, ...).
  int max_rounds = 5;
};

FixResult apply_fixes(const std::string& uri, std::string text, const Config& config, FixPolicy policy = {});
// The same with a given rule table instead of the registry (tests use made-up rules).
FixResult apply_fixes(const std::string& uri, std::string text, const Config& config, std::span<const Rule> rules,
                      FixPolicy policy = {});

}  // namespace dfls::cli
