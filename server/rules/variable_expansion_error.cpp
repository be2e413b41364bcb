// VariableExpansionError: an argument the builder expands (COPY/ADD sources and destination and
// their --chown/--chmod/--checksum, ENV, LABEL, ARG defaults, FROM, EXPOSE, VOLUME, USER, WORKDIR,
// STOPSIGNAL, RUN --mount options) that BuildKit's expansion rejects: an unsupported modifier
// (`${v:#x}`), a missing `}`, an unterminated quote (COPY and ADD split their arguments at
// blanks before expanding, so `COPY "my file" /x` fails: use the JSON form), or `${v?message}`
// / `${v:?message}` on a variable that is not defined at all. RUN, CMD and ENTRYPOINT text is the
// shell's business.
#include "core/expand.h"
#include "core/model/model.h"
#include "rules/rule.h"
#include "rules/rule_helpers.h"

namespace dfls {

namespace {

struct Piece {
  std::string raw;
  ByteRange range;
};

bool heredoc_word(std::string_view w) { return w.find("<<") != std::string_view::npos; }

std::vector<Piece> pieces_of(const model::Model& m, const model::Instruction& ins, const rules::InstructionLine& line) {
  using K = model::Kind;
  std::vector<Piece> out;
  auto add_word = [&](const rules::LineWord& w) { out.push_back({w.text, line.range(w)}); };
  auto add_flag = [&](std::string_view name) {
    for (const rules::FlagWord& f : line.flags)
      if (f.name == name && f.value) out.push_back({*f.value, f.value_span});
  };
  auto words = line.whitespace_words();
  switch (ins.kind) {
    case K::From:
      if (!words.empty()) add_word(words.front());
      add_flag("platform");
      break;
    case K::Copy:
    case K::Add:
      if (!ins.json_form)
        for (const auto& w : words)
          if (!heredoc_word(w.text)) add_word(w);
      add_flag("chown");
      add_flag("chmod");
      add_flag("checksum");
      break;
    case K::Expose:
      for (const auto& w : words) add_word(w);
      break;
    case K::Volume:
      if (!ins.json_form)
        for (const auto& w : words) add_word(w);
      break;
    case K::User:
    case K::Workdir:
    case K::Stopsignal: {
      std::string_view rest = rules::trim(line.rest());
      if (!rest.empty())
        out.push_back({std::string(rest), line.line.range(line.rest_start, line.rest_start + rest.size())});
      break;
    }
    case K::Env:
    case K::Label: {
      auto qw = line.quoted_words(m.escape);
      if (qw.empty()) break;
      if (qw.front().text.find('=') == std::string::npos) {
        // Legacy form: the key, then the rest of the line.
        add_word(qw.front());
        size_t b = qw.front().end;
        while (b < line.line.text.size() && (line.line.text[b] == ' ' || line.line.text[b] == '\t')) ++b;
        if (b < line.line.text.size()) out.push_back({line.line.text.substr(b), line.line.range(b, line.line.text.size())});
      } else {
        for (const auto& w : qw) add_word(w);
      }
      break;
    }
    case K::Arg:
      for (const auto& w : line.quoted_words(m.escape)) {
        size_t eq = w.text.find('=');
        if (eq == std::string::npos) continue;
        out.push_back({w.text.substr(eq + 1), line.line.range(w.start + eq + 1, w.end)});
      }
      break;
    case K::Run:
      for (const rules::FlagWord& f : line.flags) {
        if (f.name != "mount" || !f.value) continue;
        const std::string& v = *f.value;
        size_t pos = 0;
        while (pos <= v.size()) {
          size_t comma = v.find(',', pos);
          size_t end = comma == std::string::npos ? v.size() : comma;
          std::string_view field = std::string_view(v).substr(pos, end - pos);
          size_t eq = field.find('=');
          if (eq != std::string_view::npos && rules::to_lower(field.substr(0, eq)) != "from") {
            ByteRange r = f.value_is_raw ? line.line.range(f.value_start + pos + eq + 1, f.value_start + end) : f.value_span;
            out.push_back({std::string(field.substr(eq + 1)), r});
          }
          if (comma == std::string::npos) break;
          pos = comma + 1;
        }
      }
      break;
    default:
      break;
  }
  return out;
}

void check_variable_expansion_error(RuleContext& ctx) {
  const model::Model& m = ctx.doc.model();
  std::string_view text = ctx.text();
  rules::SyntaxErrors errors(ctx.doc);
  VarLookup all_unknown = [](std::string_view) { return VarValue::unknown(); };
  std::vector<ByteRange> reported;
  for (const model::Instruction& ins : m.instructions) {
    if (ins.inside_onbuild) continue;
    rules::InstructionLine line = rules::read_instruction_line(ctx.doc, ins);
    for (const Piece& p : pieces_of(m, ins, line)) {
      ExpandResult r = expand(p.raw, all_unknown, m.escape);
      if (!r.error || errors.on_lines(p.range)) continue;
      std::string msg = "cannot expand '" + p.raw + "': " + *r.error;
      if ((ins.kind == model::Kind::Copy || ins.kind == model::Kind::Add) && r.error->find("matching") != std::string::npos)
        msg += " (" + std::string(model::kind_keyword(ins.kind)) +
               " splits its arguments at blanks: use the JSON form for paths with spaces)";
      ctx.report(p.range, msg);
      reported.push_back(p.range);
    }
  }
  // ${v?} and ${v:?} on variables that nothing defines.
  for (const model::VarRef& ref : m.refs) {
    if ((ref.op != "?" && ref.op != ":?") || !ref.builder_expanded || ref.decl >= 0 || ref.instruction < 0) continue;
    const model::Instruction& ins = m.instructions[ref.instruction];
    if (ins.inside_onbuild || (ref.stage >= 0 && !ref.in_from && rules::base_image_defines(m, ref.stage, ref.name)))
      continue;
    bool inside = false;
    for (const ByteRange& r : reported)
      if (r.start <= ref.span.start && ref.span.end <= r.end) inside = true;
    if (inside) continue;
    std::string_view raw = text.substr(ref.span.start, ref.span.size());
    std::string name = ref.name;
    ExpandResult r = expand(raw, VarLookup([&](std::string_view n) { return n == name ? VarValue::unset() : VarValue::unknown(); }),
                            m.escape);
    std::string why = r.error ? *r.error : name + ": is not allowed to be unset";
    ctx.report(ref.span, "'" + name + "' is not defined, so the build stops here (" + why + ")");
  }
}

}  // namespace

extern const Rule kRuleVariableExpansionError = {
    .id = "VariableExpansionError",
    .default_severity = Severity::Error,
    .summary = "A variable expansion BuildKit rejects",
    .rcjsuen_code = "44",
    .check = check_variable_expansion_error,
};

}  // namespace dfls
