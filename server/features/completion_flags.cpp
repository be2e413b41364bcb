// Flags, flag values and RUN --mount keys and values (spec sections 5 and 9-12).
#include <algorithm>

#include "features/completion_internal.h"
#include "features/docs_data.h"

namespace dfls::completion_detail {

namespace {

using model::Kind;

void add_values(Builder& b, std::initializer_list<std::pair<std::string_view, std::string_view>> values,
                int group = 10) {
  int rank = 0;
  for (auto [value, detail] : values)
    b.add(std::string(value), CompletionKind::Value, sort_key(group, rank++)).detail = detail;
}

void add_booleans(Builder& b) {
  add_values(b, {{"true", ""}, {"false", ""}});
}

// Keys that mean the same thing (aliases), or exclude each other (ro and rw).
std::string_view key_group(std::string_view key) {
  if (key == "dst" || key == "destination") return "target";
  if (key == "src") return "source";
  if (key == "ro" || key == "readonly" || key == "rw" || key == "readwrite") return "access";
  return key;
}

std::string mount_type(const CursorContext& ctx, bool* given) {
  std::string type;
  *given = false;
  for (const auto& f : ctx.mount_fields)
    if (f.key == "type") {
      type = to_lower(f.value);
      *given = true;
    }
  return type;
}

const CursorContext::MountField* field(const CursorContext& ctx, std::string_view key) {
  for (const auto& f : ctx.mount_fields)
    if (key_group(f.key) == key_group(key)) return &f;
  return nullptr;
}

}  // namespace

void complete_flag_names(Builder& b) {
  const CursorContext& ctx = b.ctx;
  if (!ctx.kind) return;
  std::string keyword(model::kind_keyword(*ctx.kind));
  int rank = 0;
  for (const auto& f : docs::flags_of(*ctx.kind)) {
    ++rank;
    bool present = std::find(ctx.flags_present.begin(), ctx.flags_present.end(), f.name) != ctx.flags_present.end();
    if (present && !f.repeatable) continue;
    auto& item = b.add("--" + std::string(f.name), CompletionKind::Flag, sort_key(50, rank));
    if (!f.boolean) {
      item.insert_text += "=";
      item.retrigger = true;
    }
    item.detail = f.boolean ? "[=<bool>]" : "=" + std::string(f.value);
    item.documentation_key = "flag/" + keyword + "/" + std::string(f.name);
  }
}

void complete_flag_value(Builder& b) {
  const CursorContext& ctx = b.ctx;
  if (!ctx.kind) return;
  const std::string& flag = ctx.flag;
  const docs::FlagDoc* doc = docs::flag_doc(*ctx.kind, flag);
  if (!doc) return;
  if (doc->boolean) return add_booleans(b);
  if (flag == "network") {
    add_values(b, {{"default", "the normal build network"}, {"none", "no network access"},
                   {"host", "the host's network (needs the network.host entitlement)"}});
  } else if (flag == "security") {
    add_values(b, {{"sandbox", "the normal mode"},
                   {"insecure", "elevated privileges (needs the security.insecure entitlement)"}});
  } else if (flag == "platform") {
    add_values(b, {{"linux/amd64", "x86-64"}, {"linux/arm64", "64-bit ARM"},
                   {"linux/arm/v7", "32-bit ARMv7"}, {"linux/arm/v6", "32-bit ARMv6"},
                   {"linux/386", "32-bit x86"}, {"linux/ppc64le", "POWER, little-endian"},
                   {"linux/s390x", "IBM Z"}, {"linux/riscv64", "64-bit RISC-V"},
                   {"windows/amd64", "Windows on x86-64"}});
    add_values(b, {{"$BUILDPLATFORM", "the platform of the machine running the build"},
                   {"$TARGETPLATFORM", "the platform being built for"}}, 5);
  } else if (flag == "from") {
    complete_image_ref(b, ctx.prefix_text, ctx.prefix.start, ctx.stage, true);
  } else if (flag == "chmod") {
    add_values(b, {{"0755", "rwxr-xr-x: directories and programs"}, {"0644", "rw-r--r--: ordinary files"},
                   {"0700", "rwx------: owner only"}, {"0600", "rw-------: private files"},
                   {"0555", "r-xr-xr-x: read-only programs"}, {"0444", "r--r--r--: read-only files"},
                   {"+x", "add execute permission (symbolic, Dockerfile 1.14)"},
                   {"u=rwX,go=rX", "owner writes, others read (symbolic)"}});
  } else if (flag == "chown") {
    size_t colon = ctx.prefix_text.find(':');
    bool groups = colon != std::string::npos;
    ByteRange at = groups ? ByteRange{ctx.prefix.start + colon + 1, ctx.offset} : ctx.prefix;
    int rank = 0;
    for (const auto& u : known_users(b.doc, ctx.stage, ctx.instruction_index, groups))
      b.add_at(at, u.value, CompletionKind::User, sort_key(10, rank++)).detail = u.detail;
  } else if (flag == "checksum") {
    auto& item = b.add("sha256:", CompletionKind::Value, sort_key(10, 0));
    item.detail = "the SHA-256 digest of the downloaded file";
  } else if (flag == "retries") {
    add_values(b, {{"3", "the default"}, {"5", ""}, {"10", ""}});
  } else if (flag == "interval" || flag == "timeout" || flag == "start-period" || flag == "start-interval") {
    add_values(b, {{"5s", ""}, {"10s", ""}, {"30s", ""}, {"1m", ""}, {"5m", ""}});
    for (auto& item : b.list.items)
      if ("`" + item.label + "`" == doc->default_value) item.detail = "the default";
  }
}

void complete_mount_key(Builder& b) {
  const CursorContext& ctx = b.ctx;
  bool type_given = false;
  std::string type = mount_type(ctx, &type_given);
  unsigned bits = docs::mount_type_bit(type);
  if (bits == 0) bits = docs::kAllTypes;
  bool has_id = field(ctx, "id") != nullptr;
  bool has_source = field(ctx, "source") != nullptr;
  if (!type_given) {
    auto& item = b.add("type", CompletionKind::MountKey, sort_key(0, 0));
    item.insert_text += "=";
    item.retrigger = true;
    item.detail = "=bind|cache|tmpfs|secret|ssh";
    item.documentation_key = "mount/type";
  }
  int rank = 0;
  for (const auto& k : docs::mount_keys()) {
    ++rank;
    if (k.name == "type" || !(k.types & bits) || field(ctx, k.name)) continue;
    if ((bits & docs::kSecret) && ((has_id && key_group(k.name) == "source") || (has_source && k.name == "id")))
      continue;
    bool alias = !k.canonical.empty();
    auto& item = b.add(std::string(k.name), CompletionKind::MountKey, sort_key(alias ? 20 : 10, rank));
    if (!k.bare) {
      item.insert_text += "=";
      item.retrigger = true;
    }
    item.detail = k.value.empty() ? std::string("(flag)") : "=" + std::string(k.value);
    item.documentation_key = "mount/" + std::string(k.name);
  }
}

void complete_mount_value(Builder& b) {
  const CursorContext& ctx = b.ctx;
  bool type_given = false;
  std::string type = mount_type(ctx, &type_given);
  unsigned bits = docs::mount_type_bit(type);
  std::string_view key = key_group(ctx.mount_key);
  if (key == "type") {
    int rank = 0;
    for (const auto& t : docs::mount_types()) {
      auto& item = b.add(std::string(t.name), CompletionKind::Value, sort_key(10, rank++));
      item.detail = t.summary;
      item.documentation_key = "mounttype/" + std::string(t.name);
    }
  } else if (key == "sharing") {
    add_values(b, {{"shared", "used by concurrent builds at once (the default)"},
                   {"private", "a separate cache for each concurrent writer"},
                   {"locked", "one build at a time; the others wait (apt needs it)"}});
  } else if (key == "from") {
    complete_image_ref(b, ctx.prefix_text, ctx.prefix.start, ctx.stage, false);
  } else if (key == "target") {
    if (bits == docs::kCache) {
      bool detected = false;
      int rank = 0;
      for (const auto& t : cache_targets(b.doc, ctx, &detected))
        b.add(t.value, CompletionKind::Path, sort_key(10, rank++)).detail = t.detail;
    } else if (bits == docs::kSecret) {
      const auto* id = field(ctx, "id");
      if (!id) id = field(ctx, "source");
      if (id && !id->value.empty())
        b.add("/run/secrets/" + id->value, CompletionKind::Path, sort_key(10, 0)).detail = "the default path";
    }
  } else if (key == "id" || (key == "source" && bits == docs::kSecret)) {
    int rank = 0;
    if (bits == docs::kSsh) b.add("default", CompletionKind::Value, sort_key(5, 0)).detail = "the default agent";
    for (const auto& id : mount_ids(b.model(), bits == 0 ? docs::kAllTypes : bits))
      b.add(id, CompletionKind::Value, sort_key(10, rank++)).detail = "used by another mount";
  } else if (key == "access" || key == "required") {
    add_booleans(b);
  } else if (key == "mode") {
    add_values(b, {{"0755", "rwxr-xr-x"}, {"0700", "rwx------"}, {"0644", "rw-r--r--"},
                   {"0600", "rw-------"}, {"0444", "r--r--r--"}, {"0400", "r--------"}});
  } else if (key == "uid" || key == "gid") {
    add_values(b, {{"0", "root"}, {"1000", "the usual first user"}, {"65532", "nonroot (distroless)"}});
  } else if (key == "size") {
    add_values(b, {{"64m", "64 MiB"}, {"256m", "256 MiB"}, {"512m", "512 MiB"}, {"1g", "1 GiB"}});
  } else if (key == "env") {
    const auto* id = field(ctx, "id");
    if (!id) id = field(ctx, "source");
    if (id && !id->value.empty()) {
      std::string name;
      for (char c : id->value)
        name += is_name_char(c) ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : '_';
      b.add(name, CompletionKind::Value, sort_key(10, 0)).detail = "the secret id as a variable name";
    }
  }
}

}  // namespace dfls::completion_detail
