// The one place where core types (byte offsets, ByteRange, Diag) become LSP types and back.
// Positions go through the document's LineIndex in the negotiated encoding.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/line_index.h"
#include "features/semantic_tokens.h"
#include "lsp/protocol.h"
#include "rules/rule.h"

namespace dfls::lsp {

inline constexpr std::string_view kDiagnosticSource = "dockerfile-ls";

// "utf-8", "utf-16" or "utf-32", as LSP spells them.
std::string_view encoding_name(Encoding encoding);

Position to_lsp(dfls::Position p);
dfls::Position from_lsp(const Position& p);

Position to_position(const LineIndex& lines, size_t offset, Encoding encoding);
Range to_range(const LineIndex& lines, ByteRange range, Encoding encoding);
// Clamped as LSP says (see LineIndex::offset).
size_t to_offset(const LineIndex& lines, const Position& position, Encoding encoding);
// A reversed range (end before start) is read with its ends swapped.
ByteRange to_byte_range(const LineIndex& lines, const Range& range, Encoding encoding);

// LSP's relative encoding of semantic tokens, five integers per token: the line delta, the start
// (relative to the previous token's start when both are on one line), the length, the type and
// the modifier bits. Tokens must be sorted and single-line, as semantic_tokens returns them.
std::vector<uint32_t> encode_semantic_tokens(const LineIndex& lines, const std::vector<SemanticToken>& tokens,
                                             Encoding encoding);
// The legend the encoding refers to: {"tokenTypes": [...], "tokenModifiers": [...]}.
json semantic_tokens_legend();

// The documentation page of a rule, linked from each diagnostic.
std::string rule_doc_url(std::string_view rule_id);

Diagnostic to_diagnostic(const Diag& diag, const Document& doc, Encoding encoding);

// At most this many findings go to the client: beyond it (a generated file, a paste of thousands
// of lines) editors slow down and nobody reads them.
constexpr size_t kMaxDiagnostics = 1000;
// The findings in LSP form, sorted by position. Past kMaxDiagnostics, the most severe are kept
// (then the first ones in the file) and an information diagnostic on the first line says how
// many are left out.
std::vector<Diagnostic> to_diagnostics(const std::vector<Diag>& diags, const Document& doc,
                                       Encoding encoding);

}  // namespace dfls::lsp
