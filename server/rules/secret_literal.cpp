// SecretLiteral: a credential written into the Dockerfile itself: an AWS access key id, a GitHub,
// GitLab, npm, PyPI, Slack, Stripe or Google API token, a private key block, a literal npm
// `_authToken=` value, or a password in a URL (`https://user:pass@host`). Whoever reads the
// repository, the build logs or the image history reads the secret. Values that are variables
// (`${TOKEN}`) or obvious placeholders are not reported, nor AWS's documented example key.
// Messages mask the value. Revoke the credential, then pass it as a build secret.
#include "core/model/model.h"
#include "rules/quality_helpers.h"
#include "rules/rule.h"

namespace dfls {

namespace {

void check_secret_literal(RuleContext& ctx) {
  for (const quality::SecretLiteral& s : quality::find_secret_literals(ctx.text()))
    ctx.report(s.range, "literal " + s.kind + " (" + s.masked + ") in the Dockerfile: revoke it and pass it as a "
                                                               "build secret");
}

}  // namespace

extern const Rule kRuleSecretLiteral = {
    .id = "SecretLiteral",
    .default_severity = Severity::Error,
    .summary = "A literal credential in the Dockerfile",
    .check = check_secret_literal,
};

}  // namespace dfls
