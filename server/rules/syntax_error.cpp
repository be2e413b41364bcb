// SyntaxError: text the Dockerfile grammar cannot read. Each ERROR node says what was unexpected
// and what the instruction around it expects; each MISSING node says what is missing, such as a
// heredoc terminator or a closing brace.
#include <cctype>
#include <string>

#include "rules/rule.h"
#include "syntax/tree.h"

namespace dfls {

namespace {

// What an instruction expects, for "expected ..." messages.
std::string_view expectation(std::string_view instruction) {
  if (instruction == "from_instruction") return "an image reference, then optionally AS <name>";
  if (instruction == "copy_instruction" || instruction == "add_instruction")
    return "flags, then sources and a destination";
  if (instruction == "run_instruction") return "flags, then a command";
  if (instruction == "env_instruction") return "NAME=value pairs";
  if (instruction == "label_instruction") return "key=value pairs";
  if (instruction == "arg_instruction") return "NAME or NAME=default";
  if (instruction == "expose_instruction") return "ports such as 80, 8080/tcp or 8000-8010";
  if (instruction == "healthcheck_instruction") return "NONE, or flags then CMD <command>";
  if (instruction == "onbuild_instruction") return "an instruction";
  return "";
}

std::string quoted_excerpt(std::string_view text) {
  size_t nl = text.find_first_of("\r\n");
  if (nl != std::string_view::npos) text = text.substr(0, nl);
  if (text.size() > 40) return "'" + std::string(text.substr(0, 40)) + "...'";
  return "'" + std::string(text) + "'";
}

std::string human_type(std::string_view type) {
  std::string s(type);
  for (char& c : s)
    if (c == '_') c = ' ';
  return s;
}

void check_syntax_error(RuleContext& ctx) {
  std::string_view text = ctx.text();
  // Only subtrees that hold an error need a look.
  syntax::walk(ctx.doc.root(), [&](syntax::Node n) {
    if (!n.has_error()) return false;
    if (n.missing()) {
      std::string what = human_type(n.type());
      if (n.type() == "heredoc_end") what = "heredoc terminator";
      std::string_view where;
      for (syntax::Node p = n.parent(); p; p = p.parent())
        if (p.type().ends_with("_instruction")) {
          where = p.type();
          break;
        }
      std::string msg = "missing " + what;
      if (!where.empty()) msg += " in " + human_type(where.substr(0, where.size() - 12)) + " instruction";
      ctx.report({n.start(), n.end()}, msg);
      return false;
    }
    if (n.error()) {
      std::string_view instruction;
      for (syntax::Node p = n.parent(); p; p = p.parent())
        if (p.type().ends_with("_instruction")) {
          instruction = p.type();
          break;
        }
      std::string msg;
      std::string_view bad = n.text(text);
      msg = bad.find_first_not_of(" \t\r\n") == std::string_view::npos
                ? "unexpected end of line"
                : "unexpected " + quoted_excerpt(bad.substr(bad.find_first_not_of(" \t\r\n")));
      if (!instruction.empty()) {
        std::string kw = human_type(instruction.substr(0, instruction.size() - 12));
        for (char& c : kw) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        msg += " in " + kw + " instruction";
        if (auto e = expectation(instruction); !e.empty()) msg += ", which expects " + std::string(e);
      }
      // Only the first line of a large error region is underlined.
      size_t end = n.end();
      size_t nl = text.find('\n', n.start());
      if (nl != std::string_view::npos && nl < end) end = nl;
      ctx.report({n.start(), end}, msg);
      return false;
    }
    return n.has_error();
  });
}

}  // namespace

extern const Rule kRuleSyntaxError = {
    .id = "SyntaxError",
    .default_severity = Severity::Error,
    .summary = "Text the Dockerfile parser cannot read",
    .check = check_syntax_error,
};

}  // namespace dfls
