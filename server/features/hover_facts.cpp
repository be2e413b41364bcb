// Hover markdown for document facts: variables, stages and image references.
#include "core/image_ref.h"
#include "features/docs_data.h"
#include "features/hover_internal.h"
#include "images/catalog.h"

namespace dfls::hover_detail {

namespace {

using model::VarKind;

std::string line_of(const Document& doc, size_t offset) {
  return std::to_string(doc.lines().line_of(offset) + 1);
}

std::string snippet(const Document& doc, ByteRange r, size_t max = 100) {
  std::string_view s = std::string_view(doc.text()).substr(r.start, r.size());
  size_t nl = s.find('\n');
  if (nl != std::string_view::npos) s = s.substr(0, nl);
  if (s.size() > max) return std::string(s.substr(0, max)) + "…";
  return std::string(s);
}

std::string_view kind_text(VarKind k) {
  switch (k) {
    case VarKind::GlobalArg: return "global build argument";
    case VarKind::Arg: return "build argument";
    case VarKind::Env: return "environment variable";
    case VarKind::Predefined: return "predefined build argument";
  }
  return "";
}

std::string_view ref_kind_text(model::StageRefKind k) {
  switch (k) {
    case model::StageRefKind::FromBase: return "FROM";
    case model::StageRefKind::CopyFrom: return "COPY --from";
    case model::StageRefKind::MountFrom: return "RUN --mount from=";
  }
  return "";
}

std::string stage_label(const model::Stage& s) {
  return s.name.empty() ? "stage " + std::to_string(s.index) : "stage `" + s.original_name + "`";
}

}  // namespace

std::string variable_markdown(const Document& doc, std::string_view name, const model::VarDecl* decl,
                              bool declaration) {
  std::string out = "**`" + std::string(name) + "`**";
  if (!decl) {
    out += "\n\nNot declared before this line: it expands to an empty value unless the base image "
           "sets it.";
    return out;
  }
  out += " (" + std::string(kind_text(decl->kind)) + ")\n\n";
  if (decl->value) {
    out += decl->value->empty() ? "Value: empty" : "Value: `" + *decl->value + "`";
    if (decl->default_value && *decl->default_value != *decl->value)
      out += " (written `" + *decl->default_value + "`)";
  } else if (decl->kind == VarKind::Predefined) {
    out += model::is_platform_arg(decl->name) ? "Set by BuildKit for each build."
                                              : "Set with `--build-arg` when needed; no declaration required.";
  } else if (decl->default_value) {
    out += "Value: `" + *decl->default_value + "` (depends on values known only at build time)";
  } else {
    out += "No default: empty unless set with `--build-arg`.";
  }
  if (decl->instruction >= 0) {
    out += "\n\n" + std::string(declaration ? "Declared" : "Set") + " on line " + line_of(doc, decl->span.start) +
           ": `" + snippet(doc, decl->span) + "`";
    const auto& m = doc.model();
    if (decl->stage >= 0 && decl->stage < static_cast<int>(m.stages.size()))
      out += " in " + stage_label(m.stages[decl->stage]);
  }
  if (decl->kind == VarKind::GlobalArg)
    out += "\n\nUsable in FROM lines; a stage uses it after redeclaring `ARG " + decl->name + "`.";
  if (model::is_platform_arg(decl->name) && decl->kind == VarKind::Predefined)
    out += "\n\n[Dockerfile reference](" + docs::reference_url("automatic-platform-args-in-the-global-scope") + ")";
  return out;
}

std::string stage_markdown(const Document& doc, const model::Stage& stage) {
  const auto& m = doc.model();
  std::string out = "**Build " + stage_label(stage) + "** (index " + std::to_string(stage.index) +
                    ", line " + line_of(doc, stage.span.start) + ")\n\n";
  if (stage.parent >= 0) {
    out += "Built on " + stage_label(m.stages[stage.parent]);
  } else {
    out += "Base image: `" + (stage.base_text.empty() ? std::string("?") : stage.base_text) + "`";
    if (stage.base_resolved != stage.base_text && !stage.base_resolved.empty())
      out += " (`" + stage.base_resolved + "` with default build arguments)";
    if (!stage.base.has_variables && stage.base.valid) {
      if (const auto* info = images::Catalog::embedded().find(stage.base.familiar_name());
          info && !info->description.empty())
        out += "\n\n" + info->description;
    }
  }
  if (stage.platform) out += "\n\nPlatform: `" + *stage.platform + "`";
  std::string uses;
  int count = 0;
  for (const auto& ref : m.stage_refs) {
    if (ref.target != stage.index || ref.instruction < 0) continue;
    if (++count > 10) continue;
    uses += "\n- `" + std::string(ref_kind_text(ref.kind)) + "` on line " + line_of(doc, ref.span.start);
    if (ref.stage >= 0) uses += " in " + stage_label(m.stages[ref.stage]);
    if (ref.forward) uses += " (refers forward: not allowed)";
  }
  if (count > 10) uses += "\n- and " + std::to_string(count - 10) + " more";
  out += count ? "\n\nUsed by:" + uses : std::string("\n\nNot used by other stages.");
  if (!stage.reachable) out += "\n\nNot built for the default target (the last stage).";
  return out;
}

std::string image_reference_markdown(std::string_view written, std::string_view resolved) {
  ImageRef ref = parse_image_ref(resolved);
  const auto& catalog = images::Catalog::embedded();
  if (ref.valid && !ref.has_variables && !ref.is_scratch()) {
    if (const auto* info = catalog.find(ref.familiar_name())) {
      auto match = catalog.match(info->name, ref.tag);
      std::string out = docs::image_markdown(*info, ref.tag.empty() ? nullptr : match.tag, ref.tag);
      if (written != resolved) out = "`" + std::string(written) + "` resolves to `" + std::string(resolved) + "`\n\n" + out;
      return out;
    }
  }
  std::string out = "**`" + std::string(written) + "`**";
  if (ref.is_scratch()) return out + "\n\nThe empty image: no files, no shell, no users.";
  if (written != resolved) out += "\n\nResolves to `" + std::string(resolved) + "` with default build arguments.";
  if (!ref.valid && !ref.has_variables) return out + "\n\nNot a valid image reference: " + ref.error;
  if (!ref.registry.empty()) out += "\n\n- Registry: `" + ref.registry + "`";
  if (!ref.repository.empty()) out += "\n- Repository: `" + ref.repository + "`";
  out += "\n- Tag: " + (ref.tag.empty() ? std::string("`latest` (none written)") : "`" + ref.tag + "`");
  if (!ref.digest.empty()) out += "\n- Digest: `" + ref.digest + "`";
  out += "\n\nNot in the offline image catalog.";
  return out;
}

}  // namespace dfls::hover_detail
