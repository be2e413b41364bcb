// UnusedStage: a stage that the target stage (the last one, or the configured target) neither is
// built FROM nor copies or mounts from, directly or through other stages. A plain build skips it.
// It may be a target of its own (`docker build --target`); then the hint can be ignored or the
// target configured. A FROM image whose value is not known (`FROM binaries-$TARGETOS`, `FROM
// $BASE`) counts as using every earlier stage whose name its pattern matches.
#include <algorithm>
#include <cctype>

#include "core/config.h"
#include "core/model/model.h"
#include "rules/rule.h"
#include "rules/rule_helpers.h"

namespace dfls {

namespace {

// A FROM image written with variables as a glob: `binaries-$TARGETOS` gives "binaries-*".
std::string variable_glob(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '$') {
      out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(text[i]))));
      continue;
    }
    if (i + 1 < text.size() && text[i + 1] == '{') {
      int depth = 0;
      for (++i; i < text.size(); ++i) {
        if (text[i] == '{') ++depth;
        else if (text[i] == '}' && --depth == 0) break;
      }
    } else {
      while (i + 1 < text.size() && (std::isalnum(static_cast<unsigned char>(text[i + 1])) || text[i + 1] == '_')) ++i;
    }
    if (out.empty() || out.back() != '*') out.push_back('*');
  }
  return out;
}

bool glob_match(std::string_view pattern, std::string_view s) {
  size_t p = 0, i = 0, star = std::string_view::npos, mark = 0;
  while (i < s.size()) {
    if (p < pattern.size() && pattern[p] == s[i] && pattern[p] != '*') {
      ++p;
      ++i;
    } else if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      mark = i;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      i = ++mark;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

void check_unused_stage(RuleContext& ctx) {
  const model::Model& m = ctx.doc.model();
  if (m.stages.size() < 2) return;
  int target = static_cast<int>(m.stages.size()) - 1;
  if (ctx.config.target)
    if (const model::Stage* named = m.stage_named(*ctx.config.target)) target = named->index;
  // Which stages each stage needs.
  std::vector<std::vector<int>> needs(m.stages.size());
  for (const model::Stage& st : m.stages) {
    if (st.parent >= 0) needs[st.index].push_back(st.parent);
    // `FROM binaries-$TARGETOS` may be any earlier stage its pattern matches.
    // Known global ARG defaults are already substituted in base_resolved; what is left is unknown.
    const std::string& base = st.base_resolved.empty() ? st.base_text : st.base_resolved;
    if (st.parent < 0 && base.find('$') != std::string::npos) {
      std::string glob = variable_glob(base);
      for (const model::Stage& other : m.stages)
        if (other.index < st.index && !other.name.empty() && glob_match(glob, other.name)) needs[st.index].push_back(other.index);
    }
  }
  for (const model::StageRef& ref : m.stage_refs)
    if (ref.stage >= 0 && ref.target >= 0 && ref.target != ref.stage) needs[ref.stage].push_back(ref.target);
  std::vector<bool> used(m.stages.size(), false);
  std::vector<int> todo{target};
  while (!todo.empty()) {
    int s = todo.back();
    todo.pop_back();
    if (used[s]) continue;
    used[s] = true;
    for (int n : needs[s]) todo.push_back(n);
  }
  const model::Stage& t = m.stages[target];
  std::string target_name = t.name.empty() ? "the last stage" : "'" + t.original_name + "'";
  for (const model::Stage& st : m.stages) {
    if (used[st.index] || st.index == static_cast<int>(m.stages.size()) - 1) continue;
    const model::Instruction& from = m.instructions[st.from_instruction];
    ByteRange range = st.name_span.empty() ? ByteRange{from.keyword_span.start, std::max(from.keyword_span.end, st.base_span.end)}
                                           : st.name_span;
    std::string what = st.name.empty() ? "this stage" : "stage '" + st.original_name + "'";
    Diag& d = ctx.report(range, what + " is not used to build " + target_name);
    d.tags.push_back(DiagTag::Unnecessary);
  }
}

}  // namespace

extern const Rule kRuleUnusedStage = {
    .id = "UnusedStage",
    .default_severity = Severity::Hint,
    .summary = "A stage the target stage does not use",
    .check = check_unused_stage,
};

}  // namespace dfls
