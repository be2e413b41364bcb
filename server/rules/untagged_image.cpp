// UntaggedImage (hadolint DL3006): FROM names an image without a tag or digest (`FROM ubuntu`).
// Docker then pulls `:latest`, which moves with every release: the same Dockerfile builds on a
// different base from one month to the next. Stage names, scratch, and references whose value
// depends on a build argument without a default are not reported; an image given by a build
// argument's default is checked with that default.
#include "core/model/model.h"
#include "rules/rule.h"

namespace dfls {

namespace {

void check_untagged_image(RuleContext& ctx) {
  for (const model::Stage& st : ctx.doc.model().stages) {
    const ImageRef& ref = st.base;
    if (st.parent >= 0 || st.base_text.empty() || !ref.valid || ref.is_scratch() || ref.has_variables) continue;
    if (!ref.tag.empty() || !ref.digest.empty()) continue;
    std::string name = ref.familiar_name();
    ctx.report(st.base_span, "image '" + name + "' has no tag, so it means " + name +
                                 ":latest, which changes with every release: pin a tag");
  }
}

}  // namespace

extern const Rule kRuleUntaggedImage = {
    .id = "UntaggedImage",
    .default_severity = Severity::Warning,
    .summary = "FROM image without a tag",
    .hadolint_code = "DL3006",
    .check = check_untagged_image,
};

}  // namespace dfls
