// CredentialFileCopied: a COPY or ADD from the build context of a file that holds credentials:
// .npmrc, .pypirc, .netrc, .git-credentials, .env, SSH and other private keys (id_rsa, *.key,
// *.p12, OpenSSH host keys ssh_host_*_key), .aws/, .ssh/, .docker/config.json or a kubeconfig.
// The file becomes part of a layer, readable by anyone who pulls the image, even when a later
// RUN deletes it. A warning in the final stage and in stages whose files reach it (COPY --from),
// info in a builder stage whose files do not, and for keys under a test-fixture directory (test/,
// testdata/, fixtures/, e2e/). With the build context on disk, a .npmrc, .pypirc or .netrc is
// reported only when it holds a literal credential (not only settings, or tokens taken from
// variables).
//
// The fix removes the file from the COPY; for .npmrc, .pypirc, .netrc and .git-credentials it
// mounts it as a build secret on the RUNs that need it instead
// (`--mount=type=secret,id=npmrc,target=/app/.npmrc`, built with
// `docker build --secret id=npmrc,src=.npmrc`). Never applied automatically.
#include "core/model/model.h"
#include "rules/quality_helpers.h"
#include "rules/rule.h"
#include "rules/rule_helpers.h"

namespace dfls {

namespace {

std::string basename_of(std::string_view p) {
  while (p.size() > 1 && p.back() == '/') p.remove_suffix(1);
  size_t slash = p.rfind('/');
  return std::string(slash == std::string_view::npos ? p : p.substr(slash + 1));
}

// Whether a *.key or *.pem file is a public key after all: a signing key for a package repository
// (`COPY jenkins.io.key /usr/share/keyrings/jenkins.pub`), by its destination, its name or, when
// the context is on disk, its first line.
bool public_key(const quality::BuildContext& context, std::string_view src, std::string_view dest) {
  std::string s = rules::to_lower(src), d = rules::to_lower(dest);
  for (std::string_view hint : {".pub", ".asc", ".gpg", "keyring", "trusted.gpg"})
    if (d.find(hint) != std::string::npos) return true;
  for (std::string_view hint : {"pub", "gpg", "pgp", "signing"})
    if (s.find(hint) != std::string::npos) return true;
  if (context.on_disk() && src.find_first_of("*?[$") == std::string_view::npos)
    if (std::optional<std::string> body = context.read(clean_path(src)))
      return body->find("PUBLIC KEY") != std::string::npos && body->find("PRIVATE KEY") == std::string::npos;
  return false;
}

// Whether a settings file that may hold credentials (.npmrc, .pypirc, .netrc), read from the build
// context on disk, holds none: only settings, or credentials taken from variables.
bool settings_only(const quality::BuildContext& context, std::string_view src) {
  std::string base = rules::to_lower(basename_of(src));
  if (base != ".npmrc" && base != ".pypirc" && base != ".netrc" && base != "_netrc") return false;
  if (!context.on_disk() || src.find_first_of("*?[$") != std::string_view::npos) return false;
  std::optional<std::string> body = context.read(clean_path(src));
  return body && !quality::credential_file_holds_secret(*body);
}

// Whether a credential is a key (a private key, SSH keys) rather than a settings file.
bool key_kind(std::string_view kind) {
  return kind.starts_with("a private key") || kind.starts_with("an SSH private key") || kind.starts_with("SSH");
}

void check_credential_file_copied(RuleContext& ctx) {
  const model::Model& m = ctx.doc.model();
  std::string_view text = ctx.text();
  quality::BuildContext context = quality::BuildContext::of(ctx);
  for (size_t idx = 0; idx < m.instructions.size(); ++idx) {
    const model::Instruction& ins = m.instructions[idx];
    if ((ins.kind != model::Kind::Copy && ins.kind != model::Kind::Add) || ins.inside_onbuild || ins.stage < 0 ||
        ins.flag("from") || !ins.heredocs.empty())
      continue;
    std::vector<model::Word> words = ins.json_form ? ins.json_args : ins.args;
    if (words.size() < 2) continue;
    size_t sources = words.size() - 1;
    for (size_t k = 0; k < sources; ++k) {
      const model::Word& src = words[k];
      if (src.text.find("://") != std::string::npos || src.text.starts_with("git@")) continue;
      std::string kind = quality::credential_file_kind(src.text);
      if (kind.empty() || (kind.starts_with("a private key") && public_key(context, src.text, words.back().text)) ||
          settings_only(context, src.text))
        continue;
      bool reaches = quality::reaches_final_image(m, ctx.config, ins.stage);
      bool fixture = key_kind(kind) && quality::test_fixture_path(src.text);
      Diag& d = ctx.report(src.span, std::string(model::kind_keyword(ins.kind)) + " puts " + kind +
                                         " into the image layer" + (reaches ? "" : " of a build stage") +
                                         (fixture ? " (a test fixture, by its path)" : ""));
      if (!reaches || fixture) d.severity = Severity::Info;
      // Remove the source, or the whole instruction when it is the only one.
      TextEdit removal;
      if (sources == 1) {
        removal = {quality::instruction_block(ctx.doc, ins), ""};
      } else if (!ins.json_form) {
        size_t start = src.span.start;
        while (start > 0 && (text[start - 1] == ' ' || text[start - 1] == '\t')) --start;
        removal = {{start, src.span.end}, ""};
      } else {
        continue;
      }
      std::string base = basename_of(src.text);
      std::vector<std::string_view> consumers = quality::credential_consumers(base);
      std::optional<std::string> workdir = quality::workdir_at(m, ins.stage, static_cast<int>(idx));
      const std::string& dest = words.back().text;
      std::vector<TextEdit> edits;
      std::string title = "Remove " + base + " from the image";
      if (!consumers.empty() && workdir && dest.find('$') == std::string::npos) {
        bool into_dir = dest.ends_with("/") || dest == "." || dest == ".." || sources > 1 || basename_of(dest) != base;
        std::string target = quality::join_path(*workdir, into_dir ? dest + "/" + base : dest);
        std::string id = base.substr(1);
        edits = quality::mount_on_consumers(ctx.doc, ins.stage, static_cast<int>(idx),
                                            "--mount=type=secret,id=" + id + ",target=" + target + " ", consumers);
        if (!edits.empty())
          title = "Mount " + base + " as a build secret: docker build --secret id=" + id + ",src=" + src.text;
      }
      edits.push_back(removal);
      d.fixes.push_back(Fix{.title = title, .edits = edits, .safe = false});
    }
  }
}

}  // namespace

extern const Rule kRuleCredentialFileCopied = {
    .id = "CredentialFileCopied",
    .default_severity = Severity::Warning,
    .summary = "A credential file copied into the image",
    .check = check_credential_file_copied,
};

}  // namespace dfls
