#include "features/completion_scope.h"

#include <algorithm>
#include <string_view>
#include <unordered_map>

namespace dfls {

using model::Model;

int instructions_before(const Model& m, size_t offset) {
  auto it = std::lower_bound(m.instructions.begin(), m.instructions.end(), offset,
                             [](const model::Instruction& i, size_t o) { return i.span.start < o; });
  return static_cast<int>(it - m.instructions.begin());
}

int stage_index_at(const Model& m, size_t offset) {
  auto it = std::upper_bound(m.stages.begin(), m.stages.end(), offset,
                             [](size_t o, const model::Stage& s) { return o < s.span.start; });
  return static_cast<int>(it - m.stages.begin()) - 1;
}

std::vector<const model::VarDecl*> variables_in_scope(const Model& m, int at, int stage,
                                                      bool in_from_line) {
  using model::VarDecl;
  using model::VarKind;
  std::vector<const VarDecl*> out;
  std::unordered_map<std::string_view, size_t> where;
  auto add = [&](const VarDecl& d) {
    auto it = where.find(d.name);
    if (it != where.end()) {
      const VarDecl*& existing = out[it->second];
      if (!(existing->kind == VarKind::Env && d.kind != VarKind::Env)) existing = &d;
      return;
    }
    where.emplace(d.name, out.size());
    out.push_back(&d);
  };
  const auto& decls = m.decls;
  size_t p0 = 0;
  while (p0 < decls.size() && decls[p0].kind == VarKind::Predefined) ++p0;
  // Declarations of instructions [lo, hi), found by binary search (they are in file order).
  auto each_in = [&](int lo, int hi, auto&& f) {
    auto b = std::lower_bound(decls.begin() + p0, decls.end(), lo,
                              [](const VarDecl& d, int v) { return d.instruction < v; });
    for (auto it = b; it != decls.end() && it->instruction < hi; ++it) f(*it);
  };
  if (in_from_line || stage < 0) {
    for (size_t i = 0; i < p0; ++i)
      if (model::is_platform_arg(decls[i].name)) add(decls[i]);
    each_in(0, at, [&](const VarDecl& d) {
      if (d.kind == VarKind::GlobalArg) add(d);
    });
    return out;
  }
  for (size_t i = 0; i < p0; ++i)
    if (!model::is_platform_arg(decls[i].name)) add(decls[i]);
  std::vector<int> chain;
  for (int s = stage; s >= 0 && chain.size() <= m.stages.size(); s = m.stages[s].parent) chain.push_back(s);
  for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
    const model::Stage& st = m.stages[*it];
    if (st.instructions.empty()) continue;
    int hi = *it == stage ? at : st.instructions.back() + 1;
    each_in(st.from_instruction, hi, [&](const VarDecl& d) {
      if (d.stage == *it && d.kind != VarKind::GlobalArg) add(d);
    });
  }
  return out;
}

}  // namespace dfls
