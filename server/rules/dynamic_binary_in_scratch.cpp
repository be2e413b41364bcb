// DynamicBinaryInScratch: a Go binary built with cgo enabled (the default on Debian-based golang
// images, where a C compiler is present) is linked against the C library, and is copied into
// scratch or distroless/static, which have none: the container fails to start with a puzzling
// "no such file or directory". A build counts as static with CGO_ENABLED=0 (an assignment, an
// export earlier in the RUN, or an ENV/ARG in effect), static link flags (`-extldflags -static`),
// a cross-compiling GOARCH, or an Alpine golang image without a C compiler installed.
//
// Also, at info level: a compiled binary copied into scratch without CA certificates
// (/etc/ssl/certs) cannot verify any HTTPS server.
//
// Fixes: build with `CGO_ENABLED=0`; copy ca-certificates.crt from the build stage.
#include "core/model/model.h"
#include "rules/quality_helpers.h"
#include "rules/rule.h"
#include "rules/rule_helpers.h"

namespace dfls {

namespace {

struct Build {
  int instruction = -1;
  std::string output;  // Absolute; a directory when is_dir.
  bool is_dir = false;
  bool go = true;
  bool is_static = false;
  ByteRange go_word;   // Where "CGO_ENABLED=0 " goes.
  bool fixable = false;
};

bool decl_value(const model::Model& m, const model::Instruction& ins, std::string_view name, std::string* value) {
  for (const model::VarDecl* d : m.visible_at(ins.span.start, false))
    if (d->name == name && d->kind != model::VarKind::Predefined) {
      if (value) *value = d->value.value_or("?");
      return true;
    }
  return false;
}

bool installs_c_compiler(const Document& doc, int stage) {
  const model::Model& m = doc.model();
  for (int s : quality::stage_chain(m, stage))
    for (int i : m.stages[s].instructions) {
      if (m.instructions[i].kind != model::Kind::Run) continue;
      for (const shell::Command& c : quality::run_script(doc, m.instructions[i]).commands)
        for (const shell::Word& w : c.args)
          if (w.value == "gcc" || w.value == "build-base" || w.value == "musl-dev" || w.value == "clang") return true;
    }
  return false;
}

std::vector<Build> builds_in(const Document& doc, int stage) {
  const model::Model& m = doc.model();
  std::vector<Build> out;
  quality::BaseImage base = quality::stage_base(m, stage);
  // golang:<version>-alpine has no C compiler, so cgo is off, also when a variable names the version.
  std::string_view base_text = base.root ? std::string_view(base.root->base_text) : std::string_view();
  bool alpine_golang = (base.name == "golang" && base.tag.find("alpine") != std::string::npos) ||
                       ((base_text.starts_with("golang:") || base_text.find("/golang:") != std::string_view::npos) &&
                        base_text.find("alpine") != std::string_view::npos);
  bool no_compiler = alpine_golang && !installs_c_compiler(doc, stage);
  for (int s : quality::stage_chain(m, stage))
    for (int i : m.stages[s].instructions) {
      const model::Instruction& ins = m.instructions[i];
      if (ins.kind != model::Kind::Run || ins.inside_onbuild) continue;
      std::optional<std::string> cwd = quality::workdir_at(m, s, i);
      if (!cwd) continue;
      std::string env_cgo;
      bool env_static = (decl_value(m, ins, "CGO_ENABLED", &env_cgo) && env_cgo == "0") ||
                        decl_value(m, ins, "GOARCH", nullptr);
      const quality::RunScript& script = quality::run_script(doc, ins);
      bool exported = false;
      for (const shell::Command& c : script.commands) {
        std::string program = quality::word_name(c, quality::program_index(c));
        for (const shell::Word& a : c.args)
          if (program == "export" && a.value == "CGO_ENABLED=0") exported = true;
        if (c.args.empty())
          for (const shell::Word& a : c.assignments)
            if (a.value == "CGO_ENABLED=0") exported = true;
        if (program == "cd" && c.args.size() == 2) {
          if (c.args[1].has_expansion) break;
          cwd = quality::join_path(*cwd, c.args[1].value);
          continue;
        }
        std::optional<quality::ToolUse> use = quality::classify(c);
        if (!use || !use->build || (use->tool != quality::Tool::Go && use->tool != quality::Tool::Cargo)) continue;
        Build b;
        b.instruction = i;
        b.go = use->tool == quality::Tool::Go;
        if (b.go) {
          std::optional<std::string> o = shell::flag_value(c, "-o");
          if (!o && quality::word_name(c, use->verb) == "install") o = "/go/bin/";
          if (!o || o->find('$') != std::string::npos) continue;
          b.is_dir = o->ends_with("/");
          b.output = quality::join_path(*cwd, *o);
        } else {
          b.output = quality::join_path(*cwd, "target");
          b.is_dir = true;
        }
        bool cgo_on = false, cgo_off = exported || env_static || no_compiler;
        for (const shell::Word& a : c.assignments) {
          if (a.value == "CGO_ENABLED=0" || a.value.starts_with("GOARCH=")) cgo_off = true;
          if (a.value == "CGO_ENABLED=1") cgo_on = true;
        }
        for (const shell::Word& a : c.args)
          if (a.value.find("-static") != std::string::npos) cgo_off = true;
        b.is_static = !b.go || (cgo_off && !cgo_on);
        b.go_word = {c.args[use->program].start, c.args[use->program].start};
        b.fixable = script.form != quality::RunScript::Form::Exec && !cgo_on;
        out.push_back(std::move(b));
      }
    }
  return out;
}

bool static_only(const quality::BaseImage& b) {
  return b.scratch || b.name.starts_with("gcr.io/distroless/static") || b.name.starts_with("cgr.dev/chainguard/static");
}

void check_dynamic_binary_in_scratch(RuleContext& ctx) {
  const model::Model& m = ctx.doc.model();
  std::string_view text = ctx.text();
  std::vector<int> fixed_builds;
  for (const model::Stage& stage : m.stages) {
    quality::BaseImage base = quality::stage_base(m, stage.index);
    if (!static_only(base) || base.root_stage != stage.index) continue;
    // A stage without a command only carries files for another image or `--output` (export).
    bool runnable = false;
    for (int i : stage.instructions)
      if (m.instructions[i].kind == model::Kind::Cmd || m.instructions[i].kind == model::Kind::Entrypoint) runnable = true;
    for (const model::Stage& child : m.stages)
      if (child.parent == stage.index)
        for (int i : child.instructions)
          if (m.instructions[i].kind == model::Kind::Cmd || m.instructions[i].kind == model::Kind::Entrypoint)
            runnable = true;
    if (!runnable) continue;
    bool has_certs = false;
    int binary_from = -1;
    for (int i : stage.instructions) {
      const model::Instruction& ins = m.instructions[i];
      if (ins.kind != model::Kind::Copy && ins.kind != model::Kind::Add) continue;
      if (ins.args_text(text).find("/etc/ssl") != std::string_view::npos ||
          ins.args_text(text).find("ca-certificates") != std::string_view::npos)
        has_certs = true;
      int from = -1;
      for (const model::StageRef& ref : m.stage_refs)
        if (ref.instruction == i && ref.kind == model::StageRefKind::CopyFrom) from = ref.target;
      if (from < 0 || ins.json_form || ins.args.size() < 2) continue;
      std::vector<Build> builds = builds_in(ctx.doc, from);
      for (size_t k = 0; k + 1 < ins.args.size(); ++k) {
        const model::Word& src = ins.args[k];
        if (src.text.find('$') != std::string::npos) continue;
        std::string path = quality::join_path("/", src.text);
        for (const Build& b : builds) {
          if (!(quality::path_within(b.output, path) || (b.is_dir && quality::path_within(path, b.output)))) continue;
          if (binary_from < 0) binary_from = from;
          if (b.is_static) continue;
          const model::Instruction& run = m.instructions[b.instruction];
          size_t line = rules::line_number(text, run.span.start);
          Diag& d = ctx.report(src.span, "the Go binary " + src.text + " is built with cgo (no CGO_ENABLED=0, line " +
                                             std::to_string(line) + ") and " + quality::image_label(base) +
                                             " has no C library: it will not start");
          if (b.fixable && std::find(fixed_builds.begin(), fixed_builds.end(), b.instruction) == fixed_builds.end()) {
            fixed_builds.push_back(b.instruction);
            d.fixes.push_back(Fix{.title = "Build a static binary with CGO_ENABLED=0",
                                  .edits = {{b.go_word, "CGO_ENABLED=0 "}}, .safe = true, .preferred = true});
          }
          break;
        }
      }
    }
    if (!base.scratch || has_certs || binary_from < 0) continue;
    Diag& d = ctx.report(stage.base_span, "scratch has no CA certificates: the binary copied here cannot verify "
                                          "HTTPS servers");
    d.severity = Severity::Info;
    const model::Stage& from = m.stages[binary_from];
    std::string name = from.original_name.empty() ? std::to_string(from.index) : from.original_name;
    quality::BaseImage builder = quality::stage_base(m, binary_from);
    bool known = builder.name == "golang" || builder.name == "rust" || builder.name == "alpine" ||
                 builder.name == "debian" || builder.name == "ubuntu";
    size_t at = quality::after_instruction(ctx.doc, m.instructions[stage.from_instruction]);
    std::string nl = quality::newline(ctx.doc);
    std::string prefix = at == text.size() && !text.ends_with("\n") ? nl : "";
    d.fixes.push_back(Fix{.title = "Copy ca-certificates.crt from stage " + name,
                          .edits = {{{at, at}, prefix + "COPY --from=" + name +
                                                   " /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/" + nl}},
                          .safe = known});
  }
}

}  // namespace

extern const Rule kRuleDynamicBinaryInScratch = {
    .id = "DynamicBinaryInScratch",
    .default_severity = Severity::Warning,
    .summary = "A dynamically linked Go binary in scratch or distroless/static",
    .check = check_dynamic_binary_in_scratch,
};

}  // namespace dfls
