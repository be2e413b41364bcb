// Every Dockerfile of the real-world corpus parses without ERROR or MISSING nodes, and the whole
// analysis (model and every rule) runs on it without a crash.
#include <catch2/catch_test_macros.hpp>

#include <sstream>

#include "core/document.h"
#include "core/model/model.h"
#include "rules/run_rules.h"
#include "support/test_paths.h"
#include "syntax/tree.h"

using namespace dfls;

namespace {

// The first ERROR or MISSING node of a tree, described as "line:column: what".
std::string first_problem(const Document& doc) {
  std::string found;
  syntax::walk(doc.root(), [&](syntax::Node n) {
    if (!found.empty()) return false;
    if (n.error() || n.missing()) {
      auto p = n.start_point();
      found = std::to_string(p.row + 1) + ":" + std::to_string(p.column + 1) + ": " +
              (n.missing() ? "MISSING " + std::string(n.type()) : std::string("ERROR"));
      return false;
    }
    return n.has_error();
  });
  return found;
}

}  // namespace

TEST_CASE("every real-world Dockerfile parses without ERROR or MISSING nodes", "[corpus]") {
  auto dir = test::real_world_corpus_dir();
  if (dir.empty()) SKIP("the real-world corpus (../shared/corpus/real-world) is not present");
  std::ostringstream offenders;
  size_t count = 0, bad = 0;
  for (const auto& path : test::corpus_files(dir)) {
    auto doc = Document::create("file://" + path.string(), 1, test::read_file(path));
    ++count;
    if (auto problem = first_problem(*doc); !problem.empty()) {
      ++bad;
      offenders << "  " << path.filename().string() << ":" << problem << "\n";
    }
  }
  INFO(bad << " of " << count << " files do not parse cleanly:\n" << offenders.str());
  CHECK(count > 500);
  CHECK(bad == 0);
}

TEST_CASE("every real-world Dockerfile analyses without a crash", "[corpus]") {
  auto dir = test::real_world_corpus_dir();
  if (dir.empty()) SKIP("the real-world corpus (../shared/corpus/real-world) is not present");
  size_t findings = 0;
  for (const auto& path : test::corpus_files(dir)) {
    auto doc = Document::create("file://" + path.string(), 1, test::read_file(path));
    Config config;
    config.context_dir = path.parent_path().string();
    findings += run_rules(*doc, config).size();
  }
  CHECK(findings > 0);
}
