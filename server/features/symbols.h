// The document outline: global ARGs, then each stage (name, base image, range) with its
// instructions as children; and the workspace symbol search over open documents.
#pragma once

#include <string>
#include <vector>

#include "core/document.h"
#include "core/range.h"

namespace dfls {

enum class OutlineKind { Stage, Variable, Instruction, Directive };

struct OutlineSymbol {
  std::string name;
  std::string detail;
  OutlineKind kind = OutlineKind::Instruction;
  ByteRange range;            // The whole construct.
  ByteRange selection_range;  // The name.
  std::vector<OutlineSymbol> children;
};

std::vector<OutlineSymbol> document_symbols(const Document& doc);

struct WorkspaceSymbol {
  std::string uri;
  OutlineSymbol symbol;  // Without children.
  std::string container;  // The stage it belongs to, if any.
};

// Symbols of the documents whose name contains every character of query in order
// (case-insensitive fuzzy match, as editors expect), stages and variables only.
std::vector<WorkspaceSymbol> workspace_symbols(const std::vector<const Document*>& docs,
                                               std::string_view query);

}  // namespace dfls
