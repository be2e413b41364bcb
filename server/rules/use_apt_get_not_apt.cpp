// UseAptGetNotApt (hadolint DL3027): `apt` is the command-line tool for people at a terminal: its
// output and behaviour may change between releases and it warns that it "does not have a stable
// CLI interface". Scripts, and so Dockerfiles, use `apt-get` (and `apt-cache` for queries). The
// fix replaces `apt` with `apt-get` for the verbs apt-get knows (`apt full-upgrade` becomes
// `apt-get dist-upgrade`), and with `apt-cache` for search, show, policy, depends and rdepends.
#include "rules/rule.h"
#include "rules/shell_helpers.h"

namespace dfls {

namespace {

bool one_of(std::string_view s, std::initializer_list<std::string_view> list) {
  for (std::string_view x : list)
    if (s == x) return true;
  return false;
}

void check_use_apt_get_not_apt(RuleContext& ctx) {
  std::string_view text = ctx.text();
  for (const shell_rules::RunScripts& run : shell_rules::all_runs(ctx.doc))
    for (const shell_rules::RunCommand* rc : run.named("apt")) {
      const shell::Word& word = rc->cmd->args[rc->program];
      Diag& d = ctx.report({word.start, word.end}, "apt is meant for terminals: use apt-get in scripts");
      auto verb = shell_rules::tool_commands(run, "apt",
                                             {"install", "update", "upgrade", "dist-upgrade", "full-upgrade", "remove",
                                              "purge", "autoremove", "autoclean", "clean", "build-dep", "source",
                                              "download", "reinstall", "search", "show", "policy", "depends",
                                              "rdepends", "showsrc"});
      const shell_rules::ToolCommand* tc = nullptr;
      for (const auto& t : verb)
        if (t.run == rc) tc = &t;
      // Only a word written as plain text can be replaced in place.
      if (!tc || word.quoted || text.substr(word.start, word.end - word.start) != word.value) continue;
      std::string_view v = tc->verb_word().value;
      std::string prefix = word.value.substr(0, word.value.size() - 3);  // "/usr/bin/" of "/usr/bin/apt".
      std::vector<TextEdit> edits;
      std::string title;
      if (one_of(v, {"search", "show", "policy", "depends", "rdepends", "showsrc"})) {
        edits.push_back({{word.start, word.end}, prefix + "apt-cache"});
        title = "Use apt-cache";
      } else if (v == "reinstall") {
        continue;  // apt-get spells it "install --reinstall".
      } else {
        edits.push_back({{word.start, word.end}, prefix + "apt-get"});
        if (v == "full-upgrade") edits.push_back({{tc->verb_word().start, tc->verb_word().end}, "dist-upgrade"});
        title = "Use apt-get";
      }
      // `apt upgrade` may install new packages, `apt-get upgrade` does not.
      bool same = one_of(v, {"install", "update", "remove", "purge", "autoremove", "clean", "autoclean", "search",
                             "show", "policy", "depends", "rdepends", "showsrc", "source", "download", "build-dep"});
      d.fixes.push_back(Fix{.title = title, .edits = std::move(edits), .safe = same, .preferred = same});
    }
}

}  // namespace

extern const Rule kRuleUseAptGetNotApt = {
    .id = "UseAptGetNotApt",
    .default_severity = Severity::Warning,
    .summary = "apt used instead of apt-get",
    .hadolint_code = "DL3027",
    .check = check_use_apt_get_not_apt,
};

}  // namespace dfls
