// WgetAndCurl (hadolint DL4001): a stage uses both wget and curl. They do the same job; having
// both means installing (and patching) two tools, and usually one of them is there only by
// accident of the base image. Use one. Every use of the tool that the stage starts using second
// is reported.
#include "rules/rule.h"
#include "rules/shell_helpers.h"

namespace dfls {

namespace {

void check_wget_and_curl(RuleContext& ctx) {
  const model::Model& m = ctx.doc.model();
  auto runs = shell_rules::all_runs(ctx.doc, false);
  for (const model::Stage& stage : m.stages) {
    std::vector<const shell::Word*> wget, curl;
    for (const shell_rules::RunScripts& run : runs) {
      if (run.ins->stage != stage.index) continue;
      for (const shell_rules::RunCommand* rc : run.named("wget")) wget.push_back(&rc->cmd->args[rc->program]);
      for (const shell_rules::RunCommand* rc : run.named("curl")) curl.push_back(&rc->cmd->args[rc->program]);
    }
    if (wget.empty() || curl.empty()) continue;
    bool wget_second = wget.front()->start > curl.front()->start;
    const auto& second = wget_second ? wget : curl;
    std::string other = wget_second ? "curl" : "wget";
    std::string self = wget_second ? "wget" : "curl";
    for (const shell::Word* w : second)
      ctx.report({w->start, w->end}, "this stage uses both wget and curl: use " + other + " here too, or " + self +
                                         " everywhere");
  }
}

}  // namespace

extern const Rule kRuleWgetAndCurl = {
    .id = "WgetAndCurl",
    .default_severity = Severity::Warning,
    .summary = "Both wget and curl in one stage",
    .hadolint_code = "DL4001",
    .check = check_wget_and_curl,
};

}  // namespace dfls
