// UndefinedVar (BuildKit): a variable used where the builder expands it (COPY, ADD, ENV, LABEL,
// WORKDIR, USER, EXPOSE, VOLUME, STOPSIGNAL, ARG defaults, RUN --mount options) is not defined in
// the stage: no ARG or ENV before it in this stage or the stages it is built FROM. RUN, CMD and
// ENTRYPOINT command text is expanded by the shell at run time and is not checked.
//
// BuildKit also knows the base image's ENV; offline we only know a few variables every image
// has (PATH, HOME, ...) and those the official images of common languages set (NODE_VERSION,
// JAVA_HOME, ...): see the table in rule_helpers.cpp. `${NAME:?}` is VariableExpansionError's.
//
// Two deliberate differences from BuildKit: a name is reported once per instruction, and uses
// that expect the variable may be unset (`${NAME:-default}`, `${NAME:+alt}` and a `$NAME` inside
// `${NAME:+...}`, as in `${LD_LIBRARY_PATH:+$LD_LIBRARY_PATH:}/opt/lib`) are not reported.
#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "core/model/model.h"
#include "core/text_distance.h"
#include "rules/rule.h"
#include "rules/rule_helpers.h"

namespace dfls {

namespace {

bool is_name_start(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }

// Whether offset lies in a value the builder does not expand (COPY --from, mount from=).
bool in_unexpanded_value(const model::Instruction& ins, size_t offset) {
  for (const model::Flag& f : ins.flags) {
    if (rules::iequals(f.name, "from") && f.value_span.contains(offset) && !f.value_span.empty()) return true;
    for (const model::MountOption& o : f.mount_options)
      if (o.key == "from" && o.value_span.contains(offset) && !o.value_span.empty()) return true;
  }
  return false;
}

// Whether ref sits inside `${NAME+...}` or `${NAME:+...}` of the same name.
bool guarded_inside(const model::Model& m, const model::VarRef& ref) {
  // References are in instruction order: look only at this instruction's.
  auto lo = std::lower_bound(m.refs.begin(), m.refs.end(), ref.instruction,
                             [](const model::VarRef& r, int i) { return r.instruction < i; });
  for (auto it = lo; it != m.refs.end() && it->instruction == ref.instruction; ++it) {
    const model::VarRef& other = *it;
    if (&other == &ref || other.name != ref.name) continue;
    if ((other.op == "+" || other.op == ":+") && other.span.start < ref.span.start && ref.span.end <= other.span.end)
      return true;
  }
  return false;
}

// Names a reference in `stage` at `instruction` could have meant: the stage's declarations before
// it, those of the stages it is built FROM, and what the base image defines.
class Candidates {
 public:
  explicit Candidates(const model::Model& m) : m_(m) {}
  std::vector<std::string> at(int stage, int instruction) {
    auto [it, inserted] = by_stage_.try_emplace(stage);
    if (inserted) {
      int guard = 0;
      for (int s = stage; s >= 0 && guard++ <= static_cast<int>(m_.stages.size()); s = m_.stages[s].parent) {
        for (int i : m_.stages[s].instructions)
          for (const model::KeyValue& kv : m_.instructions[i].pairs)
            if ((m_.instructions[i].kind == model::Kind::Arg || m_.instructions[i].kind == model::Kind::Env) &&
                !kv.key.empty())
              it->second.emplace_back(s == stage ? i : -1, kv.key);
        if (m_.stages[s].parent == s) break;
      }
      for (std::string& n : rules::base_image_env_names(m_, stage)) it->second.emplace_back(-1, std::move(n));
    }
    std::vector<std::string> out;
    for (const auto& [i, name] : it->second)
      if (i < instruction) out.push_back(name);
    return out;
  }

 private:
  const model::Model& m_;
  std::map<int, std::vector<std::pair<int, std::string>>> by_stage_;
};

void check_undefined_var(RuleContext& ctx) {
  const model::Model& m = ctx.doc.model();
  std::set<std::pair<int, std::string>> fixed;  // (stage, name) that already got an ARG fix.
  std::set<std::pair<int, std::string>> reported;  // (instruction, name): one finding each, as BuildKit.
  rules::SyntaxErrors errors(ctx.doc);
  std::map<std::string_view, std::vector<const model::VarDecl*>> by_name;
  for (const model::VarDecl& d : m.decls) by_name[d.name].push_back(&d);
  Candidates candidates(m);
  for (const model::VarRef& ref : m.refs) {
    if (!ref.builder_expanded || ref.in_from || ref.stage < 0 || ref.decl >= 0 || ref.instruction < 0) continue;
    if (ref.name.empty() || !is_name_start(ref.name[0])) continue;
    if (ref.op == "?" || ref.op == ":?") continue;
    // `${NAME:-default}` and `${NAME:+alt}` say the variable may be unset; a `$NAME` inside
    // `${NAME:+...}` expands only when it is set. (BuildKit reports these too; they are noise.)
    if (!ref.op.empty() && (ref.op.back() == '-' || ref.op.back() == '+')) continue;
    if (guarded_inside(m, ref)) continue;
    if (!reported.emplace(ref.instruction, ref.name).second) continue;
    const model::Instruction& ins = m.instructions[ref.instruction];
    if (ins.inside_onbuild || in_unexpanded_value(ins, ref.span.start)) continue;
    if (rules::base_image_defines(m, ref.stage, ref.name) || errors.on_lines(ref.span)) continue;

    // Why it is undefined, when we can tell.
    const model::VarDecl* global = nullptr;
    const model::VarDecl* later = nullptr;
    if (auto it = by_name.find(ref.name); it != by_name.end())
      for (const model::VarDecl* d : it->second) {
        if (d->kind == model::VarKind::GlobalArg && !global) global = d;
        if (d->stage == ref.stage && d->instruction > ref.instruction && !later) later = d;
      }
    bool platform = model::is_platform_arg(ref.name);
    std::string msg = "variable '" + ref.name + "' is not defined here";
    std::optional<std::string> suggestion;
    if (later) {
      msg += " (it is declared later, on line " + std::to_string(rules::line_number(ctx.doc, later->name_span.start)) + ")";
    } else if (platform) {
      msg += " (platform arguments must be declared in the stage with ARG " + ref.name + ")";
    } else if (global) {
      msg += " (the global ARG " + ref.name + " must be redeclared in the stage with ARG " + ref.name + ")";
    } else if (ref.name.size() > 2) {  // One- and two-letter names are too short for a meaningful suggestion.
      suggestion = closest_match(ref.name, candidates.at(ref.stage, ref.instruction));
      msg += rules::did_you_mean(suggestion);
    }
    Diag& d = ctx.report(ref.name_span, msg);
    if (suggestion)
      d.fixes.push_back(Fix{.title = "Change to " + *suggestion, .edits = {{ref.name_span, *suggestion}},
                            .safe = false, .preferred = true});
    if ((platform || global) && !later && fixed.emplace(ref.stage, ref.name).second) {
      const model::Stage& st = m.stages[ref.stage];
      const model::Instruction& from = m.instructions[st.from_instruction];
      rules::InstructionLine fl = rules::read_instruction_line(ctx.doc, from);
      size_t at = fl.line.offsets.back();
      std::string kw = rules::is_all_lower(from.keyword) && !from.keyword.empty() ? "arg" : "ARG";
      d.fixes.push_back(Fix{.title = "Declare ARG " + ref.name + " in this stage",
                            .edits = {{{at, at}, "\n" + kw + " " + ref.name}},
                            .preferred = true});
    }
  }
}

}  // namespace

extern const Rule kRuleUndefinedVar = {
    .id = "UndefinedVar",
    .default_severity = Severity::Warning,
    .summary = "A variable is used but not defined in the stage",
    .check = check_undefined_var,
    .buildkit_name = "UndefinedVar",
};

}  // namespace dfls
