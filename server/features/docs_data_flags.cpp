// Flags, RUN --mount keys and types, parser directives and `${VAR}` modifiers (spec sections 2,
// 3, 6 and 9-12), described in our own words.
#include <algorithm>

#include "features/docs_data.h"

namespace dfls::docs {

namespace {

using model::Kind;

// Grouped by instruction; flags_of() returns each group as a span.
constexpr FlagDoc kFlags[] = {
    {Kind::From, "platform", "<platform>", false, false, "the build's target platform",
     "Platform of the base image (`linux/amd64`, `linux/arm64`...). `$BUILDPLATFORM` runs the "
     "stage natively on the build machine, which suits cross-compiling stages.",
     "from", ""},

    {Kind::Run, "mount", "<options>", false, true, "`type=bind`",
     "Mounts a cache, a secret, an SSH agent, a tmpfs or files of a stage or the context, for "
     "this command only. Options are comma-separated `key=value` pairs, usually starting with "
     "`type=`.",
     "run---mount", ""},
    {Kind::Run, "network", "default|none|host", false, false, "`default`",
     "Network of the command: `default` (the normal build network), `none` (no network at all) "
     "or `host` (the host's network; needs the `network.host` entitlement).",
     "run---network", ""},
    {Kind::Run, "security", "sandbox|insecure", false, false, "`sandbox`",
     "`insecure` runs the command with elevated privileges, like `docker run --privileged`, and "
     "needs the `security.insecure` entitlement; `sandbox` is the normal mode.",
     "run---security", "1.20"},
    {Kind::Run, "device", "<name>[,required]", false, false, "",
     "Makes a CDI device available to the command. Only the labs syntax "
     "(`docker/dockerfile:1-labs`) runs it.",
     "run---device", "1.14-labs"},

    {Kind::Copy, "from", "<stage|index|image>", false, false, "the build context",
     "Copies from an earlier stage (by name or index), an image or a named build context instead "
     "of the build context. Variables are not expanded here.",
     "copy---from", ""},
    {Kind::Copy, "chown", "<user>[:<group>]", false, false, "`0:0` (root)",
     "Owner of the copied files, by name or numeric id; names are looked up in the image's "
     "`/etc/passwd` and `/etc/group`. Not supported for Windows containers.",
     "copy---chown---chmod", ""},
    {Kind::Copy, "chmod", "<perms>", false, false, "the permissions of the source",
     "Permissions of the copied files: octal (`0755`) or symbolic (`u=rwX,go=rX`, since 1.14).",
     "copy---chown---chmod", ""},
    {Kind::Copy, "link", "", true, false, "false",
     "Copies into a layer of its own that does not depend on earlier layers, so the copy can be "
     "reused when the base changes.",
     "copy---link", "1.4"},
    {Kind::Copy, "parents", "", true, false, "false",
     "Keeps the parent directories of each source under the destination; a `/./` in a source "
     "marks where the kept path starts.",
     "copy---parents", "1.20"},
    {Kind::Copy, "exclude", "<pattern>", false, true, "",
     "Leaves out sources that match the pattern (`*`, `?`, `**`).",
     "copy---exclude", "1.19"},

    {Kind::Add, "checksum", "<digest>", false, false, "",
     "Verifies a remote source: `sha256:<hex>` for an HTTP(S) URL, a commit for a Git source.",
     "add---checksum", "1.6"},
    {Kind::Add, "chown", "<user>[:<group>]", false, false, "`0:0` (root)",
     "Owner of the added files, by name or numeric id; names are looked up in the image's "
     "`/etc/passwd` and `/etc/group`.",
     "add---chown---chmod", ""},
    {Kind::Add, "chmod", "<perms>", false, false, "the permissions of the source",
     "Permissions of the added files: octal (`0644`) or symbolic (`u=rwX,go=rX`, since 1.14).",
     "add---chown---chmod", ""},
    {Kind::Add, "link", "", true, false, "false",
     "Adds into a layer of its own that does not depend on earlier layers.",
     "add---link", "1.4"},
    {Kind::Add, "exclude", "<pattern>", false, true, "",
     "Leaves out sources that match the pattern.", "add---exclude", "1.19"},
    {Kind::Add, "keep-git-dir", "", true, false, "false",
     "Keeps the `.git` directory when the source is a Git repository.", "add---keep-git-dir", "1.1"},
    {Kind::Add, "unpack", "", true, false, "true for local archives, false for URLs",
     "Whether an archive source is extracted into the destination.", "add---unpack", "1.17"},

    {Kind::Healthcheck, "interval", "<duration>", false, false, "`30s`",
     "Time between two checks.", "healthcheck", ""},
    {Kind::Healthcheck, "timeout", "<duration>", false, false, "`30s`",
     "How long one check may run before it counts as failed.", "healthcheck", ""},
    {Kind::Healthcheck, "start-period", "<duration>", false, false, "`0s`",
     "Start-up time during which failed checks do not count.", "healthcheck", ""},
    {Kind::Healthcheck, "start-interval", "<duration>", false, false, "`5s`",
     "Time between checks during the start period.", "healthcheck", ""},
    {Kind::Healthcheck, "retries", "<n>", false, false, "`3`",
     "Consecutive failures after which the container is unhealthy.", "healthcheck", ""},
};

constexpr MountTypeDoc kTypes[] = {
    {"bind", kBind, "Binds files of the build context, a stage or an image; read-only unless `rw`."},
    {"cache", kCache, "A directory kept between builds, for package manager and compiler caches."},
    {"tmpfs", kTmpfs, "An in-memory filesystem that exists while the command runs."},
    {"secret", kSecret,
     "A secret given with `docker build --secret`, as a file (`/run/secrets/<id>` by default) or "
     "an environment variable; it never ends up in the image."},
    {"ssh", kSsh,
     "The SSH agent forwarded with `docker build --ssh`, for example to clone private repositories."},
};

constexpr MountKeyDoc kKeys[] = {
    {"type", "", kAllTypes, "bind|cache|tmpfs|secret|ssh", false, "`bind`", "Kind of mount."},
    {"target", "", kAllTypes, "<path>", false,
     "secret: `/run/secrets/<id>`; ssh: `/run/buildkit/ssh_agent.<n>`",
     "Where the mount appears; needed for bind, cache and tmpfs. A relative path is taken from "
     "WORKDIR."},
    {"dst", "target", kAllTypes, "<path>", false, "", "Where the mount appears."},
    {"destination", "target", kAllTypes, "<path>", false, "", "Where the mount appears."},
    {"source", "", kBind | kCache | kSecret, "<path>", false, "the root of `from`",
     "bind and cache: the path inside `from`. secret: the secret's id."},
    {"src", "source", kBind | kCache | kSecret, "<path>", false, "", "Path inside `from` (secret: the id)."},
    {"from", "", kBind | kCache, "<stage|image>", false, "bind: the build context; cache: empty",
     "Stage, image or named context the files come from; variables are not expanded."},
    {"id", "", kCache | kSecret | kSsh, "<id>", false,
     "cache: the target path; ssh: `default`",
     "cache: names the cache, so mounts with the same id share it. secret: the id given to "
     "`--secret id=...`. ssh: the agent or key id given to `--ssh`."},
    {"sharing", "", kCache, "shared|private|locked", false, "`shared`",
     "How concurrent builds use the cache: `shared` together, `private` a new cache for each "
     "writer, `locked` one at a time (apt needs this)."},
    {"ro", "readonly", kBind | kCache | kTmpfs, "", true, "read-only for bind, secret and ssh",
     "Mounts read-only."},
    {"readonly", "", kBind | kCache | kTmpfs, "", true, "read-only for bind, secret and ssh",
     "Mounts read-only."},
    {"rw", "readwrite", kBind | kCache | kTmpfs, "", true, "writable for cache and tmpfs",
     "Mounts writable; writes to a bind mount are thrown away after the command."},
    {"readwrite", "", kBind | kCache | kTmpfs, "", true, "writable for cache and tmpfs",
     "Mounts writable; writes to a bind mount are thrown away after the command."},
    {"required", "", kSecret | kSsh, "true|false", true, "`false`",
     "Fails the build when the secret or the SSH agent is not provided."},
    {"mode", "", kCache | kSecret | kSsh, "<octal>", false, "cache `0755`, secret `0400`, ssh `0600`",
     "File mode of the mount."},
    {"uid", "", kCache | kSecret | kSsh, "<uid>", false, "`0`", "User id owning the mount."},
    {"gid", "", kCache | kSecret | kSsh, "<gid>", false, "`0`", "Group id owning the mount."},
    {"size", "", kTmpfs, "<bytes>", false, "no limit", "Size limit, with a unit (`64m`, `1g`)."},
    {"env", "", kSecret, "<name>", false, "",
     "Exposes the secret as an environment variable of that name (Dockerfile 1.10 and later); "
     "without `target` no file is written."},
};

constexpr DirectiveDoc kDirectives[] = {
    {"syntax",
     "Chooses the Dockerfile frontend image that reads the file: `docker/dockerfile:1` follows "
     "the latest stable 1.x syntax, `docker/dockerfile:1-labs` adds experimental features.",
     "# syntax=docker/dockerfile:1", "syntax"},
    {"escape",
     "Chooses the character that escapes characters and continues lines: `\\` (the default) or "
     "a backtick, convenient on Windows where `\\` separates paths.",
     "# escape=`", "escape"},
    {"check",
     "Configures build checks: `skip=<rules>` or `skip=all` turns checks off, `error=true` makes "
     "a violation fail the build, `experimental=<rules>` or `experimental=all` turns on "
     "experimental checks. Parts are separated by `;`.",
     "# check=skip=JSONArgsRecommended;error=true", "check"},
};

constexpr ModifierDoc kModifiers[] = {
    {":-", "${VAR:-word}", "`word` when VAR is unset or empty, otherwise VAR's value."},
    {"-", "${VAR-word}", "`word` when VAR is unset, otherwise VAR's value (even when empty)."},
    {":+", "${VAR:+word}", "`word` when VAR is set and not empty, otherwise nothing."},
    {"+", "${VAR+word}", "`word` when VAR is set (even to an empty value), otherwise nothing."},
    {":?", "${VAR:?message}", "Stops the build with `message` when VAR is unset or empty."},
    {"?", "${VAR?message}", "Stops the build with `message` when VAR is unset."},
    {"#", "${VAR#pattern}", "VAR without the shortest prefix that matches `pattern`."},
    {"##", "${VAR##pattern}", "VAR without the longest prefix that matches `pattern`."},
    {"%", "${VAR%pattern}", "VAR without the shortest suffix that matches `pattern`."},
    {"%%", "${VAR%%pattern}", "VAR without the longest suffix that matches `pattern`."},
    {"/", "${VAR/pattern/replacement}", "VAR with the first match of `pattern` replaced."},
    {"//", "${VAR//pattern/replacement}", "VAR with every match of `pattern` replaced."},
};

}  // namespace

std::span<const FlagDoc> flags_of(model::Kind kind) {
  const FlagDoc* b = std::find_if(std::begin(kFlags), std::end(kFlags),
                                  [&](const FlagDoc& f) { return f.kind == kind; });
  const FlagDoc* e = std::find_if(b, std::end(kFlags), [&](const FlagDoc& f) { return f.kind != kind; });
  return {b, e};
}

const FlagDoc* flag_doc(model::Kind kind, std::string_view name) {
  for (const auto& f : flags_of(kind))
    if (f.name == name) return &f;
  return nullptr;
}

unsigned mount_type_bit(std::string_view type) {
  if (type.empty()) return kBind;
  for (const auto& t : kTypes)
    if (t.name == type) return t.bit;
  return 0;
}

std::span<const MountTypeDoc> mount_types() { return kTypes; }

const MountTypeDoc* mount_type_doc(std::string_view name) {
  for (const auto& t : kTypes)
    if (t.name == name) return &t;
  return nullptr;
}

std::span<const MountKeyDoc> mount_keys() { return kKeys; }

const MountKeyDoc* mount_key_doc(std::string_view key) {
  for (const auto& k : kKeys)
    if (k.name == key) return &k;
  return nullptr;
}

std::span<const DirectiveDoc> directives() { return kDirectives; }

const DirectiveDoc* directive_doc(std::string_view name) {
  for (const auto& d : kDirectives)
    if (d.name == name) return &d;
  return nullptr;
}

std::span<const ModifierDoc> modifiers() { return kModifiers; }

const ModifierDoc* modifier_doc(std::string_view op) {
  for (const auto& m : kModifiers)
    if (m.op == op) return &m;
  return nullptr;
}

}  // namespace dfls::docs
