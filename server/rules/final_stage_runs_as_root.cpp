// FinalStageRunsAsRoot: the image the build produces (the last stage, or the configured target)
// runs its process as root, because no USER switches away from root and the base image's default
// user is root (or a USER root is the last one). A process that is compromised then owns the
// container, and with a careless mount, files on the host. Images the catalog does not know are
// left alone: their default user is unknown. So is a USER given through a variable, and a USER
// root that restates the user in effect counts as no USER.
//
// The fix adds a non-root USER before the stage's trailing CMD/ENTRYPOINT/EXPOSE lines: nonroot
// for distroless and Chainguard, 65532:65532 for scratch, node for node images, app for .NET 8
// and later images, and for Alpine and Debian bases (older .NET images included) a system user
// created just before. It is not applied automatically: the process may need to write files that
// root owns.
#include <algorithm>
#include <cctype>

#include "core/model/model.h"
#include "images/catalog.h"
#include "rules/quality_helpers.h"
#include "rules/rule.h"
#include "rules/shell_helpers.h"

namespace dfls {

namespace {

struct UserChoice {
  std::string user;
  std::string create;  // A RUN creating it, or "".
};

// Whether a .NET image tag has the `app` user, added in .NET 8 (tags without a version, like
// latest, follow the newest release).
bool dotnet_has_app_user(std::string_view tag) {
  size_t digits = 0;
  while (digits < tag.size() && std::isdigit(static_cast<unsigned char>(tag[digits]))) ++digits;
  return digits == 0 || std::stoi(std::string(tag.substr(0, std::min<size_t>(digits, 4)))) >= 8;
}

std::optional<UserChoice> choose_user(const quality::BaseImage& base) {
  const auto& catalog = images::Catalog::embedded();
  if (base.scratch) return UserChoice{"65532:65532", ""};
  if (base.name.starts_with("gcr.io/distroless/") || base.name.starts_with("cgr.dev/chainguard/"))
    return UserChoice{"nonroot:nonroot", ""};
  if (base.name == "node") return UserChoice{"node", ""};
  if (base.name.starts_with("mcr.microsoft.com/dotnet/") && dotnet_has_app_user(base.tag))
    return UserChoice{"app", ""};
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

// Whether a program is an artifact no Unix user runs: a WebAssembly module (run by a Wasm
// runtime) or a file only exported from the image (an Android or iOS package, an archive, a
// wheel). Jars and wars are not among them: Spring Boot builds them as executables.
bool artifact_program(std::string_view program) {
  for (std::string_view ext : {".wasm", ".apk", ".aab", ".ipa", ".zip", ".tar", ".tgz", ".gz", ".whl"})
    if (program.ends_with(ext)) return true;
  return false;
}

// Whether a command needs no user switch of its own: a server that drops privileges itself, a
// program that needs root (packet capture, firewall rules, container daemons), a command that
// only opens a shell or a language prompt (a base or toolchain image that others build on), or
// an artifact that never runs as a Unix process.
bool root_by_design_command(const std::vector<std::string>& words) {
  if (words.empty()) return true;
  std::string program = words[0].substr(words[0].rfind('/') == std::string::npos ? 0 : words[0].rfind('/') + 1);
  static const std::vector<std::string_view> kPrompts = {"sh", "bash", "ash", "zsh", "python", "python3", "node", "irb",
                                                        "jshell", "julia", "pypy", "pypy3", "ghci", "iex", "erl",
                                                        "pwsh", "php"};
  static const std::vector<std::string_view> kDropPrivileges = {"nginx", "httpd", "httpd-foreground",
                                                               "apache2-foreground", "php-fpm", "haproxy", "sshd",
                                                               "supervisord", "init", "systemd", "cron", "crond"};
  static const std::vector<std::string_view> kNeedRoot = {"dockerd", "containerd", "tcpdump", "tshark", "dumpcap",
                                                         "iptables", "nft", "ipvsadm"};
  auto listed = [&](const std::vector<std::string_view>& list) {
    return std::find(list.begin(), list.end(), program) != list.end();
  };
  bool alone = words.size() == 1 || (words.size() == 2 && (words[1] == "-a" || words[1] == "-i"));
  return (alone && listed(kPrompts)) || listed(kDropPrivileges) || program.starts_with("php-fpm") ||
         listed(kNeedRoot) || artifact_program(program);
}

// Whether the image is meant to start as root: it drops privileges itself (gosu, su-exec,
// setpriv), it has ONBUILD triggers, it is a BuildKit frontend (LABEL moby.buildkit.frontend.*,
// run by BuildKit, not as a container), or what it runs needs no user switch of its own
// (root_by_design_command), no command at all included. Init wrappers and entrypoint scripts
// (tini, docker-entrypoint.sh) are looked through.
bool starts_as_root_by_design(const Document& doc, const std::vector<int>& chain) {
  const model::Model& m = doc.model();
  for (int s : chain)
    for (int i : m.stages[s].instructions) {
      const model::Instruction& ins = m.instructions[i];
      if (ins.kind == model::Kind::Onbuild) return true;  // A base image for others to build on.
      if (ins.kind == model::Kind::Label)
        for (const model::KeyValue& kv : ins.pairs)
          if (kv.key.starts_with("moby.buildkit.frontend.")) return true;
      if (ins.kind != model::Kind::Run && ins.kind != model::Kind::Entrypoint && ins.kind != model::Kind::Cmd) continue;
      std::string_view text = ins.args_text(doc.text());
      for (std::string_view drop : {"gosu", "su-exec", "setpriv", "runuser", "s6-setuidgid", "chroot --userspec"})
        if (text.find(drop) != std::string_view::npos) return true;
    }
  return root_by_design_command(quality::effective_command(doc, quality::image_command(m, chain.front())));
}

// Whether the last USER names its user through a variable (`USER ${APP_UID}`): the author made it
// configurable, and its default is only what a build without --build-arg gets.
bool user_from_variable(const model::Model& m, const quality::StageUser& user, std::string_view text) {
  if (!user.explicit_user) return false;
  std::string_view raw = m.instructions[user.instruction].args_text(text);
  return raw.substr(0, raw.find(':')).find('$') != std::string_view::npos;
}

// Whether the last USER is a root that was in effect already (`USER root` on a base image whose
// user is root): it changes nothing, so the image is judged as if it were not there.
bool redundant_root(const model::Model& m, const quality::StageUser& user, std::string_view text) {
  if (!user.explicit_user) return false;
  quality::StageUser before = quality::user_at(m, m.instructions[user.instruction].stage, user.instruction, text);
  return before.known && before.root();
}

void check_final_stage_runs_as_root(RuleContext& ctx) {
  const model::Model& m = ctx.doc.model();
  int final = quality::final_stage(m, ctx.config);
  if (final < 0) return;
  const model::Stage& stage = m.stages[final];
  quality::StageUser user = quality::user_at(m, final, -1, ctx.text());
  if (!user.known || !user.root() || user_from_variable(m, user, ctx.text())) return;
  quality::BaseImage base = quality::stage_base(m, final);
  if (shell_rules::windows_stage(m, final)) return;  // Windows images have no root.
  bool as_image_default = !user.explicit_user || redundant_root(m, user, ctx.text());
  if (as_image_default && starts_as_root_by_design(ctx.doc, quality::stage_chain(m, final))) return;
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
