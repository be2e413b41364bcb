// Every registered rule has its documentation page, and the README's rule list is the one the
// registry gives. Run with DFLS_UPDATE_README=1 to rewrite the list in README.md.
#include <catch2/catch_test_macros.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "rules/rule.h"
#include "support/test_paths.h"

using namespace dfls;

namespace {

constexpr std::string_view kBegin = "<!-- rules:begin -->\n";
constexpr std::string_view kEnd = "<!-- rules:end -->";

std::string escape_cell(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '|') out += "\\|";
    else out.push_back(c);
  }
  return out;
}

// The parts with the separator between them.
std::string join(const std::vector<std::string_view>& parts, std::string_view separator) {
  std::string out;
  for (std::string_view p : parts) {
    if (!out.empty()) out += separator;
    out += p;
  }
  return out;
}

// The README's rule table, generated from the registry.
std::string rule_table() {
  std::ostringstream out;
  out << "| Rule | Default | hadolint | rcjsuen | What it finds |\n";
  out << "| --- | --- | --- | --- | --- |\n";
  for (const Rule& r : all_rules()) {
    std::string level = r.enabled_by_default ? std::string(severity_name(r.default_severity)) : "off";
    out << "| [" << r.id << "](docs/rules/" << r.id << ".md) | " << level << " | "
        << join(hadolint_codes(r), ", ") << " | "
        << (r.rcjsuen_code.empty() ? "" : std::string(r.rcjsuen_code)) << " | "
        << escape_cell(r.summary) << " |\n";
  }
  return out.str();
}

}  // namespace

TEST_CASE("every rule has a documentation page", "[docs]") {
  std::set<std::string_view> ids;
  for (const Rule& r : all_rules()) {
    INFO("rule " << r.id);
    CHECK(ids.insert(r.id).second);
    CHECK_FALSE(r.summary.empty());
    CHECK(std::filesystem::exists(test::source_dir() / "docs" / "rules" / (std::string(r.id) + ".md")));
  }
}

TEST_CASE("the README's rule list matches the registry", "[docs]") {
  auto path = test::source_dir() / "README.md";
  std::string readme = test::read_file(path);
  size_t begin = readme.find(kBegin);
  size_t end = readme.find(kEnd);
  REQUIRE(begin != std::string::npos);
  REQUIRE(end != std::string::npos);
  begin += kBegin.size();
  std::string want = rule_table();
  if (const char* update = std::getenv("DFLS_UPDATE_README"); update && *update == '1') {
    readme.replace(begin, end - begin, want);
    std::ofstream(path, std::ios::binary) << readme;
    SUCCEED("README.md rewritten");
    return;
  }
  INFO("run the test with DFLS_UPDATE_README=1 to regenerate the list");
  CHECK(readme.substr(begin, end - begin) == want);
}
