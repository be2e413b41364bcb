#include "lsp/convert.h"

#include <algorithm>
#include <tuple>

namespace dfls::lsp {

std::string_view encoding_name(Encoding encoding) {
  switch (encoding) {
    case Encoding::Utf8: return "utf-8";
    case Encoding::Utf16: return "utf-16";
    case Encoding::Utf32: return "utf-32";
  }
  return "utf-16";
}

Position to_lsp(dfls::Position p) { return {p.line, p.character}; }

dfls::Position from_lsp(const Position& p) { return {p.line, p.character}; }

Position to_position(const LineIndex& lines, size_t offset, Encoding encoding) {
  return to_lsp(lines.position(offset, encoding));
}

Range to_range(const LineIndex& lines, ByteRange range, Encoding encoding) {
  return {to_position(lines, range.start, encoding),
          to_position(lines, std::max(range.start, range.end), encoding)};
}

size_t to_offset(const LineIndex& lines, const Position& position, Encoding encoding) {
  return lines.offset(from_lsp(position), encoding);
}

ByteRange to_byte_range(const LineIndex& lines, const Range& range, Encoding encoding) {
  size_t a = to_offset(lines, range.start, encoding);
  size_t b = to_offset(lines, range.end, encoding);
  return {std::min(a, b), std::max(a, b)};
}

std::vector<uint32_t> encode_semantic_tokens(const LineIndex& lines, const std::vector<SemanticToken>& tokens,
                                             Encoding encoding) {
  std::vector<uint32_t> data;
  data.reserve(tokens.size() * 5);
  Position previous;
  for (const SemanticToken& t : tokens) {
    Position start = to_position(lines, t.range.start, encoding);
    Position end = to_position(lines, t.range.end, encoding);
    uint32_t line_delta = start.line - previous.line;
    data.push_back(line_delta);
    data.push_back(line_delta == 0 ? start.character - previous.character : start.character);
    data.push_back(end.character - start.character);
    data.push_back(static_cast<uint32_t>(t.type));
    data.push_back(t.modifiers);
    previous = start;
  }
  return data;
}

json semantic_tokens_legend() {
  json types = json::array(), modifiers = json::array();
  for (std::string_view name : kTokenTypeNames) types.push_back(name);
  for (std::string_view name : kTokenModifierNames) modifiers.push_back(name);
  return {{"tokenTypes", std::move(types)}, {"tokenModifiers", std::move(modifiers)}};
}

std::string rule_doc_url(std::string_view rule_id) {
  return "https://github.com/dockerfile-ls/dockerfile-ls/blob/main/docs/rules/" +
         std::string(rule_id) + ".md";
}

Diagnostic to_diagnostic(const Diag& diag, const Document& doc, Encoding encoding) {
  Diagnostic d;
  d.range = to_range(doc.lines(), diag.range, encoding);
  d.severity = static_cast<int>(diag.severity);
  d.code = diag.rule_id;
  if (!diag.rule_id.empty()) d.codeDescriptionHref = rule_doc_url(diag.rule_id);
  d.source = std::string(kDiagnosticSource);
  d.message = diag.message;
  for (DiagTag tag : diag.tags) d.tags.push_back(static_cast<int>(tag));
  for (const RelatedInfo& r : diag.related)
    d.relatedInformation.push_back({{doc.uri(), to_range(doc.lines(), r.range, encoding)}, r.message});
  return d;
}

std::vector<Diagnostic> to_diagnostics(const std::vector<Diag>& diags, const Document& doc,
                                       Encoding encoding) {
  std::vector<const Diag*> shown;
  shown.reserve(diags.size());
  for (const Diag& d : diags) shown.push_back(&d);
  size_t left_out = 0;
  if (shown.size() > kMaxDiagnostics) {
    std::stable_sort(shown.begin(), shown.end(), [](const Diag* a, const Diag* b) { return a->severity < b->severity; });
    left_out = shown.size() - kMaxDiagnostics;
    shown.resize(kMaxDiagnostics);
  }
  std::vector<Diagnostic> out;
  out.reserve(shown.size() + 1);
  for (const Diag* d : shown) out.push_back(to_diagnostic(*d, doc, encoding));
  if (left_out > 0) {
    Diagnostic note;
    note.range = to_range(doc.lines(), {0, doc.lines().line_end(0)}, encoding);
    note.severity = static_cast<int>(Severity::Info);
    note.source = std::string(kDiagnosticSource);
    note.message = std::to_string(left_out) + " more findings are not shown: only the first " +
                   std::to_string(kMaxDiagnostics) + ", the most severe first, are (`dockerfile-ls check` lists all)";
    out.push_back(std::move(note));
  }
  // run_rules sorts by byte offset; positions follow the same order, but keep the promise here.
  std::stable_sort(out.begin(), out.end(), [](const Diagnostic& a, const Diagnostic& b) {
    auto key = [](const Diagnostic& d) {
      return std::tie(d.range.start.line, d.range.start.character, d.range.end.line,
                      d.range.end.character);
    };
    return key(a) < key(b);
  });
  return out;
}

}  // namespace dfls::lsp
