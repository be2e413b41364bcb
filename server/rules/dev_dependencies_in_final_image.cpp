// DevDependenciesInFinalImage: node_modules in the final image holds devDependencies (compilers,
// test runners, linters): an install in the final stage (or a stage it starts from) without
// `--omit=dev` (yarn `--production`, pnpm `--prod`, or NODE_ENV=production in effect), or a
// node_modules copied in from a build stage that installed them, with no `npm prune --omit=dev`
// afterwards. They make the image larger and add code that may carry vulnerabilities. Not
// reported when the image has no command of its own (a tool image) or runs one that needs the
// devDependencies (`ng serve`, `npm run dev`, vite, nodemon), nor, with the build context on disk,
// for a package.json without devDependencies; `npm start` and `npm run <script>` are looked up in
// its scripts.
//
// The fix omits devDependencies at the install when nothing runs after it in the stage (no build
// script), and else prunes them after the last build step. It is not applied automatically: a
// package listed under devDependencies may be needed at run time.
#include <algorithm>

#include "core/model/model.h"
#include "rules/quality_helpers.h"
#include "rules/rule.h"

namespace dfls {

namespace {

using quality::Tool;

struct Install {
  int instruction = -1;
  int stage = -1;
  Tool tool = Tool::Npm;
  ByteRange range;
  size_t verb_end = 0;
  std::string cwd;
  std::string text;
};

bool has(const shell::Command& c, std::initializer_list<std::string_view> words) {
  for (const shell::Word& w : c.args)
    for (std::string_view x : words)
      if (w.value == x) return true;
  return false;
}

bool omits_dev(const model::Model& m, const model::Instruction& ins, const shell::Command& c, Tool tool) {
  for (const shell::Word& a : c.assignments)
    if (a.value == "NODE_ENV=production") return true;
  for (const model::VarDecl* d : m.visible_at(ins.span.start, false))
    if ((d->name == "NODE_ENV" && d->value == "production") ||
        ((d->name == "NPM_CONFIG_PRODUCTION" || d->name == "npm_config_production") && d->value == "true"))
      return true;
  if (tool == Tool::Npm)
    return has(c, {"--omit=dev", "--production", "--only=prod", "--only=production"}) ||
           (has(c, {"--omit"}) && has(c, {"dev"}));
  if (tool == Tool::Yarn || tool == Tool::Bun) return has(c, {"--production", "--prod"});
  if (tool == Tool::Pnpm) return has(c, {"--prod", "-P", "--production"});
  return false;
}

bool prunes(const shell::Command& c) {
  size_t p = quality::program_index(c);
  std::string name = quality::word_name(c, p);
  if ((name == "npm" || name == "pnpm") && has(c, {"prune"}))
    return has(c, {"--omit=dev", "--production", "--prod"});
  return false;
}

bool builds(const shell::Command& c) {
  std::string name = quality::word_name(c, quality::program_index(c));
  if (name == "npx" || name == "tsc" || name == "next" || name == "vite" || name == "webpack" || name == "ng") return true;
  if (name == "npm" || name == "pnpm" || name == "bun") return has(c, {"run", "run-script", "exec", "test"});
  if (name == "yarn") {
    std::optional<quality::ToolUse> use = quality::classify(c);
    return !use && c.args.size() > quality::program_index(c) + 1;
  }
  return false;
}

// The dev installs of a stage chain that nothing prunes later.
std::vector<Install> dev_installs(const Document& doc, int stage) {
  const model::Model& m = doc.model();
  std::vector<Install> out;
  std::vector<int> chain = quality::stage_chain(m, stage);
  for (auto it = chain.rbegin(); it != chain.rend(); ++it)
    for (int i : m.stages[*it].instructions) {
      const model::Instruction& ins = m.instructions[i];
      if (ins.kind != model::Kind::Run || ins.inside_onbuild) continue;
      const quality::RunScript& script = quality::run_script(doc, ins);
      for (const shell::Command& c : script.commands) {
        if (prunes(c)) out.clear();
        std::optional<quality::ToolUse> use = quality::classify(c);
        if (!use || !use->deps || quality::tool_ecosystem(use->tool) != "node") continue;
        if (omits_dev(m, ins, c, use->tool)) {
          out.clear();
          continue;
        }
        std::optional<std::string> cwd = quality::workdir_at(m, *it, i);
        out.push_back({i, *it, use->tool, quality::use_range(c, *use), c.args[use->verb].end, cwd.value_or(""),
                       quality::use_text(c, *use)});
      }
    }
  return out;
}

std::string prune_command(Tool tool) {
  if (tool == Tool::Npm) return "npm prune --omit=dev";
  if (tool == Tool::Pnpm) return "pnpm prune --prod";
  if (tool == Tool::Yarn) return "yarn install --production --ignore-scripts --prefer-offline";
  return "";
}

// Omit devDependencies at the install when nothing runs after it in its stage, else prune them
// after the last build step of the stage.
std::optional<Fix> fix_for(const Document& doc, const Install& inst) {
  const model::Model& m = doc.model();
  int last_build = -1;
  for (int i : m.stages[inst.stage].instructions) {
    const model::Instruction& ins = m.instructions[i];
    if (ins.kind != model::Kind::Run || i < inst.instruction) continue;
    for (const shell::Command& c : quality::run_script(doc, ins).commands)
      if (builds(c) && (i > inst.instruction || c.start > inst.range.end)) last_build = i;
  }
  if (last_build < 0) {
    std::string flag = inst.tool == Tool::Npm ? " --omit=dev" : inst.tool == Tool::Pnpm ? " --prod" : " --production";
    return Fix{.title = "Install without devDependencies (" + flag.substr(1) + ")",
               .edits = {{{inst.verb_end, inst.verb_end}, flag}}, .safe = false};
  }
  std::string prune = prune_command(inst.tool);
  if (prune.empty()) return std::nullopt;
  size_t at = quality::after_instruction(doc, m.instructions[last_build]);
  std::string nl = quality::newline(doc);
  std::string lead = at == doc.text().size() && !doc.text().ends_with("\n") ? nl : "";
  return Fix{.title = "Prune devDependencies after the build (" + prune + ")",
             .edits = {{{at, at}, lead + "RUN " + prune + nl}}, .safe = false};
}

// Whether a RUN of the document installs a project's node packages; most do not, and then there is
// nothing more to look at.
bool installs_node_packages(const Document& doc) {
  const model::Model& m = doc.model();
  for (const model::Instruction& ins : m.instructions) {
    if (ins.kind != model::Kind::Run || ins.inside_onbuild || ins.stage < 0) continue;
    for (const shell::Command& c : quality::run_script(doc, ins).commands)
      if (auto use = quality::classify(c); use && use->deps && quality::tool_ecosystem(use->tool) == "node")
        return true;
  }
  return false;
}

// Whether the image runs a command that needs its devDependencies (`ng serve`, `npm run dev`,
// vite, nodemon, a script of package.json that starts one), or has no command of its own (a tool
// or base image that others run their own commands in).
bool runs_dev_tools(const Document& doc, int final, const quality::BuildContext& context) {
  return quality::needs_toolchain(quality::resolved_command(doc, final, context));
}

// Whether the package.json an install works from (found in the build context on disk) declares no
// devDependencies, so that there are none to leave out.
bool without_dev_dependencies(const model::Model& m, const Install& inst, const quality::BuildContext& context) {
  if (inst.cwd.empty()) return false;
  std::optional<quality::PackageJson> package =
      quality::package_json_at(m, inst.stage, inst.instruction, inst.cwd, context);
  return package && !package->dev_dependencies;
}

void check_dev_dependencies_in_final_image(RuleContext& ctx) {
  const model::Model& m = ctx.doc.model();
  int final = quality::final_stage(m, ctx.config);
  if (final < 0) return;
  quality::BuildContext context = quality::BuildContext::of(ctx);
  if (!installs_node_packages(ctx.doc) || runs_dev_tools(ctx.doc, final, context)) return;
  std::vector<int> chain = quality::stage_chain(m, final);
  for (const Install& inst : dev_installs(ctx.doc, final)) {
    if (without_dev_dependencies(m, inst, context)) continue;
    Diag& d = ctx.report(inst.range, "`" + inst.text + "` installs devDependencies, and they stay in the final image");
    if (auto fix = fix_for(ctx.doc, inst)) d.fixes.push_back(*fix);
  }
  // node_modules copied from another stage.
  std::vector<int> fixed;
  for (int s : chain)
    for (int i : m.stages[s].instructions) {
      const model::Instruction& ins = m.instructions[i];
      if (ins.kind != model::Kind::Copy || ins.json_form) continue;
      int from = -1;
      for (const model::StageRef& ref : m.stage_refs)
        if (ref.instruction == i && ref.kind == model::StageRefKind::CopyFrom) from = ref.target;
      if (from < 0) continue;
      std::vector<Install> installs = dev_installs(ctx.doc, from);
      std::erase_if(installs, [&](const Install& inst) { return without_dev_dependencies(m, inst, context); });
      for (size_t k = 0; k + 1 < ins.args.size() && !installs.empty(); ++k) {
        std::string src = quality::join_path("/", ins.args[k].text);
        bool match = false;
        for (const Install& inst : installs)
          if (!inst.cwd.empty() && (src == quality::join_path(inst.cwd, "node_modules") || quality::path_within(inst.cwd, src)))
            match = true;
        if (!match) continue;
        const Install& inst = installs.back();
        std::string name = m.stages[from].original_name.empty() ? std::to_string(from) : m.stages[from].original_name;
        Diag& d = ctx.report(ins.args[k].span, "node_modules from stage " + name +
                                                   " holds devDependencies (`" + inst.text + "`, never pruned)");
        if (std::find(fixed.begin(), fixed.end(), from) == fixed.end()) {
          fixed.push_back(from);
          if (auto fix = fix_for(ctx.doc, inst)) d.fixes.push_back(*fix);
        }
        break;
      }
    }
}

}  // namespace

extern const Rule kRuleDevDependenciesInFinalImage = {
    .id = "DevDependenciesInFinalImage",
    .default_severity = Severity::Info,
    .summary = "devDependencies in the final image",
    .check = check_dev_dependencies_in_final_image,
};

}  // namespace dfls
