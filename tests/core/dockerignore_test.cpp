#include "core/dockerignore.h"

#include <catch2/catch_test_macros.hpp>

using dfls::clean_path;
using dfls::DockerIgnore;

TEST_CASE("dockerignore: comments and blank lines are skipped") {
  DockerIgnore d = DockerIgnore::parse("# a comment\n\n   \nsecret.txt\n");
  CHECK(d.patterns() == std::vector<std::string>{"secret.txt"});
  CHECK(d.excluded("secret.txt"));
  CHECK_FALSE(d.excluded("# a comment"));
}

TEST_CASE("dockerignore: only a # in the first column starts a comment") {
  DockerIgnore d = DockerIgnore::parse("  # not a comment\n");
  CHECK(d.patterns() == std::vector<std::string>{"# not a comment"});
  CHECK(d.excluded("# not a comment"));
}

TEST_CASE("dockerignore: a directory name excludes everything inside it") {
  DockerIgnore d = DockerIgnore::parse("node_modules\n");
  CHECK(d.excluded("node_modules"));
  CHECK(d.excluded("node_modules/left-pad/index.js"));
  CHECK_FALSE(d.excluded("src/node_modules/x.js"));
  CHECK_FALSE(d.excluded("node_modules2"));
}

TEST_CASE("dockerignore: * stays within one directory level") {
  DockerIgnore d = DockerIgnore::parse("*.log\n");
  CHECK(d.excluded("debug.log"));
  CHECK_FALSE(d.excluded("logs/debug.log"));
  DockerIgnore nested = DockerIgnore::parse("a/*/c\n");
  CHECK(nested.excluded("a/b/c"));
  CHECK(nested.excluded("a/b/c/d.txt"));
  CHECK_FALSE(nested.excluded("a/b/x/c"));
}

TEST_CASE("dockerignore: ** matches any number of directories, none included") {
  DockerIgnore d = DockerIgnore::parse("**/*.log\n");
  CHECK(d.excluded("debug.log"));
  CHECK(d.excluded("logs/debug.log"));
  CHECK(d.excluded("a/b/c/debug.log"));
  CHECK_FALSE(d.excluded("debug.txt"));
  DockerIgnore middle = DockerIgnore::parse("a/**/c\n");
  CHECK(middle.excluded("a/c"));
  CHECK(middle.excluded("a/b/c"));
  CHECK(middle.excluded("a/b/d/c"));
  CHECK_FALSE(middle.excluded("a/b/d"));
}

TEST_CASE("dockerignore: an exception brings a file back") {
  DockerIgnore d = DockerIgnore::parse("*.log\n!important.log\n");
  CHECK(d.has_exceptions());
  CHECK(d.excluded("debug.log"));
  CHECK_FALSE(d.excluded("important.log"));
}

TEST_CASE("dockerignore: the last matching pattern wins") {
  DockerIgnore d = DockerIgnore::parse("*.log\n!important.log\nimportant.log\n");
  CHECK(d.excluded("important.log"));
  DockerIgnore only_exception = DockerIgnore::parse("!keep.txt\n");
  CHECK_FALSE(only_exception.excluded("keep.txt"));
  CHECK_FALSE(only_exception.excluded("other.txt"));
}

TEST_CASE("dockerignore: an exception inside an excluded directory") {
  DockerIgnore d = DockerIgnore::parse("docs\n!docs/README.md\n");
  CHECK(d.excluded("docs/guide.md"));
  CHECK_FALSE(d.excluded("docs/README.md"));
}

TEST_CASE("dockerignore: exclude everything but a few files") {
  DockerIgnore d = DockerIgnore::parse("**\n!src\n!go.mod\n");
  CHECK(d.excluded("README.md"));
  CHECK(d.excluded("vendor/x/y.go"));
  CHECK_FALSE(d.excluded("go.mod"));
  CHECK_FALSE(d.excluded("src/main.go"));
}

TEST_CASE("dockerignore: a trailing ** matches what is inside, not the directory") {
  DockerIgnore d = DockerIgnore::parse("build/**\n");
  CHECK(d.excluded("build/out/app"));
  CHECK_FALSE(d.excluded("build"));
}

TEST_CASE("dockerignore: a leading ** without a slash matches any suffix") {
  // Docker's shortcut for patterns starting with "**" compares suffixes.
  DockerIgnore d = DockerIgnore::parse("**foo\n");
  CHECK(d.excluded("foo"));
  CHECK(d.excluded("a/barfoo"));
  CHECK_FALSE(d.excluded("foobar"));
}

TEST_CASE("dockerignore: ? matches one character other than a slash") {
  DockerIgnore d = DockerIgnore::parse("file?.txt\ncaf?.md\n");
  CHECK(d.excluded("file1.txt"));
  CHECK_FALSE(d.excluded("file10.txt"));
  CHECK_FALSE(d.excluded("file.txt"));
  CHECK(d.excluded("café.md"));
  CHECK_FALSE(DockerIgnore::parse("a?b\n").excluded("a/b"));
}

TEST_CASE("dockerignore: character classes") {
  DockerIgnore d = DockerIgnore::parse("[abc].txt\n[0-9][0-9].log\n");
  CHECK(d.excluded("a.txt"));
  CHECK_FALSE(d.excluded("d.txt"));
  CHECK(d.excluded("42.log"));
  CHECK_FALSE(d.excluded("4x.log"));
}

TEST_CASE("dockerignore: negated classes use ^, and ! is an ordinary member") {
  DockerIgnore caret = DockerIgnore::parse("[^a].txt\n");
  CHECK(caret.excluded("b.txt"));
  CHECK_FALSE(caret.excluded("a.txt"));
  DockerIgnore bang = DockerIgnore::parse("[!a].txt\n");
  CHECK(bang.excluded("a.txt"));
  CHECK(bang.excluded("!.txt"));
  CHECK_FALSE(bang.excluded("b.txt"));
}

TEST_CASE("dockerignore: a backslash escapes the next character") {
  DockerIgnore d = DockerIgnore::parse("\\*.txt\n\\[x\\]\n");
  CHECK(d.excluded("*.txt"));
  CHECK_FALSE(d.excluded("a.txt"));
  CHECK(d.excluded("[x]"));
}

TEST_CASE("dockerignore: a leading slash is dropped") {
  DockerIgnore d = DockerIgnore::parse("/secret\n!/secret/public\n");
  CHECK(d.patterns() == std::vector<std::string>{"secret", "!secret/public"});
  CHECK(d.excluded("secret/key"));
  CHECK_FALSE(d.excluded("secret/public"));
}

TEST_CASE("dockerignore: patterns are cleaned") {
  DockerIgnore d = DockerIgnore::parse("./foo//bar/../baz/\n  tmp  \n!  keep \n");
  CHECK(d.patterns() == std::vector<std::string>{"foo/baz", "tmp", "!keep"});
  CHECK(d.excluded("foo/baz/x"));
  CHECK(d.excluded("tmp"));
}

TEST_CASE("dockerignore: queried paths are cleaned") {
  DockerIgnore d = DockerIgnore::parse("*.log\n");
  CHECK(d.excluded("./debug.log"));
  CHECK(d.excluded("debug.log/"));
  CHECK(d.excluded("x/../debug.log"));
  CHECK_FALSE(d.excluded("."));
  CHECK_FALSE(d.excluded(""));
}

TEST_CASE("dockerignore: Windows line endings and a byte order mark") {
  DockerIgnore d = DockerIgnore::parse("\xEF\xBB\xBF.git\r\n*.tmp\r\n");
  CHECK(d.patterns() == std::vector<std::string>{".git", "*.tmp"});
  CHECK(d.excluded(".git/config"));
  CHECK(d.excluded("a.tmp"));
}

TEST_CASE("dockerignore: malformed patterns are reported and skipped") {
  DockerIgnore d = DockerIgnore::parse("[abc\nok\nend\\\n!\n[]x\n[a-]\n");
  CHECK(d.patterns() == std::vector<std::string>{"ok"});
  REQUIRE(d.errors().size() == 5);
  CHECK(d.errors()[0].line == 0);
  CHECK(d.errors()[0].message == "invalid pattern \"[abc\": malformed character class");
  CHECK(d.errors()[1].message == "invalid pattern \"end\\\": a trailing \\ escapes nothing");
  CHECK(d.errors()[2].message == "illegal exclusion pattern: \"!\"");
  CHECK(d.errors()[2].line == 3);
}

TEST_CASE("dockerignore: the deciding pattern") {
  DockerIgnore d = DockerIgnore::parse("*.md\n!README.md\ndocs\n");
  CHECK(d.deciding_pattern("CHANGES.md") == 0);
  CHECK(d.deciding_pattern("README.md") == 1);
  CHECK(d.deciding_pattern("docs/a.txt") == 2);
  CHECK(d.deciding_pattern("main.go") == -1);
  CHECK(d.compiled()[1].exclusion);
  CHECK(d.compiled()[2].line == 2);
}

TEST_CASE("dockerignore: Dockerfile and .dockerignore can be excluded like any file") {
  DockerIgnore d = DockerIgnore::parse("Dockerfile*\n.dockerignore\n");
  CHECK(d.excluded("Dockerfile"));
  CHECK(d.excluded("Dockerfile.prod"));
  CHECK(d.excluded(".dockerignore"));
}

TEST_CASE("dockerignore: dots are literal") {
  DockerIgnore d = DockerIgnore::parse("a.b\n");
  CHECK(d.excluded("a.b"));
  CHECK_FALSE(d.excluded("axb"));
}

TEST_CASE("dockerignore: a pattern naming a file inside a directory") {
  DockerIgnore d = DockerIgnore::parse("config/local.yaml\n");
  CHECK(d.excluded("config/local.yaml"));
  CHECK_FALSE(d.excluded("config/prod.yaml"));
  CHECK_FALSE(d.excluded("config"));
}

TEST_CASE("dockerignore: wildcards match directories on the way") {
  DockerIgnore d = DockerIgnore::parse("*/temp*\n");
  CHECK(d.excluded("a/temp"));
  CHECK(d.excluded("a/temporary/file"));
  CHECK_FALSE(d.excluded("temp"));
  CHECK_FALSE(d.excluded("a/b/temp"));
}

TEST_CASE("dockerignore: clean_path follows Go's filepath.Clean") {
  CHECK(clean_path("") == ".");
  CHECK(clean_path("a//b/./c/") == "a/b/c");
  CHECK(clean_path("a/../../b") == "../b");
  CHECK(clean_path("/../a") == "/a");
  CHECK(clean_path("/") == "/");
  CHECK(clean_path("./") == ".");
  CHECK(clean_path("../../x/..") == "../..");
}
