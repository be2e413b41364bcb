// InvalidDefaultArgInFrom (BuildKit): a FROM image built from global ARGs is empty or not a valid
// image reference when the ARGs keep their default values (no --build-arg), as in
// `ARG TAG` then `FROM alpine:$TAG`, which gives "alpine:". Give the ARG a default, or a
// default in the reference (`${TAG:-3.20}`). FROM lines without variables are checked by
// InvalidImageReference.
#include <map>

#include "core/expand.h"
#include "core/image_ref.h"
#include "core/model/model.h"
#include "rules/rule.h"
#include "rules/rule_helpers.h"

namespace dfls {

namespace {

// Platform arguments as a linux/amd64 build sets them.
std::string platform_default(std::string_view name) {
  if (name == "BUILDPLATFORM" || name == "TARGETPLATFORM") return "linux/amd64";
  if (name == "BUILDOS" || name == "TARGETOS") return "linux";
  if (name == "BUILDARCH" || name == "TARGETARCH") return "amd64";
  return "";
}

void check_invalid_default_arg_in_from(RuleContext& ctx) {
  const model::Model& m = ctx.doc.model();
  std::map<std::string, std::string, std::less<>> env;
  for (const model::VarDecl& d : m.decls)
    if (d.kind == model::VarKind::Predefined && model::is_platform_arg(d.name)) env[d.name] = platform_default(d.name);
  auto lookup = SimpleVarLookup([&](std::string_view name) -> std::optional<std::string> {
    auto it = env.find(name);
    if (it == env.end()) return std::nullopt;
    return it->second;
  });
  size_t next_decl = 0;
  for (const model::Stage& st : m.stages) {
    // Global ARGs declared before this FROM, in order.
    for (; next_decl < m.decls.size(); ++next_decl) {
      const model::VarDecl& d = m.decls[next_decl];
      if (d.kind != model::VarKind::GlobalArg) continue;
      if (d.instruction > st.from_instruction) break;
      if (d.default_value) {
        ExpandResult r = expand(*d.default_value, lookup, m.escape);
        env[d.name] = r.error ? "" : r.value;
      } else {
        env.erase(d.name);
      }
    }
    if (st.base_text.find('$') == std::string::npos || st.base_span.empty()) continue;
    ExpandResult r = expand(st.base_text, lookup, m.escape);
    if (r.error) continue;  // VariableExpansionError reports it.
    ImageRef ref = parse_image_ref(r.value);
    if (!r.value.empty() && ref.valid) continue;
    std::string why = r.value.empty() ? "is empty" : "gives '" + r.value + "', which is not a valid image reference";
    ctx.report(st.base_span, "with the default values of its ARGs, the base image '" + st.base_text + "' " + why);
  }
}

}  // namespace

extern const Rule kRuleInvalidDefaultArgInFrom = {
    .id = "InvalidDefaultArgInFrom",
    .default_severity = Severity::Warning,
    .summary = "The default values of global ARGs make a FROM image invalid",
    .rcjsuen_code = "51",
    .check = check_invalid_default_arg_in_from,
    .buildkit_name = "InvalidDefaultArgInFrom",
};

}  // namespace dfls
