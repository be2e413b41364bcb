// WrongArgumentCount: an instruction has too few or too many arguments for BuildKit, which stops
// the build: FROM takes `image` or `image AS name`; COPY and ADD need a source and a destination
// (and the destination cannot be a heredoc); WORKDIR, USER, STOPSIGNAL and MAINTAINER need their
// argument, and USER is one word; EXPOSE, VOLUME and ARG need at least one; ENV and LABEL need
// `key=value` pairs (or the legacy `key value`); SHELL needs a non-empty JSON array; ONBUILD needs
// an instruction; HEALTHCHECK needs `NONE` or `CMD <command>`. Lines the grammar already reports
// as syntax errors are left to SyntaxError.
#include "core/model/model.h"
#include "rules/rule.h"
#include "rules/rule_helpers.h"

namespace dfls {

namespace {

bool is_heredoc_word(std::string_view w) {
  size_t i = 0;
  while (i < w.size() && w[i] >= '0' && w[i] <= '9') ++i;
  if (w.substr(i, 2) != "<<") return false;
  i += 2;
  if (i < w.size() && w[i] == '-') ++i;
  while (i < w.size() && (w[i] == ' ' || w[i] == '\t')) ++i;
  return i < w.size() && w.find('<', i) == std::string_view::npos;
}

struct Problem {
  ByteRange range;
  std::string message;
  std::optional<Fix> fix;
};

std::optional<Problem> check_one(const RuleContext& ctx, const model::Instruction& ins) {
  using K = model::Kind;
  const model::Model& m = ctx.doc.model();
  rules::InstructionLine line = rules::read_instruction_line(ctx.doc, ins);
  std::string kw(model::kind_keyword(ins.kind));
  std::string_view rest = rules::trim(line.rest());
  ByteRange at_keyword = ins.keyword_span;
  auto words = line.whitespace_words();
  auto span_of = [&](size_t from, size_t to) {
    return ByteRange{line.range(words[from]).start, line.range(words[to]).end};
  };
  switch (ins.kind) {
    case K::From: {
      if (words.empty()) return Problem{at_keyword, "FROM needs an image", {}};
      if (words.size() == 1) return std::nullopt;
      if (words.size() == 3 && !rules::iequals(words[1].text, "AS")) {
        std::string as = rules::is_all_lower(line.keyword) ? "as" : "AS";
        return Problem{line.range(words[1]), "FROM with three arguments needs AS as the second, not '" +
                                                 words[1].text + "'",
                       Fix{.title = "Change to " + as, .edits = {{line.range(words[1]), as}}, .safe = false,
                           .preferred = true}};
      }
      if (words.size() == 3) return std::nullopt;
      size_t from = words.size() == 2 ? 1 : 3;
      return Problem{span_of(from, words.size() - 1), "FROM takes an image, optionally followed by AS <name>", {}};
    }
    case K::Copy:
    case K::Add: {
      size_t n = ins.json_form ? ins.json_args.size() : words.size();
      if (n < 2)
        return Problem{words.empty() ? at_keyword : span_of(0, words.size() - 1),
                       kw + " needs at least one source and a destination", {}};
      if (!ins.json_form && is_heredoc_word(words.back().text))
        return Problem{line.range(words.back()), kw + " cannot use a heredoc as the destination", {}};
      return std::nullopt;
    }
    case K::Workdir:
    case K::Stopsignal:
    case K::Maintainer:
      if (rest.empty()) return Problem{at_keyword, kw + " needs an argument", {}};
      return std::nullopt;
    case K::User:
      if (rest.empty()) return Problem{at_keyword, "USER needs a user name or id", {}};
      if (words.size() > 1)
        return Problem{span_of(1, words.size() - 1),
                       "USER takes one user[:group]; '" + std::string(rest) + "' is read as a single name with spaces",
                       {}};
      return std::nullopt;
    case K::Expose:
    case K::Arg:
      if (rest.empty()) return Problem{at_keyword, kw + " needs at least one argument", {}};
      if (ins.kind == K::Arg)
        for (const rules::LineWord& w : line.quoted_words(m.escape))
          if (w.text.starts_with("="))
            return Problem{line.range(w), "ARG names cannot be blank", {}};
      return std::nullopt;
    case K::Volume:
      if (ins.json_form) {
        if (ins.json_args.empty()) return Problem{ins.args_span, "VOLUME needs at least one path", {}};
        for (const model::Word& w : ins.json_args)
          if (rules::trim(w.text).empty()) return Problem{w.span, "VOLUME paths cannot be empty", {}};
        return std::nullopt;
      }
      if (rest.empty()) return Problem{at_keyword, "VOLUME needs at least one path", {}};
      return std::nullopt;
    case K::Env:
    case K::Label: {
      auto qw = line.quoted_words(m.escape);
      if (qw.empty()) return Problem{at_keyword, kw + " needs at least one key=value pair", {}};
      if (qw.front().text.find('=') == std::string::npos) {
        // The legacy form: a key, then the rest of the line as its value.
        if (words.size() < 2)
          return Problem{line.range(qw.front()), kw + " " + qw.front().text + " has no value: write " + kw + " " +
                                                     qw.front().text + "=<value>",
                         {}};
        return std::nullopt;
      }
      for (const rules::LineWord& w : qw) {
        size_t eq = w.text.find('=');
        if (eq == std::string::npos)
          return Problem{line.range(w), "'" + w.text + "' has no '=': " + kw + " pairs are written key=value", {}};
        if (eq == 0) return Problem{line.range(w), kw + " names cannot be blank", {}};
      }
      return std::nullopt;
    }
    case K::Shell:
      if (!ins.json_form) {
        Problem p{ins.args_span.empty() ? at_keyword : ins.args_span, "SHELL needs a JSON array, such as [\"/bin/sh\", \"-c\"]",
                  {}};
        if (auto json = rules::repair_json_array(ins.args_text(ctx.text())))
          p.fix = Fix{.title = "Write " + *json, .edits = {{ins.args_span, *json}}, .preferred = true};
        return p;
      }
      if (ins.json_args.empty()) return Problem{ins.args_span, "SHELL needs at least one argument", {}};
      return std::nullopt;
    case K::Onbuild:
      if (ins.onbuild_inner < 0 && rest.empty()) return Problem{at_keyword, "ONBUILD needs an instruction", {}};
      return std::nullopt;
    case K::Healthcheck: {
      if (words.empty()) return Problem{at_keyword, "HEALTHCHECK needs NONE or CMD <command>", {}};
      std::string type = rules::to_upper(words.front().text);
      if (type == "NONE" && words.size() > 1)
        return Problem{span_of(1, words.size() - 1), "HEALTHCHECK NONE takes no arguments", {}};
      if (type == "CMD" && words.size() == 1) return Problem{line.range(words.front()), "HEALTHCHECK CMD needs a command", {}};
      if (type == "CMD" && ins.json_form && ins.json_args.empty())
        return Problem{ins.args_span, "HEALTHCHECK CMD needs a command", {}};
      return std::nullopt;
    }
    default:
      return std::nullopt;
  }
}

void check_wrong_argument_count(RuleContext& ctx) {
  const model::Model& m = ctx.doc.model();
  rules::SyntaxErrors errors(ctx.doc);
  for (const model::Instruction& ins : m.instructions) {
    if (ins.kind == model::Kind::Unknown) continue;
    auto problem = check_one(ctx, ins);
    if (!problem || errors.on_lines({ins.span.start, ins.span.end})) continue;
    Diag& d = ctx.report(problem->range, problem->message);
    if (problem->fix) d.fixes.push_back(std::move(*problem->fix));
  }
}

}  // namespace

extern const Rule kRuleWrongArgumentCount = {
    .id = "WrongArgumentCount",
    .default_severity = Severity::Error,
    .summary = "An instruction has too few or too many arguments",
    .rcjsuen_code = "2",
    .check = check_wrong_argument_count,
};

}  // namespace dfls
