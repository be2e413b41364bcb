// InvalidHealthcheck: a HEALTHCHECK BuildKit rejects: a type other than CMD or NONE, a duration
// flag (--interval, --timeout, --start-period, --start-interval) that is not a Go duration such as
// 30s, 1m30s or 500ms (a number alone needs a unit; 0 means the default) or that is below 1ms,
// or --retries that is not a whole number or is negative.
#include "core/model/model.h"
#include "rules/rule.h"
#include "rules/rule_helpers.h"

namespace dfls {

namespace {

void check_invalid_healthcheck(RuleContext& ctx) {
  const model::Model& m = ctx.doc.model();
  rules::SyntaxErrors errors(ctx.doc);
  for (const model::Instruction& ins : m.instructions) {
    if (ins.kind != model::Kind::Healthcheck) continue;
    rules::InstructionLine line = rules::read_instruction_line(ctx.doc, ins);
    auto words = line.whitespace_words();
    if (words.empty()) continue;
    std::string type = rules::to_upper(words.front().text);
    if (type == "NONE") continue;
    if (type != "CMD") {
      if (!errors.on_lines(line.range(words.front())))
        ctx.report(line.range(words.front()), "unknown HEALTHCHECK type '" + words.front().text + "': use CMD or NONE");
      continue;
    }
    for (const rules::FlagWord& f : line.flags) {
      if (!f.value || f.value->empty()) continue;
      const std::string& v = *f.value;
      if (f.name == "retries") {
        bool ok = v.size() <= 11 && v.find_first_not_of("+-0123456789") == std::string::npos &&
                  v.find_first_of("0123456789") != std::string::npos && v.find_first_of("+-", 1) == std::string::npos;
        long long n = ok ? std::stoll(v) : 0;
        if (!ok || n > 2147483647LL || n < -2147483648LL)
          ctx.report(f.value_span, "--retries takes a whole number, not '" + v + "'");
        else if (n < 0)
          ctx.report(f.value_span, "--retries cannot be negative");
        continue;
      }
      if (f.name != "interval" && f.name != "timeout" && f.name != "start-period" && f.name != "start-interval") continue;
      std::string error;
      auto d = rules::parse_go_duration(v, &error);
      if (!d) {
        ctx.report(f.value_span, "--" + f.name + ": " + error + " (write a duration such as 30s, 1m30s or 500ms)");
      } else if (*d != 0 && *d < 1000000) {
        ctx.report(f.value_span, "--" + f.name + " cannot be less than 1ms");
      }
    }
  }
}

}  // namespace

extern const Rule kRuleInvalidHealthcheck = {
    .id = "InvalidHealthcheck",
    .default_severity = Severity::Error,
    .summary = "A HEALTHCHECK with an unknown type, a bad duration or bad retries",
    .rcjsuen_code = "15",
    .check = check_invalid_healthcheck,
};

}  // namespace dfls
