// InvalidJsonArguments: arguments that start with "[" but are not a JSON array of strings.
// BuildKit then reads them as a shell command, so `CMD ['node', 'app.js']` runs the shell on the
// text `['node', 'app.js']` and fails at run time (a warning here: it builds). A valid JSON array
// with elements that are not strings (`CMD ["sleep", 10]`) is a build error. The fix rewrites an
// array written with single quotes or missing its closing bracket as valid JSON.
#include "core/model/model.h"
#include "rules/rule.h"
#include "rules/rule_helpers.h"

namespace dfls {

namespace {

// Whether text starting with "[" was meant as JSON: its first element is quoted and followed by
// "," or "]" (or nothing). `[ -f x ]` and `[ "$A" = b ]` are shell tests, not attempts at JSON.
bool meant_as_json(std::string_view t) {
  size_t i = 1;
  auto ws = [&] {
    while (i < t.size() && (t[i] == ' ' || t[i] == '\t')) ++i;
  };
  ws();
  if (i >= t.size() || t[i] == ']') return true;
  char q = t[i];
  if (q != '"' && q != '\'') return false;
  for (++i; i < t.size() && t[i] != q; ++i)
    if (t[i] == '\\' && q == '"') ++i;
  if (i >= t.size()) return true;
  ++i;
  ws();
  return i >= t.size() || t[i] == ',' || t[i] == ']';
}

bool takes_exec_form(model::Kind k) {
  using K = model::Kind;
  return k == K::Run || k == K::Cmd || k == K::Entrypoint || k == K::Add || k == K::Copy || k == K::Volume ||
         k == K::Healthcheck;
}

void check_invalid_json_arguments(RuleContext& ctx) {
  const model::Model& m = ctx.doc.model();
  for (const model::Instruction& ins : m.instructions) {
    if (!takes_exec_form(ins.kind)) continue;
    rules::InstructionLine line = rules::read_instruction_line(ctx.doc, ins);
    size_t start = line.rest_start;
    std::string kw(model::kind_keyword(ins.kind));
    if (ins.kind == model::Kind::Healthcheck) {
      auto words = line.whitespace_words();
      if (words.empty() || !rules::iequals(words.front().text, "CMD")) continue;
      start = words.front().end;
      while (start < line.line.text.size() && (line.line.text[start] == ' ' || line.line.text[start] == '\t')) ++start;
      kw = "HEALTHCHECK CMD";
    }
    std::string_view args = std::string_view(line.line.text).substr(start);
    if (!args.starts_with('[')) continue;
    ByteRange range = line.line.range(start, line.line.text.size());
    rules::JsonArray json = rules::parse_json_array(args);
    if (json.valid && json.all_strings) continue;
    // Paths never start with "[": there it can only be an attempt at JSON.
    bool paths = ins.kind == model::Kind::Copy || ins.kind == model::Kind::Add || ins.kind == model::Kind::Volume;
    if (!json.valid && !paths && !meant_as_json(args)) continue;
    if (json.valid) {
      ctx.report(range, "every element of the " + kw + " JSON array must be a string");
      continue;
    }
    std::string why;
    if (args.find('\'') != std::string_view::npos) why = " (JSON strings use double quotes)";
    else if (rules::trim(args).back() != ']') why = " (the closing ] is missing)";
    Diag& d = ctx.report(range, kw + " arguments are not a valid JSON array" + why + ", so they run as a shell command");
    d.severity = Severity::Warning;
    if (auto fixed = rules::repair_json_array(args, paths))
      d.fixes.push_back(Fix{.title = "Write " + *fixed, .edits = {{range, *fixed}}, .preferred = true});
  }
}

}  // namespace

extern const Rule kRuleInvalidJsonArguments = {
    .id = "InvalidJsonArguments",
    .default_severity = Severity::Error,
    .summary = "Arguments that look like a JSON array but are not one",
    .rcjsuen_code = "49",
    .check = check_invalid_json_arguments,
};

}  // namespace dfls
