// Code actions that silence one finding with a suppression comment (see rules/suppression.h):
//   "Ignore <RuleId> for this instruction"  a `# check=skip=<RuleId>` comment above the
//       instruction for rules BuildKit also has, `# dockerfile-ls ignore=<RuleId>` for the others;
//       an existing comment of that kind above the instruction gets the id appended instead.
//   "Ignore <RuleId> in this file"  the id appended to the `# check=` directive's skip list (or a
//       `skip=` part added to it, or a new directive after the existing ones; BuildKit rejects a
//       second check directive), or `# dockerfile-ls global ignore=<RuleId>` for our own rules.
// A per-instruction `# check=` comment cannot go where BuildKit would read it as the file's
// directive (directly below the leading directives) or where the block above the instruction
// already holds a check comment BuildKit takes first; the dockerfile-ls form is used there.
// New lines use the file's own line ending. The fixes are not "safe": `check --fix` skips them.
#pragma once

#include <string_view>
#include <vector>

#include "core/document.h"
#include "rules/rule.h"

namespace dfls {

std::vector<Fix> suppression_fixes(const Document& doc, const Diag& diag);

// The same over plain text; buildkit_rule says whether BuildKit has the rule (it has a
// buildkit_name), which decides between `# check=` and `# dockerfile-ls` comments.
std::vector<Fix> suppression_fixes(std::string_view text, const Diag& diag, bool buildkit_rule);

}  // namespace dfls
