#include "features/symbols.h"

#include <cctype>

#include "core/model/model.h"

namespace dfls {

namespace {

using model::Instruction;
using model::Kind;
using model::Model;

std::string one_line(std::string_view text, size_t max = 60) {
  std::string out;
  bool space = false;
  for (char c : text) {
    if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
    if (out.size() >= max) {
      out += "...";
      break;
    }
  }
  return out;
}

OutlineSymbol instruction_symbol(const Document& doc, const Instruction& ins) {
  OutlineSymbol s;
  s.name = std::string(model::kind_keyword(ins.kind));
  if (s.name.empty()) s.name = ins.keyword;
  s.detail = one_line(ins.args_text(doc.text()));
  s.kind = OutlineKind::Instruction;
  s.range = ins.span;
  s.selection_range = ins.keyword_span;
  return s;
}

// ARG and ENV declarations as variables below their instruction.
void add_declarations(const Model& m, int instruction, OutlineSymbol& parent) {
  for (const auto& decl : m.decls)
    if (decl.instruction == instruction) {
      OutlineSymbol v;
      v.name = decl.name;
      v.detail = decl.default_value.value_or("");
      v.kind = OutlineKind::Variable;
      v.range = decl.span;
      v.selection_range = decl.name_span;
      parent.children.push_back(std::move(v));
    }
}

bool fuzzy_match(std::string_view name, std::string_view query) {
  size_t q = 0;
  for (char c : name) {
    if (q < query.size() && std::tolower(static_cast<unsigned char>(c)) ==
                                std::tolower(static_cast<unsigned char>(query[q])))
      ++q;
  }
  return q == query.size();
}

}  // namespace

std::vector<OutlineSymbol> document_symbols(const Document& doc) {
  const Model& m = doc.model();
  std::vector<OutlineSymbol> out;
  for (size_t i = 0; i < m.instructions.size(); ++i) {
    const auto& ins = m.instructions[i];
    if (ins.stage >= 0 || ins.inside_onbuild) continue;
    // Before the first FROM: global ARGs (and stray instructions, which are errors).
    if (ins.kind == Kind::Arg) {
      for (const auto& decl : m.decls)
        if (decl.instruction == static_cast<int>(i)) {
          OutlineSymbol v;
          v.name = decl.name;
          v.detail = decl.default_value ? "global ARG = " + *decl.default_value : "global ARG";
          v.kind = OutlineKind::Variable;
          v.range = ins.span;
          v.selection_range = decl.name_span;
          out.push_back(std::move(v));
        }
    } else {
      out.push_back(instruction_symbol(doc, ins));
    }
  }
  for (const auto& stage : m.stages) {
    OutlineSymbol s;
    s.name = stage.original_name.empty() ? "stage " + std::to_string(stage.index) : stage.original_name;
    s.detail = "FROM " + stage.base_text;
    s.kind = OutlineKind::Stage;
    s.range = stage.span;
    s.selection_range = stage.name_span.empty() ? stage.base_span : stage.name_span;
    for (int idx : stage.instructions) {
      const auto& ins = m.instructions[idx];
      if (ins.inside_onbuild) continue;
      OutlineSymbol child = instruction_symbol(doc, ins);
      add_declarations(m, idx, child);
      s.children.push_back(std::move(child));
    }
    out.push_back(std::move(s));
  }
  return out;
}

std::vector<WorkspaceSymbol> workspace_symbols(const std::vector<const Document*>& docs,
                                               std::string_view query) {
  std::vector<WorkspaceSymbol> out;
  for (const Document* doc : docs) {
    for (auto& top : document_symbols(*doc)) {
      std::string container = top.kind == OutlineKind::Stage ? top.name : "";
      for (auto& child : top.children)
        for (auto& grandchild : child.children)
          if (grandchild.kind == OutlineKind::Variable && fuzzy_match(grandchild.name, query)) {
            grandchild.children.clear();
            out.push_back({doc->uri(), grandchild, container});
          }
      if ((top.kind == OutlineKind::Stage || top.kind == OutlineKind::Variable) &&
          fuzzy_match(top.name, query)) {
        top.children.clear();
        out.push_back({doc->uri(), std::move(top), ""});
      }
    }
  }
  return out;
}

}  // namespace dfls
