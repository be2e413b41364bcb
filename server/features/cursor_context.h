// What the cursor is on, shared by completion, hover and signature help.
//
// The context is read from the text of the current logical line (the instruction's first line
// with its continuation lines joined, as BuildKit joins them: the escape character and the line
// break are dropped, blank and comment lines inside are skipped), not from the syntax tree, so
// half-typed input that the grammar turns into ERROR nodes (`RUN --mount=type=`, `FROM `,
// `ENV X=$`) still gives a context. The model is consulted only for facts around the line: the
// stage, the instruction index (for variable scopes), heredoc bodies and parser directives.
//
// Cost: a binary search over instruction spans plus work proportional to the logical line.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "core/model/model.h"
#include "core/range.h"

namespace dfls {

// Physical lines joined into one logical line; each character keeps its document offset.
struct LogicalLine {
  std::string text;
  std::vector<size_t> offsets;  // offsets[i]: document offset of text[i].
  size_t end = 0;               // Document offset just past the last character.

  // The document offset of text index i (i == text.size() gives `end`).
  size_t doc(size_t i) const { return i < offsets.size() ? offsets[i] : end; }
  // The document range of text [b, e): from the first character to just after the last one.
  ByteRange doc_range(size_t b, size_t e) const;
  // The text index of a document offset (the first character at or after it).
  size_t index_of(size_t offset) const;
};

// A whitespace-separated word of the logical line (quotes and escapes keep a word together).
struct LineWord {
  size_t begin = 0, end = 0;  // Text indexes.
};

enum class Spot {
  None,            // Nothing to offer: a comment, a heredoc body, JSON punctuation...
  Keyword,         // The instruction keyword, or an empty line.
  DirectiveName,   // "# sy|" on the top lines.
  DirectiveValue,  // "# syntax=|".
  FlagName,        // "--mo|".
  FlagValue,       // "--network=|".
  MountKey,        // "--mount=type=cache,ta|".
  MountValue,      // "--mount=type=cache,sharing=|".
  Argument,        // A positional argument (arg_index), or a new word where a flag may also go.
};

// A variable reference being typed or pointed at: `$NA|`, `${NA|`, `${NAME:|`.
struct VariableSpot {
  bool braced = false;
  ByteRange name;            // The name typed so far (the prefix; empty right after `$`).
  ByteRange full_name;       // The whole name around the cursor (for hover).
  std::string name_text;     // The prefix text.
  std::string full_text;     // The whole name.
  bool in_modifier = false;  // `${NAME` followed by the start of a modifier, cursor after it.
  ByteRange modifier;        // The modifier characters typed so far (in_modifier).
  std::string modifier_text;
};

struct CursorContext {
  Spot spot = Spot::None;
  size_t offset = 0;
  LogicalLine line;
  std::vector<LineWord> words;
  size_t cursor = 0;  // Text index of the cursor.
  int word = -1;      // Index of the word the cursor touches; -1 in blanks (a new word).

  // The instruction on the line, as typed (the trigger's kind under ONBUILD).
  std::optional<model::Kind> kind;
  std::string keyword;      // As typed.
  int keyword_word = -1;    // Index of the keyword word (1 for an ONBUILD trigger).
  bool onbuild = false;     // The instruction is an ONBUILD trigger (or its keyword is being typed).
  bool flag_position = false;  // Flags may still be written here (no argument before).
  int arg_index = -1;       // Spot::Argument: index among the positional arguments.
  int arg_count = 0;        // Positional arguments on the whole line.
  std::vector<std::string> flags_present;  // Lowercased flag names on the line (other than the cursor's).

  std::string flag;       // FlagName/FlagValue/Mount*: lowercased, without "--".
  std::string mount_key;  // MountValue: the key, lowercased.
  struct MountField {
    std::string key;  // Lowercased.
    std::string value;
    bool has_value = false;
  };
  std::vector<MountField> mount_fields;  // The other fields of the --mount under the cursor.
  std::string directive;  // DirectiveValue: the directive name, lowercased.

  ByteRange prefix;          // The typed part of the element under the cursor (ends at the cursor).
  std::string prefix_text;
  ByteRange element;         // The whole element under the cursor.
  std::string element_text;
  std::optional<VariableSpot> variable;

  // Model facts.
  const model::Instruction* instruction = nullptr;  // The instruction starting on the line, if any.
  int instruction_index = 0;  // Instructions before the line: [0, instruction_index).
  int stage = -1;             // The stage the line belongs to (the one a FROM line defines).
  bool in_heredoc = false;    // Inside a heredoc body (only `variable` may be set).
  bool first_line_of_file = false;

  // Text of word i, and of the part after the cursor on the line.
  std::string_view word_text(size_t i) const;
  std::string_view rest_of_line() const;
};

CursorContext cursor_context(const Document& doc, size_t offset);

// The name of a variable: letters, digits and "_".
bool is_name_char(char c);
std::string to_lower(std::string_view s);

}  // namespace dfls
