// Navigation over one document: what symbol is under the cursor, where it is defined, where it
// is used, highlights with read/write kinds, and rename. Symbols are stages (their name in
// `FROM ... AS name` and every FROM <stage>, COPY --from and RUN --mount from= that resolves to
// it), variables (ARG/ENV declarations and references, grouped by name: a build argument is one
// name for the whole build) and heredocs (marker delimiter and terminator).
#pragma once

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/document.h"
#include "core/range.h"

namespace dfls {

enum class SymbolKind { Stage, Variable, Heredoc };

struct SymbolTarget {
  SymbolKind kind = SymbolKind::Stage;
  int index = -1;       // Stage index, or instruction index for a heredoc; -1 for a variable.
  int heredoc = -1;     // Heredoc index within the instruction.
  std::string name;     // Stage name (lowercase), variable name or delimiter.
  ByteRange range;      // The occurrence under the cursor.
};

struct Occurrence {
  ByteRange range;
  bool write = false;  // A declaration or definition.
  friend bool operator==(const Occurrence&, const Occurrence&) = default;
};

std::optional<SymbolTarget> symbol_at(const Document& doc, size_t offset);
// Every occurrence of a symbol, in document order.
std::vector<Occurrence> occurrences(const Document& doc, const SymbolTarget& target);

// The definition in effect at offset: for a variable the declaration that applies there (the
// global ARG in FROM lines), for a stage reference its FROM ... AS name, for a heredoc terminator
// its marker.
std::vector<ByteRange> find_definition(const Document& doc, size_t offset);
std::vector<ByteRange> find_references(const Document& doc, size_t offset, bool include_declaration);
std::vector<Occurrence> document_highlights(const Document& doc, size_t offset);

struct RenameError {
  std::string message;
};
struct RenamePlaceholder {
  ByteRange range;
  std::string text;
};
std::variant<RenamePlaceholder, RenameError> prepare_rename(const Document& doc, size_t offset);
// The edits that rename the symbol at offset, or why not (an invalid or colliding name).
std::variant<std::vector<TextEdit>, RenameError> rename(const Document& doc, size_t offset,
                                                         std::string_view new_name);

}  // namespace dfls
