// NoEmptyContinuation (BuildKit): a blank line inside an instruction continued with `\`. BuildKit
// skips it today and warns that a future version will treat it as the end of the instruction.
// Comment lines inside a continuation are fine; heredoc bodies are not continuations.
#include "core/model/model.h"
#include "rules/rule.h"
#include "rules/rule_helpers.h"

namespace dfls {

namespace {

void check_no_empty_continuation(RuleContext& ctx) {
  const model::Model& m = ctx.doc.model();
  std::string_view text = ctx.text();
  for (const model::Instruction& ins : m.instructions) {
    if (ins.inside_onbuild) continue;  // Part of the ONBUILD's own line.
    rules::InstructionLine line = rules::read_instruction_line(ctx.doc, ins);
    const auto& empty = line.line.empty_lines;
    if (empty.empty()) continue;
    ByteRange first = empty.front();
    if (first.empty()) {
      // A line with nothing on it: underline its line break.
      size_t nl = text.find('\n', first.start);
      first.end = nl == std::string_view::npos ? first.start : nl + 1;
    }
    std::string kw = rules::to_upper(ins.keyword);
    Diag& d = ctx.report(first, "empty continuation line inside " + kw +
                                    (empty.size() > 1 ? " (" + std::to_string(empty.size()) + " lines)" : ""));
    for (size_t i = 1; i < empty.size(); ++i) d.related.push_back({empty[i], "another empty continuation line"});
    Fix fix{.title = empty.size() > 1 ? "Remove the empty lines" : "Remove the empty line", .preferred = true};
    for (const ByteRange& e : empty) fix.edits.push_back({rules::whole_lines(text, e.start, e.start), ""});
    d.fixes.push_back(std::move(fix));
  }
}

}  // namespace

extern const Rule kRuleNoEmptyContinuation = {
    .id = "NoEmptyContinuation",
    .default_severity = Severity::Warning,
    .summary = "Empty lines inside a continued instruction",
    .rcjsuen_code = "11",
    .check = check_no_empty_continuation,
    .buildkit_name = "NoEmptyContinuation",
};

}  // namespace dfls
