// UseNumericUser (hadolint DL3066): USER names the user rather than giving a numeric UID
// (`USER app` rather than `USER 10001`). Kubernetes' `runAsNonRoot` cannot verify a user name and
// refuses to start such a container, and a name means nothing in an image without that user in
// /etc/passwd. `root` (always UID 0), a user given by a variable, and users of Windows images
// (which have no UIDs) are not reported.
#include <algorithm>
#include <cctype>

#include "core/model/model.h"
#include "rules/rule.h"
#include "rules/shell_helpers.h"

namespace dfls {

namespace {

void check_use_numeric_user(RuleContext& ctx) {
  for (const model::Instruction& ins : ctx.doc.model().instructions) {
    if (ins.kind != model::Kind::User || ins.args.empty()) continue;
    const model::Word& user = ins.args.front();
    std::string_view name = user.text;
    name = name.substr(0, name.find(':'));
    if (name.empty() || name.find('$') != std::string_view::npos || name == "root") continue;
    // Windows images name their users (ContainerUser, ContainerAdministrator): there is no UID.
    if (shell_rules::windows_stage(ctx.doc.model(), ins.stage)) continue;
    if (std::all_of(name.begin(), name.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
      continue;
    ctx.report({user.span.start, user.span.start + name.size()},
               "USER '" + std::string(name) + "' is a name: use a numeric UID, which runAsNonRoot can check");
  }
}

}  // namespace

extern const Rule kRuleUseNumericUser = {
    .id = "UseNumericUser",
    .default_severity = Severity::Info,
    .summary = "USER with a name instead of a numeric UID",
    .hadolint_code = "DL3066",
    .check = check_use_numeric_user,
};

}  // namespace dfls
