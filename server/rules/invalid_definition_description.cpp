// InvalidDefinitionDescription (BuildKit, experimental): the comment just above `FROM ... AS name`
// or `ARG NAME` does not start with the stage or argument name. `docker buildx build
// --call=outline` and `--call=targets` show such a comment as the description, but only when it
// reads `# name description`. Off by default, as in BuildKit; `# check=experimental=...` or the
// configuration turns it on.
#include <algorithm>

#include "core/model/model.h"
#include "rules/rule.h"
#include "rules/rule_helpers.h"

namespace dfls {

namespace {

void check_invalid_definition_description(RuleContext& ctx) {
  const model::Model& m = ctx.doc.model();
  std::string_view text = ctx.text();
  for (size_t i = 0; i < m.instructions.size(); ++i) {
    const model::Instruction& ins = m.instructions[i];
    if (ins.inside_onbuild || ins.comments_above.empty()) continue;
    std::vector<std::string> keys;
    std::string what;
    if (ins.kind == model::Kind::From) {
      for (const model::Stage& st : m.stages)
        if (st.from_instruction == static_cast<int>(i) && !st.name.empty()) keys.push_back(st.name);
      what = "FROM";
    } else if (ins.kind == model::Kind::Arg) {
      for (const model::KeyValue& kv : ins.pairs)
        if (!kv.key.empty()) keys.push_back(kv.key);
      what = "ARG";
    }
    if (keys.empty()) continue;
    const model::Comment& c = m.comments[ins.comments_above.back()];
    std::string_view first = c.text;
    first = first.substr(0, first.find(' '));
    if (std::find(keys.begin(), keys.end(), first) != keys.end()) continue;
    std::string example = keys.size() == 1 ? keys.front() : "<arg_key>";
    Diag& d = ctx.report(c.span, "the comment above this " + what + " should read '# " + example +
                                     " <description>' to describe it");
    if (keys.size() != 1) continue;
    size_t hash = text.find('#', c.span.start);
    if (hash == std::string_view::npos || hash >= c.span.end) continue;
    size_t at = hash + 1;
    std::string insert = keys.front() + " ";
    if (at < text.size() && text[at] == ' ') ++at;
    else insert = " " + insert;
    d.fixes.push_back(Fix{.title = "Start the comment with '" + keys.front() + "'", .edits = {{{at, at}, insert}}});
  }
}

}  // namespace

extern const Rule kRuleInvalidDefinitionDescription = {
    .id = "InvalidDefinitionDescription",
    .default_severity = Severity::Warning,
    .summary = "A stage or ARG description comment should start with its name",
    .check = check_invalid_definition_description,
    .enabled_by_default = false,
    .buildkit_name = "InvalidDefinitionDescription",
};

}  // namespace dfls
