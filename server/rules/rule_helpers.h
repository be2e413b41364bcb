// Helpers shared by the rules: BuildKit's reading of an instruction line (continuations joined,
// flags extracted, words split as its parsers split them), the flag table of every instruction,
// Go's duration and bool syntax, the signal list, the variables base images define, and small
// text utilities. Everything here is plain functions over the document and the model; the
// definitions are in rule_helpers.cpp, buildkit_line.cpp, exec_form.cpp and image_variables.cpp.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/expand.h"
#include "core/model/model.h"
#include "core/range.h"
#include "rules/rule.h"

namespace dfls::rules {

// ---------------------------------------------------------------------------------------------
// Text utilities.

std::string to_lower(std::string_view s);
std::string to_upper(std::string_view s);
bool iequals(std::string_view a, std::string_view b);
bool is_all_lower(std::string_view s);  // No uppercase ASCII letter.
bool is_all_upper(std::string_view s);  // No lowercase ASCII letter.
std::string_view trim(std::string_view s);

// " (did you mean X?)" when there is a suggestion, else "".
std::string did_you_mean(const std::optional<std::string>& suggestion);

// A JSON string literal for s (quotes, backslashes and control characters escaped).
std::string json_quote(std::string_view s);

// The byte range of the line holding offset, without its line break.
ByteRange line_at(std::string_view text, size_t offset);
// The range of whole lines covering [start, end), the last line break included when present.
ByteRange whole_lines(std::string_view text, size_t start, size_t end);
// The 1-based line number of offset, for messages. Prefer the Document form: it uses the line
// index instead of counting line breaks.
size_t line_number(const Document& doc, size_t offset);
size_t line_number(std::string_view text, size_t offset);

// Go's strconv.ParseBool (1 t T TRUE true True 0 f F FALSE false False).
std::optional<bool> parse_go_bool(std::string_view s);

// Go's time.ParseDuration: nanoseconds, or nothing with a reason in *error.
std::optional<int64_t> parse_go_duration(std::string_view s, std::string* error = nullptr);

// ---------------------------------------------------------------------------------------------
// BuildKit's reading of an instruction line.

// An instruction's logical line as BuildKit's line parser builds it: physical lines joined at
// line continuations (the escape character and blanks after it removed), comment lines and
// blank lines inside a continuation dropped, the text after the first line kept untrimmed.
// Heredoc bodies are not part of it.
struct LogicalLine {
  std::string text;
  std::vector<size_t> offsets;  // Document offset of every byte of text, plus one past the end.
  std::vector<ByteRange> empty_lines;  // Blank lines dropped inside the continuation.

  // The document range of the logical bytes [start, end).
  ByteRange range(size_t start, size_t end) const;
};

// Reads the logical line starting at `start` (an instruction's keyword), not past `limit`.
LogicalLine read_logical_line(std::string_view text, size_t start, size_t limit, char escape);

// A word of a logical line: its raw text (quotes and escapes kept) and its logical position.
struct LineWord {
  std::string text;
  size_t start = 0, end = 0;  // Logical offsets.
};

// A leading `--flag[=value]` word, as BuildKit extracts it (quotes removed inside the word).
struct FlagWord {
  std::string name;                  // Without "--".
  std::optional<std::string> value;  // After the first "=".
  ByteRange span, name_span, value_span;  // Document ranges (value_span empty without "=").
  size_t value_start = 0, value_end = 0;  // The raw value in the logical line.
  // Whether the raw value is the value itself (no quotes or escapes), so offsets inside the
  // value map one to one to the logical line.
  bool value_is_raw = false;
};

// An instruction as BuildKit's parser first splits it: keyword, flags, then the rest.
struct InstructionLine {
  LogicalLine line;
  std::string keyword;
  ByteRange keyword_span;
  std::vector<FlagWord> flags;
  size_t rest_start = 0;  // Logical offset of the arguments (after the flags and blanks).

  std::string_view rest() const { return std::string_view(line.text).substr(rest_start); }
  ByteRange range(const LineWord& w) const { return line.range(w.start, w.end); }
  // The rest split at whitespace (FROM, EXPOSE, COPY/ADD/VOLUME in shell form).
  std::vector<LineWord> whitespace_words() const;
  // The rest split by BuildKit's quote-aware word splitter (ENV, LABEL, ARG): quotes and escapes
  // are kept in the text, blanks inside quotes do not split.
  std::vector<LineWord> quoted_words(char escape) const;
};

InstructionLine read_instruction_line(const Document& doc, const model::Instruction& ins);

// ---------------------------------------------------------------------------------------------
// Flags of each instruction (spec sections 5, 9-12).

enum class FlagType { String, Strings, Bool };  // Strings: may repeat.

struct FlagSpec {
  std::string_view name;
  FlagType type;
  std::string_view since;  // Dockerfile syntax version, for documentation ("1.4"), or "".
  bool labs = false;       // Only in the labs frontend.
};

// The flags BuildKit accepts on an instruction (empty for instructions without flags).
const std::vector<FlagSpec>& flag_specs(model::Kind kind);
const FlagSpec* find_flag_spec(model::Kind kind, std::string_view name);
// Whether BuildKit parses (and so validates) the flags of this instruction: not for ARG,
// STOPSIGNAL and HEALTHCHECK NONE, nor for unknown instructions.
bool validates_flags(const Document& doc, const model::Instruction& ins);
std::vector<std::string> flag_names(model::Kind kind);

// ---------------------------------------------------------------------------------------------
// Signals (STOPSIGNAL), as moby's signal.ParseSignal reads them on Linux.

// Whether s is a signal: a number from 1 to 255, or a name with or without "SIG", any case
// (SIGRTMIN+3 and SIGRTMAX-2 included).
bool is_valid_signal(std::string_view s);
// Every signal name with its "SIG" prefix, for suggestions.
const std::vector<std::string>& signal_names();

// ---------------------------------------------------------------------------------------------
// Syntax errors reported by the grammar (SyntaxError), so other rules do not report them twice.

class SyntaxErrors {
 public:
  explicit SyntaxErrors(const Document& doc);
  // Whether an ERROR or MISSING node touches the lines of [range.start, range.end].
  bool on_lines(ByteRange range) const;
  bool any() const { return !ranges_.empty(); }

 private:
  std::string_view text_;
  std::vector<ByteRange> ranges_;  // Line-extended error ranges, sorted.
};

// ---------------------------------------------------------------------------------------------
// Variables.

// Variables that images define in their configuration (ENV), so a Dockerfile may use them
// without declaring them: PATH and a few others for every image, and for well-known images the
// ENV of their official Dockerfiles (node: NODE_VERSION, python: PYTHON_VERSION, ...). The table
// is in rule_helpers.cpp.
bool base_image_defines(const model::Model& m, int stage, std::string_view name);
// The names base_image_defines() knows for the stage's base image (for suggestions).
std::vector<std::string> base_image_env_names(const model::Model& m, int stage);

// The stage (following FROM <stage> chains) whose base is an image, or -1.
int root_stage(const model::Model& m, int stage);

// A FROM image written with variables as a glob over stage names: `binaries-$TARGETOS` gives
// "binaries-*" (lowercased, as stage names are).
std::string variable_glob(std::string_view text);
// Whether s matches a glob whose only special character is `*` (any run of characters).
bool glob_match(std::string_view pattern, std::string_view s);
// The earlier named stages a stage's FROM may be when its value is not known (`FROM
// binaries-$TARGETOS`: every earlier stage whose name the pattern matches); empty when the FROM
// names a stage or a known image. Global ARG defaults are substituted first.
std::vector<int> variable_base_stages(const model::Model& m, int stage);

// A lookup giving the values a build without --build-arg sees at an instruction: declarations in
// effect there (expanded defaults), unknown for declarations without a known value, unset for the
// rest. Platform arguments are unknown.
VarLookup lookup_at(const model::Model& m, const model::Instruction& ins);

// ---------------------------------------------------------------------------------------------
// Exec form (JSON arrays).

// How BuildKit reads an argument list that starts with "[": valid JSON (an array, possibly followed
// by other text, which its decoder ignores) whose elements are all strings is the exec form.
struct JsonArray {
  bool valid = false;        // A well-formed JSON array.
  bool all_strings = false;  // Every element is a string.
  std::vector<std::string> strings;
};
JsonArray parse_json_array(std::string_view text);

// The exec form meant by an almost-JSON array (single-quoted elements, a missing closing "]"), as
// valid JSON with double quotes; nothing when the intent is not clear (unquoted elements, text
// after the array).
// With bare_elements, unquoted elements are quoted too (`VOLUME [/data]`): for path lists, where
// a "[" can only mean an attempt at JSON.
std::optional<std::string> repair_json_array(std::string_view text, bool bare_elements = false);

// The exec form of a shell-form command that is one plain simple command: no operators,
// redirections, expansions, globs or assignments. Nothing otherwise.
std::optional<std::string> shell_to_exec_form(std::string_view command, char escape);

// ---------------------------------------------------------------------------------------------
// Files.

// The local path of a file:// URI, or nothing.
std::optional<std::string> uri_to_path(std::string_view uri);

}  // namespace dfls::rules
