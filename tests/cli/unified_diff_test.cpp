#include "cli/unified_diff.h"

#include <catch2/catch_test_macros.hpp>

namespace dfls::cli {
namespace {

TEST_CASE("equal texts give no diff") { CHECK(unified_diff("a\nb\n", "a\nb\n", "a/x", "b/x").empty()); }

TEST_CASE("a changed line shows with three lines of context") {
  std::string before = "1\n2\n3\n4\n5\n6\n7\n8\n9\n";
  std::string after = "1\n2\n3\n4\nfive\n6\n7\n8\n9\n";
  CHECK(unified_diff(before, after, "a/Dockerfile", "b/Dockerfile") ==
        "--- a/Dockerfile\n"
        "+++ b/Dockerfile\n"
        "@@ -2,7 +2,7 @@\n"
        " 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n");
}

TEST_CASE("changes far apart make separate hunks, close ones share a hunk") {
  std::string before;
  for (int i = 1; i <= 20; ++i) before += std::to_string(i) + "\n";
  std::string after = before;
  after.replace(after.find("2\n"), 2, "two\n");
  after.replace(after.find("18\n"), 3, "");
  CHECK(unified_diff(before, after, "a", "b") ==
        "--- a\n+++ b\n"
        "@@ -1,5 +1,5 @@\n 1\n-2\n+two\n 3\n 4\n 5\n"
        "@@ -15,6 +15,5 @@\n 15\n 16\n 17\n-18\n 19\n 20\n");
  std::string near = before;
  near.replace(near.find("5\n"), 2, "five\n");
  near.replace(near.find("11\n"), 3, "eleven\n");
  std::string diff = unified_diff(before, near, "a", "b");
  CHECK(diff.find("@@ -2,13 +2,13 @@") != std::string::npos);
  CHECK(diff.find("\n@@", diff.find("@@ -2")) == std::string::npos);
}

TEST_CASE("insertions into an empty text and a missing final line break") {
  CHECK(unified_diff("", "a\nb\n", "/dev/null", "b/.dockerignore") ==
        "--- /dev/null\n+++ b/.dockerignore\n@@ -0,0 +1,2 @@\n+a\n+b\n");
  CHECK(unified_diff("a\nb", "a\nc", "a/f", "b/f") ==
        "--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n"
        "\\ No newline at end of file\n");
  CHECK(unified_diff("a\n", "# new\na\n", "a/f", "b/f") == "--- a/f\n+++ b/f\n@@ -1 +1,2 @@\n+# new\n a\n");
}

}  // namespace
}  // namespace dfls::cli
