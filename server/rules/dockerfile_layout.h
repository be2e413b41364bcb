// A line-level reading of a Dockerfile that does not need the syntax tree: the leading parser
// directives, the instructions (with their continuation lines and heredoc bodies) and the comment
// lines between them. Suppression comments and their code actions work from this, so they behave
// the same whatever the grammar makes of a broken instruction.
//
// The reading follows BuildKit's line parser: a comment line or blank line inside a continued
// instruction belongs to that instruction; the comments above an instruction form its comment
// block, which blank lines do not interrupt and an empty comment (`#` alone) restarts.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dfls {

// A parser directive line `# name = value`, split as BuildKit splits it. Offsets are relative to
// the line given.
struct DirectiveParts {
  std::string name;  // Lowercased.
  size_t value_start = 0;
  size_t value_end = 0;
};
std::optional<DirectiveParts> parse_directive_line(std::string_view line);

struct LayoutDirective {
  std::string name;        // Lowercased: syntax, escape or check.
  std::string_view value;  // Trimmed, as written.
  size_t line = 0;
  size_t value_start = 0;  // Byte offset of the value in the text.
};

// A comment line outside any instruction (leading directives included).
struct LayoutComment {
  size_t line = 0;
  size_t start = 0;        // Byte offset of the line's start.
  std::string_view text;   // The line without its line break.
  bool directive = false;  // One of the leading parser directives.
};

struct LayoutInstruction {
  size_t start = 0;       // Byte offset of its first line's start.
  size_t end = 0;         // Where its span ends: the next comment or instruction line, or text end.
  size_t first_line = 0;
  size_t last_line = 0;   // Last line of its text, continuation lines and heredoc bodies included.
  std::string keyword;    // Uppercased first word.
  std::string_view indent;
  std::vector<size_t> comments;  // Its comment block: indexes into DockerfileLayout::comments.
  bool is_from() const { return keyword == "FROM"; }
};

struct DockerfileLayout {
  char escape = '\\';
  std::vector<LayoutDirective> directives;
  // Where a new parser directive goes: after the BOM, a `#!` first line and the directives.
  size_t directives_end = 0;
  std::vector<LayoutComment> comments;
  std::vector<LayoutInstruction> instructions;
  size_t text_size = 0;

  const LayoutDirective* directive(std::string_view name) const;
  // The instruction whose span holds offset (the last one also holds the end of the text).
  const LayoutInstruction* instruction_at(size_t offset) const;
  // Where the stage of instruction i ends: the start of the next FROM, or the end of the text.
  size_t stage_end(size_t i) const;
};

DockerfileLayout read_layout(std::string_view text);

}  // namespace dfls
