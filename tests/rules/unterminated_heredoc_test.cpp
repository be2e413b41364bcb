// Tests of the UnterminatedHeredoc rule: findings, non-findings, the fixes and the message.
#include <catch2/catch_test_macros.hpp>

#include "core/config.h"
#include "core/document.h"
#include "rules/run_rules.h"
#include "support/check_helpers.h"

namespace dfls {
namespace {

using test::check_diagnostics;
using test::check_fix;

// The message of the first finding of a rule (the one test per rule that asserts its wording).
[[maybe_unused]] std::string message_of(std::string_view rule, std::string code, const Config& config = Config{}) {
  auto doc = Document::create("file:///test/Dockerfile", 0, std::move(code));
  for (const Diag& d : run_rules(*doc, config))
    if (d.rule_id == rule) return d.message;
  return "";
}

// The rule leaves the problem to SyntaxError when the grammar already reports the missing
// terminator (a MISSING node): exactly one of the two reports it, and our fix works when we do.
TEST_CASE("UnterminatedHeredoc", "[rules][errors]") {
  for (std::string code : {std::string("FROM alpine\nRUN <<EOF\necho hi\n"), std::string("FROM alpine\nCOPY <<END /x\nabc")}) {
    INFO(code);
    auto doc = Document::create("file:///test/Dockerfile", 0, code);
    int ours = 0, syntax = 0;
    for (const Diag& d : run_rules(*doc, Config{})) {
      if (d.rule_id == "UnterminatedHeredoc") ++ours;
      if (d.rule_id == "SyntaxError" && d.message.find("heredoc") != std::string::npos) ++syntax;
    }
    CHECK(ours + syntax == 1);
    if (ours == 1) {
      std::string terminator = code.find("END") != std::string::npos ? "END" : "EOF";
      std::string after = code + (code.back() == '\n' ? "" : "\n") + terminator + "\n";
      size_t cursor = code.find("<<") + 3;
      check_fix("UnterminatedHeredoc", code.substr(0, cursor) + "^" + code.substr(cursor), after);
      CHECK(message_of("UnterminatedHeredoc", code).starts_with("heredoc '" + terminator + "' has no terminating line"));
    }
  }
  check_diagnostics({"UnterminatedHeredoc"}, "FROM alpine\nRUN <<EOF\necho fine\nEOF\n");
}

}  // namespace
}  // namespace dfls
