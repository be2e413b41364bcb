// LegacyKeyValueFormat (BuildKit): `ENV key value` or `LABEL key value`, the old whitespace form.
// It sets one variable whose value is the whole rest of the line, which is easy to misread
// (`ENV A B C=d` sets A to "B C=d") and cannot set several pairs; `key=value` says what it means.
#include "core/model/model.h"
#include "rules/rule.h"
#include "rules/rule_helpers.h"

namespace dfls {

namespace {

// The key=value spelling of a legacy pair, when the value reads the same after the rewrite.
std::optional<std::string> rewrite(const model::KeyValue& kv, char escape) {
  const std::string& v = kv.value;
  if (v.empty() || v.find('\n') != std::string::npos) return std::nullopt;
  bool blank = v.find_first_of(" \t") != std::string::npos;
  bool quotes = v.find_first_of("\"'") != std::string::npos;
  if (!blank) return kv.key + "=" + v;
  if (quotes || v.find(escape) != std::string::npos) {
    // A single quoted word reads the same after "=".
    char q = v.front();
    if ((q == '"' || q == '\'') && v.size() >= 2 && v.back() == q && v.find(q, 1) == v.size() - 1)
      return kv.key + "=" + v;
    return std::nullopt;
  }
  return kv.key + "=\"" + v + "\"";
}

void check_legacy_key_value_format(RuleContext& ctx) {
  const model::Model& m = ctx.doc.model();
  for (const model::Instruction& ins : m.instructions) {
    if ((ins.kind != model::Kind::Env && ins.kind != model::Kind::Label) || ins.inside_onbuild) continue;
    for (const model::KeyValue& kv : ins.pairs) {
      if (!kv.legacy || kv.key.empty() || kv.value_span.empty()) continue;
      std::string kw(model::kind_keyword(ins.kind));
      Diag& d = ctx.report(kv.span, "'" + kw + " key value' is the legacy form: write " + kw + " " + kv.key + "=...");
      if (auto fixed = rewrite(kv, m.escape))
        d.fixes.push_back(Fix{.title = "Write " + *fixed, .edits = {{kv.span, *fixed}}, .preferred = true});
    }
  }
}

}  // namespace

extern const Rule kRuleLegacyKeyValueFormat = {
    .id = "LegacyKeyValueFormat",
    .default_severity = Severity::Warning,
    .summary = "ENV and LABEL should use key=value",
    .check = check_legacy_key_value_format,
    .buildkit_name = "LegacyKeyValueFormat",
};

}  // namespace dfls
