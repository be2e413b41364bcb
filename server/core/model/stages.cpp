// Stages and stage references, as BuildKit resolves them (spec section 8): FROM <stage> looks up
// earlier stage names exactly (they are stored lowercase), COPY --from takes a numeric index or a
// case-insensitive name, RUN --mount from= a case-insensitive name only; anything else is an
// image or a named build context.
#include <algorithm>
#include <cctype>

#include "core/model/model.h"
#include "core/model/model_builder.h"
#include "syntax/names.h"

namespace dfls::model {

namespace n = syntax::names;

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int find_stage(const std::vector<Stage>& stages, std::string_view name, bool exact) {
  for (const auto& s : stages)
    if (!s.name.empty() && (exact ? s.name == name : s.name == lower(name))) return s.index;
  return -1;
}

}  // namespace

void ModelBuilder::assign_stages() {
  int current = -1;
  for (size_t i = 0; i < model_.instructions.size(); ++i) {
    Instruction& ins = model_.instructions[i];
    if (ins.kind == Kind::From && !ins.inside_onbuild) {
      Stage stage;
      stage.index = static_cast<int>(model_.stages.size());
      stage.from_instruction = static_cast<int>(i);
      stage.span = ins.span;
      syntax::Node image = ins.node.field(n::kImage);
      if (!image) image = ins.node.child_of_type(n::kImageSpec);
      if (image) {
        stage.base_span = {image.start(), image.end()};
        stage.base_text = std::string(image.text(text_));
      }
      syntax::Node alias = ins.node.field(n::kAlias);
      if (alias && alias.type() != n::kStageName) {
        syntax::Node inner = alias.child_of_type(n::kStageName);
        if (inner) alias = inner;
      }
      if (!alias) alias = ins.node.child_of_type(n::kStageName);
      if (alias && alias.end() > alias.start()) {
        stage.name_span = {alias.start(), alias.end()};
        stage.original_name = std::string(alias.text(text_));
        stage.name = lower(stage.original_name);
      }
      if (const Flag* platform = ins.flag("platform"); platform && platform->value)
        stage.platform = platform->value;
      model_.stages.push_back(std::move(stage));
      current = static_cast<int>(model_.stages.size()) - 1;
    }
    // An ONBUILD's inner instruction belongs to the stage of its ONBUILD.
    ins.stage = current;
    if (current >= 0) {
      Stage& stage = model_.stages[current];
      stage.instructions.push_back(static_cast<int>(i));
      stage.span.end = std::max(stage.span.end, ins.span.end);
    }
  }
}

void ModelBuilder::resolve_stage_refs() {
  auto& stages = model_.stages;
  for (size_t i = 0; i < model_.instructions.size(); ++i) {
    const Instruction& ins = model_.instructions[i];
    auto add = [&](StageRefKind kind, std::string text, ByteRange span, bool allow_numeric) {
      StageRef ref;
      ref.kind = kind;
      ref.text = std::move(text);
      ref.span = span;
      ref.instruction = static_cast<int>(i);
      ref.stage = ins.stage;
      if (allow_numeric && all_digits(ref.text)) {
        ref.numeric = true;
        long index = ref.text.size() > 6 ? 1000000 : std::stol(ref.text);
        if (index < static_cast<long>(stages.size())) ref.target = static_cast<int>(index);
      } else {
        ref.target = find_stage(stages, ref.text, kind == StageRefKind::FromBase);
      }
      // Only earlier stages can be referred to; ONBUILD triggers run in a later build.
      if (ref.target >= 0 && ins.stage >= 0 && ref.target >= ins.stage && !ins.inside_onbuild)
        ref.forward = true;
      if (ref.target >= 0 || kind != StageRefKind::FromBase) model_.stage_refs.push_back(std::move(ref));
    };
    if (ins.kind == Kind::From && !ins.inside_onbuild && ins.stage >= 0) {
      Stage& stage = stages[ins.stage];
      if (stage.base_text.empty()) continue;
      // The base after global ARG expansion decides.
      const std::string& base = stage.base_resolved.empty() ? stage.base_text : stage.base_resolved;
      int target = find_stage(stages, base, true);
      if (target >= 0) {
        add(StageRefKind::FromBase, base, stage.base_span, false);
        if (target < stage.index) stage.parent = target;
      }
    } else if (ins.kind == Kind::Copy) {
      if (const Flag* from = ins.flag("from"); from && from->value)
        add(StageRefKind::CopyFrom, *from->value, from->value_span, true);
    } else if (ins.kind == Kind::Run) {
      for (const Flag* mount : ins.flags_named("mount"))
        if (const MountOption* from = mount->option({"from"}); from && from->value)
          add(StageRefKind::MountFrom, *from->value, from->value_span, false);
    }
  }
}

void Model::compute_reachability(std::string_view target) {
  if (stages.empty()) return;
  for (auto& s : stages) s.reachable = false;
  int start = static_cast<int>(stages.size()) - 1;
  if (!target.empty())
    if (const Stage* named = stage_named(target)) start = named->index;
  std::vector<int> todo{start};
  while (!todo.empty()) {
    int s = todo.back();
    todo.pop_back();
    if (s < 0 || stages[s].reachable) continue;
    stages[s].reachable = true;
    if (stages[s].parent >= 0) todo.push_back(stages[s].parent);
    for (const auto& ref : stage_refs)
      if (ref.stage == s && ref.target >= 0 && ref.target != s) todo.push_back(ref.target);
  }
}

}  // namespace dfls::model
