// LatestTag (hadolint DL3007): FROM names an image with the `:latest` tag. `latest` is only the
// tag a publisher pushed last; it moves with every release, so the same Dockerfile builds on a
// different base from one month to the next, and nobody can tell which version an image was
// built from. Pin a version tag; a digest (`image:latest@sha256:...`) also pins it and is not
// reported.
#include "core/model/model.h"
#include "rules/rule.h"

namespace dfls {

namespace {

void check_latest_tag(RuleContext& ctx) {
  std::string_view text = ctx.text();
  for (const model::Stage& st : ctx.doc.model().stages) {
    const ImageRef& ref = st.base;
    if (st.parent >= 0 || !ref.valid || ref.tag != "latest" || !ref.digest.empty()) continue;
    ByteRange range = st.base_span;
    std::string_view raw = text.substr(range.start, range.size());
    if (raw.ends_with(":latest")) range.start = range.end - 6;
    ctx.report(range, "image '" + ref.familiar_string() + "' uses the latest tag, which changes with every release: pin a version tag");
  }
}

}  // namespace

extern const Rule kRuleLatestTag = {
    .id = "LatestTag",
    .default_severity = Severity::Warning,
    .summary = "FROM image with the latest tag",
    .hadolint_code = "DL3007",
    .check = check_latest_tag,
};

}  // namespace dfls
