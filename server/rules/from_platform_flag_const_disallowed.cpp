// FromPlatformFlagConstDisallowed (BuildKit): `FROM --platform=linux/amd64` with a constant
// platform. The stage is then always built for that platform, also in multi-platform builds;
// `$BUILDPLATFORM` (build tools) or `$TARGETPLATFORM` usually says what is meant. Not reported
// when the stage name mentions the platform's OS or architecture (`AS build-arm64`), which shows
// the constant is deliberate.
#include "core/model/model.h"
#include "rules/rule.h"
#include "rules/rule_helpers.h"

namespace dfls {

namespace {

bool known_os(std::string_view os) {
  for (std::string_view k : {"aix", "android", "darwin", "dragonfly", "freebsd", "hurd", "illumos", "ios", "js",
                             "linux", "nacl", "netbsd", "openbsd", "plan9", "solaris", "wasip1", "windows", "zos"})
    if (os == k) return true;
  return false;
}

std::string normalize_arch(std::string_view arch) {
  if (arch == "x86_64" || arch == "x86-64" || arch == "amd64") return "amd64";
  if (arch == "i386") return "386";
  if (arch == "aarch64" || arch == "arm64") return "arm64";
  if (arch == "armhf" || arch == "armel" || arch == "arm") return "arm";
  return std::string(arch);
}

bool known_arch(std::string_view arch) {
  for (std::string_view k : {"386", "amd64", "amd64p32", "arm", "armbe", "arm64", "arm64be", "ppc64", "ppc64le",
                             "loong64", "mips", "mipsle", "mips64", "mips64le", "mips64p32", "mips64p32le", "ppc",
                             "riscv", "riscv64", "s390", "s390x", "sparc", "sparc64", "wasm"})
    if (arch == k) return true;
  return false;
}

// OS and architecture of a platform specifier as containerd's platforms.Parse reads it; nothing
// when it does not parse (then the build fails elsewhere).
std::optional<std::pair<std::string, std::string>> parse_platform(std::string_view spec) {
  std::vector<std::string> parts;
  std::string lower = rules::to_lower(spec);
  std::string_view s = lower;
  while (true) {
    size_t slash = s.find('/');
    parts.emplace_back(s.substr(0, slash));
    if (slash == std::string_view::npos) break;
    s.remove_prefix(slash + 1);
  }
  if (parts.empty() || parts.size() > 3) return std::nullopt;
  for (const std::string& p : parts)
    if (p.empty() || p.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_-") != std::string::npos)
      return std::nullopt;
  std::string os = parts[0] == "macos" ? "darwin" : parts[0];
  if (parts.size() == 1) {
    if (known_os(os)) return std::make_pair(os, std::string("amd64"));
    std::string arch = normalize_arch(parts[0]);
    if (known_arch(arch)) return std::make_pair(std::string("linux"), arch);
    return std::nullopt;
  }
  return std::make_pair(os, normalize_arch(parts[1]));
}

void check_from_platform_flag_const_disallowed(RuleContext& ctx) {
  const model::Model& m = ctx.doc.model();
  for (const model::Stage& st : m.stages) {
    const model::Instruction& ins = m.instructions[st.from_instruction];
    rules::InstructionLine line = rules::read_instruction_line(ctx.doc, ins);
    for (const rules::FlagWord& f : line.flags) {
      if (f.name != "platform" || !f.value || f.value->empty() || f.value->find('$') != std::string::npos) continue;
      auto p = parse_platform(*f.value);
      if (!p) continue;
      if (!st.name.empty() && (st.name.find(p->first) != std::string::npos ||
                               st.name.find(p->second) != std::string::npos))
        continue;
      ctx.report(f.value_span, "FROM --platform uses the constant '" + *f.value +
                                   "': use $BUILDPLATFORM or $TARGETPLATFORM, or name the stage after the platform");
    }
  }
}

}  // namespace

extern const Rule kRuleFromPlatformFlagConstDisallowed = {
    .id = "FromPlatformFlagConstDisallowed",
    .default_severity = Severity::Warning,
    .summary = "FROM --platform should not be a constant",
    .hadolint_code = "DL3029",
    .check = check_from_platform_flag_const_disallowed,
    .buildkit_name = "FromPlatformFlagConstDisallowed",
};

}  // namespace dfls
