// FinalStageRunsAsRoot: the image the build produces (the last stage, or the configured target)
// runs its process as root, because no USER switches away from root and the base image's default
// user is root (or a USER root is the last one). A process that is compromised then owns the
// container, and with a careless mount, files on the host. Images the catalog does not know are
// left alone: their default user is unknown.
//
// The fix adds a non-root USER before the stage's trailing CMD/ENTRYPOINT/EXPOSE lines: nonroot
// for distroless and Chainguard, 65532:65532 for scratch, node for node images, app for .NET
// images, and for Alpine and Debian bases a system user created just before. It is not applied
// automatically: the process may need to write files that root owns.
#include "core/model/model.h"
#include "images/catalog.h"
#include "rules/quality_helpers.h"
#include "rules/rule.h"

namespace dfls {

namespace {

struct UserChoice {
  std::string user;
  std::string create;  // A RUN creating it, or "".
};

std::optional<UserChoice> choose_user(const quality::BaseImage& base) {
  const auto& catalog = images::Catalog::embedded();
  if (base.scratch) return UserChoice{"65532:65532", ""};
  if (base.name.starts_with("gcr.io/distroless/") || base.name.starts_with("cgr.dev/chainguard/"))
    return UserChoice{"nonroot:nonroot", ""};
  if (base.name == "node") return UserChoice{"node", ""};
  if (base.name.starts_with("mcr.microsoft.com/dotnet/")) return UserChoice{"app", ""};
  std::optional<std::string> pm = catalog.package_manager(base.name, base.tag);
  if (pm == "apk")
    return UserChoice{"app", "RUN addgroup -S app && adduser -S -G app -H -D app"};
  if (pm == "apt")
    return UserChoice{"app", "RUN groupadd --system app && useradd --system --gid app --no-create-home app"};
  return std::nullopt;
}

// Where the USER goes: before the trailing run of instructions that only describe the image.
size_t insertion_point(const Document& doc, const model::Stage& stage) {
  const model::Model& m = doc.model();
  const model::Instruction* first_tail = nullptr;
  for (auto it = stage.instructions.rbegin(); it != stage.instructions.rend(); ++it) {
    const model::Instruction& ins = m.instructions[*it];
    if (ins.inside_onbuild) continue;
    model::Kind k = ins.kind;
    if (k == model::Kind::Cmd || k == model::Kind::Entrypoint || k == model::Kind::Expose ||
        k == model::Kind::Healthcheck || k == model::Kind::Label || k == model::Kind::Stopsignal ||
        k == model::Kind::Volume)
      first_tail = &ins;
    else
      break;
  }
  if (first_tail) return quality::instruction_block(doc, *first_tail).start;
  return quality::after_instruction(doc, m.instructions[stage.instructions.back()]);
}

void check_final_stage_runs_as_root(RuleContext& ctx) {
  const model::Model& m = ctx.doc.model();
  int final = quality::final_stage(m, ctx.config);
  if (final < 0) return;
  const model::Stage& stage = m.stages[final];
  quality::StageUser user = quality::user_at(m, final, -1, ctx.text());
  if (!user.known || !user.root()) return;
  quality::BaseImage base = quality::stage_base(m, final);
  Diag* d = nullptr;
  if (user.explicit_user) {
    d = &ctx.report(m.instructions[user.instruction].args_span,
                    "the final image runs as root: the last USER is root");
  } else {
    d = &ctx.report(m.stages[base.root_stage].base_span,
                    "the final image runs as root: " + quality::image_label(base) +
                        " starts as root and no USER follows");
  }
  std::optional<UserChoice> choice = choose_user(base);
  if (!choice) return;
  std::string_view text = ctx.text();
  std::string nl = quality::newline(ctx.doc);
  size_t at = insertion_point(ctx.doc, stage);
  std::string insert;
  if (at == text.size() && !text.empty() && text.back() != '\n') insert += nl;
  if (!choice->create.empty()) insert += choice->create + nl;
  insert += "USER " + choice->user + nl;
  d->fixes.push_back(Fix{.title = "Run as " + choice->user + " (USER " + choice->user + ")",
                         .edits = {{{at, at}, insert}}, .safe = false});
}

}  // namespace

extern const Rule kRuleFinalStageRunsAsRoot = {
    .id = "FinalStageRunsAsRoot",
    .default_severity = Severity::Warning,
    .summary = "The final image runs as root",
    .hadolint_code = "DL3002",
    .check = check_final_stage_runs_as_root,
};

}  // namespace dfls
