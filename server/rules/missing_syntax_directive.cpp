// MissingSyntaxDirective: the file uses a feature that only a recent Dockerfile frontend knows
// (heredocs, a secret mount's `env=`, COPY --parents or --exclude, ADD --checksum, --unpack or
// --exclude) and has no `# syntax=docker/dockerfile:1` line. Without it the build uses the
// frontend built into the Docker engine, which may be older than the feature: the build then
// fails, or worse, reads the line differently. The directive makes BuildKit fetch the current
// stable 1.x frontend. Reported once, at the first such feature.
#include "core/model/model.h"
#include "rules/quality_helpers.h"
#include "rules/rule.h"
#include "rules/rule_helpers.h"

namespace dfls {

namespace {

struct Feature {
  ByteRange range;
  std::string what;
};

std::optional<Feature> first_feature(const model::Model& m) {
  for (const model::Instruction& ins : m.instructions) {
    if (!ins.heredocs.empty() && !ins.json_form &&
        (ins.kind == model::Kind::Run || ins.kind == model::Kind::Copy || ins.kind == model::Kind::Add))
      return Feature{ins.heredocs.front().marker_span, "a heredoc"};
    for (const model::Flag& f : ins.flags) {
      std::string name = f.name;
      if (ins.kind == model::Kind::Run && name == "mount") {
        const model::MountOption* type = f.option({"type"});
        const model::MountOption* env = f.option({"env"});
        if (type && type->value && rules::to_lower(*type->value) == "secret" && env) return Feature{env->span, "a secret mount with env="};
      }
      if (ins.kind == model::Kind::Copy && (name == "parents" || name == "exclude"))
        return Feature{f.span, "COPY --" + name};
      if (ins.kind == model::Kind::Add && (name == "checksum" || name == "unpack" || name == "exclude"))
        return Feature{f.span, "ADD --" + name};
    }
  }
  return std::nullopt;
}

void check_missing_syntax_directive(RuleContext& ctx) {
  const model::Model& m = ctx.doc.model();
  if (m.directive("syntax")) return;
  std::optional<Feature> feature = first_feature(m);
  if (!feature) return;
  Diag& d = ctx.report(feature->range, feature->what +
                                           " needs a recent Dockerfile frontend, and the file has no "
                                           "`# syntax=docker/dockerfile:1` line to ask for one");
  if (auto edit = quality::syntax_directive_edit(ctx.doc))
    d.fixes.push_back(Fix{.title = "Add # syntax=docker/dockerfile:1", .edits = {*edit}, .safe = true, .preferred = true});
}

}  // namespace

extern const Rule kRuleMissingSyntaxDirective = {
    .id = "MissingSyntaxDirective",
    .default_severity = Severity::Info,
    .summary = "A recent Dockerfile feature without # syntax=docker/dockerfile:1",
    .check = check_missing_syntax_directive,
};

}  // namespace dfls
