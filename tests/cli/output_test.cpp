// Output formats of the check command. JSON and SARIF are read back with nlohmann/json (the
// tests may use it; the core may not).
#include "cli/output.h"

#include <catch2/catch_test_macros.hpp>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/line_index.h"
#include "support/annotations.h"

namespace dfls::cli {
namespace {

using test::Annotations;

std::vector<Finding> sample() {
  Finding a;
  a.file = "dir/Dockerfile";
  a.line = 2;
  a.column = 3;
  a.end_line = 2;
  a.end_column = 9;
  a.rule = "SyntaxError";
  a.severity = Severity::Error;
  a.message = "unexpected 'x\"y' \\ here\n\t<&>";
  Finding b = a;
  b.file = "other Dockerfile";
  b.severity = Severity::Hint;
  b.message = std::string("bad byte \xFF and \x01 end");
  b.fixable = true;
  return {a, b};
}

std::string render(Format f, const std::vector<Finding>& findings, bool color = false) {
  std::ostringstream out;
  write_findings(out, f, findings, color);
  return out.str();
}

TEST_CASE("json_string escapes quotes, backslashes, controls and invalid UTF-8") {
  CHECK(json_string("a\"b\\c") == R"("a\"b\\c")");
  CHECK(json_string("\n\r\t\b\f\x01") == R"("\n\r\t\b\f\u0001")");
  CHECK(json_string("caf\xC3\xA9 \xF0\x9F\x90\xB3") == "\"caf\xC3\xA9 \xF0\x9F\x90\xB3\"");
  CHECK(json_string("\xFF\xC3") == R"("\ufffd\ufffd")");
}

TEST_CASE("xml_escape and path_uri") {
  CHECK(xml_escape("<a href=\"x\">&'\n") == "&lt;a href=&quot;x&quot;&gt;&amp;&apos;&#10;");
  CHECK(xml_escape("\x01\xFF") == "\xEF\xBF\xBD\xEF\xBF\xBD");
  CHECK(path_uri("dir/my Dockerfile") == "dir/my%20Dockerfile");
  CHECK(path_uri("/srv/app/Dockerfile") == "file:///srv/app/Dockerfile");
}

TEST_CASE("json output is an array of findings") {
  auto j = nlohmann::json::parse(render(Format::Json, sample()));
  REQUIRE(j.is_array());
  REQUIRE(j.size() == 2);
  CHECK(j[0]["file"] == "dir/Dockerfile");
  CHECK(j[0]["line"] == 2);
  CHECK(j[0]["column"] == 3);
  CHECK(j[0]["endLine"] == 2);
  CHECK(j[0]["endColumn"] == 9);
  CHECK(j[0]["rule"] == "SyntaxError");
  CHECK(j[0]["severity"] == "error");
  CHECK(j[0]["message"] == "unexpected 'x\"y' \\ here\n\t<&>");
  CHECK(j[0]["fixable"] == false);
  CHECK(j[1]["message"] == "bad byte \xEF\xBF\xBD and \x01 end");
  CHECK(j[1]["fixable"] == true);
  CHECK(nlohmann::json::parse(render(Format::Json, {})) == nlohmann::json::array());
}

TEST_CASE("sarif output has the 2.1.0 shape") {
  auto j = nlohmann::json::parse(render(Format::Sarif, sample()));
  CHECK(j["version"] == "2.1.0");
  const auto& run = j["runs"][0];
  const auto& driver = run["tool"]["driver"];
  CHECK(driver["name"] == "dockerfile-ls");
  CHECK(driver["version"] == DFLS_VERSION);
  CHECK(driver["informationUri"] == "https://github.com/dockerfile-ls/dockerfile-ls");
  REQUIRE(driver["rules"].size() == all_rules().size());
  const auto& rule = driver["rules"][0];
  CHECK(rule["id"] == std::string(all_rules()[0].id));
  CHECK(rule["shortDescription"]["text"] == std::string(all_rules()[0].summary));
  CHECK(rule["helpUri"] == "https://github.com/dockerfile-ls/dockerfile-ls/blob/main/docs/rules/" +
                               std::string(all_rules()[0].id) + ".md");
  CHECK(rule["defaultConfiguration"].contains("level"));
  CHECK(run["columnKind"] == "unicodeCodePoints");
  REQUIRE(run["results"].size() == 2);
  const auto& result = run["results"][0];
  CHECK(result["ruleId"] == "SyntaxError");
  CHECK(driver["rules"][result["ruleIndex"].get<size_t>()]["id"] == "SyntaxError");
  CHECK(result["level"] == "error");
  CHECK(run["results"][1]["level"] == "note");
  CHECK(result["message"]["text"] == "unexpected 'x\"y' \\ here\n\t<&>");
  const auto& location = result["locations"][0]["physicalLocation"];
  CHECK(location["artifactLocation"]["uri"] == "dir/Dockerfile");
  CHECK(run["results"][1]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "other%20Dockerfile");
  CHECK(location["region"] == nlohmann::json{{"startLine", 2}, {"startColumn", 3}, {"endLine", 2}, {"endColumn", 9}});
}

TEST_CASE("checkstyle output groups findings by file") {
  std::string xml = render(Format::Checkstyle, sample());
  CHECK(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n"));
  CHECK(xml.find("  <file name=\"dir/Dockerfile\">\n    <error line=\"2\" column=\"3\" severity=\"error\" "
                 "message=\"unexpected &apos;x&quot;y&apos; \\ here&#10;&#9;&lt;&amp;&gt;\" "
                 "source=\"dockerfile-ls.SyntaxError\"/>\n  </file>\n") != std::string::npos);
  CHECK(xml.find("<file name=\"other Dockerfile\">\n    <error line=\"2\" column=\"3\" severity=\"info\"") !=
        std::string::npos);
  CHECK(xml.ends_with("</checkstyle>\n"));
}

TEST_CASE("gnu and text output") {
  auto findings = sample();
  findings[0].message = findings[1].message = "msg";
  CHECK(render(Format::Gnu, findings) ==
        "dir/Dockerfile:2.3-2.9: error: msg [SyntaxError]\n"
        "other Dockerfile:2.3-2.9: hint: msg [SyntaxError]\n");
  CHECK(render(Format::Text, findings) ==
        "dir/Dockerfile:2:3: error: msg [SyntaxError]\n"
        "other Dockerfile:2:3: hint: msg [SyntaxError]\n"
        "2 problems (1 error, 1 hint)\n");
  CHECK(render(Format::Text, {findings[0]}, true) ==
        "dir/Dockerfile:2:3: \x1b[1;31merror\x1b[0m: msg [SyntaxError]\n1 problem (1 error)\n");
  CHECK(render(Format::Text, {}).empty());
}

TEST_CASE("finding columns count code points, an invalid byte as one") {
  Annotations t("FROM alpine\nLABEL caf\xC3\xA9=\xF0\x9F\x90\xB3 \xFF [[x]]\n");
  LineIndex lines(t.code());
  Diag d;
  d.rule_id = "R";
  d.range = t.range();
  Fix unsafe;
  unsafe.safe = false;
  d.fixes = {unsafe};
  Finding f = make_finding("Dockerfile", lines, d);
  CHECK(f.line == 2);
  CHECK(f.column == 16);
  CHECK(f.end_line == 2);
  CHECK(f.end_column == 17);
  CHECK_FALSE(f.fixable);
}

TEST_CASE("format names") {
  CHECK(parse_format("sarif") == Format::Sarif);
  CHECK_FALSE(parse_format("xml"));
}

}  // namespace
}  // namespace dfls::cli
