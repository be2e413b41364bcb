// InvalidImageReference: a FROM image that is not a valid image reference (`alpine:`,
// `Alpine`, `ubuntu:22.04@sha256:abc`). Docker cannot pull it and the build stops. Images built
// from variables are InvalidDefaultArgInFrom's.
#include "core/expand.h"
#include "core/image_ref.h"
#include "core/model/model.h"
#include "rules/rule.h"
#include "rules/rule_helpers.h"

namespace dfls {

namespace {

void check_invalid_image_reference(RuleContext& ctx) {
  const model::Model& m = ctx.doc.model();
  rules::SyntaxErrors errors(ctx.doc);
  for (const model::Stage& st : m.stages) {
    if (st.base_text.empty() || st.base_text.find('$') != std::string::npos || errors.on_lines(st.base_span)) continue;
    ExpandResult r = expand(st.base_text, SimpleVarLookup([](std::string_view) { return std::nullopt; }), m.escape);
    if (r.error) continue;
    ImageRef ref = parse_image_ref(r.value);
    if (ref.valid) continue;
    ctx.report(st.base_span, "'" + r.value + "' is not a valid image reference" +
                                 (ref.error.empty() ? std::string() : ": " + ref.error));
  }
}

}  // namespace

extern const Rule kRuleInvalidImageReference = {
    .id = "InvalidImageReference",
    .default_severity = Severity::Error,
    .summary = "A FROM image that is not a valid image reference",
    .rcjsuen_code = "26",
    .check = check_invalid_image_reference,
};

}  // namespace dfls
