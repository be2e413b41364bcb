// The check command end to end, in temporary directories, over made-up rules: WarnRule reports
// "warn_here" (a warning with a safe fix to "fixed"), InfoRule "info_here" (info) and ErrRule
// "err_here" (an error). One case runs the real registry.
#include "cli/check.h"

#include <catch2/catch_test_macros.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>

#include "support/check_helpers.h"

namespace dfls::cli {
namespace {

namespace fs = std::filesystem;
using test::make_test_rule;

void report_word(RuleContext& ctx, std::string_view word, bool fixable) {
  for (size_t p = ctx.text().find(word); p != std::string::npos; p = ctx.text().find(word, p + 1)) {
    Diag& d = ctx.report({p, p + word.size()}, "found " + std::string(word));
    if (!fixable) continue;
    Fix fix;
    fix.title = "Fix it";
    fix.edits.push_back({{p, p + word.size()}, "fixed"});
    d.fixes.push_back(fix);
  }
}

void check_warn(RuleContext& ctx) { report_word(ctx, "warn_here", true); }
// "risky_here": a warning whose only fix is not safe.
void check_risky(RuleContext& ctx) {
  report_word(ctx, "risky_here", true);
  for (Diag& d : ctx.out)
    for (Fix& f : d.fixes) f.safe = false;
}
void check_info(RuleContext& ctx) { report_word(ctx, "info_here", false); }
void check_err(RuleContext& ctx) { report_word(ctx, "err_here", false); }

const std::vector<Rule> kRules = {make_test_rule("WarnRule", check_warn),
                                  make_test_rule("InfoRule", check_info, "", "", Severity::Info),
                                  make_test_rule("ErrRule", check_err, "", "", Severity::Error)};

struct Run {
  int status;
  std::string out;
  std::string err;
};

Run run(std::vector<std::string> args, std::span<const Rule> rules = kRules) {
  std::ostringstream out, err;
  int status = run_check(args, out, err, false, rules);
  return {status, out.str(), err.str()};
}

struct TempDir {
  fs::path path;
  TempDir() {
    std::random_device rd;
    path = fs::temp_directory_path() / ("dfls-check-" + std::to_string(rd()));
    fs::create_directories(path);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  std::string write(const std::string& rel, std::string_view text) const {
    fs::create_directories((path / rel).parent_path());
    std::ofstream(path / rel, std::ios::binary) << text;
    return (path / rel).string();
  }
  std::string read(const std::string& rel) const {
    std::ifstream in(path / rel, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  }
};

TEST_CASE("text output, summary and exit status") {
  TempDir dir;
  std::string file = dir.write("Dockerfile", "FROM alpine\nRUN echo warn_here info_here\n");
  Run r = run({file});
  CHECK(r.status == 1);
  CHECK(r.out == file + ":2:10: warning: found warn_here [WarnRule]\n" + file +
                     ":2:20: info: found info_here [InfoRule]\n2 problems (1 warning, 1 info)\n");
  CHECK(r.err.empty());
  CHECK(run({"--severity-threshold", "error", file}).status == 0);
  std::string info_only = dir.write("info/Dockerfile", "RUN info_here\n");
  CHECK(run({info_only}).status == 0);
  CHECK(run({"--severity-threshold=info", info_only}).status == 1);
  CHECK(run({"--severity-threshold", "hint", info_only}).status == 1);
}

TEST_CASE("json output keeps the input order across parallel checks") {
  TempDir dir;
  std::vector<std::string> files;
  for (int i = 0; i < 12; ++i)
    files.push_back(dir.write("d" + std::to_string(i) + "/Dockerfile", "FROM alpine\nRUN err_here\n"));
  std::vector<std::string> args = {"--format", "json"};
  args.insert(args.end(), files.rbegin(), files.rend());
  Run r = run(args);
  CHECK(r.status == 1);
  auto j = nlohmann::json::parse(r.out);
  REQUIRE(j.size() == files.size());
  for (size_t i = 0; i < files.size(); ++i) CHECK(j[i]["file"] == files[files.size() - 1 - i]);
  CHECK(j[0]["line"] == 2);
  CHECK(j[0]["column"] == 5);
  CHECK(j[0]["endColumn"] == 13);
  CHECK(j[0]["severity"] == "error");
  CHECK(j[0]["fixable"] == false);
}

TEST_CASE("sarif output lists the rules that ran") {
  TempDir dir;
  Run r = run({"--format", "sarif", dir.write("Dockerfile", "RUN warn_here\n")});
  auto j = nlohmann::json::parse(r.out);
  CHECK(j["runs"][0]["tool"]["driver"]["rules"].size() == kRules.size());
  CHECK(j["runs"][0]["results"][0]["ruleId"] == "WarnRule");
  CHECK(j["runs"][0]["results"][0]["ruleIndex"] == 0);
}

TEST_CASE("directories are searched and non-UTF-8 files are checked") {
  TempDir dir;
  dir.write("a/Dockerfile", "FROM alpine\n");
  dir.write("b/web.dockerfile", "RUN \xFF\xFE err_here\n");
  dir.write("node_modules/x/Dockerfile", "RUN err_here\n");
  Run r = run({"--format", "gnu", dir.path.string()});
  CHECK(r.status == 1);
  CHECK(r.out == dir.path.string() + "/b/web.dockerfile:1.8-1.16: error: found err_here [ErrRule]\n");
}

TEST_CASE("check --fix applies safe fixes and reports what remains") {
  TempDir dir;
  std::string file = dir.write("Dockerfile", "FROM alpine\r\nRUN warn_here info_here\r\n");
  Run r = run({"--fix", file});
  CHECK(dir.read("Dockerfile") == "FROM alpine\r\nRUN fixed info_here\r\n");
  CHECK(r.status == 0);
  CHECK(r.out == file + ":2:11: info: found info_here [InfoRule]\n1 problem (1 info)\n");
}

TEST_CASE("check --fix applies unsafe fixes only with --unsafe-fixes") {
  const std::vector<Rule> rules = {make_test_rule("RiskyRule", check_risky)};
  TempDir dir;
  std::string file = dir.write("Dockerfile", "FROM alpine\nRUN risky_here\n");
  Run safe = run({"--fix", file}, rules);
  CHECK(dir.read("Dockerfile") == "FROM alpine\nRUN risky_here\n");
  CHECK(safe.status == 1);
  Run unsafe = run({"--fix", "--unsafe-fixes", file}, rules);
  CHECK(dir.read("Dockerfile") == "FROM alpine\nRUN fixed\n");
  CHECK(unsafe.status == 0);
}

TEST_CASE("check --fix-dry-run prints a diff and changes nothing") {
  TempDir dir;
  std::string text = "FROM alpine\nRUN warn_here\n";
  std::string file = dir.write("Dockerfile", text);
  Run r = run({"--fix-dry-run", file});
  CHECK(r.status == 1);
  std::string name = file.substr(1);  // The leading slash goes, as in a/srv/... paths.
  CHECK(r.out == "--- a/" + name + "\n+++ b/" + name + "\n@@ -1,2 +1,2 @@\n FROM alpine\n-RUN warn_here\n+RUN fixed\n");
  CHECK(dir.read("Dockerfile") == text);
  std::string clean = dir.write("clean/Dockerfile", "FROM alpine\n");
  Run none = run({"--fix-dry-run", clean});
  CHECK(none.status == 0);
  CHECK(none.out.empty());
}

TEST_CASE("configuration files are found or named, and their problems reported") {
  TempDir dir;
  std::string file = dir.write("app/Dockerfile", "RUN warn_here\n");
  dir.write(".dockerfile-ls.yaml", "ignore: [WarnRule]\nbogus: 1\n");
  Run r = run({file});
  CHECK(r.status == 0);
  CHECK(r.out.empty());
  CHECK(r.err == "dockerfile-ls check: " + (dir.path / ".dockerfile-ls.yaml").string() + ":2: unknown setting 'bogus'\n");
  std::string other = dir.write("other.yaml", "rules:\n  WarnRule: error\n");
  Run named = run({"--config", other, "--format", "json", file});
  CHECK(named.status == 1);
  CHECK(nlohmann::json::parse(named.out)[0]["severity"] == "error");
  Run missing = run({"--config", (dir.path / "none.yaml").string(), file});
  CHECK(missing.status == 2);
  CHECK(missing.err.find("cannot read") != std::string::npos);
}

TEST_CASE("usage and I/O errors exit with 2") {
  TempDir dir;
  std::string file = dir.write("Dockerfile", "RUN err_here\n");
  for (const std::vector<std::string>& args :
       std::vector<std::vector<std::string>>{{"--bogus", file},
                                             {"--format", "xml", file},
                                             {"--format"},
                                             {"--severity-threshold", "loud", file},
                                             {"--fix", "--fix-dry-run", file},
                                             {"--no-color=yes", file},
                                             {}}) {
    Run r = run(args);
    INFO(r.err);
    CHECK(r.status == 2);
    CHECK(r.err.starts_with("dockerfile-ls check: "));
    CHECK(r.err.find("usage: dockerfile-ls check") != std::string::npos);
  }
  Run r = run({(dir.path / "missing").string(), file});
  CHECK(r.status == 2);
  CHECK(r.err.find("cannot read '" + (dir.path / "missing").string() + "'") != std::string::npos);
  CHECK(r.out.find("[ErrRule]") != std::string::npos);
  CHECK(run({"--help"}).status == 0);
}

TEST_CASE("the real registry passes a trivial Dockerfile at the error threshold") {
  TempDir dir;
  Run r = run({"--severity-threshold", "error", dir.write("Dockerfile", "FROM scratch\n")}, all_rules());
  INFO(r.out << r.err);
  CHECK(r.status == 0);
}

}  // namespace
}  // namespace dfls::cli
