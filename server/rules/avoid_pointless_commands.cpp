// AvoidPointlessCommands (hadolint DL3001): a RUN runs a command that makes no sense while an
// image is built: interactive programs (vim, top, ssh), service control (service, shutdown), or
// looks at processes, memory, network interfaces and mounts (ps, free, kill, ifconfig, mount).
// A build step has no terminal, no running services and no other processes; such a command either
// fails, hangs, or does nothing that lasts into the image. Installing these programs is not
// reported, only running them.
#include "rules/rule.h"
#include "rules/shell_helpers.h"

namespace dfls {

namespace {

void check_avoid_pointless_commands(RuleContext& ctx) {
  static constexpr std::string_view kPointless[] = {"ssh",  "vim", "shutdown", "service", "ps",
                                                    "free", "top", "kill",     "mount",   "ifconfig"};
  for (const shell_rules::RunScripts& run : shell_rules::all_runs(ctx.doc))
    for (const shell_rules::RunCommand& rc : run.commands) {
      std::string name = rc.name();
      for (std::string_view p : kPointless)
        if (name == p) {
          const shell::Word& w = rc.cmd->args[rc.program];
          ctx.report({w.start, w.end}, "'" + name + "' makes no sense while the image is built");
        }
    }
}

}  // namespace

extern const Rule kRuleAvoidPointlessCommands = {
    .id = "AvoidPointlessCommands",
    .default_severity = Severity::Info,
    .summary = "A command that makes no sense in a build step",
    .hadolint_code = "DL3001",
    .check = check_avoid_pointless_commands,
};

}  // namespace dfls
