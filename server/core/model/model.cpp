#include "core/model/model.h"

#include <algorithm>
#include <cctype>
#include <iterator>

#include "core/model/model_builder.h"
#include "syntax/names.h"

namespace dfls::model {

namespace n = syntax::names;

namespace {

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

constexpr std::string_view kKeywords[] = {
    "FROM", "RUN", "CMD", "LABEL", "MAINTAINER", "EXPOSE", "ENV", "ADD", "COPY", "ENTRYPOINT",
    "VOLUME", "USER", "WORKDIR", "ARG", "ONBUILD", "STOPSIGNAL", "HEALTHCHECK", "SHELL", ""};

std::string trim(std::string_view s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return {};
  size_t e = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(b, e - b + 1));
}

}  // namespace

std::string_view kind_keyword(Kind kind) { return kKeywords[static_cast<int>(kind)]; }

std::optional<Kind> kind_from_keyword(std::string_view keyword) {
  for (int i = 0; i < static_cast<int>(Kind::Unknown); ++i)
    if (iequals(kKeywords[i], keyword)) return static_cast<Kind>(i);
  return std::nullopt;
}

const MountOption* Flag::option(std::initializer_list<std::string_view> keys) const {
  for (const auto& o : mount_options)
    for (auto k : keys)
      if (o.key == k) return &o;
  return nullptr;
}

const Flag* Instruction::flag(std::string_view name) const {
  for (const auto& f : flags)
    if (iequals(f.name, name)) return &f;
  return nullptr;
}

std::vector<const Flag*> Instruction::flags_named(std::string_view name) const {
  std::vector<const Flag*> out;
  for (const auto& f : flags)
    if (iequals(f.name, name)) out.push_back(&f);
  return out;
}

const Directive* Model::directive(std::string_view name) const {
  for (const auto& d : directives)
    if (d.name == name) return &d;
  return nullptr;
}

const Stage* Model::stage_named(std::string_view name) const {
  for (const auto& s : stages)
    if (!s.name.empty() && iequals(s.name, name)) return &s;
  return nullptr;
}

const Stage* Model::stage_at(size_t offset) const {
  auto it = std::upper_bound(stages.begin(), stages.end(), offset,
                             [](size_t o, const Stage& s) { return o < s.span.start; });
  return it == stages.begin() ? nullptr : &*std::prev(it);
}

const Instruction* Model::instruction_at(size_t offset) const {
  // Instructions are in file order; an ONBUILD's trigger comes right after it and inside it.
  auto it = std::upper_bound(instructions.begin(), instructions.end(), offset,
                             [](size_t o, const Instruction& ins) { return o < ins.span.start; });
  for (int back = 0; back < 2 && it != instructions.begin(); ++back) {
    --it;
    if (it->span.start <= offset && offset <= it->span.end) return &*it;
  }
  return nullptr;
}

void ModelBuilder::read_directives(syntax::Node root) {
  for (syntax::Node c : root.named_children()) {
    if (c.type() != n::kParserDirective) continue;
    Directive d;
    d.span = {c.start(), c.end()};
    syntax::Node name = c.field(n::kName);
    syntax::Node value = c.field(n::kValue);
    if (name) {
      d.name_span = {name.start(), name.end()};
      d.name = trim(name.text(text_));
      for (char& ch : d.name) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    }
    if (value) {
      d.value_span = {value.start(), value.end()};
      d.value = trim(value.text(text_));
    }
    if (d.name == "escape" && !d.value.empty() && (d.value == "`" || d.value == "\\"))
      model_.escape = d.value[0];
    model_.directives.push_back(std::move(d));
  }
}

void ModelBuilder::pending_comments_into(int instruction) {
  model_.instructions[instruction].comments_above = std::move(pending_comments_);
  pending_comments_.clear();
}

Model ModelBuilder::build(syntax::Node root) {
  model_.has_bom = text_.starts_with("\xEF\xBB\xBF");
  read_directives(root);
  for (syntax::Node c : root.named_children()) {
    std::string_view type = c.type();
    if (type == n::kComment) {
      Comment comment;
      comment.span = {c.start(), c.end()};
      std::string_view raw = trim(c.text(text_)) == "" ? std::string_view{} : c.text(text_);
      size_t hash = raw.find('#');
      comment.text = hash == std::string_view::npos ? "" : trim(raw.substr(hash + 1));
      // A comment that is only "#" ends the block of comments above the next instruction.
      if (comment.text.empty()) pending_comments_.clear();
      else pending_comments_.push_back(model_.comments.size());
      model_.comments.push_back(std::move(comment));
    } else if (type.ends_with("_instruction")) {
      read_instruction(c, false);
    }
  }
  assign_stages();
  resolve_variables();
  resolve_stage_refs();
  model_.compute_reachability("");
  return std::move(model_);
}

Model build_model(std::string_view text, syntax::Node root) {
  ModelBuilder builder(text);
  return builder.build(root);
}

}  // namespace dfls::model
