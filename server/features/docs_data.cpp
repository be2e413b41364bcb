// Instruction documentation and the markdown renderers. Written for dockerfile-ls; the links
// point at the matching sections of Docker's Dockerfile reference.
#include "features/docs_data.h"

namespace dfls::docs {

namespace {

using model::Kind;

constexpr InstructionDoc kInstructions[] = {
    {Kind::From, "Starts a new build stage from a base image or from an earlier stage.",
     "FROM [--platform=<platform>] <image>[:<tag>|@<digest>] [AS <name>]",
     "Each stage begins with `FROM`. The base is an image reference, `scratch` (an empty "
     "filesystem) or the name of an earlier stage. Build arguments declared before the first "
     "`FROM` (global ARGs) may be used in the image and in `--platform`. `AS <name>` names the "
     "stage, so that later `FROM`, `COPY --from` and `RUN --mount=from=` can refer to it.",
     "from"},
    {Kind::Run, "Runs a command on top of the current image and keeps the result as a new layer.",
     "RUN [--mount=<options>] [--network=<mode>] [--security=<mode>] <command>\n"
     "RUN [flags] [\"<executable>\", \"<arg>\", ...]",
     "The shell form hands the text to the stage's shell (`/bin/sh -c` unless `SHELL` changed it); "
     "the exec form starts the program directly and expands no variables. A heredoc "
     "(`RUN <<EOF`) passes a multi-line script. `--mount` gives the command caches, secrets, an SSH "
     "agent or files of other stages, for the duration of that command only.",
     "run"},
    {Kind::Cmd, "Sets the default command of a container started without arguments.",
     "CMD [\"<executable>\", \"<arg>\", ...]\nCMD [\"<arg>\", ...]\nCMD <command>",
     "Only the last `CMD` of a stage counts. Next to an exec-form `ENTRYPOINT`, the exec form of "
     "`CMD` gives that entrypoint its default arguments. The shell form runs under `/bin/sh -c`, "
     "so signals reach the shell rather than the program.",
     "cmd"},
    {Kind::Label, "Attaches key/value metadata to the image.",
     "LABEL <key>=<value> [<key>=<value>...]",
     "Quote values that hold spaces. Labels of the base image are inherited, and a later label "
     "with the same key wins. The `org.opencontainers.image.*` keys are the usual vocabulary.",
     "label"},
    {Kind::Maintainer, "Deprecated: names the author of the image.", "MAINTAINER <name>",
     "Write `LABEL org.opencontainers.image.authors=\"...\"` instead; `MAINTAINER` only fills a "
     "deprecated field of the image configuration.",
     "maintainer-deprecated"},
    {Kind::Expose, "Documents the network ports the container listens on.",
     "EXPOSE <port>[/<protocol>] [<port>[/<protocol>]...]",
     "The protocol is `tcp` (the default) or `udp`. Nothing is published by `EXPOSE` itself: "
     "ports are published when the container runs (`docker run -p` or `-P`).",
     "expose"},
    {Kind::Env, "Sets environment variables for later instructions and for containers of the image.",
     "ENV <key>=<value> [<key>=<value>...]\nENV <key> <value>",
     "The variables stay in the image: every later instruction of the stage, stages built from it "
     "and running containers see them. For a value needed by one command only, set it in that "
     "`RUN` or use `ARG`. The old form without `=` takes the whole rest of the line as the value.",
     "env"},
    {Kind::Add, "Copies local files, remote URLs or Git repositories into the image.",
     "ADD [flags] <src>... <dest>\nADD [flags] [\"<src>\", ... \"<dest>\"]",
     "Beyond what `COPY` does, `ADD` downloads HTTP(S) URLs, clones Git repositories and unpacks "
     "local tar archives. For plain files of the build context `COPY` is clearer.",
     "add"},
    {Kind::Copy, "Copies files from the build context, a stage or an image into the image.",
     "COPY [flags] <src>... <dest>\nCOPY [flags] [\"<src>\", ... \"<dest>\"]",
     "Sources are relative to the build context, or to the root of the `--from` stage or image; "
     "wildcards are allowed. A destination ending in `/` is a directory, and a relative one is "
     "taken from `WORKDIR`. Copied files belong to root unless `--chown` says otherwise.",
     "copy"},
    {Kind::Entrypoint, "Sets the program a container runs; CMD and run-time arguments go to it.",
     "ENTRYPOINT [\"<executable>\", \"<arg>\", ...]\nENTRYPOINT <command>",
     "Prefer the exec form: the shell form runs under `/bin/sh -c`, ignores `CMD` and the "
     "arguments of `docker run`, and the program gets no signals directly. Only the last "
     "`ENTRYPOINT` of a stage counts.",
     "entrypoint"},
    {Kind::Volume, "Declares paths as mount points for data kept outside the container.",
     "VOLUME [\"<path>\", ...]\nVOLUME <path> [<path>...]",
     "When the container runs, each path gets an anonymous volume unless something is mounted "
     "there. Later build steps that change a volume path may see their changes dropped.",
     "volume"},
    {Kind::User, "Sets the user (and group) for later RUN, CMD and ENTRYPOINT instructions.",
     "USER <user>[:<group>]\nUSER <uid>[:<gid>]",
     "A name must exist in the image (`/etc/passwd`). Running as a user other than root limits "
     "what a compromised process can do.",
     "user"},
    {Kind::Workdir, "Sets the working directory of later instructions and of the container.",
     "WORKDIR <path>",
     "The directory is created when missing. A relative path continues from the previous "
     "`WORKDIR`, so absolute paths read better. Variables set with `ENV` or `ARG` may be used.",
     "workdir"},
    {Kind::Arg, "Declares a build argument that `docker build --build-arg` can set.",
     "ARG <name>[=<default>] [<name>[=<default>]...]",
     "An `ARG` before the first `FROM` is global: FROM lines may use it, and a stage sees it only "
     "after redeclaring it with `ARG <name>`. Inside a stage an argument applies from the next "
     "line to the end of the stage. Values can show up in the image history: pass secrets with "
     "`RUN --mount=type=secret` instead.",
     "arg"},
    {Kind::Onbuild, "Stores an instruction to run when another build starts FROM this image.",
     "ONBUILD <INSTRUCTION>",
     "The stored trigger runs at the start of the downstream build, just after its `FROM`. "
     "`ONBUILD` cannot hold `ONBUILD`, `FROM` or `MAINTAINER`.",
     "onbuild"},
    {Kind::Stopsignal, "Sets the signal that asks the container's main process to stop.",
     "STOPSIGNAL <signal>",
     "A name such as `SIGTERM` (the default) or `SIGQUIT`, or a signal number. Choose the one the "
     "program handles as a graceful shutdown (nginx, for example, uses `SIGQUIT`).",
     "stopsignal"},
    {Kind::Healthcheck, "Tells the engine how to check that the container still works.",
     "HEALTHCHECK [--interval=<d>] [--timeout=<d>] [--start-period=<d>] [--start-interval=<d>] "
     "[--retries=<n>] CMD <command>\nHEALTHCHECK NONE",
     "The command's exit status decides: 0 means healthy, 1 unhealthy. `NONE` turns off a check "
     "inherited from the base image. Only the last `HEALTHCHECK` of a stage counts.",
     "healthcheck"},
    {Kind::Shell, "Replaces the shell used by the shell form of RUN, CMD and ENTRYPOINT.",
     "SHELL [\"<executable>\", \"<arg>\", ...]",
     "The default is `[\"/bin/sh\", \"-c\"]` on Linux and `[\"cmd\", \"/S\", \"/C\"]` on Windows. "
     "Only the JSON form is accepted. `SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]` makes a "
     "pipeline fail when any of its commands fails.",
     "shell"},
};

}  // namespace

std::string reference_url(std::string_view anchor) {
  return "https://docs.docker.com/reference/dockerfile/#" + std::string(anchor);
}

const InstructionDoc* instruction_doc(model::Kind kind) {
  for (const auto& d : kInstructions)
    if (d.kind == kind) return &d;
  return nullptr;
}

std::string instruction_markdown(model::Kind kind) {
  const InstructionDoc* d = instruction_doc(kind);
  if (!d) return {};
  std::string out = "**" + std::string(model::kind_keyword(kind)) + "**: " + std::string(d->summary);
  out += "\n\n```dockerfile\n" + std::string(d->syntax) + "\n```\n\n" + std::string(d->details);
  out += "\n\n[Dockerfile reference](" + reference_url(d->anchor) + ")";
  return out;
}

std::string flag_markdown(const FlagDoc& f) {
  std::string out = "**`--" + std::string(f.name);
  if (f.boolean) out += "[=<bool>]";
  else out += "=" + std::string(f.value);
  out += "`** (" + std::string(model::kind_keyword(f.kind)) + ")\n\n" + std::string(f.summary);
  out += "\n\n";
  out += f.boolean ? "Value: boolean (`--" + std::string(f.name) + "` alone means true)"
                   : "Value: `" + std::string(f.value) + "`";
  if (!f.default_value.empty()) out += "; default: " + std::string(f.default_value);
  if (f.repeatable) out += "; may be repeated";
  if (!f.since.empty()) out += "\n\nSince Dockerfile syntax " + std::string(f.since) + ".";
  out += "\n\n[Dockerfile reference](" + reference_url(f.anchor) + ")";
  return out;
}

std::string mount_key_markdown(const MountKeyDoc& k) {
  std::string out = "**`" + std::string(k.name);
  if (!k.value.empty()) out += "=" + std::string(k.value);
  out += "`** (`RUN --mount` option";
  if (!k.canonical.empty() && k.canonical != k.name) out += ", same as `" + std::string(k.canonical) + "`";
  out += ")\n\n" + std::string(k.summary) + "\n\nApplies to: ";
  bool first = true;
  for (const auto& t : mount_types()) {
    if (!(k.types & t.bit)) continue;
    out += (first ? "`" : ", `") + std::string(t.name) + "`";
    first = false;
  }
  if (!k.default_value.empty()) out += "\n\nDefault: " + std::string(k.default_value);
  out += "\n\n[Dockerfile reference](" + reference_url("run---mount") + ")";
  return out;
}

std::string mount_type_markdown(const MountTypeDoc& t) {
  std::string anchor = "run---mounttype" + std::string(t.name);
  return "**`type=" + std::string(t.name) + "`** (`RUN --mount`)\n\n" + std::string(t.summary) +
         "\n\n[Dockerfile reference](" + reference_url(anchor) + ")";
}

std::string directive_markdown(const DirectiveDoc& d) {
  return "**`# " + std::string(d.name) + "=`** (parser directive)\n\n" + std::string(d.summary) +
         "\n\n```dockerfile\n" + std::string(d.syntax) + "\n```\n\n[Dockerfile reference](" +
         reference_url(d.anchor) + ")";
}

std::string modifier_markdown(const ModifierDoc& m) {
  return "**`" + std::string(m.form) + "`**\n\n" + std::string(m.summary) +
         "\n\n[Dockerfile reference](" + reference_url("environment-replacement") + ")";
}

}  // namespace dfls::docs
