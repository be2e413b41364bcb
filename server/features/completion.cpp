#include "features/completion.h"

#include <algorithm>
#include <cctype>

#include "features/completion_internal.h"
#include "features/completion_scope.h"
#include "features/docs_data.h"
#include "rules/rule.h"

namespace dfls {

namespace completion_detail {

using model::Kind;

std::string sort_key(int group, int rank) {
  group = std::clamp(group, 0, 99);
  rank = std::clamp(rank, 0, 99999);
  std::string out = "00.00000";
  for (int i = 1; i >= 0; --i, group /= 10) out[i] = static_cast<char>('0' + group % 10);
  for (int i = 7; i >= 3; --i, rank /= 10) out[i] = static_cast<char>('0' + rank % 10);
  return out;
}

bool starts_with_nocase(std::string_view s, std::string_view prefix) {
  if (prefix.size() > s.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(s[i])) != std::tolower(static_cast<unsigned char>(prefix[i])))
      return false;
  return true;
}

CompletionItem& Builder::add(std::string label, CompletionKind kind, std::string sort_text) {
  return add_at(ctx.prefix, std::move(label), kind, std::move(sort_text));
}

CompletionItem& Builder::add_at(ByteRange replace, std::string label, CompletionKind kind,
                                std::string sort_text) {
  CompletionItem item;
  item.insert_text = label;
  item.filter_text = label;
  item.label = std::move(label);
  item.kind = kind;
  item.replace = replace;
  item.sort_text = std::move(sort_text);
  list.items.push_back(std::move(item));
  return list.items.back();
}

CompletionList Builder::finish() {
  auto& items = list.items;
  if (items.size() > options.max_items) {
    // Keep what matches the typed text, best first; the client asks again as typing goes on.
    const std::string& text = doc.text();
    std::erase_if(items, [&](const CompletionItem& it) {
      std::string_view typed = std::string_view(text).substr(it.replace.start, it.replace.size());
      return !starts_with_nocase(it.filter_text, typed);
    });
    list.is_incomplete = true;
  }
  // Sort positions rather than the (large) items, then move each item once.
  std::vector<size_t> order(items.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return items[a].sort_text < items[b].sort_text; });
  if (order.size() > options.max_items) {
    order.resize(options.max_items);
    list.is_incomplete = true;
  }
  CompletionList out;
  out.is_incomplete = list.is_incomplete;
  out.items.reserve(order.size());
  for (size_t i : order) out.items.push_back(std::move(items[i]));
  return out;
}

namespace {

std::string value_detail(const model::VarDecl& d) {
  if (d.value) return d.value->empty() ? "(empty)" : *d.value;
  if (d.default_value) return *d.default_value;
  switch (d.kind) {
    case model::VarKind::Predefined:
      return model::is_platform_arg(d.name) ? "set by BuildKit" : "predefined, set with --build-arg";
    case model::VarKind::Env: return "(empty)";
    default: return "no default: set with --build-arg";
  }
}

std::string where_set(const Document& doc, const model::VarDecl& d) {
  if (d.instruction < 0) return "Predefined by BuildKit.";
  const char* what = d.kind == model::VarKind::Env        ? "Environment variable"
                     : d.kind == model::VarKind::GlobalArg ? "Global build argument"
                                                           : "Build argument";
  std::string_view decl = std::string_view(doc.text()).substr(d.span.start, d.span.size());
  return std::string(what) + " set on line " + std::to_string(doc.lines().line_of(d.span.start) + 1) +
         ": `" + std::string(decl.substr(0, 120)) + "`";
}

void add_values(Builder& b, std::initializer_list<std::pair<std::string_view, std::string_view>> values) {
  int rank = 0;
  for (auto [value, detail] : values) b.add(std::string(value), CompletionKind::Value, sort_key(10, rank++)).detail = detail;
}

}  // namespace

void complete_variables(Builder& b) {
  const CursorContext& ctx = b.ctx;
  const VariableSpot& v = *ctx.variable;
  bool in_from = ctx.kind == Kind::From && !ctx.onbuild;
  if (!v.in_modifier) {
    auto vars = b.model().visible_in(ctx.instruction_index, ctx.stage, in_from);
    for (const model::VarDecl* d : vars) {
      bool predefined = d->kind == model::VarKind::Predefined;
      int rank = predefined ? 0 : std::max(0, ctx.instruction_index - d->instruction);
      auto& item = b.add_at(v.name, d->name, CompletionKind::Variable, sort_key(predefined ? 20 : 10, rank));
      if (predefined) item.sort_text += d->name;
      item.detail = value_detail(*d);
      item.documentation = where_set(b.doc, *d);
    }
  }
  if (!v.braced || v.name_text.empty()) return;
  ByteRange at = v.in_modifier ? v.modifier : ByteRange{ctx.offset, ctx.offset};
  int rank = 0;
  for (const auto& m : docs::modifiers()) {
    if (!m.op.starts_with(v.modifier_text)) continue;
    auto& item = b.add_at(at, std::string(m.op), CompletionKind::Operator, sort_key(30, rank++));
    item.detail = m.form;
    item.documentation_key = "modifier/" + std::string(m.op);
  }
  if (v.modifier_text.empty()) b.add_at(at, "}", CompletionKind::Operator, sort_key(29, 0)).detail = "end of the reference";
}

void complete_arguments(Builder& b) {
  const CursorContext& ctx = b.ctx;
  if (!ctx.kind) return;
  const std::string& typed = ctx.prefix_text;
  int before = ctx.instruction_index;
  switch (*ctx.kind) {
    case Kind::From: {
      if (ctx.arg_index == 0) {
        bool parsed = ctx.instruction && ctx.instruction->kind == Kind::From;
        complete_image_ref(b, typed, ctx.prefix.start, parsed ? ctx.stage : ctx.stage + 1, false);
      } else if (ctx.arg_index == 1) {
        bool lower = !ctx.keyword.empty() && std::islower(static_cast<unsigned char>(ctx.keyword[0]));
        auto& item = b.add(lower ? "as" : "AS", CompletionKind::Keyword, sort_key(0, 0));
        item.insert_text += " ";
        item.detail = "name the stage";
      }
      break;
    }
    case Kind::Copy:
    case Kind::Add:
    case Kind::Workdir: {
      bool dest = *ctx.kind == Kind::Workdir ? ctx.arg_index == 0 : ctx.arg_index >= 1;
      if (!dest || typed.starts_with("[")) break;
      int rank = 0;
      for (const auto& dir : earlier_workdirs(b.doc, ctx.stage, before)) {
        std::string label = dir;
        if (*ctx.kind != Kind::Workdir && !label.ends_with("/")) label += "/";
        b.add(label, CompletionKind::Path, sort_key(10, rank++)).detail = "an earlier WORKDIR";
      }
      break;
    }
    case Kind::Healthcheck:
      if (ctx.arg_index != 0) break;
    {
      auto& cmd = b.add("CMD", CompletionKind::Keyword, sort_key(0, 0));
      cmd.detail = "the command that checks health";
      cmd.insert_text += " ";
      if (ctx.flags_present.empty())
        b.add("NONE", CompletionKind::Keyword, sort_key(0, 1)).detail = "disable the inherited check";
      break;
    }
    case Kind::Expose: {
      size_t slash = typed.find('/');
      if (slash == std::string::npos) break;
      ByteRange at{ctx.prefix.start + slash + 1, ctx.offset};
      b.add_at(at, "tcp", CompletionKind::Value, sort_key(10, 0)).detail = "TCP (the default)";
      b.add_at(at, "udp", CompletionKind::Value, sort_key(10, 1)).detail = "UDP";
      b.add_at(at, "sctp", CompletionKind::Value, sort_key(10, 2)).detail = "SCTP";
      break;
    }
    case Kind::Stopsignal:
      if (ctx.arg_index != 0) break;
      add_values(b, {{"SIGTERM", "terminate (the default)"}, {"SIGINT", "interrupt (Ctrl-C)"},
                     {"SIGQUIT", "quit; graceful stop for nginx"}, {"SIGKILL", "kill, cannot be caught"},
                     {"SIGHUP", "hang up"}, {"SIGUSR1", "user signal 1"}, {"SIGUSR2", "user signal 2"},
                     {"SIGWINCH", "window change; graceful stop for httpd"}, {"SIGPWR", "power failure"},
                     {"SIGRTMIN+3", "graceful stop for systemd"}});
      break;
    case Kind::Shell:
      if (ctx.arg_index != 0) break;
      add_values(b, {{R"(["/bin/bash", "-c"])", "bash"},
                     {R"(["/bin/bash", "-o", "pipefail", "-c"])", "bash, failing pipelines fail"},
                     {R"(["/bin/sh", "-c"])", "the Linux default"},
                     {R"(["pwsh", "-Command"])", "PowerShell"},
                     {R"(["cmd", "/S", "/C"])", "the Windows default"}});
      break;
    case Kind::User: {
      if (ctx.arg_index != 0) break;
      size_t colon = typed.find(':');
      bool groups = colon != std::string::npos;
      ByteRange at = groups ? ByteRange{ctx.prefix.start + colon + 1, ctx.offset} : ctx.prefix;
      int rank = 0;
      for (const auto& u : known_users(b.doc, ctx.stage, before, groups))
        b.add_at(at, u.value, CompletionKind::User, sort_key(10, rank++)).detail = u.detail;
      break;
    }
    case Kind::Arg: {
      // Inside a stage: the global and platform ARGs, which need redeclaring to be used.
      if (ctx.stage < 0 || typed.find('=') != std::string::npos) break;
      int rank = 0;
      for (const model::VarDecl* d : b.model().visible_in(before, ctx.stage, true)) {
        bool global = d->kind == model::VarKind::GlobalArg;
        auto& item = b.add(d->name, CompletionKind::Variable, sort_key(global ? 10 : 20, rank++));
        item.detail = global ? "global ARG: " + value_detail(*d) : "platform ARG set by BuildKit";
      }
      break;
    }
    default:
      break;
  }
}

}  // namespace completion_detail

using namespace completion_detail;

CompletionList complete(const Document& doc, size_t offset, const CompletionOptions& options) {
  CursorContext ctx = cursor_context(doc, offset);
  Builder b{doc, ctx, options, {}};
  if (ctx.variable) {
    complete_variables(b);
    return b.finish();
  }
  switch (ctx.spot) {
    case Spot::None: break;
    case Spot::Keyword: complete_keywords(b); break;
    case Spot::DirectiveName: complete_directive_names(b); break;
    case Spot::DirectiveValue: complete_directive_values(b); break;
    case Spot::FlagName: complete_flag_names(b); break;
    case Spot::FlagValue: complete_flag_value(b); break;
    case Spot::MountKey: complete_mount_key(b); break;
    case Spot::MountValue: complete_mount_value(b); break;
    case Spot::Argument:
      complete_arguments(b);
      if (ctx.flag_position && ctx.prefix_text.empty()) complete_flag_names(b);
      break;
  }
  return b.finish();
}

namespace {

// "StageNameCasing" -> "stage-name-casing", "JSONArgsRecommended" -> "json-args-recommended".
std::string kebab(std::string_view id) {
  std::string out;
  for (size_t i = 0; i < id.size(); ++i) {
    char c = id[i];
    bool upper = std::isupper(static_cast<unsigned char>(c));
    if (upper && i > 0) {
      bool prev_lower = std::islower(static_cast<unsigned char>(id[i - 1])) ||
                        std::isdigit(static_cast<unsigned char>(id[i - 1]));
      bool next_lower = i + 1 < id.size() && std::islower(static_cast<unsigned char>(id[i + 1]));
      if (prev_lower || (next_lower && std::isupper(static_cast<unsigned char>(id[i - 1])))) out += '-';
    }
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

}  // namespace

std::optional<std::string> completion_documentation(std::string_view key) {
  size_t slash = key.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  std::string_view what = key.substr(0, slash), rest = key.substr(slash + 1);
  if (what == "instruction") {
    auto kind = model::kind_from_keyword(rest);
    if (kind) return docs::instruction_markdown(*kind);
  } else if (what == "flag") {
    size_t s = rest.find('/');
    auto kind = model::kind_from_keyword(rest.substr(0, s));
    if (kind && s != std::string_view::npos)
      if (const auto* f = docs::flag_doc(*kind, rest.substr(s + 1))) return docs::flag_markdown(*f);
  } else if (what == "mount") {
    if (const auto* k = docs::mount_key_doc(rest)) return docs::mount_key_markdown(*k);
  } else if (what == "mounttype") {
    if (const auto* t = docs::mount_type_doc(rest)) return docs::mount_type_markdown(*t);
  } else if (what == "directive") {
    if (const auto* d = docs::directive_doc(rest)) return docs::directive_markdown(*d);
  } else if (what == "modifier") {
    if (const auto* m = docs::modifier_doc(rest)) return docs::modifier_markdown(*m);
  } else if (what == "image") {
    const auto& catalog = images::Catalog::embedded();
    if (const auto* info = catalog.find(rest)) {
      auto split = images::split_image_ref(rest);
      auto match = catalog.match(split.name, split.tag);
      return docs::image_markdown(*info, split.tag.empty() ? nullptr : match.tag, split.tag);
    }
  } else if (what == "rule") {
    if (const Rule* r = find_rule(rest)) {
      std::string out = "**" + std::string(r->id) + "**\n\n" + std::string(r->summary);
      if (!r->buildkit_name.empty())
        out += "\n\n[BuildKit check](https://docs.docker.com/go/dockerfile/rule/" + kebab(r->id) + "/)";
      return out;
    }
  }
  return std::nullopt;
}

}  // namespace dfls
