// ARG and ENV declarations, their scopes and every variable reference, as BuildKit scopes them
// (spec section 7): global ARGs (before the first FROM) are visible only in FROM lines unless a
// stage redeclares them; a stage sees its own ARGs and ENVs from the line after their declaration,
// and everything of the stage it is built FROM; ENV wins over ARG of the same name; platform ARGs
// must be redeclared to be used in a stage; proxy and BUILDKIT_* arguments need no declaration.
#include <algorithm>
#include <map>
#include <unordered_map>

#include "core/expand.h"
#include "core/model/model.h"
#include "core/model/model_builder.h"
#include "syntax/names.h"

namespace dfls::model {

namespace n = syntax::names;

namespace {

constexpr std::string_view kPlatformArgs[] = {
    "BUILDPLATFORM", "BUILDOS", "BUILDARCH", "BUILDVARIANT", "BUILDOSVERSION", "TARGETPLATFORM",
    "TARGETOS", "TARGETARCH", "TARGETVARIANT", "TARGETOSVERSION", "TARGETSTAGE"};

constexpr std::string_view kOtherPredefined[] = {
    "HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy", "FTP_PROXY", "ftp_proxy", "NO_PROXY",
    "no_proxy", "ALL_PROXY", "all_proxy", "BUILDKIT_BUILD_NAME", "BUILDKIT_CACHE_MOUNT_NS",
    "BUILDKIT_CONTEXT_KEEP_GIT_DIR", "BUILDKIT_INLINE_CACHE", "BUILDKIT_MULTI_PLATFORM",
    "BUILDKIT_SANDBOX_HOSTNAME", "BUILDKIT_SYNTAX", "BUILDKIT_DOCKERFILE_CHECK", "SOURCE_DATE_EPOCH",
    "BUILDKIT_SBOM_SCAN_CONTEXT", "BUILDKIT_SBOM_SCAN_STAGE"};

// Values of declarations as a build would see them without --build-arg.
using Env = std::map<std::string, VarValue, std::less<>>;

VarValue lookup_in(const Env& env, std::string_view name) {
  auto it = env.find(name);
  return it == env.end() ? VarValue::unset() : it->second;
}

bool shell_text_kind(Kind k) {
  return k == Kind::Run || k == Kind::Cmd || k == Kind::Entrypoint || k == Kind::Shell ||
         k == Kind::Healthcheck;
}

}  // namespace

bool is_platform_arg(std::string_view name) {
  return std::find(std::begin(kPlatformArgs), std::end(kPlatformArgs), name) != std::end(kPlatformArgs);
}

bool is_predefined_arg(std::string_view name) {
  return is_platform_arg(name) ||
         std::find(std::begin(kOtherPredefined), std::end(kOtherPredefined), name) != std::end(kOtherPredefined);
}

void ModelBuilder::resolve_variables() {
  auto& decls = model_.decls;
  // Predefined arguments come first, without an instruction.
  for (auto name : kPlatformArgs) {
    VarDecl d;
    d.name = std::string(name);
    d.kind = VarKind::Predefined;
    decls.push_back(std::move(d));
  }
  for (auto name : kOtherPredefined) {
    VarDecl d;
    d.name = std::string(name);
    d.kind = VarKind::Predefined;
    decls.push_back(std::move(d));
  }
  auto predefined = [&](std::string_view name) -> int {
    for (size_t i = 0; i < decls.size() && decls[i].kind == VarKind::Predefined; ++i)
      if (decls[i].name == name) return static_cast<int>(i);
    return -1;
  };

  Env global_env;
  for (auto name : kPlatformArgs) global_env[std::string(name)] = VarValue::unknown();
  std::vector<Env> stage_env(model_.stages.size());
  // Declarations per stage, in order, by index into decls.
  std::vector<std::vector<int>> stage_decls(model_.stages.size());
  std::vector<int> global_decls;

  auto expand_with = [&](std::string_view raw, const Env& env) -> std::optional<std::string> {
    ExpandResult r = expand(raw, VarLookup([&](std::string_view name) { return lookup_in(env, name); }),
                            model_.escape);
    if (r.error || r.unknown) return std::nullopt;
    return r.value;
  };

  // Resolves a reference made from instruction `at` of stage `stage` to a declaration index.
  auto resolve = [&](std::string_view name, int stage, int at, bool in_from, size_t offset) -> int {
    if (in_from || stage < 0) {
      int found = -1;
      // Global ARGs are evaluated one pair at a time: `ARG A=1 B=$A` sees A.
      for (int d : global_decls)
        if (decls[d].name == name &&
            (decls[d].instruction < at || (decls[d].instruction == at && decls[d].span.end <= offset)))
          found = d;
      if (found < 0 && is_platform_arg(name)) found = predefined(name);
      return found;
    }
    for (int s = stage; s >= 0; s = model_.stages[s].parent) {
      int best_env = -1, best_arg = -1;
      for (int d : stage_decls[s]) {
        if (decls[d].name != name) continue;
        if (s == stage && decls[d].instruction >= at) continue;
        (decls[d].kind == VarKind::Env ? best_env : best_arg) = d;
      }
      if (best_env >= 0) return best_env;
      if (best_arg >= 0) return best_arg;
      if (model_.stages[s].parent == s) break;
    }
    if (!is_platform_arg(name)) return predefined(name);
    return -1;
  };

  for (size_t i = 0; i < model_.instructions.size(); ++i) {
    const Instruction& ins = model_.instructions[i];
    if (ins.inside_onbuild) continue;
    int stage = ins.stage;
    if (ins.kind == Kind::From && stage >= 0) {
      Stage& st = model_.stages[stage];
      // The base image as a build without --build-arg sees it.
      ExpandResult r = expand(st.base_text,
                              VarLookup([&](std::string_view name) { return lookup_in(global_env, name); }),
                              model_.escape);
      st.base_resolved = r.error ? st.base_text : r.value;
      st.base = parse_image_ref(st.base_resolved);
      if (r.unknown || r.value.find('$') != std::string::npos) st.base.has_variables = true;
      // A stage starts from its parent's environment.
      if (st.parent < 0) {
        std::string_view base = st.base_resolved;
        for (const auto& other : model_.stages)
          if (other.index < stage && !other.name.empty() && other.name == base) st.parent = other.index;
      }
      if (st.parent >= 0) stage_env[stage] = stage_env[st.parent];
      continue;
    }
    if (ins.kind != Kind::Arg && ins.kind != Kind::Env) continue;
    // The whole instruction expands against the environment as it was before it.
    const Env before = stage < 0 ? global_env : stage_env[stage];
    for (const KeyValue& kv : ins.pairs) {
      if (kv.key.empty()) continue;
      VarDecl d;
      d.name = kv.key;
      d.kind = ins.kind == Kind::Env ? VarKind::Env : (stage < 0 ? VarKind::GlobalArg : VarKind::Arg);
      d.name_span = kv.key_span;
      d.span = kv.span;
      d.stage = stage;
      d.instruction = static_cast<int>(i);
      Env& env = stage < 0 ? global_env : stage_env[stage];
      bool has_value = !kv.value_span.empty() || (ins.kind == Kind::Env);
      if (has_value) {
        d.default_value = kv.value;
        // Global ARGs see the pairs before them in the same instruction; ENV and stage ARGs do not.
        d.value = expand_with(kv.value, stage < 0 ? global_env : before);
      } else if (stage >= 0) {
        // "ARG NAME" in a stage takes the global value when there is one.
        VarValue global = lookup_in(global_env, kv.key);
        if (global.state == VarValue::State::Set) d.value = global.value;
      }
      int index = static_cast<int>(decls.size());
      decls.push_back(d);
      (stage < 0 ? global_decls : stage_decls[stage]).push_back(index);
      // ENV wins over an ARG of the same name: a later ARG does not change the value.
      bool shadowed_by_env = false;
      if (ins.kind == Kind::Arg)
        for (int other : (stage < 0 ? global_decls : stage_decls[stage]))
          if (other != index && decls[other].name == kv.key && decls[other].kind == VarKind::Env)
            shadowed_by_env = true;
      if (!shadowed_by_env) env[kv.key] = d.value ? VarValue::set(*d.value) : VarValue::unknown();
    }
  }

  // References: every expansion node of every instruction.
  for (size_t i = 0; i < model_.instructions.size(); ++i) {
    const Instruction& ins = model_.instructions[i];
    auto record = [&](syntax::Node c, bool in_flag) {
      syntax::Node name = c.field(n::kName);
      if (!name) return;
      VarRef ref;
      ref.name = std::string(name.text(text_));
      ref.name_span = {name.start(), name.end()};
      ref.span = {c.start(), c.end()};
      if (syntax::Node op = c.field(n::kOperator)) ref.op = std::string(op.text(text_));
      ref.instruction = static_cast<int>(i);
      ref.stage = ins.stage;
      ref.in_from = ins.kind == Kind::From;
      ref.builder_expanded = !(shell_text_kind(ins.kind) && !in_flag);
      if (ins.inside_onbuild) ref.builder_expanded = false;
      ref.decl = resolve(ref.name, ins.stage, static_cast<int>(i), ref.in_from, ref.span.start);
      model_.refs.push_back(std::move(ref));
    };
    // Below the instruction (not into an ONBUILD's trigger), knowing whether a flag holds the node:
    // Node::parent() would search down from the root each time, which is slow on large files.
    auto visit = [&](auto&& self, syntax::Node node, bool in_flag) -> void {
      for (syntax::Node c : node.named_children()) {
        if (c.type().ends_with("_instruction")) continue;
        bool flag = in_flag || c.type() == n::kFlag || c.type().ends_with("_flag");
        if (c.type() == n::kExpansion) record(c, in_flag);
        self(self, c, flag);  // Nested expansions in the word.
      }
    };
    visit(visit, ins.node, false);
  }
}

std::vector<const VarDecl*> Model::visible_at(size_t offset, bool in_from_line) const {
  const Instruction* at = instruction_at(offset);
  int at_index = at ? static_cast<int>(at - instructions.data()) : static_cast<int>(instructions.size());
  const Stage* stage = at ? nullptr : stage_at(offset);
  return visible_in(at_index, at ? at->stage : (stage ? stage->index : -1), in_from_line);
}

std::vector<const VarDecl*> Model::visible_in(int at, int stage, bool in_from_line) const {
  std::vector<const VarDecl*> out;
  std::unordered_map<std::string_view, size_t> where;
  // A later declaration of a name replaces an earlier one, except that an ARG does not replace
  // an ENV (the ENV keeps its value).
  auto add = [&](const VarDecl& d) {
    auto it = where.find(d.name);
    if (it != where.end()) {
      const VarDecl*& existing = out[it->second];
      if (!(existing->kind == VarKind::Env && d.kind != VarKind::Env)) existing = &d;
      return;
    }
    where.emplace(d.name, out.size());
    out.push_back(&d);
  };
  // The predefined ARGs come first; the others are in file order.
  size_t p0 = 0;
  while (p0 < decls.size() && decls[p0].kind == VarKind::Predefined) ++p0;
  auto each_in = [&](int lo, int hi, auto&& f) {
    auto b = std::lower_bound(decls.begin() + static_cast<std::ptrdiff_t>(p0), decls.end(), lo,
                              [](const VarDecl& d, int v) { return d.instruction < v; });
    for (auto it = b; it != decls.end() && it->instruction < hi; ++it) f(*it);
  };
  if (in_from_line || stage < 0) {
    for (size_t i = 0; i < p0; ++i)
      if (is_platform_arg(decls[i].name)) add(decls[i]);
    each_in(0, at, [&](const VarDecl& d) {
      if (d.kind == VarKind::GlobalArg) add(d);
    });
    return out;
  }
  for (size_t i = 0; i < p0; ++i)
    if (!is_platform_arg(decls[i].name)) add(decls[i]);
  std::vector<int> chain;
  for (int s = stage; s >= 0 && chain.size() <= stages.size(); s = stages[s].parent) chain.push_back(s);
  for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
    const Stage& st = stages[*it];
    if (st.instructions.empty()) continue;
    int hi = *it == stage ? at : st.instructions.back() + 1;
    each_in(st.from_instruction, hi, [&](const VarDecl& d) {
      if (d.stage == *it && d.kind != VarKind::GlobalArg) add(d);
    });
  }
  return out;
}

}  // namespace dfls::model
