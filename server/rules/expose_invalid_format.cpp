// ExposeInvalidFormat (BuildKit): an EXPOSE entry with an IP address or a host port
// (`127.0.0.1:80:80`, `8080:80`). EXPOSE only documents the container's port; publishing to the
// host is `docker run -p`'s job, and the host part is ignored.
#include "core/expand.h"
#include "core/model/model.h"
#include "rules/rule.h"
#include "rules/rule_helpers.h"

namespace dfls {

namespace {

void check_expose_invalid_format(RuleContext& ctx) {
  const model::Model& m = ctx.doc.model();
  for (const model::Instruction& ins : m.instructions) {
    if (ins.kind != model::Kind::Expose || ins.inside_onbuild) continue;
    rules::InstructionLine line = rules::read_instruction_line(ctx.doc, ins);
    VarLookup lookup = rules::lookup_at(m, ins);
    for (const rules::LineWord& w : line.whitespace_words()) {
      ExpandResult r = expand(w.text, lookup, m.escape);
      if (r.error || r.unknown) continue;
      size_t colon = r.value.rfind(':');
      if (colon == std::string::npos) continue;
      std::string container = r.value.substr(colon + 1);
      Diag& d = ctx.report(line.range(w), "EXPOSE '" + r.value +
                                              "' sets an IP address or host port: EXPOSE takes only the container port");
      if (r.value == w.text && !container.empty())
        d.fixes.push_back(Fix{.title = "Keep only the container port " + container,
                              .edits = {{line.range(w), container}}, .preferred = true});
    }
  }
}

}  // namespace

extern const Rule kRuleExposeInvalidFormat = {
    .id = "ExposeInvalidFormat",
    .default_severity = Severity::Warning,
    .summary = "EXPOSE should not set an IP address or host port",
    .check = check_expose_invalid_format,
    .buildkit_name = "ExposeInvalidFormat",
};

}  // namespace dfls
