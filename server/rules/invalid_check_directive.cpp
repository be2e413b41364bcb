// InvalidCheckDirective: a `# check=` value that BuildKit cannot read: a part without "=", an
// option other than skip, error and experimental, or error= with a value that is not a boolean.
// In the parser directive at the top this stops the build (error); in a per-instruction
// `# check=` comment BuildKit silently ignores the whole comment (warning). Rule names in skip=
// and experimental= that no rule has are reported as warnings (they are case-sensitive).
#include <set>

#include "core/model/model.h"
#include "core/text_distance.h"
#include "rules/dockerfile_layout.h"
#include "rules/rule.h"
#include "rules/rule_helpers.h"

namespace dfls {

namespace {

constexpr std::string_view kBuildKitRules[] = {
    "StageNameCasing", "FromAsCasing", "NoEmptyContinuation", "ConsistentInstructionCasing",
    "DuplicateStageName", "ReservedStageName", "JSONArgsRecommended", "MaintainerDeprecated",
    "UndefinedArgInFrom", "WorkdirRelativePath", "UndefinedVar", "MultipleInstructionsDisallowed",
    "LegacyKeyValueFormat", "InvalidBaseImagePlatform", "RedundantTargetPlatform", "SecretsUsedInArgOrEnv",
    "InvalidDefaultArgInFrom", "FromPlatformFlagConstDisallowed", "CopyIgnoredFile",
    "InvalidDefinitionDescription", "ExposeProtoCasing", "ExposeInvalidFormat"};

std::vector<std::string> known_rule_names() {
  std::set<std::string> names;
  for (const Rule& r : all_rules()) names.emplace(r.id);
  for (std::string_view n : kBuildKitRules) names.emplace(n);
  return {names.begin(), names.end()};
}

// Checks a check= value that starts at document offset `at`; `in_comment` for per-instruction
// comments, whose errors BuildKit ignores.
void check_value(RuleContext& ctx, std::string_view value, size_t at, bool in_comment) {
  value = value.substr(0, value.find(' '));
  Severity hard = in_comment ? Severity::Warning : Severity::Error;
  std::string where = in_comment ? " (BuildKit ignores this comment)" : "";
  static const std::vector<std::string> kKeys = {"skip", "error", "experimental"};
  size_t pos = 0;
  for (int part = 0; pos <= value.size(); ++part) {
    size_t semi = part < 2 ? value.find(';', pos) : std::string_view::npos;
    size_t end = semi == std::string_view::npos ? value.size() : semi;
    std::string_view p = value.substr(pos, end - pos);
    ByteRange prange{at + pos, at + end};
    size_t eq = p.find('=');
    if (eq == std::string_view::npos) {
      Diag& d = ctx.report(prange.empty() ? ByteRange{at, at + value.size()} : prange,
                           "check option '" + std::string(p) + "' has no '=': use skip=, error= or experimental=" + where);
      d.severity = hard;
    } else {
      std::string key(rules::trim(p.substr(0, eq)));
      std::string_view v = p.substr(eq + 1);
      size_t vstart = at + pos + eq + 1;
      if (key == "error") {
        if (!rules::parse_go_bool(rules::trim(v))) {
          Diag& d = ctx.report({vstart, at + end}, "error= takes true or false, not '" + std::string(v) + "'" + where);
          d.severity = hard;
        }
      } else if (key == "skip" || key == "experimental") {
        if (rules::trim(v) != "all") {
          static const std::vector<std::string> names = known_rule_names();
          size_t q = 0;
          while (q <= v.size()) {
            size_t comma = v.find(',', q);
            size_t ne = comma == std::string_view::npos ? v.size() : comma;
            std::string_view raw = v.substr(q, ne - q);
            std::string_view name = rules::trim(raw);
            if (!name.empty() && std::find(names.begin(), names.end(), name) == names.end()) {
              size_t ns = vstart + q + static_cast<size_t>(raw.find(name));
              ByteRange nrange{ns, ns + name.size()};
              auto s = closest_match(name, names, true);
              Diag& d = ctx.report(nrange, "no rule is named '" + std::string(name) + "'" + rules::did_you_mean(s));
              d.severity = Severity::Warning;
              if (s) d.fixes.push_back(Fix{.title = "Change to " + *s, .edits = {{nrange, *s}}, .preferred = true});
            }
            if (comma == std::string_view::npos) break;
            q = comma + 1;
          }
        }
      } else {
        auto s = closest_match(key, kKeys, true);
        size_t ks = at + pos + static_cast<size_t>(p.find(key.empty() ? std::string_view(p) : std::string_view(key)));
        ByteRange krange{ks, ks + key.size()};
        Diag& d = ctx.report(key.empty() ? prange : krange,
                             "unknown check option '" + key + "': use skip, error or experimental" + rules::did_you_mean(s) + where);
        d.severity = hard;
        if (s && !key.empty()) d.fixes.push_back(Fix{.title = "Change to " + *s, .edits = {{krange, *s}}, .preferred = true});
      }
    }
    if (semi == std::string_view::npos) break;
    pos = semi + 1;
  }
}

void check_invalid_check_directive(RuleContext& ctx) {
  const model::Model& m = ctx.doc.model();
  std::string_view text = ctx.text();
  if (const model::Directive* d = m.directive("check"); d && !d->value_span.empty())
    check_value(ctx, text.substr(d->value_span.start, d->value_span.size()), d->value_span.start, false);
  for (const model::Comment& c : m.comments) {
    ByteRange line = rules::line_at(text, c.span.start);
    auto parts = parse_directive_line(text.substr(line.start, line.size()));
    if (!parts || parts->name != "check") continue;
    check_value(ctx, text.substr(line.start + parts->value_start, parts->value_end - parts->value_start),
                line.start + parts->value_start, true);
  }
}

}  // namespace

extern const Rule kRuleInvalidCheckDirective = {
    .id = "InvalidCheckDirective",
    .default_severity = Severity::Error,
    .summary = "A # check= value BuildKit cannot read, or names an unknown rule",
    .check = check_invalid_check_directive,
};

}  // namespace dfls
