// UnterminatedHeredoc: a heredoc (`RUN <<EOF`, `COPY <<EOF /x`) whose terminator line never comes,
// so the rest of the file is read as its body. BuildKit stops with "unterminated heredoc". The
// fix adds the terminator at the end of the file; move it to where the body really ends.
#include "core/model/model.h"
#include "rules/rule.h"
#include "rules/rule_helpers.h"

namespace dfls {

namespace {

void check_unterminated_heredoc(RuleContext& ctx) {
  const model::Model& m = ctx.doc.model();
  std::string_view text = ctx.text();
  rules::SyntaxErrors errors(ctx.doc);
  for (const model::Instruction& ins : m.instructions) {
    for (const model::Heredoc& h : ins.heredocs) {
      if (h.terminated || h.delimiter.empty()) continue;
      if (errors.on_lines({h.end_span.start, h.end_span.end}) && h.end_span.start > ins.keyword_span.end) continue;
      Diag& d = ctx.report(h.marker_span, "heredoc '" + h.delimiter + "' has no terminating line '" + h.delimiter + "'");
      std::string insert = (text.empty() || text.back() == '\n') ? "" : "\n";
      insert += h.delimiter + "\n";
      d.fixes.push_back(Fix{.title = "Add '" + h.delimiter + "' at the end of the file",
                            .edits = {{{text.size(), text.size()}, insert}},
                            .safe = false});
      return;  // Later heredocs are inside this body.
    }
  }
}

}  // namespace

extern const Rule kRuleUnterminatedHeredoc = {
    .id = "UnterminatedHeredoc",
    .default_severity = Severity::Error,
    .summary = "A heredoc without its terminator line",
    .check = check_unterminated_heredoc,
};

}  // namespace dfls
