// UnknownFlag: a `--flag` that the instruction does not take (`COPY --form=build`, `RUN --mnt`,
// or any flag on an instruction without flags, like `CMD --help`: BuildKit reads every leading
// `--word` as a flag). BuildKit stops with "unknown flag". ARG, STOPSIGNAL and HEALTHCHECK NONE
// are not checked: BuildKit ignores their flags.
#include "core/model/model.h"
#include "core/text_distance.h"
#include "rules/rule.h"
#include "rules/rule_helpers.h"

namespace dfls {

namespace {

void check_unknown_flag(RuleContext& ctx) {
  const model::Model& m = ctx.doc.model();
  rules::SyntaxErrors errors(ctx.doc);
  for (const model::Instruction& ins : m.instructions) {
    if (!rules::validates_flags(ctx.doc, ins)) continue;
    rules::InstructionLine line = rules::read_instruction_line(ctx.doc, ins);
    std::string kw(model::kind_keyword(ins.kind));
    for (const rules::FlagWord& f : line.flags) {
      if (rules::find_flag_spec(ins.kind, f.name)) continue;
      if (errors.on_lines(f.span)) continue;
      ByteRange range{f.span.start, f.name_span.end};
      auto names = rules::flag_names(ins.kind);
      std::string msg;
      std::optional<std::string> suggestion;
      if (names.empty()) {
        msg = kw + " takes no flags: '--" + f.name + "' is not allowed";
      } else {
        suggestion = closest_match(f.name, names, true);
        msg = "unknown flag --" + f.name + " for " + kw + rules::did_you_mean(suggestion ? "--" + *suggestion : suggestion);
      }
      Diag& d = ctx.report(range, msg);
      if (suggestion)
        d.fixes.push_back(Fix{.title = "Change to --" + *suggestion, .edits = {{f.name_span, *suggestion}},
                              .safe = false, .preferred = true});
    }
  }
}

}  // namespace

extern const Rule kRuleUnknownFlag = {
    .id = "UnknownFlag",
    .default_severity = Severity::Error,
    .summary = "A flag the instruction does not accept",
    .rcjsuen_code = "39",
    .check = check_unknown_flag,
};

}  // namespace dfls
