// Stages, base images, users, working directories and text edits for the build-practice rules
// (see quality_helpers.h; RUN scripts are in quality_scripts.cpp).
#include "rules/quality_helpers.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "core/config.h"
#include "core/expand.h"
#include "core/text_edit.h"
#include "images/catalog.h"
#include "rules/rule_helpers.h"

namespace dfls::quality {

namespace {

const images::Catalog& catalog() { return images::Catalog::embedded(); }

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Stages.

int final_stage(const model::Model& m, const Config& config) {
  if (m.stages.empty()) return -1;
  if (config.target && !config.target->empty())
    if (const model::Stage* s = m.stage_named(*config.target)) return s->index;
  return static_cast<int>(m.stages.size()) - 1;
}

std::vector<int> stage_chain(const model::Model& m, int stage) {
  std::vector<int> chain;
  for (int s = stage; s >= 0 && s < static_cast<int>(m.stages.size()) && chain.size() <= m.stages.size();
       s = m.stages[s].parent)
    chain.push_back(s);
  return chain;
}

bool reaches_final_image(const model::Model& m, const Config& config, int stage) {
  int final = final_stage(m, config);
  if (final < 0) return false;
  std::set<int> reached;
  for (int s : stage_chain(m, final)) reached.insert(s);
  for (bool changed = true; changed;) {
    changed = false;
    for (const model::StageRef& ref : m.stage_refs) {
      if (ref.kind != model::StageRefKind::CopyFrom || ref.target < 0 || !reached.count(ref.stage)) continue;
      for (int s : stage_chain(m, ref.target))
        if (reached.insert(s).second) changed = true;
    }
  }
  return reached.count(stage) > 0;
}

// ---------------------------------------------------------------------------------------------
// Base images.

BaseImage stage_base(const model::Model& m, int stage) {
  BaseImage b;
  std::vector<int> chain = stage_chain(m, stage);
  if (chain.empty()) return b;
  b.root_stage = chain.back();
  b.root = &m.stages[b.root_stage];
  const model::Stage& root = *b.root;
  if (root.parent >= 0) return b;  // A cycle or a forward reference: nothing known.
  if (root.base.is_scratch()) {
    b.scratch = true;
    b.name = "scratch";
    return b;
  }
  if (!root.base.valid || root.base.has_variables) return b;
  images::ImageRef ref = images::split_image_ref(root.base_resolved);
  b.name = ref.name;
  b.tag = ref.tag;
  return b;
}

bool image_has_shell(const BaseImage& image) {
  if (image.scratch) return false;
  if (image.name.empty()) return true;
  if (image.name.starts_with("gcr.io/distroless/")) return image.tag.find("debug") != std::string::npos;
  if (image.name.starts_with("cgr.dev/chainguard/") &&
      (image.tag == "dev" || image.tag.ends_with("-dev")))
    return true;
  return catalog().has_shell(image.name, image.tag);
}

bool is_build_image(const BaseImage& image) {
  return !image.name.empty() && !image.scratch && catalog().is_build_image(image.name, image.tag);
}

std::string image_label(const BaseImage& image) {
  if (image.root) return image.root->base_text;
  return image.name;
}

// ---------------------------------------------------------------------------------------------
// Users.

std::string StageUser::home() const {
  if (root()) return "/root";
  if (!name.empty()) return "/home/" + name;
  return "";
}

namespace {

// Completes a user known by name or by uid from the users the image is known to have.
void complete_user(StageUser& u, const BaseImage& image) {
  if (u.name == "root") u.uid = 0;
  if (u.uid && *u.uid == 0) u.name = "root";
  const images::ImageInfo* info = image.name.empty() ? nullptr : catalog().find(image.name);
  if (!info) return;
  std::vector<images::KnownUser> users = info->other_users;
  users.push_back({info->default_user, info->default_uid});
  for (const images::KnownUser& k : users) {
    if (!u.name.empty() && k.name == u.name && !u.uid) u.uid = k.uid;
    if (u.name.empty() && u.uid && k.uid == u.uid) u.name = k.name;
  }
}

}  // namespace

StageUser user_at(const model::Model& m, int stage, int before, std::string_view text) {
  StageUser u;
  BaseImage image = stage_base(m, stage);
  const model::Instruction* last = nullptr;
  std::vector<int> chain = stage_chain(m, stage);
  for (auto it = chain.rbegin(); it != chain.rend(); ++it)
    for (int i : m.stages[*it].instructions) {
      if (*it == stage && before >= 0 && i >= before) break;
      const model::Instruction& ins = m.instructions[i];
      if (ins.kind == model::Kind::User && !ins.inside_onbuild) last = &ins;
    }
  if (last) {
    u.explicit_user = true;
    u.instruction = static_cast<int>(last - m.instructions.data());
    std::string raw(rules::trim(last->args_text(text)));
    ExpandResult r = expand(raw, rules::lookup_at(m, *last), m.escape);
    if (r.error || r.unknown || r.value.empty()) return u;
    std::string who = r.value.substr(0, r.value.find(':'));
    if (all_digits(who)) u.uid = who.size() > 9 ? -1 : std::stoi(who);
    else u.name = who;
    u.known = true;
    complete_user(u, image);
    return u;
  }
  if (image.scratch) {
    u.name = "root";
    u.uid = 0;
    u.known = true;
    return u;
  }
  std::optional<std::string> name = image.name.empty() ? std::nullopt : catalog().default_user(image.name, image.tag);
  if (!name || catalog().find(image.name) == nullptr) {
    u.name = "root";  // The usual default, not known for sure.
    u.uid = 0;
    return u;
  }
  u.name = *name;
  u.uid = catalog().default_uid(image.name, image.tag);
  u.known = true;
  complete_user(u, image);
  return u;
}

// ---------------------------------------------------------------------------------------------
// Working directories.

std::string join_path(std::string_view dir, std::string_view path) {
  if (!path.empty() && path.front() == '/') return clean_path(path);
  std::string joined(dir);
  if (joined.empty() || joined.back() != '/') joined += '/';
  joined += path;
  std::string cleaned = clean_path(joined);
  return cleaned == "." ? "/" : cleaned;
}

bool path_within(std::string_view path, std::string_view dir) {
  if (dir == "/") return !path.empty() && path.front() == '/';
  return path == dir || (path.starts_with(dir) && path.size() > dir.size() && path[dir.size()] == '/');
}

bool source_glob_match(std::string_view pattern, std::string_view path) {
  if (pattern.empty()) return path.empty();
  if (pattern.front() == '*') {
    for (size_t k = 0; k <= path.size(); ++k) {
      if (k > 0 && path[k - 1] == '/') break;
      if (source_glob_match(pattern.substr(1), path.substr(k))) return true;
    }
    return false;
  }
  if (path.empty() || (pattern.front() != '?' && pattern.front() != path.front())) return false;
  return source_glob_match(pattern.substr(1), path.substr(1));
}

namespace {

// Whether the Dockerfile declares the variable (ARG or ENV) where the instruction sees it.
bool declared_at(const model::Model& m, const model::Instruction& ins, std::string_view name) {
  int index = static_cast<int>(&ins - m.instructions.data());
  for (const model::VarDecl* d : m.visible_in(index, ins.stage, false))
    if (d->name == name && d->kind != model::VarKind::Predefined) return true;
  return false;
}

// The variables in effect at an instruction, with the ENV of well-known base images where the
// Dockerfile gives no value: GOPATH=/go in golang images (the model only knows that the image
// defines it).
VarLookup image_lookup(const model::Model& m, const model::Instruction& ins) {
  VarLookup lookup = rules::lookup_at(m, ins);
  if (ins.stage < 0 || stage_base(m, ins.stage).name != "golang") return lookup;
  const model::Model* mp = &m;
  const model::Instruction* at = &ins;
  return [lookup, mp, at](std::string_view name) {
    VarValue v = lookup(name);
    if (name == "GOPATH" && v.state == VarValue::State::Unknown && !declared_at(*mp, *at, name))
      return VarValue::set("/go");
    return v;
  };
}

}  // namespace

std::optional<std::string> expand_path(const model::Model& m, const model::Instruction& ins, std::string_view word) {
  ExpandResult r = expand(word, image_lookup(m, ins), m.escape);
  if (r.error || r.unknown || r.value.find('$') != std::string::npos) return std::nullopt;
  return r.value;
}

std::optional<std::string> workdir_at(const model::Model& m, int stage, int before) {
  BaseImage image = stage_base(m, stage);
  std::string dir = image.name == "golang" ? "/go" : "/";
  std::vector<int> chain = stage_chain(m, stage);
  for (auto it = chain.rbegin(); it != chain.rend(); ++it)
    for (int i : m.stages[*it].instructions) {
      if (*it == stage && before >= 0 && i >= before) break;
      const model::Instruction& ins = m.instructions[i];
      if (ins.kind != model::Kind::Workdir || ins.inside_onbuild || ins.args.empty()) continue;
      std::optional<std::string> value = expand_path(m, ins, ins.args.front().text);
      if (!value) return std::nullopt;
      dir = join_path(dir, *value);
    }
  return dir;
}

// ---------------------------------------------------------------------------------------------
// Text edits.

std::optional<TextEdit> syntax_directive_edit(const Document& doc) {
  if (doc.model().directive("syntax")) return std::nullopt;
  std::string_view text = doc.text();
  size_t at = doc.model().has_bom ? 3 : 0;
  std::string line = "# syntax=docker/dockerfile:1" + newline(doc);
  if (at >= text.size()) return TextEdit{{at, at}, line};
  return TextEdit{{at, at + 1}, line + std::string(1, text[at])};
}

size_t line_start(std::string_view text, size_t offset) {
  offset = std::min(offset, text.size());
  while (offset > 0 && text[offset - 1] != '\n') --offset;
  return offset;
}

size_t after_instruction(const Document& doc, const model::Instruction& ins) {
  std::string_view text = doc.text();
  size_t nl = text.find('\n', ins.span.end > 0 ? ins.span.end - (text[ins.span.end - 1] == '\n' ? 1 : 0) : 0);
  return nl == std::string_view::npos ? text.size() : nl + 1;
}

ByteRange instruction_block(const Document& doc, const model::Instruction& ins) {
  size_t start = ins.span.start;
  if (!ins.comments_above.empty()) start = std::min(start, doc.model().comments[ins.comments_above.front()].span.start);
  return {line_start(doc.text(), start), after_instruction(doc, ins)};
}

std::string newline(const Document& doc) { return std::string(line_ending_of(doc.text())); }

std::string flags_text(const Document& doc, const model::Instruction& ins,
                       std::initializer_list<std::string_view> keep) {
  std::string out;
  for (const model::Flag& f : ins.flags)
    for (std::string_view k : keep)
      if (rules::iequals(f.name, k)) {
        out += std::string(doc.text().substr(f.span.start, f.span.size()));
        out += ' ';
      }
  return out;
}

}  // namespace dfls::quality
