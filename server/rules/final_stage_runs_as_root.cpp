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
#include <algorithm>

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

// Whether the image is meant to start as root: it drops privileges itself (gosu, su-exec,
// setpriv), its command is a server that does (nginx, httpd, php-fpm, sshd, supervisord, init),
// or it has no command of its own, ONBUILD triggers, or a command that only opens a shell or a
// language prompt (a base or toolchain image that others build on). Entrypoint scripts and init
// wrappers (docker-entrypoint.sh, tini) are looked through.
bool starts_as_root_by_design(const Document& doc, const std::vector<int>& chain) {
  const model::Model& m = doc.model();
  const model::Instruction* entrypoint = nullptr;
  const model::Instruction* cmd = nullptr;
  for (auto it = chain.rbegin(); it != chain.rend(); ++it)
    for (int i : m.stages[*it].instructions) {
      const model::Instruction& ins = m.instructions[i];
      if (ins.kind == model::Kind::Onbuild) return true;  // A base image for others to build on.
      if (ins.kind == model::Kind::Entrypoint) entrypoint = &ins;
      if (ins.kind == model::Kind::Cmd) cmd = &ins;
      if (ins.kind != model::Kind::Run && ins.kind != model::Kind::Entrypoint && ins.kind != model::Kind::Cmd) continue;
      std::string_view text = ins.args_text(doc.text());
      for (std::string_view drop : {"gosu", "su-exec", "setpriv", "runuser", "s6-setuidgid", "chroot --userspec"})
        if (text.find(drop) != std::string_view::npos) return true;
    }
  if (!entrypoint && !cmd) return true;
  auto words_of = [&](const model::Instruction* ins) {
    std::vector<std::string> out;
    if (!ins) return out;
    if (ins->json_form) {
      for (const model::Word& w : ins->json_args) out.push_back(w.text);
    } else {
      shell::Script s = shell::split(ins->args_text(doc.text()), 0, m.escape);
      if (!s.commands.empty())
        for (const shell::Word& w : s.commands.front().args) out.push_back(w.value);
    }
    return out;
  };
  // An entrypoint script or init wrapper runs the rest of its arguments, or the CMD.
  std::vector<std::string> words = words_of(entrypoint);
  auto wrapper = [](std::string_view w) {
    return w.find("entrypoint") != std::string_view::npos || w.ends_with(".sh") || w.ends_with("tini") ||
           w.ends_with("dumb-init") || w == "--";
  };
  while (!words.empty() && wrapper(words.front())) words.erase(words.begin());
  if (words.empty()) words = words_of(cmd);
  if (words.empty()) return true;
  std::string program = words[0].substr(words[0].rfind('/') == std::string::npos ? 0 : words[0].rfind('/') + 1);
  static const std::vector<std::string_view> kPrompts = {"sh", "bash", "ash", "zsh", "python", "python3", "node", "irb",
                                                        "jshell", "julia", "pypy", "pypy3", "ghci", "iex", "erl",
                                                        "pwsh", "php"};
  static const std::vector<std::string_view> kServers = {"nginx", "httpd", "httpd-foreground", "apache2-foreground",
                                                        "php-fpm", "haproxy",
                                                        "sshd", "supervisord", "init", "systemd", "cron", "crond"};
  bool alone = words.size() == 1 || (words.size() == 2 && (words[1] == "-a" || words[1] == "-i"));
  if (alone && std::find(kPrompts.begin(), kPrompts.end(), program) != kPrompts.end()) return true;
  if (std::find(kServers.begin(), kServers.end(), program) != kServers.end() ||
      program.starts_with("php-fpm"))
    return true;
  return false;
}

void check_final_stage_runs_as_root(RuleContext& ctx) {
  const model::Model& m = ctx.doc.model();
  int final = quality::final_stage(m, ctx.config);
  if (final < 0) return;
  const model::Stage& stage = m.stages[final];
  quality::StageUser user = quality::user_at(m, final, -1, ctx.text());
  if (!user.known || !user.root()) return;
  quality::BaseImage base = quality::stage_base(m, final);
  if (base.tag.find("windowsservercore") != std::string::npos || base.tag.find("nanoserver") != std::string::npos ||
      base.name.find("windows") != std::string::npos)
    return;  // Windows images have no root.
  if (!user.explicit_user && starts_as_root_by_design(ctx.doc, quality::stage_chain(m, final))) return;
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
