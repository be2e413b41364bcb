// UntrustedRegistry (hadolint DL3026): an image comes from a registry that is not in the
// configured list of trusted registries (`trusted_registries` in .dockerfile-ls.yaml, or
// `trustedRegistries` in .hadolint.yaml). Checked: the images of FROM, `COPY --from=<image>` and
// `RUN --mount=from=<image>`. An entry `*.example.com` trusts every subdomain of example.com;
// `docker.io` is Docker Hub (images without a registry). Silent when no list is configured, and
// for scratch, stage names and references whose registry depends on a build argument.
#include <cctype>

#include "core/config.h"
#include "core/model/model.h"
#include "rules/rule.h"

namespace dfls {

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool trusted(const std::vector<std::string>& list, std::string_view registry) {
  std::string r = lower(registry);
  for (const std::string& entry : list) {
    std::string e = lower(entry);
    while (!e.empty() && e.back() == '/') e.pop_back();
    if (e == "index.docker.io" || e == "registry-1.docker.io" || e == "hub.docker.com") e = "docker.io";
    if (e == r) return true;
    if (e.starts_with("*.") && r.size() > e.size() - 1 && r.ends_with(e.substr(1))) return true;
  }
  return false;
}

void check_untrusted_registry(RuleContext& ctx) {
  const auto& list = ctx.config.trusted_registries;
  if (list.empty()) return;
  const model::Model& m = ctx.doc.model();
  auto check = [&](const ImageRef& ref, ByteRange range) {
    if (!ref.valid || ref.is_scratch() || ref.registry.empty() || trusted(list, ref.registry)) return;
    ctx.report(range, "image '" + ref.familiar_string() + "' comes from " + ref.registry +
                          ", which is not a trusted registry");
  };
  for (const model::Stage& st : m.stages)
    if (st.parent < 0 && !st.base_text.empty()) check(st.base, st.base_span);
  for (const model::StageRef& sr : m.stage_refs) {
    if (sr.kind == model::StageRefKind::FromBase || sr.target >= 0 || sr.numeric) continue;
    if (sr.text.find_first_of(":/@") == std::string::npos || sr.text.find('$') != std::string::npos) continue;
    check(parse_image_ref(sr.text), sr.span);
  }
}

}  // namespace

extern const Rule kRuleUntrustedRegistry = {
    .id = "UntrustedRegistry",
    .default_severity = Severity::Error,
    .summary = "Image from a registry that is not trusted",
    .hadolint_code = "DL3026",
    .check = check_untrusted_registry,
};

}  // namespace dfls
