// Semantic tokens: what each part of a Dockerfile is, for editors to colour. Tokens are byte
// ranges in document order that never overlap and never cross a line break (LSP tokens are
// single-line), typed from one fixed legend. Shell text (RUN, CMD, ENTRYPOINT and RUN heredoc
// bodies) gets tokens only for its variable references, so that an editor's shell highlighting
// shows through; COPY and ADD heredoc bodies are strings, one token per line.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "core/range.h"

namespace dfls {

// The legend's token types, in legend order.
enum class TokenType : uint8_t {
  Keyword,    // Instruction keywords, ONBUILD, AS, HEALTHCHECK's CMD and NONE.
  Comment,    // Comments, also those inside continued instructions.
  String,     // Quoted strings, JSON-form strings, directive values, COPY/ADD heredoc lines.
  Number,     // EXPOSE ports.
  Operator,   // `=` of flags, options, pairs and directives; `${v:-x}` operators; `<<`, `<<-`.
  Variable,   // `$VAR`, `${VAR}` references; ARG and ENV names (declaration).
  Parameter,  // Flag names with their `--`.
  Property,   // RUN --mount option keys, LABEL keys.
  Class,      // Images: the FROM base, a COPY --from or mount from= image.
  Namespace,  // Stage names: `AS name` (declaration) and every reference to a stage.
  Macro,      // Parser directives (`# name`) and the escape character that continues a line.
  Label,      // Heredoc delimiters, at the marker and at the terminator line.
};

inline constexpr std::array<std::string_view, 12> kTokenTypeNames = {
    "keyword", "comment", "string",   "number",    "operator", "variable",
    "parameter", "property", "class", "namespace", "macro",    "label"};

// The legend's token modifiers, as bits in legend order.
inline constexpr uint32_t kDeclaration = 1u << 0;  // An ARG or ENV name, a stage's `AS name`.
inline constexpr uint32_t kReadonly = 1u << 1;     // A predefined ARG (TARGETPLATFORM, HTTP_PROXY...).
inline constexpr uint32_t kDeprecated = 1u << 2;   // MAINTAINER.

inline constexpr std::array<std::string_view, 3> kTokenModifierNames = {"declaration", "readonly",
                                                                       "deprecated"};

struct SemanticToken {
  ByteRange range;
  TokenType type = TokenType::Keyword;
  uint32_t modifiers = 0;
  friend bool operator==(const SemanticToken&, const SemanticToken&) = default;
};

// The tokens of the document, or of those that touch range when one is given.
std::vector<SemanticToken> semantic_tokens(const Document& doc,
                                           std::optional<ByteRange> range = std::nullopt);

}  // namespace dfls
