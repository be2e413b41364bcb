// ExposeProtoCasing (BuildKit): the protocol of an EXPOSE entry is not lowercase (`80/TCP`).
// Docker accepts it, but the image records the protocol as written.
#include "core/expand.h"
#include "core/model/model.h"
#include "rules/rule.h"
#include "rules/rule_helpers.h"

namespace dfls {

namespace {

void check_expose_proto_casing(RuleContext& ctx) {
  const model::Model& m = ctx.doc.model();
  for (const model::Instruction& ins : m.instructions) {
    if (ins.kind != model::Kind::Expose || ins.inside_onbuild) continue;
    rules::InstructionLine line = rules::read_instruction_line(ctx.doc, ins);
    VarLookup lookup = rules::lookup_at(m, ins);
    for (const rules::LineWord& w : line.whitespace_words()) {
      ExpandResult r = expand(w.text, lookup, m.escape);
      if (r.error || r.unknown) continue;
      size_t slash = r.value.find('/');
      if (slash == std::string::npos) continue;
      std::string proto = r.value.substr(slash + 1);
      if (proto == rules::to_lower(proto)) continue;
      ByteRange range = line.range(w);
      bool literal = r.value == w.text;
      if (literal) range = line.line.range(w.start + slash + 1, w.end);
      Diag& d = ctx.report(range, "protocol '" + proto + "' in EXPOSE should be lowercase");
      if (literal)
        d.fixes.push_back(Fix{.title = "Write '" + rules::to_lower(proto) + "'", .edits = {{range, rules::to_lower(proto)}},
                              .preferred = true});
    }
  }
}

}  // namespace

extern const Rule kRuleExposeProtoCasing = {
    .id = "ExposeProtoCasing",
    .default_severity = Severity::Warning,
    .summary = "EXPOSE protocols should be lowercase",
    .check = check_expose_proto_casing,
    .buildkit_name = "ExposeProtoCasing",
};

}  // namespace dfls
