// HeavyFinalImage: the final stage is based on a full build image (node without -slim or -alpine,
// golang, rust, maven, gradle, a full python, the .NET SDK, a JDK) while its command only runs
// the built application (node, a binary, java -jar, gunicorn, ...), not the toolchain (go run,
// mvn, npm run dev, ...). Compilers, headers and package caches make the image several times
// larger than it needs to be, slower to pull and richer in vulnerabilities. The command is the
// one behind init wrappers and entrypoint scripts (tini, dind, docker-entrypoint.sh), and with the
// build context on disk, `npm start` or `npm run <script>` is the script package.json defines.
//
// The fix, for the simple single-stage shape (install, build, run): keep the stage as a builder
// (`AS build`) and add a runtime stage on a slim or distroless base that copies the build output:
// node_modules (pruned of devDependencies), package.json and the output directory the command
// names; a Python virtual environment (created in the builder) and the app; the Go binary (on
// distroless, with the command in exec form); the jar; the .NET publish directory. For a final
// stage without RUN it offers the slim base instead. Never applied automatically.
#include <cctype>

#include "core/model/model.h"
#include "images/catalog.h"
#include "rules/quality_helpers.h"
#include "rules/rule.h"
#include "rules/rule_helpers.h"

namespace dfls {

namespace {

using quality::Tool;

std::string java_version(const std::string& tag) {
  for (std::string_view key : {"temurin-", "jdk-", "corretto-", "openjdk-", "jdk"}) {
    size_t at = tag.find(key);
    if (at == std::string::npos) continue;
    size_t n = at + key.size(), e = n;
    while (e < tag.size() && std::isdigit(static_cast<unsigned char>(tag[e]))) ++e;
    if (e > n) return tag.substr(n, e - n);
  }
  size_t e = 0;
  while (e < tag.size() && std::isdigit(static_cast<unsigned char>(tag[e]))) ++e;
  return e > 0 ? tag.substr(0, e) : "21";
}

std::string ecosystem(const std::string& name) {
  if (name == "node" || name == "python" || name == "rust") return name;
  if (name == "golang") return "go";
  if (name == "maven" || name == "gradle" || name == "eclipse-temurin" || name == "openjdk" || name == "amazoncorretto")
    return "java";
  if (name == "mcr.microsoft.com/dotnet/sdk") return "dotnet";
  return "";
}

std::string runtime_image(const quality::BaseImage& base, bool static_go) {
  std::string eco = ecosystem(base.name);
  if (eco == "go") return static_go ? "gcr.io/distroless/static-debian12" : "gcr.io/distroless/base-debian12";
  if (eco == "rust") return "gcr.io/distroless/cc-debian12";
  if (eco == "java") return "eclipse-temurin:" + java_version(base.tag) + "-jre";
  if (eco == "dotnet") return "mcr.microsoft.com/dotnet/aspnet" + (base.tag.empty() ? "" : ":" + base.tag);
  const auto& catalog = images::Catalog::embedded();
  for (const std::string& alt : catalog.slimmer_alternatives(base.name, base.tag)) {
    images::ImageRef ref = images::split_image_ref(alt);
    if (!catalog.is_build_image(ref.name, ref.tag) && (eco.empty() || ref.name == base.name)) return alt;
  }
  return "";
}

struct Split {
  std::vector<TextEdit> edits;
  std::vector<std::string> artifacts;  // Absolute paths in the builder.
  std::string builder_extra;           // Lines appended at the end of the builder (prune).
  std::string runtime_env;             // Extra runtime lines (venv PATH).
};

std::optional<Fix> split_fix(const Document& doc, const model::Stage& stage, const quality::BaseImage& base,
                             const std::string& runtime, const std::vector<std::string>& words) {
  const model::Model& m = doc.model();
  std::string_view text = doc.text();
  std::string nl = quality::newline(doc);
  std::optional<std::string> workdir = quality::workdir_at(m, stage.index, -1);
  if (!workdir) return std::nullopt;
  const std::string& w = *workdir;
  std::string eco = ecosystem(base.name);
  std::string name = stage.original_name.empty() ? "build" : stage.original_name;
  std::vector<TextEdit> inserts, removals;
  std::vector<std::string> artifacts;
  std::string builder_tail, runtime_env;
  bool no_shell = !quality::image_has_shell(quality::BaseImage{.name = images::split_image_ref(runtime).name,
                                                               .tag = images::split_image_ref(runtime).tag});
  // Relative paths the command names, by their first component.
  auto named_path = [&](auto pred) -> std::string {
    for (size_t k = 1; k < words.size(); ++k)
      if (!words[k].starts_with("-") && pred(words[k])) return quality::join_path(w, words[k]);
    return "";
  };
  int last_run = -1, first_pip = -1;
  bool node_dev = false, pruned = false, venv = false, pip_user = false;
  std::string go_out;
  for (int i : stage.instructions) {
    const model::Instruction& ins = m.instructions[i];
    if (ins.kind == model::Kind::Env)
      for (const model::KeyValue& kv : ins.pairs)
        if (kv.key == "VIRTUAL_ENV") venv = true;
    if (ins.kind != model::Kind::Run) continue;
    last_run = i;
    std::string cwd = quality::workdir_at(m, stage.index, i).value_or(w);
    for (const shell::Command& c : quality::run_script(doc, ins).commands) {
      std::optional<quality::ToolUse> use = quality::classify(c);
      std::string program = quality::word_name(c, quality::program_index(c));
      for (const shell::Word& a : c.args) {
        if (a.value == "venv") venv = true;
        if (a.value == "--user" && use && use->tool == Tool::Pip) pip_user = true;
        if (a.value == "prune" && program == "npm") pruned = true;
      }
      if (use && use->tool == Tool::Pip && first_pip < 0) first_pip = i;
      if (use && use->deps && quality::tool_ecosystem(use->tool) == "node" && !c.args.empty()) node_dev = true;
      if (use && use->tool == Tool::Go && use->build)
        if (auto o = shell::flag_value(c, "-o")) go_out = quality::join_path(cwd, *o);
    }
  }
  if (last_run < 0) return std::nullopt;
  if (eco == "node") {
    std::string out = named_path([](const std::string& s) { return s.find('/') != std::string::npos; });
    if (!out.empty() && quality::path_within(out, w) && out != w &&
        !quality::path_within(out, quality::join_path(w, "node_modules"))) {
      std::string rel = out.substr(w == "/" ? 1 : w.size() + 1);
      std::string top = quality::join_path(w, rel.substr(0, rel.find('/')));
      artifacts = {quality::join_path(w, "package.json"), quality::join_path(w, "node_modules"), top};
    } else {
      artifacts = {w};
    }
    if (node_dev && !pruned) builder_tail = "RUN npm prune --omit=dev" + nl;
  } else if (eco == "python") {
    if (first_pip < 0 || pip_user) return std::nullopt;
    if (!venv) {
      size_t at = quality::instruction_block(doc, m.instructions[first_pip]).start;
      inserts.push_back({{at, at}, "RUN python -m venv /opt/venv" + nl + "ENV PATH=\"/opt/venv/bin:$PATH\"" + nl});
      runtime_env = "ENV PATH=\"/opt/venv/bin:$PATH\"" + nl;
      artifacts.push_back("/opt/venv");
    }
    artifacts.push_back(w);
  } else if (eco == "go") {
    if (go_out.empty()) return std::nullopt;
    artifacts = {go_out};
  } else if (eco == "java") {
    std::string jar = named_path([](const std::string& s) { return s.ends_with(".jar"); });
    if (jar.empty()) return std::nullopt;
    artifacts = {jar};
  } else if (eco == "rust" || eco == "dotnet") {
    std::string out = named_path([&](const std::string& s) { return eco == "dotnet" ? s.ends_with(".dll") : true; });
    if (eco == "rust" && words[0].find('/') != std::string::npos) out = quality::join_path(w, words[0]);
    if (out.empty()) return std::nullopt;
    artifacts = {eco == "dotnet" ? out.substr(0, out.rfind('/')) : out};
  } else {
    return std::nullopt;
  }
  // The builder keeps everything but what only describes the runtime image.
  std::string moved;
  const model::Instruction& from = m.instructions[stage.from_instruction];
  if (stage.original_name.empty()) inserts.push_back({{from.span.end, from.span.end}, " AS " + name});
  for (int i : stage.instructions) {
    const model::Instruction& ins = m.instructions[i];
    model::Kind k = ins.kind;
    bool user_tail = k == model::Kind::User && i > last_run;
    if (!(k == model::Kind::Cmd || k == model::Kind::Entrypoint || k == model::Kind::Expose ||
          k == model::Kind::Healthcheck || k == model::Kind::Stopsignal || k == model::Kind::Volume || user_tail))
      continue;
    ByteRange block = quality::instruction_block(doc, ins);
    std::string line(text.substr(block.start, block.size()));
    if (no_shell && (k == model::Kind::Cmd || k == model::Kind::Entrypoint) && !ins.json_form) {
      auto exec = rules::shell_to_exec_form(ins.args_text(text), m.escape);
      if (!exec) return std::nullopt;
      line = std::string(text.substr(block.start, ins.args_span.start - block.start)) + *exec + nl;
    }
    if (!line.ends_with("\n")) line += nl;
    moved += line;
    removals.push_back({block, ""});
  }
  if (!builder_tail.empty()) {
    size_t at = quality::after_instruction(doc, m.instructions[last_run]);
    inserts.push_back({{at, at}, (at == text.size() && !text.ends_with("\n") ? nl : "") + builder_tail});
  }
  std::string env;
  for (int i : stage.instructions) {
    const model::Instruction& ins = m.instructions[i];
    if (ins.kind == model::Kind::Env) env += std::string(text.substr(ins.span.start, ins.span.size())) + nl;
  }
  std::string runtime_text = nl + "FROM " + runtime + nl;
  if (w != "/") runtime_text += "WORKDIR " + w + nl;
  runtime_text += env + runtime_env;
  for (const std::string& a : artifacts) runtime_text += "COPY --from=" + name + " " + a + " " + a + nl;
  runtime_text += moved;
  std::string lead = text.ends_with("\n") ? "" : nl;
  inserts.push_back({{text.size(), text.size()}, lead + runtime_text});
  inserts.insert(inserts.end(), removals.begin(), removals.end());
  return Fix{.title = "Build in a stage `" + name + "` and run on " + runtime, .edits = inserts, .safe = false};
}

void check_heavy_final_image(RuleContext& ctx) {
  const model::Model& m = ctx.doc.model();
  int final = quality::final_stage(m, ctx.config);
  if (final < 0) return;
  quality::BaseImage base = quality::stage_base(m, final);
  if (!quality::is_build_image(base)) return;
  for (int s : quality::stage_chain(m, final))
    for (int i : m.stages[s].instructions)
      if (m.instructions[i].kind == model::Kind::Onbuild) return;  // A base image for others to build on.
  // No command of its own counts as needing the toolchain (a toolchain image).
  std::vector<std::string> words = quality::resolved_command(ctx.doc, final, quality::BuildContext::of(ctx));
  if (quality::needs_toolchain(words)) return;
  bool static_go = false;
  for (const model::VarDecl* v : m.visible_at(m.stages[final].span.end, false))
    if (v->name == "CGO_ENABLED" && v->value == "0") static_go = true;
  for (int i : m.stages[final].instructions)
    if (m.instructions[i].kind == model::Kind::Run)
      for (const shell::Command& c : quality::run_script(ctx.doc, m.instructions[i]).commands)
        for (const shell::Word& a : c.assignments)
          if (a.value == "CGO_ENABLED=0") static_go = true;
  std::string runtime = runtime_image(base, static_go);
  std::string suggestion = runtime.empty() ? "" : " and run on " + runtime;
  const model::Stage& root = m.stages[base.root_stage];
  Diag& d = ctx.report(root.base_span, "the final image is based on " + quality::image_label(base) +
                                           ", a full build image, while it only runs the app: build in a builder "
                                           "stage" + suggestion);
  if (runtime.empty()) return;
  const model::Stage& stage = m.stages[final];
  bool has_run = false;
  for (int i : stage.instructions) has_run = has_run || m.instructions[i].kind == model::Kind::Run;
  if (m.stages.size() == 1 && has_run) {
    if (auto fix = split_fix(ctx.doc, stage, base, runtime, words)) d.fixes.push_back(std::move(*fix));
  } else if (!has_run && base.root_stage == final) {
    d.fixes.push_back(Fix{.title = "Use " + runtime, .edits = {{root.base_span, runtime}}, .safe = false});
  }
}

}  // namespace

extern const Rule kRuleHeavyFinalImage = {
    .id = "HeavyFinalImage",
    .default_severity = Severity::Info,
    .summary = "The final image is a full build image",
    .check = check_heavy_final_image,
};

}  // namespace dfls
