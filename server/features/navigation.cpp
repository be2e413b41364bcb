#include "features/navigation.h"

#include <algorithm>
#include <cctype>

#include "core/model/model.h"

namespace dfls {

namespace {

using model::Model;

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool valid_stage_name(std::string_view name) {
  // BuildKit lowercases the name, then requires ^[a-z][a-z0-9-_.]*$.
  if (name.empty() || !std::isalpha(static_cast<unsigned char>(name[0]))) return false;
  for (char c : name)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_' && c != '.') return false;
  return true;
}

bool valid_variable_name(std::string_view name) {
  if (name.empty() || std::isdigit(static_cast<unsigned char>(name[0]))) return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
  });
}

}  // namespace

std::optional<SymbolTarget> symbol_at(const Document& doc, size_t offset) {
  const Model& m = doc.model();
  for (const auto& stage : m.stages)
    if (!stage.name_span.empty() && stage.name_span.contains(offset))
      return SymbolTarget{SymbolKind::Stage, stage.index, -1, stage.name, stage.name_span};
  for (const auto& ref : m.stage_refs)
    if (ref.target >= 0 && ref.span.contains(offset))
      return SymbolTarget{SymbolKind::Stage, ref.target, -1, m.stages[ref.target].name, ref.span};
  for (const auto& decl : m.decls)
    if (decl.instruction >= 0 && decl.name_span.contains(offset))
      return SymbolTarget{SymbolKind::Variable, -1, -1, decl.name, decl.name_span};
  for (const auto& ref : m.refs)
    if (ref.name_span.contains(offset))
      return SymbolTarget{SymbolKind::Variable, -1, -1, ref.name, ref.name_span};
  for (size_t i = 0; i < m.instructions.size(); ++i) {
    const auto& ins = m.instructions[i];
    if (!ins.span.contains(offset)) continue;
    for (size_t h = 0; h < ins.heredocs.size(); ++h) {
      const auto& hd = ins.heredocs[h];
      if (hd.marker_span.contains(offset) || (!hd.end_span.empty() && hd.end_span.contains(offset)))
        return SymbolTarget{SymbolKind::Heredoc, static_cast<int>(i), static_cast<int>(h),
                            hd.delimiter, hd.marker_span.contains(offset) ? hd.marker_span : hd.end_span};
    }
  }
  return std::nullopt;
}

std::vector<Occurrence> occurrences(const Document& doc, const SymbolTarget& target) {
  const Model& m = doc.model();
  std::vector<Occurrence> out;
  switch (target.kind) {
    case SymbolKind::Stage: {
      const auto& stage = m.stages[target.index];
      if (!stage.name_span.empty()) out.push_back({stage.name_span, true});
      for (const auto& ref : m.stage_refs)
        if (ref.target == target.index) out.push_back({ref.span, false});
      break;
    }
    case SymbolKind::Variable:
      for (const auto& decl : m.decls)
        if (decl.instruction >= 0 && decl.name == target.name) out.push_back({decl.name_span, true});
      for (const auto& ref : m.refs)
        if (ref.name == target.name) out.push_back({ref.name_span, false});
      break;
    case SymbolKind::Heredoc: {
      const auto& hd = m.instructions[target.index].heredocs[target.heredoc];
      out.push_back({hd.marker_span, true});
      if (!hd.end_span.empty()) out.push_back({hd.end_span, false});
      break;
    }
  }
  std::sort(out.begin(), out.end(),
            [](const Occurrence& a, const Occurrence& b) { return a.range < b.range; });
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::vector<ByteRange> find_definition(const Document& doc, size_t offset) {
  const Model& m = doc.model();
  for (const auto& ref : m.refs)
    if (ref.name_span.contains(offset)) {
      if (ref.decl >= 0 && m.decls[ref.decl].instruction >= 0) return {m.decls[ref.decl].name_span};
      return {};
    }
  for (const auto& ref : m.stage_refs)
    if (ref.span.contains(offset)) {
      if (ref.target >= 0 && !m.stages[ref.target].name_span.empty())
        return {m.stages[ref.target].name_span};
      return {};
    }
  auto target = symbol_at(doc, offset);
  if (!target) return {};
  if (target->kind == SymbolKind::Heredoc)
    return {m.instructions[target->index].heredocs[target->heredoc].marker_span};
  return {target->range};
}

std::vector<ByteRange> find_references(const Document& doc, size_t offset, bool include_declaration) {
  std::vector<ByteRange> out;
  auto target = symbol_at(doc, offset);
  if (!target) return out;
  for (const auto& occ : occurrences(doc, *target))
    if (include_declaration || !occ.write) out.push_back(occ.range);
  return out;
}

std::vector<Occurrence> document_highlights(const Document& doc, size_t offset) {
  auto target = symbol_at(doc, offset);
  return target ? occurrences(doc, *target) : std::vector<Occurrence>{};
}

std::variant<RenamePlaceholder, RenameError> prepare_rename(const Document& doc, size_t offset) {
  auto target = symbol_at(doc, offset);
  if (!target) return RenameError{"nothing to rename here: place the cursor on a stage name, a variable or a heredoc delimiter"};
  if (target->kind == SymbolKind::Stage && doc.model().stages[target->index].name_span.empty())
    return RenameError{"this stage has no name to rename"};
  std::string text(doc.text().substr(target->range.start, target->range.size()));
  return RenamePlaceholder{target->range, text};
}

// Why new_name cannot replace the symbol, if it cannot.
static std::optional<RenameError> invalid_new_name(const Model& m, const SymbolTarget& target,
                                                   const std::string& name) {
  switch (target.kind) {
    case SymbolKind::Stage: {
      if (!valid_stage_name(name))
        return RenameError{"'" + name + "' is not a valid stage name: it must start with a letter and contain only letters, digits, '-', '_' and '.'"};
      std::string lowered = lower(name);
      if (lowered == "scratch" || lowered == "context")
        return RenameError{"'" + name + "' is reserved and cannot name a stage"};
      for (const auto& stage : m.stages)
        if (stage.index != target.index && stage.name == lowered)
          return RenameError{"a stage named '" + stage.original_name + "' already exists"};
      return std::nullopt;
    }
    case SymbolKind::Variable:
      if (!valid_variable_name(name))
        return RenameError{"'" + name + "' is not a valid variable name: use letters, digits and '_', not starting with a digit"};
      if (name != target.name)
        for (const auto& decl : m.decls)
          if (decl.instruction >= 0 && decl.name == name)
            return RenameError{"a variable named '" + name + "' is already declared"};
      return std::nullopt;
    case SymbolKind::Heredoc:
      if (!valid_variable_name(name)) return RenameError{"'" + name + "' is not a valid heredoc delimiter"};
      return std::nullopt;
  }
  return std::nullopt;
}

// The edits that put name in place of every occurrence of target.
static std::vector<TextEdit> rename_edits(const Document& doc, const SymbolTarget& target,
                                          const std::string& name) {
  std::vector<TextEdit> edits;
  for (const auto& occ : occurrences(doc, target)) {
    std::string_view old_text = std::string_view(doc.text()).substr(occ.range.start, occ.range.size());
    // COPY --from=<index> keeps pointing at the stage by number.
    bool numeric = !old_text.empty() && std::all_of(old_text.begin(), old_text.end(),
                                                    [](char c) { return c >= '0' && c <= '9'; });
    if (target.kind == SymbolKind::Stage && numeric) continue;
    if (target.kind == SymbolKind::Heredoc) {
      // The marker covers "<<-'EOF'"; only the delimiter word inside changes.
      size_t at = old_text.rfind(target.name);
      if (at == std::string_view::npos) continue;
      TextEdit& edit = edits.emplace_back();
      edit.range = {occ.range.start + at, occ.range.start + at + target.name.size()};
      edit.new_text = name;
    } else {
      TextEdit& edit = edits.emplace_back();
      edit.range = occ.range;
      edit.new_text = name;
    }
  }
  return edits;
}

std::variant<std::vector<TextEdit>, RenameError> rename(const Document& doc, size_t offset,
                                                         std::string_view new_name) {
  std::optional<SymbolTarget> found = symbol_at(doc, offset);
  if (!found || (found->kind == SymbolKind::Stage && doc.model().stages[found->index].name_span.empty()))
    return std::get<RenameError>(prepare_rename(doc, offset));
  std::string name(new_name);
  if (auto error = invalid_new_name(doc.model(), *found, name)) return *error;
  return rename_edits(doc, *found, name);
}

}  // namespace dfls
