// The example Dockerfiles of docs/examples: each naive one gets the expected build-practice
// findings, each fixed one none, and applying the fixes to a copy of a naive one (with its context
// files, in a temporary directory) converges to a Dockerfile without findings of these rules that
// still parses.
//
// The convergence test applies every fix, not only the safe ones: splitting a stage or adding a
// USER is never safe to do unasked, so `check --fix` (safe fixes only) stops earlier; that is
// tested too (it must only remove findings and keep the file parsing). Fixes are applied one per
// round, the first finding's first, so each fix sees the result of the previous one.
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <catch2/catch_test_macros.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "cli/check.h"
#include "cli/fixer.h"
#include "core/text_edit.h"
#include "rules/run_rules.h"
#include "support/test_paths.h"

namespace dfls::test {

namespace {

namespace fs = std::filesystem;

const std::set<std::string> kQualityRules = {
    "SourceCopiedBeforeDependencyInstall", "MissingCacheMount", "PointlessCacheCleanup", "SecretsUsedInArgOrEnv",
    "SecretLiteral", "SecretInLayer", "CredentialFileCopied", "HeavyFinalImage", "NoShellInBase",
    "DynamicBinaryInScratch", "FinalStageRunsAsRoot", "NpmInstallInImage", "UnknownNpmFlag",
    "DeprecatedNpmPruneFlag", "DevDependenciesInFinalImage", "MissingSyntaxDirective", "MissingDockerignore"};

const std::map<std::string, std::set<std::string>> kExpected = {
    {"node",
     {"SourceCopiedBeforeDependencyInstall", "MissingCacheMount", "NpmInstallInImage", "HeavyFinalImage",
      "FinalStageRunsAsRoot", "MissingDockerignore", "DevDependenciesInFinalImage"}},
    {"nextjs",
     {"SourceCopiedBeforeDependencyInstall", "MissingCacheMount", "UnknownNpmFlag", "SecretsUsedInArgOrEnv",
      "SecretInLayer", "HeavyFinalImage", "FinalStageRunsAsRoot", "MissingDockerignore",
      "DevDependenciesInFinalImage"}},
    {"python",
     {"SourceCopiedBeforeDependencyInstall", "MissingCacheMount", "SecretsUsedInArgOrEnv", "HeavyFinalImage",
      "FinalStageRunsAsRoot", "MissingDockerignore"}},
    {"go",
     {"SourceCopiedBeforeDependencyInstall", "MissingCacheMount", "DynamicBinaryInScratch", "NoShellInBase",
      "FinalStageRunsAsRoot", "MissingDockerignore"}},
    {"java",
     {"SourceCopiedBeforeDependencyInstall", "MissingCacheMount", "HeavyFinalImage", "FinalStageRunsAsRoot",
      "MissingDockerignore"}},
};

fs::path examples_dir() { return source_dir() / "docs" / "examples"; }

std::string uri_of(const fs::path& dockerfile) { return "file://" + dockerfile.string(); }

std::vector<Diag> check(const fs::path& dockerfile, const std::string& text) {
  auto doc = Document::create(uri_of(dockerfile), 0, text);
  return run_rules(*doc, Config{});
}

std::vector<std::string> describe(const std::vector<Diag>& diags, bool quality_only) {
  std::vector<std::string> out;
  for (const Diag& d : diags)
    if (!quality_only || kQualityRules.count(d.rule_id)) out.push_back(d.rule_id + ": " + d.message);
  return out;
}

std::set<std::string> quality_ids(const std::vector<Diag>& diags) {
  std::set<std::string> out;
  for (const Diag& d : diags)
    if (kQualityRules.count(d.rule_id)) out.insert(d.rule_id);
  return out;
}

size_t syntax_errors(const std::vector<Diag>& diags) {
  return static_cast<size_t>(std::count_if(diags.begin(), diags.end(), [](const Diag& d) { return d.rule_id == "SyntaxError"; }));
}

fs::path copy_to_temp(const fs::path& from) {
  std::string pattern = (fs::temp_directory_path() / "dfls-example-XXXXXX").string();
  REQUIRE(mkdtemp(pattern.data()) != nullptr);
  fs::copy(from, pattern, fs::copy_options::recursive);
  return pattern;
}

void write(const fs::path& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

// Applies a fix: the document edits to the text, the edits of other files on disk.
std::string apply_fix(const std::string& text, const Fix& fix) {
  std::vector<TextEdit> edits = fix.edits;
  // Insertions before replacements that start at the same offset.
  std::stable_sort(edits.begin(), edits.end(), [](const TextEdit& a, const TextEdit& b) {
    return a.range.start < b.range.start || (a.range.start == b.range.start && a.range.empty() && !b.range.empty());
  });
  for (const FileEdit& fe : fix.file_edits) {
    std::string other = fs::exists(fe.path) ? read_file(fe.path) : "";
    write(fe.path, apply_edits(other, fe.edits));
  }
  return apply_edits(text, edits);
}

}  // namespace

TEST_CASE("Naive examples get the expected findings", "[quality]") {
  for (const auto& [name, expected] : kExpected) {
    fs::path dockerfile = examples_dir() / (name + "-naive") / "Dockerfile";
    std::vector<Diag> diags = check(dockerfile, read_file(dockerfile));
    INFO(name << "-naive:\n" << [&] {
      std::string s;
      for (const std::string& d : describe(diags, false)) s += "  " + d + "\n";
      return s;
    }());
    CHECK(quality_ids(diags) == expected);
    CHECK(syntax_errors(diags) == 0);
  }
}

TEST_CASE("Fixed examples have no findings of the build-practice rules", "[quality]") {
  for (const auto& [name, expected] : kExpected) {
    fs::path dockerfile = examples_dir() / (name + "-fixed") / "Dockerfile";
    std::vector<Diag> diags = check(dockerfile, read_file(dockerfile));
    INFO(name << "-fixed");
    CHECK(describe(diags, true).empty());
    CHECK(syntax_errors(diags) == 0);
  }
}

TEST_CASE("Applying the fixes to a naive example converges", "[quality]") {
  for (const auto& [name, expected] : kExpected) {
    fs::path dir = copy_to_temp(examples_dir() / (name + "-naive"));
    fs::path dockerfile = dir / "Dockerfile";
    std::string text = read_file(dockerfile);
    std::vector<std::string> applied;
    for (int round = 0; round < 40; ++round) {
      std::vector<Diag> diags = check(dockerfile, text);
      auto next = std::find_if(diags.begin(), diags.end(),
                               [](const Diag& d) { return kQualityRules.count(d.rule_id) && !d.fixes.empty(); });
      if (next == diags.end()) break;
      applied.push_back(next->rule_id + ": " + next->fixes.front().title);
      text = apply_fix(text, next->fixes.front());
      write(dockerfile, text);
    }
    std::vector<Diag> diags = check(dockerfile, text);
    std::string log;
    for (const std::string& a : applied) log += "  " + a + "\n";
    INFO(name << "-naive after the fixes:\n" << text << "\nfixes applied:\n" << log);
    CHECK(describe(diags, true).empty());
    CHECK(syntax_errors(diags) == 0);
    // DFLS_PRINT_EXAMPLES=1 shows the result, to compare it with the hand-written fixed example.
    if (const char* print = std::getenv("DFLS_PRINT_EXAMPLES"); print && *print) WARN(name << ":\n" << text << log);
    fs::remove_all(dir);
  }
}

TEST_CASE("check --fix on a naive example applies safe fixes only and keeps it parsing", "[quality]") {
  for (const auto& [name, expected] : kExpected) {
    fs::path dir = copy_to_temp(examples_dir() / (name + "-naive"));
    fs::path dockerfile = dir / "Dockerfile";
    std::string text = read_file(dockerfile);
    Config config;
    config.context_dir = dir.string();
    cli::FixResult result = cli::apply_fixes(uri_of(dockerfile), text, config);
    std::vector<Diag> before = check(dockerfile, text);
    std::vector<Diag> after = check(dockerfile, result.text);
    INFO(name << "-naive after check --fix:\n" << result.text);
    CHECK(result.applied > 0);
    CHECK(syntax_errors(after) == 0);
    CHECK(describe(after, true).size() < describe(before, true).size());
    fs::remove_all(dir);
  }
}

TEST_CASE("check --fix --unsafe-fixes turns a naive example into one without these findings", "[quality]") {
  for (const auto& [name, expected] : kExpected) {
    fs::path dir = copy_to_temp(examples_dir() / (name + "-naive"));
    fs::path dockerfile = dir / "Dockerfile";
    std::ostringstream out, err;
    int status = cli::run_check({"--fix", "--unsafe-fixes", "--format", "json", dockerfile.string()}, out, err, false);
    std::string text = read_file(dockerfile);
    std::vector<Diag> diags = check(dockerfile, text);
    INFO(name << "-naive after check --fix --unsafe-fixes:\n" << text << "\nstderr: " << err.str());
    CHECK(status != 2);
    CHECK(describe(diags, true).empty());
    CHECK(syntax_errors(diags) == 0);
    CHECK(text != read_file(examples_dir() / (name + "-naive") / "Dockerfile"));
    fs::remove_all(dir);
  }
}

}  // namespace dfls::test
