// InvalidMount: a `RUN --mount=...` that BuildKit rejects: an unknown type or option, a value of
// the wrong kind (ro/rw/required are booleans, mode is octal, uid and gid decimal, size a size
// such as 64m), an option on a type that does not take it (sharing is for cache mounts, size for
// tmpfs, required for secret and ssh, mode/uid/gid not for bind and tmpfs), a bare word other than
// ro, readonly, rw, readwrite and required, or a secret mount without id, source or target, with
// both source and id, or with from. As in BuildKit, `required` and `size` are judged by the type
// given before them (write `type=` first).
#include <algorithm>
#include <cctype>
#include <optional>

#include "core/model/model.h"
#include "core/text_distance.h"
#include "rules/rule.h"
#include "rules/rule_helpers.h"

namespace dfls {

namespace {

const std::vector<std::string>& all_keys() {
  static const std::vector<std::string> keys = {"type", "from", "source", "target", "readonly", "id", "sharing",
                                                "required", "mode", "uid", "gid", "src", "dst", "destination",
                                                "ro", "rw", "readwrite", "size", "env"};
  return keys;
}

// docker/go-units RAMInBytes: a number, an optional unit k m g t p (any case) and optional "i"/"b".
bool is_ram_size(std::string_view s) {
  size_t i = 0;
  bool digits = false;
  while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i, digits = true;
  if (!digits) return false;
  while (i < s.size() && s[i] == '.') {
    ++i;
    size_t b = i;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
    if (i == b) return false;
  }
  if (i < s.size() && s[i] == ' ') ++i;
  if (i < s.size() && std::string_view("kKmMgGtTpP").find(s[i]) != std::string_view::npos) ++i;
  if (i < s.size() && (s[i] == 'i' || s[i] == 'I')) ++i;
  if (i < s.size() && (s[i] == 'b' || s[i] == 'B')) ++i;
  return i == s.size();
}

bool is_uint(std::string_view s, int base) {
  if (s.empty() || s.size() > 11) return false;
  for (char c : s)
    if (!(c >= '0' && c < '0' + base)) return false;
  return std::stoull(std::string(s), nullptr, base) <= 0xFFFFFFFFull;
}

struct Field {
  std::string key;  // Lowercased.
  std::optional<std::string> value;
  ByteRange span, key_span, value_span;
};

void check_mount(RuleContext& ctx, const rules::InstructionLine& line, const rules::FlagWord& f) {
  const std::string& value = *f.value;
  // Split into CSV fields (quotes were already removed with the flag's own quotes).
  std::vector<Field> fields;
  size_t pos = 0;
  while (true) {
    size_t comma = value.find(',', pos);
    size_t end = comma == std::string::npos ? value.size() : comma;
    Field fd;
    std::string_view raw = std::string_view(value).substr(pos, end - pos);
    size_t eq = raw.find('=');
    fd.key = rules::to_lower(raw.substr(0, eq));
    auto map = [&](size_t a, size_t b) {
      return f.value_is_raw ? line.line.range(f.value_start + a, f.value_start + b) : f.value_span;
    };
    fd.span = map(pos, end);
    fd.key_span = map(pos, eq == std::string_view::npos ? end : pos + eq);
    if (eq != std::string_view::npos) {
      fd.value = std::string(raw.substr(eq + 1));
      fd.value_span = map(pos + eq + 1, end);
    }
    fields.push_back(std::move(fd));
    if (comma == std::string::npos) break;
    pos = comma + 1;
  }

  std::string type = "bind";
  const Field *from = nullptr, *source = nullptr, *target = nullptr, *id = nullptr, *sharing = nullptr;
  const Field *mode = nullptr, *uid = nullptr, *gid = nullptr;
  auto bad = [&](ByteRange r, std::string msg) -> Diag& { return ctx.report(r, std::move(msg)); };
  auto suggest_fix = [](Diag& d, ByteRange r, const std::optional<std::string>& s) {
    if (s) d.fixes.push_back(Fix{.title = "Change to " + *s, .edits = {{r, *s}}, .safe = false, .preferred = true});
  };
  for (const Field& fd : fields) {
    const std::string& k = fd.key;
    if (!fd.value) {
      if (k == "ro" || k == "readonly" || k == "rw" || k == "readwrite") continue;
      if (k == "required") {
        if (type != "secret" && type != "ssh")
          bad(fd.key_span, "'required' applies only to secret and ssh mounts, and this one is type=" + type +
                               " at this point (write type= first)");
        continue;
      }
      if (k.empty()) {
        bad(f.value_span, "empty mount option");
        continue;
      }
      auto s = closest_match(k, all_keys());
      Diag& d = bad(fd.key_span, "mount option '" + k + "' needs a value: options are key=value" + rules::did_you_mean(s));
      suggest_fix(d, fd.key_span, s);
      continue;
    }
    const std::string& v = *fd.value;
    bool variable = v.find('$') != std::string::npos;
    if (k == "type") {
      if (variable) continue;
      std::string t = rules::to_lower(v);
      static const std::vector<std::string> kTypes = {"bind", "cache", "tmpfs", "secret", "ssh"};
      if (std::find(kTypes.begin(), kTypes.end(), t) == kTypes.end()) {
        auto s = closest_match(t, kTypes);
        Diag& d = bad(fd.value_span, "unknown mount type '" + v + "'" + rules::did_you_mean(s));
        suggest_fix(d, fd.value_span, s);
        continue;
      }
      type = t;
    } else if (k == "from") {
      from = &fd;
    } else if (k == "source" || k == "src") {
      source = &fd;
    } else if (k == "target" || k == "dst" || k == "destination") {
      target = &fd;
    } else if (k == "id") {
      id = &fd;
    } else if (k == "env") {
    } else if (k == "ro" || k == "readonly" || k == "rw" || k == "readwrite" || k == "required") {
      if (k == "required" && type != "secret" && type != "ssh") {
        bad(fd.key_span, "'required' applies only to secret and ssh mounts, and this one is type=" + type +
                             " at this point (write type= first)");
        continue;
      }
      if (!variable && !rules::parse_go_bool(v)) bad(fd.value_span, "'" + k + "' takes true or false, not '" + v + "'");
    } else if (k == "size") {
      if (type != "tmpfs") bad(fd.key_span, "'size' applies only to tmpfs mounts, and this one is type=" + type + " at this point");
      else if (!variable && !is_ram_size(v)) bad(fd.value_span, "invalid size '" + v + "': write a number with an optional unit, such as 64m or 1g");
    } else if (k == "sharing") {
      sharing = &fd;
      static const std::vector<std::string> kModes = {"shared", "private", "locked"};
      std::string mv = rules::to_lower(v);
      if (!variable && std::find(kModes.begin(), kModes.end(), mv) == kModes.end()) {
        auto s = closest_match(mv, kModes);
        Diag& d = bad(fd.value_span, "unknown sharing mode '" + v + "'" + rules::did_you_mean(s));
        suggest_fix(d, fd.value_span, s);
      }
    } else if (k == "mode") {
      mode = &fd;
      if (!variable && !is_uint(v, 8)) bad(fd.value_span, "mode '" + v + "' is not an octal number");
    } else if (k == "uid" || k == "gid") {
      (k == "uid" ? uid : gid) = &fd;
      if (!variable && !is_uint(v, 10)) bad(fd.value_span, k + " '" + v + "' is not a decimal number");
    } else {
      auto s = closest_match(k, all_keys());
      Diag& d = bad(fd.key_span, "unknown mount option '" + k + "'" + rules::did_you_mean(s));
      suggest_fix(d, fd.key_span, s);
    }
  }
  if (type == "bind" || type == "tmpfs")
    for (const Field* fd : {mode, uid, gid})
      if (fd) bad(fd->key_span, "'" + fd->key + "' is not allowed on " + type + " mounts");
  if (type == "secret") {
    if (from) bad(from->key_span, "a secret mount cannot have from=");
    if (!source && !target && !id) bad(f.span, "a secret mount needs id=, source= or target=");
    if (source && id) bad(id->key_span, "a secret mount cannot have both source= and id=");
  }
  if (sharing && type != "cache") bad(sharing->key_span, "'sharing' applies only to cache mounts");
}

void check_invalid_mount(RuleContext& ctx) {
  const model::Model& m = ctx.doc.model();
  for (const model::Instruction& ins : m.instructions) {
    if (ins.kind != model::Kind::Run) continue;
    rules::InstructionLine line = rules::read_instruction_line(ctx.doc, ins);
    for (const rules::FlagWord& f : line.flags)
      if (f.name == "mount" && f.value) check_mount(ctx, line, f);
  }
}

}  // namespace

extern const Rule kRuleInvalidMount = {
    .id = "InvalidMount",
    .default_severity = Severity::Error,
    .summary = "A RUN --mount that BuildKit rejects",
    .check = check_invalid_mount,
};

}  // namespace dfls
