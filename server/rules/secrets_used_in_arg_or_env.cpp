// SecretsUsedInArgOrEnv (BuildKit): an ARG or ENV whose name says it holds a secret: a token
// apikey, auth, credential(s), key, password, pword, passwd, secret or token between underscores
// or at the ends of the name, unless public, file or version appears too (BuildKit's rule), and
// well-known names it misses (GH_PAT, PGPASSWORD, ...). Build arguments are recorded in the
// image history and ENV values in the image configuration: anyone who can pull the image can
// read them (`docker history`, `docker inspect`). A global ARG (before the first FROM) is not
// checked, as in BuildKit: it only feeds FROM lines, and a stage that wants its value declares it
// again, which is reported there.
//
// The fix removes the declaration and adds `--mount=type=secret,id=<id>,env=<NAME>` to every RUN
// that uses the variable (for ENV also in the stages built on this one), so the value is there
// while the step runs and nowhere else. The build then passes it with
// `docker build --secret id=<id>,env=<NAME>` (from the builder's environment). Not offered when
// an instruction other than RUN expands the variable; never applied automatically.
#include "core/model/model.h"
#include "rules/quality_helpers.h"
#include "rules/rule.h"
#include "rules/rule_helpers.h"

namespace dfls {

namespace {

// The edit removing one pair of an ARG/ENV instruction, or the whole instruction.
TextEdit remove_pair(const Document& doc, const model::Instruction& ins, size_t pair) {
  if (ins.pairs.size() == 1) return {quality::instruction_block(doc, ins), ""};
  if (pair + 1 < ins.pairs.size()) return {{ins.pairs[pair].span.start, ins.pairs[pair + 1].span.start}, ""};
  return {{ins.pairs[pair - 1].span.end, ins.pairs[pair].span.end}, ""};
}

std::optional<Fix> secret_fix(const Document& doc, const model::Instruction& ins, size_t pair, int decl) {
  const model::Model& m = doc.model();
  const std::string& name = ins.pairs[pair].key;
  // Expansions by the builder (COPY, ENV, WORKDIR, ...) would lose the value.
  for (const model::VarRef& ref : m.refs)
    if (ref.decl == decl && m.instructions[ref.instruction].kind != model::Kind::Run) return std::nullopt;
  std::string id = rules::to_lower(name);
  std::string mount = "--mount=type=secret,id=" + id + ",env=" + name + " ";
  Fix fix{.title = "Pass " + name + " as a build secret: docker build --secret id=" + id + ",env=" + name,
          .safe = false};
  fix.edits.push_back(remove_pair(doc, ins, pair));
  int index = static_cast<int>(&ins - m.instructions.data());
  size_t uses = 0;
  for (size_t i = static_cast<size_t>(index) + 1; i < m.instructions.size(); ++i) {
    const model::Instruction& run = m.instructions[i];
    if (run.kind != model::Kind::Run || run.inside_onbuild || run.stage < 0) continue;
    if (!quality::uses_variable(quality::run_script(doc, run), name)) continue;
    // The declaration must be the one in effect there.
    bool visible = false;
    for (const model::VarDecl* d : m.visible_in(static_cast<int>(i), run.stage, false))
      if (d->name == name) visible = d == &m.decls[static_cast<size_t>(decl)];
    if (!visible) continue;
    bool mounted = false;
    for (const model::Flag* f : run.flags_named("mount"))
      if (const model::MountOption* env = f->option({"env"}); env && env->value == name) mounted = true;
    if (mounted) continue;
    fix.edits.push_back({{run.args_span.start, run.args_span.start}, mount});
    ++uses;
  }
  if (uses == 0) fix.title = "Remove " + std::string(model::kind_keyword(ins.kind)) + " " + name;
  else if (auto directive = quality::syntax_directive_edit(doc)) fix.edits.push_back(*directive);
  return fix;
}

void check_secrets_used_in_arg_or_env(RuleContext& ctx) {
  const model::Model& m = ctx.doc.model();
  for (size_t i = 0; i < m.instructions.size(); ++i) {
    const model::Instruction& ins = m.instructions[i];
    if ((ins.kind != model::Kind::Arg && ins.kind != model::Kind::Env) || ins.inside_onbuild) continue;
    // A global ARG only feeds FROM lines, and BuildKit checks stage ARGs only (dispatchArg).
    if (ins.kind == model::Kind::Arg && ins.stage < 0) continue;
    for (size_t p = 0; p < ins.pairs.size(); ++p) {
      const model::KeyValue& kv = ins.pairs[p];
      if (kv.key.empty() || !quality::secret_like_name(kv.key)) continue;
      std::string keyword(model::kind_keyword(ins.kind));
      std::string where = ins.kind == model::Kind::Arg ? "build arguments are kept in the image history"
                                                       : "ENV values are kept in the image configuration";
      Diag& d = ctx.report(kv.key_span, keyword + " " + kv.key + " looks like a secret, and " + where +
                                            ": use a secret mount");
      int decl = -1;
      for (size_t k = 0; k < m.decls.size(); ++k)
        if (m.decls[k].instruction == static_cast<int>(i) && m.decls[k].name_span == kv.key_span)
          decl = static_cast<int>(k);
      if (decl < 0) continue;
      if (auto fix = secret_fix(ctx.doc, ins, p, decl)) d.fixes.push_back(std::move(*fix));
    }
  }
}

}  // namespace

extern const Rule kRuleSecretsUsedInArgOrEnv = {
    .id = "SecretsUsedInArgOrEnv",
    .default_severity = Severity::Warning,
    .summary = "A secret passed in an ARG or ENV",
    .hadolint_code = "DL3064",
    .check = check_secrets_used_in_arg_or_env,
    .buildkit_name = "SecretsUsedInArgOrEnv",
};

}  // namespace dfls
