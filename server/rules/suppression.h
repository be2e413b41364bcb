// Suppression comments, applied once by run_rules (never inside a rule):
//   # check=skip=A,B|all;error=true;experimental=C   BuildKit's directive, among the leading
//                                                   parser directives: the whole file
//   # check=skip=A,B                                 BuildKit's per-instruction comment, in the
//                                                   comment block above an instruction (above a
//                                                   FROM: the whole stage)
//   # hadolint ignore=DL3008,DL3009                  the next instruction
//   # hadolint global ignore=...                     the whole file
//   # hadolint stage ignore=...                      from the next instruction to the next FROM
//   # dockerfile-ls ignore=RuleId[,RuleId]           the same three forms with our own name
//   # dockerfile-ls global ignore=... / stage ignore=...
// `check=` names are our rule ids, case-sensitive; `skip=all` skips the rules BuildKit also has
// (those with a buildkit_name), never our own. The hadolint and dockerfile-ls forms take rule ids
// or hadolint codes (DL3008), mapped through each rule's hadolint codes; unknown names are
// ignored. A `check=` value that does not parse is ignored as a whole, as BuildKit does for
// per-instruction comments (other rules report it). SyntaxError is never suppressed.
#pragma once

#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "rules/rule.h"

namespace dfls {

// The options of a `check=` value (the value is cut at its first space, as BuildKit does).
struct CheckOptions {
  std::vector<std::string> skip;
  bool skip_all = false;
  std::optional<bool> error;
  std::vector<std::string> experimental;
  bool experimental_all = false;
  size_t parts = 0;            // `;`-separated parts (BuildKit reads at most three).
  size_t length = 0;           // Bytes of the value that were read (up to the first space).
  std::optional<size_t> skip_end;  // Where the skip part's value ends, relative to the value.
};
std::optional<CheckOptions> parse_check_options(std::string_view value);

enum class PragmaTool { Hadolint, DockerfileLs };
enum class PragmaScope { Next, Stage, Global };

// `# hadolint [global|stage] ignore=A,B` or `# dockerfile-ls [global|stage] ignore=A,B`, with an
// optional trailing `# reason`. Anything else is not a pragma.
struct IgnorePragma {
  PragmaTool tool = PragmaTool::DockerfileLs;
  PragmaScope scope = PragmaScope::Next;
  std::vector<std::string> names;
  size_t list_end = 0;  // Offset in the line just after the last name, where another one goes.
};
std::optional<IgnorePragma> parse_ignore_pragma(std::string_view line);

class Suppressions {
 public:
  explicit Suppressions(const Document& doc);
  // The same over plain text with a given rule table (tests use made-up rules).
  Suppressions(std::string_view text, std::span<const Rule> rules);

  // Whether a finding of rule_id that starts at offset is suppressed.
  bool suppressed(std::string_view rule_id, size_t offset) const;
  // The file's `# check=` directive, when present and valid (for error= and experimental=).
  const std::optional<CheckOptions>& file_check() const { return file_check_; }

 private:
  struct Scope {
    size_t start = 0;
    size_t end = 0;
    std::set<std::string, std::less<>> ids;
    bool buildkit_all = false;
  };
  void add(size_t start, size_t end, const std::vector<std::string>& names, bool map_codes,
           bool buildkit_all);

  std::span<const Rule> rules_;
  std::set<std::string, std::less<>> buildkit_ids_;
  std::vector<Scope> scopes_;
  std::optional<CheckOptions> file_check_;
  size_t text_size_ = 0;
};

}  // namespace dfls
