// Builds the typed instruction views of the model from the syntax tree: keywords, flags and
// mount options, exec-form and shell-form arguments, key/value pairs, heredocs and comments.
#include <cctype>

#include "core/model/model.h"
#include "core/model/model_builder.h"
#include "syntax/names.h"

namespace dfls::model {

namespace n = syntax::names;

namespace {

ByteRange range_of(syntax::Node node) { return {node.start(), node.end()}; }

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string unquote(std::string_view s) {
  if (s.size() >= 2 && (s.front() == '"' || s.front() == '\'') && s.back() == s.front())
    return std::string(s.substr(1, s.size() - 2));
  return std::string(s);
}

Kind kind_of_node(std::string_view type) {
  static const std::pair<std::string_view, Kind> kTable[] = {
      {"from_instruction", Kind::From}, {"run_instruction", Kind::Run},
      {"cmd_instruction", Kind::Cmd}, {"label_instruction", Kind::Label},
      {"maintainer_instruction", Kind::Maintainer}, {"expose_instruction", Kind::Expose},
      {"env_instruction", Kind::Env}, {"add_instruction", Kind::Add},
      {"copy_instruction", Kind::Copy}, {"entrypoint_instruction", Kind::Entrypoint},
      {"volume_instruction", Kind::Volume}, {"user_instruction", Kind::User},
      {"workdir_instruction", Kind::Workdir}, {"arg_instruction", Kind::Arg},
      {"onbuild_instruction", Kind::Onbuild}, {"stopsignal_instruction", Kind::Stopsignal},
      {"healthcheck_instruction", Kind::Healthcheck}, {"shell_instruction", Kind::Shell},
  };
  for (const auto& [name, kind] : kTable)
    if (name == type) return kind;
  return Kind::Unknown;
}

Flag read_flag(syntax::Node node, std::string_view text) {
  Flag f;
  f.node = node;
  f.span = range_of(node);
  syntax::Node name = node.field(n::kName);
  if (name) {
    f.name_span = range_of(name);
    f.name = std::string(name.text(text));
  } else {
    // "--name=value" read from the text when the grammar gives no name field.
    std::string_view raw = node.text(text);
    if (raw.starts_with("--")) raw.remove_prefix(2);
    f.name = std::string(raw.substr(0, raw.find('=')));
    f.name_span = {f.span.start + 2, f.span.start + 2 + f.name.size()};
  }
  if (f.name.starts_with("--")) {
    f.name = f.name.substr(2);
    f.name_span.start += 2;
  }
  syntax::Node value = node.field(n::kValue);
  if (value) {
    f.value_span = range_of(value);
    f.value = std::string(value.text(text));
  } else {
    std::string_view raw = node.text(text);
    size_t eq = raw.find('=');
    if (eq != std::string_view::npos) {
      f.value = std::string(raw.substr(eq + 1));
      f.value_span = {f.span.start + eq + 1, f.span.end};
    }
  }
  syntax::walk(node, [&](syntax::Node c) {
    if (c.type() != n::kMountOption) return true;
    MountOption o;
    o.span = range_of(c);
    syntax::Node key = c.field(n::kKey);
    syntax::Node val = c.field(n::kValue);
    std::string_view raw = c.text(text);
    if (key) {
      o.key_span = range_of(key);
      o.key = lower(key.text(text));
    } else {
      size_t eq = raw.find('=');
      o.key = lower(raw.substr(0, eq));
      o.key_span = {o.span.start, o.span.start + std::min(raw.size(), eq)};
    }
    if (val) {
      o.value_span = range_of(val);
      o.value = unquote(val.text(text));
    } else if (size_t eq = raw.find('='); eq != std::string_view::npos) {
      o.value_span = {o.span.start + eq + 1, o.span.end};
      o.value = unquote(raw.substr(eq + 1));
    }
    f.mount_options.push_back(std::move(o));
    return false;
  });
  return f;
}

// The delimiter of a heredoc marker such as `3<<-"EOF"`: quotes removed, and whether any were.
void read_marker(std::string_view raw, Heredoc& h) {
  size_t at = raw.find("<<");
  if (at == std::string_view::npos) return;
  raw.remove_prefix(at + 2);
  if (!raw.empty() && raw.front() == '-') {
    h.strip_tabs = true;
    raw.remove_prefix(1);
  }
  while (!raw.empty() && (raw.front() == ' ' || raw.front() == '\t')) raw.remove_prefix(1);
  for (char c : raw) {
    if (c == '"' || c == '\'') {
      h.quoted = true;
      continue;
    }
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') break;
    h.delimiter.push_back(c);
  }
}

}  // namespace

void ModelBuilder::read_instruction(syntax::Node node, bool inside_onbuild) {
  Instruction ins;
  ins.kind = kind_of_node(node.type());
  ins.node = node;
  ins.span = range_of(node);
  ins.inside_onbuild = inside_onbuild;
  syntax::Node keyword = node.field(n::kKeyword);
  if (!keyword) keyword = node.child(0);
  ins.keyword_span = range_of(keyword);
  ins.keyword = std::string(keyword.text(text_));
  if (ins.kind == Kind::Unknown) {
    // An unknown instruction's keyword is its first word.
    std::string_view raw = node.text(text_);
    size_t skip = raw.find_first_not_of(" \t");
    size_t end = raw.find_first_of(" \t\r\n", skip == std::string_view::npos ? 0 : skip);
    if (skip == std::string_view::npos) skip = 0;
    if (end == std::string_view::npos) end = raw.size();
    ins.keyword_span = {ins.span.start + skip, ins.span.start + end};
    ins.keyword = std::string(raw.substr(skip, end - skip));
  }
  ins.args_span = {ins.keyword_span.end, ins.span.end};

  int index = static_cast<int>(model_.instructions.size());
  model_.instructions.push_back(ins);
  pending_comments_into(index);

  syntax::Node inner;
  size_t last_flag_end = ins.keyword_span.end;
  for (syntax::Node c : node.named_children()) {
    std::string_view type = c.type();
    Instruction& cur = model_.instructions[index];
    if (c == keyword) continue;
    if (type == n::kFlag || type.ends_with("_flag")) {
      cur.flags.push_back(read_flag(c, text_));
      last_flag_end = c.end();
    } else if (type == n::kJsonArray) {
      cur.json_form = true;
      for (syntax::Node s : c.named_children())
        if (s.type() == n::kJsonString) {
          std::string_view raw = s.text(text_);
          cur.json_args.push_back({unquote(raw), range_of(s)});
        }
    } else if (type == n::kHeredocBlock) {
      continue;  // Attached to their markers below, once the markers are known.
    } else if (type == n::kEnvPair || type == n::kLabelPair || type == n::kArgDefinition) {
      KeyValue kv;
      kv.span = range_of(c);
      syntax::Node key = c.field(n::kName);
      syntax::Node value = c.field(type == n::kArgDefinition ? n::kDefault : n::kValue);
      if (!value && type == n::kArgDefinition) value = c.field(n::kValue);
      if (key) {
        kv.key = std::string(key.text(text_));
        kv.key_span = range_of(key);
      }
      if (value) {
        kv.value = std::string(value.text(text_));
        kv.value_span = range_of(value);
      }
      kv.legacy = type != n::kArgDefinition && c.text(text_).find('=') == std::string_view::npos;
      // The legacy form is "ENV key value": no "=" between the name and the value.
      if (key && value) {
        std::string_view between = text_.substr(key.end(), value.start() - key.end());
        kv.legacy = between.find('=') == std::string_view::npos;
      }
      cur.pairs.push_back(std::move(kv));
    } else if (type == n::kInstruction || type.ends_with("_instruction")) {
      inner = c;
    } else if (type == n::kComment || type == n::kLineContinuation ||
               type == "empty_continuation_line" || type == n::kShellCommand) {
      continue;
    } else {
      // Any other named child is an argument: paths, ports, users, the image and stage name...
      cur.args.push_back({std::string(c.text(text_)), range_of(c)});
    }
  }
  Instruction& cur = model_.instructions[index];
  // Heredoc markers may sit anywhere inside the arguments (a shell command, a path list).
  syntax::walk(node, [&](syntax::Node c) {
    if (c.type() == n::kHeredocBlock || (c.type().ends_with("_instruction") && !(c == node)))
      return false;
    if (c.type() == n::kHeredocMarker) {
      Heredoc h;
      h.marker_span = range_of(c);
      read_marker(c.text(text_), h);
      cur.heredocs.push_back(std::move(h));
      return false;
    }
    return true;
  });
  if (!cur.heredocs.empty()) {
    // Now attach bodies in order (the first pass ran before the markers were known).
    size_t i = 0;
    for (syntax::Node c : node.named_children()) {
      if (c.type() != n::kHeredocBlock || i >= cur.heredocs.size()) continue;
      Heredoc& h = cur.heredocs[i++];
      syntax::Node body = c.child_of_type(n::kHeredocBody);
      syntax::Node end = c.child_of_type(n::kHeredocEnd);
      h.body_span = body ? range_of(body) : ByteRange{c.start(), c.start()};
      h.terminated = end && !end.missing() && end.end() > end.start();
      h.end_span = h.terminated ? range_of(end) : ByteRange{c.end(), c.end()};
    }
  }
  // The arguments run from the end of the flags to the end of the instruction's first logical
  // line (heredoc bodies excluded).
  cur.args_span.start = std::max(last_flag_end, cur.keyword_span.end);
  size_t args_end = cur.span.end;
  for (syntax::Node c : node.named_children())
    if (c.type() == n::kHeredocBlock) {
      args_end = std::min<size_t>(args_end, c.start());
      break;
    }
  while (args_end > cur.args_span.start &&
         (text_[args_end - 1] == '\n' || text_[args_end - 1] == '\r'))
    --args_end;
  while (cur.args_span.start < args_end &&
         (text_[cur.args_span.start] == ' ' || text_[cur.args_span.start] == '\t'))
    ++cur.args_span.start;
  cur.args_span.end = std::max(args_end, cur.args_span.start);
  if (!cur.json_form) {
    std::string_view args = cur.args_text(text_);
    cur.json_like_shell = !args.empty() && args.front() == '[' &&
                          (cur.kind == Kind::Run || cur.kind == Kind::Cmd || cur.kind == Kind::Entrypoint ||
                           cur.kind == Kind::Shell || cur.kind == Kind::Add || cur.kind == Kind::Copy ||
                           cur.kind == Kind::Volume || cur.kind == Kind::Healthcheck);
  }
  if (inner) {
    int inner_index = static_cast<int>(model_.instructions.size());
    model_.instructions[index].onbuild_inner = inner_index;
    read_instruction(inner, true);
  }
}

}  // namespace dfls::model
