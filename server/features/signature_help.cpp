#include "features/signature_help.h"

#include <algorithm>
#include <cctype>

#include "features/cursor_context.h"
#include "features/docs_data.h"

namespace dfls {

namespace {

using model::Kind;

// A signature from a label whose parameters are wrapped in { and }.
SignatureInfo make(std::string_view marked, std::string_view documentation = {}) {
  SignatureInfo sig;
  sig.documentation = std::string(documentation);
  size_t open = 0;
  for (char c : marked) {
    if (c == '{') {
      open = sig.label.size();
    } else if (c == '}') {
      SignatureParameter p;
      p.start = static_cast<uint32_t>(open);
      p.end = static_cast<uint32_t>(sig.label.size());
      p.label = sig.label.substr(open);
      sig.parameters.push_back(std::move(p));
    } else {
      sig.label += c;
    }
  }
  return sig;
}

// "{[--from=<stage|image>]} {[--link]} ..." for the instruction's flags.
std::string flag_params(Kind kind) {
  std::string out;
  for (const auto& f : docs::flags_of(kind)) {
    out += "{[--" + std::string(f.name);
    if (!f.boolean) out += "=" + std::string(f.value);
    out += "]} ";
  }
  return out;
}

void document_flags(SignatureInfo& sig, Kind kind) {
  size_t i = 0;
  for (const auto& f : docs::flags_of(kind))
    if (i < sig.parameters.size()) sig.parameters[i++].documentation = std::string(f.summary);
}

// The index of the flag under the cursor among the instruction's flags (a unique prefix counts).
int flag_index(const CursorContext& ctx) {
  if (ctx.spot != Spot::FlagName && ctx.spot != Spot::FlagValue) return -1;
  auto flags = docs::flags_of(*ctx.kind);
  int found = -1, matches = 0;
  for (size_t i = 0; i < flags.size(); ++i) {
    if (flags[i].name == ctx.flag) return static_cast<int>(i);
    if (!ctx.flag.empty() && flags[i].name.starts_with(ctx.flag)) {
      found = static_cast<int>(i);
      ++matches;
    }
  }
  return matches == 1 ? found : -1;
}

// Text of the first positional argument (after the flags), or empty.
std::string_view first_argument(const CursorContext& ctx) {
  bool flags_open = true;
  for (size_t i = ctx.keyword_word + 1; i < ctx.words.size(); ++i) {
    std::string_view w = ctx.word_text(i);
    if (flags_open && w == "--") {
      flags_open = false;
      continue;
    }
    if (flags_open && w.starts_with("-")) continue;
    return w;
  }
  return {};
}

// Where the cursor is in its word: after the first `sep` in it.
bool after(const CursorContext& ctx, char sep) {
  size_t p = ctx.prefix_text.find(sep);
  return p != std::string::npos;
}

std::string_view mount_param_key(std::string_view label) {
  while (!label.empty() && (label.front() == '[' || label.front() == ',')) label.remove_prefix(1);
  return label.substr(0, label.find_first_of("=]"));
}

SignatureHelpResult mount_help(const CursorContext& ctx) {
  static const std::pair<std::string_view, std::string_view> kForms[] = {
      {"bind", "--mount={type=bind}{,target=<path>}{[,source=<path>]}{[,from=<stage|image>]}{[,rw]}"},
      {"cache", "--mount={type=cache}{,target=<path>}{[,id=<id>]}{[,sharing=shared|private|locked]}"
                "{[,from=<stage|image>]}{[,source=<path>]}{[,ro]}{[,mode=<octal>]}{[,uid=<uid>]}{[,gid=<gid>]}"},
      {"tmpfs", "--mount={type=tmpfs}{,target=<path>}{[,size=<bytes>]}"},
      {"secret", "--mount={type=secret}{,id=<id>}{[,target=<path>]}{[,env=<name>]}{[,required]}"
                 "{[,mode=<octal>]}{[,uid=<uid>]}{[,gid=<gid>]}"},
      {"ssh", "--mount={type=ssh}{[,id=<id>]}{[,target=<path>]}{[,required]}{[,mode=<octal>]}{[,uid=<uid>]}"
              "{[,gid=<gid>]}"},
  };
  SignatureHelpResult r;
  std::string type;
  for (const auto& f : ctx.mount_fields)
    if (f.key == "type") type = to_lower(f.value);
  if (ctx.spot == Spot::MountValue && ctx.mount_key == "type") type = to_lower(ctx.element_text);
  // A type being typed ("tm") selects the form it starts.
  if (!type.empty() && !docs::mount_type_doc(type))
    for (const auto& [name, form] : kForms)
      if (name.starts_with(type)) {
        type = std::string(name);
        break;
      }
  for (size_t i = 0; i < std::size(kForms); ++i) {
    const auto* t = docs::mount_type_doc(kForms[i].first);
    SignatureInfo sig = make(kForms[i].second, t ? t->summary : std::string_view{});
    for (auto& p : sig.parameters)
      if (const auto* k = docs::mount_key_doc(mount_param_key(p.label))) p.documentation = std::string(k->summary);
    r.signatures.push_back(std::move(sig));
    if (kForms[i].first == type) r.active_signature = static_cast<int>(i);
  }
  std::string key = ctx.spot == Spot::MountValue ? ctx.mount_key : to_lower(ctx.element_text);
  if (key == "dst" || key == "destination") key = "target";
  if (key == "src") key = "source";
  if (key == "readonly") key = "ro";
  if (key == "readwrite") key = "rw";
  const auto& params = r.signatures[r.active_signature].parameters;
  int matches = 0;
  for (size_t i = 0; i < params.size(); ++i) {
    std::string_view pk = mount_param_key(params[i].label);
    bool access = (key == "ro" || key == "rw") && (pk == "ro" || pk == "rw");
    if (pk == key || access) {
      r.active_parameter = static_cast<int>(i);
      matches = 1;
      break;
    }
    if (ctx.spot == Spot::MountKey && !key.empty() && pk.starts_with(key)) {
      r.active_parameter = static_cast<int>(i);
      ++matches;
    }
  }
  if (matches != 1) r.active_parameter = -1;
  return r;
}

}  // namespace

std::optional<SignatureHelpResult> signature_help(const Document& doc, size_t offset) {
  CursorContext ctx = cursor_context(doc, offset);
  if (!ctx.kind || ctx.spot == Spot::None || ctx.spot == Spot::Keyword) return std::nullopt;
  if (ctx.spot == Spot::MountKey || ctx.spot == Spot::MountValue) return mount_help(ctx);
  const Kind kind = *ctx.kind;
  const std::string keyword(model::kind_keyword(kind));
  const auto* idoc = docs::instruction_doc(kind);
  std::string_view summary = idoc ? idoc->summary : std::string_view{};
  const int flag = flag_index(ctx);
  const bool in_flag = ctx.spot == Spot::FlagName || ctx.spot == Spot::FlagValue;
  const int nflags = static_cast<int>(docs::flags_of(kind).size());
  const std::string_view first = first_argument(ctx);
  const int arg = ctx.arg_index;
  SignatureHelpResult r;
  auto add = [&](std::string marked) {
    r.signatures.push_back(make(marked, summary));
    document_flags(r.signatures.back(), kind);
  };
  switch (kind) {
    case Kind::From: {
      add("FROM {[--platform=<platform>]} {<image>} {[AS <name>]}");
      add("FROM {[--platform=<platform>]} {<image>}:{<tag>} {[AS <name>]}");
      add("FROM {[--platform=<platform>]} {<image>}@{<digest>} {[AS <name>]}");
      size_t slash = first.rfind('/');
      bool digest = first.find('@') != std::string_view::npos;
      bool tag = !digest && first.find(':', slash == std::string_view::npos ? 0 : slash) != std::string_view::npos;
      r.active_signature = digest ? 2 : tag ? 1 : 0;
      if (in_flag) r.active_parameter = 0;
      else if (arg == 0) r.active_parameter = r.active_signature && after(ctx, digest ? '@' : ':') ? 2 : 1;
      else if (arg > 0) r.active_parameter = r.active_signature ? 3 : 2;
      break;
    }
    case Kind::Copy:
    case Kind::Add: {
      add(keyword + " " + flag_params(kind) + "{<src>...} {<dest>}");
      add(keyword + " " + flag_params(kind) + "[{\"<src>\", ...}, {\"<dest>\"}]");
      r.active_signature = first.starts_with("[") ? 1 : 0;
      bool dest = arg >= 1 && arg >= ctx.arg_count - 1;
      r.active_parameter = in_flag ? flag : arg < 0 ? -1 : nflags + (dest ? 1 : 0);
      break;
    }
    case Kind::Healthcheck: {
      add("HEALTHCHECK " + flag_params(kind) + "CMD {<command>}");
      add("HEALTHCHECK NONE");
      bool none = to_lower(first) == "none";
      r.active_signature = none ? 1 : 0;
      r.active_parameter = none ? -1 : in_flag ? flag : arg >= 1 ? nflags : -1;
      break;
    }
    case Kind::Env:
    case Kind::Label: {
      add(keyword + " {<key>}={<value>} {[<key>=<value> ...]}");
      add(keyword + " {<key>} {<value>}");
      bool legacy = !first.empty() && first.find('=') == std::string_view::npos && arg != 0;
      r.active_signature = legacy ? 1 : 0;
      if (legacy) r.active_parameter = arg == 0 ? 0 : 1;
      else r.active_parameter = after(ctx, '=') ? 1 : 0;
      break;
    }
    case Kind::Arg: {
      add("ARG {<name>}");
      add("ARG {<name>}={<default value>}");
      bool with_default = ctx.element_text.find('=') != std::string::npos;
      r.active_signature = with_default ? 1 : 0;
      r.active_parameter = after(ctx, '=') ? 1 : 0;
      break;
    }
    case Kind::Run: {
      add("RUN " + flag_params(kind) + "{<command>}");
      add("RUN " + flag_params(kind) + "[{\"<executable>\"}, {\"<arg>\", ...}]");
      r.active_signature = first.starts_with("[") ? 1 : 0;
      if (in_flag) r.active_parameter = flag;
      else if (arg >= 0) r.active_parameter = nflags + (r.active_signature == 1 && arg > 0 ? 1 : 0);
      break;
    }
    case Kind::Cmd:
    case Kind::Entrypoint:
    case Kind::Shell: {
      add(keyword + " [{\"<executable>\"}, {\"<arg>\", ...}]");
      if (kind != Kind::Shell) add(keyword + " {<command>}");
      bool json = first.starts_with("[") || kind == Kind::Shell;
      r.active_signature = json ? 0 : 1;
      r.active_parameter = json ? (arg > 0 ? 1 : 0) : 0;
      break;
    }
    case Kind::User: {
      add("USER {<user>}[:{<group>}]");
      add("USER {<uid>}[:{<gid>}]");
      bool numeric = !first.empty() && std::isdigit(static_cast<unsigned char>(first[0]));
      r.active_signature = numeric ? 1 : 0;
      r.active_parameter = after(ctx, ':') ? 1 : 0;
      break;
    }
    case Kind::Expose: {
      add("EXPOSE {<port>}[/{<protocol>}] {[<port>[/<protocol>] ...]}");
      r.active_parameter = after(ctx, '/') ? 1 : 0;
      break;
    }
    default:
      return std::nullopt;
  }
  return r;
}

}  // namespace dfls
