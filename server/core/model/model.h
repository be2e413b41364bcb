// The semantic model of a Dockerfile, built once per parse from the syntax tree, as BuildKit reads
// the file: parser directives, instructions as typed views of their flags and arguments, stages,
// ARG/ENV declarations with their scopes, every variable reference with the declaration in effect
// there, and every stage reference (FROM <stage>, COPY --from, RUN --mount from=).
#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/image_ref.h"
#include "core/range.h"
#include "syntax/tree.h"

namespace dfls::model {

enum class Kind {
  From, Run, Cmd, Label, Maintainer, Expose, Env, Add, Copy, Entrypoint, Volume, User, Workdir,
  Arg, Onbuild, Stopsignal, Healthcheck, Shell, Unknown
};

// The keyword as BuildKit spells it ("FROM"), or "" for an unknown instruction.
std::string_view kind_keyword(Kind kind);
std::optional<Kind> kind_from_keyword(std::string_view keyword);  // Case-insensitive.

struct Directive {
  std::string name;   // Lowercased: "syntax", "escape", "check".
  std::string value;  // Trimmed.
  ByteRange span, name_span, value_span;
};

struct MountOption {
  std::string key;  // Lowercased.
  std::optional<std::string> value;
  ByteRange span, key_span, value_span;
};

struct Flag {
  std::string name;  // Without "--".
  std::optional<std::string> value;  // Raw text after "=", quotes kept.
  ByteRange span, name_span, value_span;
  std::vector<MountOption> mount_options;  // For --mount.
  syntax::Node node;

  // The first mount option with this key (or one of its aliases).
  const MountOption* option(std::initializer_list<std::string_view> keys) const;
};

// A word argument (a path, a port, an ARG name...), with its raw text and span.
struct Word {
  std::string text;
  ByteRange span;
};

struct Heredoc {
  std::string delimiter;  // Unquoted delimiter.
  bool strip_tabs = false;
  bool quoted = false;  // Quoting disables build-time expansion.
  ByteRange marker_span;     // "<<EOF" in the instruction line.
  ByteRange body_span;       // The body lines (may be empty).
  ByteRange end_span;        // The terminator line (empty when missing).
  bool terminated = false;
};

struct KeyValue {
  std::string key;
  std::string value;  // Raw text, quotes kept.
  ByteRange key_span, value_span, span;
  bool legacy = false;  // "ENV key value" form.
};

struct Instruction {
  Kind kind = Kind::Unknown;
  syntax::Node node;
  ByteRange span;          // Whole instruction, heredoc bodies included.
  ByteRange keyword_span;  // The keyword as written.
  std::string keyword;  // As written ("From", "run").
  int stage = -1;       // Index of the stage it belongs to; -1 before the first FROM.
  std::vector<Flag> flags;
  bool json_form = false;           // Exec form (a valid JSON string array).
  bool json_like_shell = false;     // Starts with "[" but is not valid JSON: runs as shell form.
  std::vector<Word> json_args;      // Elements of the exec form, unquoted.
  ByteRange args_span;                   // Everything after the flags (shell text or JSON).
  std::vector<Word> args;           // Whitespace-separated arguments (COPY/ADD paths, EXPOSE...).
  std::vector<KeyValue> pairs;      // ENV, LABEL, ARG (value empty and span empty without "=").
  std::vector<Heredoc> heredocs;
  std::vector<size_t> comments_above;  // Indexes into Model::comments, the block just above.
  // ONBUILD: the wrapped instruction (index into Model::instructions), or -1.
  int onbuild_inner = -1;
  bool inside_onbuild = false;

  const Flag* flag(std::string_view name) const;
  std::vector<const Flag*> flags_named(std::string_view name) const;
  std::string_view args_text(std::string_view source) const {
    return source.substr(args_span.start, args_span.end - args_span.start);
  }
};

struct Comment {
  std::string text;  // Without "#", trimmed.
  ByteRange span;
};

enum class VarKind { GlobalArg, Arg, Env, Predefined };

struct VarDecl {
  std::string name;
  VarKind kind = VarKind::Arg;
  std::optional<std::string> default_value;  // Raw text as written.
  std::optional<std::string> value;          // Expanded where knowable.
  ByteRange name_span, span;
  int stage = -1;
  int instruction = -1;  // Index into Model::instructions; -1 for predefined.
};

struct VarRef {
  std::string name;
  ByteRange name_span;    // The name only.
  ByteRange span;         // "$NAME" or "${NAME:-x}".
  std::string op;    // Modifier operator, "" for plain references.
  int instruction = -1;
  int stage = -1;
  int decl = -1;     // Index into Model::decls of the declaration in effect, or -1.
  bool builder_expanded = true;  // False in RUN/CMD/ENTRYPOINT shell text (the shell expands).
  bool in_from = false;          // In a FROM line: only global ARGs apply.
};

enum class StageRefKind { FromBase, CopyFrom, MountFrom };

struct StageRef {
  StageRefKind kind;
  std::string text;  // As written.
  ByteRange span;
  int instruction = -1;
  int stage = -1;         // The stage the reference is in (for FROM: the stage being defined).
  int target = -1;        // The stage referred to, or -1 (an image, a context, or undefined).
  bool numeric = false;   // COPY --from=<index>.
  bool forward = false;   // Names a stage defined later (or the stage itself).
};

struct Stage {
  int index = 0;
  std::string name;           // Lowercased, "" when unnamed.
  std::string original_name;  // As written.
  ByteRange name_span;             // Empty when unnamed.
  int from_instruction = -1;
  std::string base_text;      // The image or stage as written.
  ByteRange base_span;
  std::string base_resolved;  // The base after expanding global ARG defaults.
  ImageRef base;              // base_resolved parsed.
  int parent = -1;            // Base stage index when FROM <stage>.
  std::optional<std::string> platform;  // --platform value as written.
  std::vector<int> instructions;        // Indexes into Model::instructions (FROM first).
  ByteRange span;                  // From the FROM to the end of the stage's last instruction.
  bool reachable = false;     // Built for the target (last stage, or the configured one).
};

class Model {
 public:
  std::vector<Directive> directives;
  std::vector<Comment> comments;
  std::vector<Instruction> instructions;
  std::vector<Stage> stages;
  std::vector<VarDecl> decls;
  std::vector<VarRef> refs;
  std::vector<StageRef> stage_refs;
  char escape = '\\';
  bool has_bom = false;

  const Directive* directive(std::string_view name) const;
  // The stage named (case-insensitive), or nullptr.
  const Stage* stage_named(std::string_view name) const;
  // The stage containing offset (the last one starting before it), or nullptr before the first
  // FROM. A binary search, as instruction_at.
  const Stage* stage_at(size_t offset) const;
  // The instruction containing offset (the ONBUILD trigger rather than the ONBUILD), or nullptr.
  const Instruction* instruction_at(size_t offset) const;
  // The declarations visible at offset for a reference in a builder-expanded context: global ARGs
  // in FROM lines, else the stage's (and its parents') ARGs and ENVs declared before offset, plus
  // predefined ARGs that apply there.
  std::vector<const VarDecl*> visible_at(size_t offset, bool in_from_line) const;
  // The same for a reference in instruction `at` of stage `stage` (at may be instructions.size()
  // for the end of the file): a binary search and a walk over one stage chain, never the file.
  std::vector<const VarDecl*> visible_in(int at, int stage, bool in_from_line) const;
  // Marks the stages reachable from the target (name), or the last stage when empty.
  void compute_reachability(std::string_view target);
};

Model build_model(std::string_view text, syntax::Node root);

// Names BuildKit defines without an ARG (platform args usable after redeclaring, proxies, ...).
bool is_predefined_arg(std::string_view name);
bool is_platform_arg(std::string_view name);

}  // namespace dfls::model
