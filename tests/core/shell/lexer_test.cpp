// Words of the shell splitter: quotes, escapes, expansions, comments, line continuations and
// the offsets of words in the original text.
#include <catch2/catch_test_macros.hpp>

#include "core/shell/shell.h"

using namespace dfls::shell;

namespace {

std::vector<std::vector<std::string>> argv_of(const Script& s) {
  std::vector<std::vector<std::string>> out;
  for (const Command& c : s.commands) {
    std::vector<std::string> words;
    for (const Word& w : c.args) words.push_back(w.value);
    out.push_back(words);
  }
  return out;
}

std::vector<std::vector<std::string>> argv_of(std::string_view text, char escape = '\\') {
  return argv_of(split(text, 0, escape));
}

// The raw text a word covers.
std::string_view raw(std::string_view text, const Word& w) {
  return text.substr(w.start, w.end - w.start);
}

using Argv = std::vector<std::vector<std::string>>;

}  // namespace

TEST_CASE("shell lexer: words are split on blanks") {
  CHECK(argv_of("apt-get  install\t-y curl") == Argv{{"apt-get", "install", "-y", "curl"}});
  CHECK(argv_of("") == Argv{});
  CHECK(argv_of("   \t ").empty());
}

TEST_CASE("shell lexer: single quotes are literal") {
  Script s = split("echo '$HOME \"x\" \\n'");
  REQUIRE(s.commands.size() == 1);
  const Word& w = s.commands[0].args[1];
  CHECK(w.value == "$HOME \"x\" \\n");
  CHECK(w.quoted);
  CHECK_FALSE(w.has_expansion);
}

TEST_CASE("shell lexer: double quotes keep expansions and process four escapes") {
  Script s = split(R"(echo "a \"b\" \$c \\ \x $HOME")");
  const Word& w = s.commands[0].args[1];
  CHECK(w.value == R"(a "b" $c \ \x $HOME)");
  CHECK(w.quoted);
  CHECK(w.has_expansion);
}

TEST_CASE("shell lexer: backslash outside quotes escapes one character") {
  Script s = split(R"(echo a\ b \$HOME \"q\")");
  REQUIRE(s.commands[0].args.size() == 4);
  CHECK(s.commands[0].args[1].value == "a b");
  CHECK(s.commands[0].args[2].value == "$HOME");
  CHECK_FALSE(s.commands[0].args[2].has_expansion);
  CHECK(s.commands[0].args[3].value == "\"q\"");
}

TEST_CASE("shell lexer: adjacent quoted parts make one word") {
  CHECK(argv_of(R"(echo "a"'b'c"d e")") == Argv{{"echo", "abcd e"}});
  Script s = split(R"(printf "" '')");
  REQUIRE(s.commands[0].args.size() == 3);
  CHECK(s.commands[0].args[1].value.empty());
  CHECK(s.commands[0].args[1].quoted);
}

TEST_CASE("shell lexer: variables and braces stay as written") {
  Script s = split("echo $HOME ${PATH:-/bin} $1 $@ $ cost$");
  const auto& a = s.commands[0].args;
  REQUIRE(a.size() == 7);
  CHECK(a[1].value == "$HOME");
  CHECK(a[1].has_expansion);
  CHECK(a[2].value == "${PATH:-/bin}");
  CHECK(a[3].value == "$1");
  CHECK(a[4].value == "$@");
  CHECK(a[5].value == "$");
  CHECK_FALSE(a[5].has_expansion);
  CHECK(a[6].value == "cost$");
}

TEST_CASE("shell lexer: ANSI-C quotes") {
  Script s = split(R"(echo $'it\'s\n' done)");
  REQUIRE(s.commands[0].args.size() == 3);
  CHECK(s.commands[0].args[1].value == R"(it\'s\n)");
  CHECK(s.commands[0].args[2].value == "done");
}

TEST_CASE("shell lexer: comments run to the end of the line") {
  CHECK(argv_of("echo a # rm -rf / && b\necho c") == Argv{{"echo", "a"}, {"echo", "c"}});
  CHECK(argv_of("echo a#b") == Argv{{"echo", "a#b"}});
  CHECK(argv_of("# only a comment").empty());
  CHECK(argv_of("echo '#not' \"#not\"") == Argv{{"echo", "#not", "#not"}});
}

TEST_CASE("shell lexer: a line continuation joins words across lines") {
  std::string text = "apt-get update && \\\n    apt-get install -y \\\n    curl";
  CHECK(argv_of(text) == Argv{{"apt-get", "update"}, {"apt-get", "install", "-y", "curl"}});
  Script s = split(text);
  const Word& curl = s.commands[1].args[3];
  CHECK(curl.start == text.find("curl"));
  CHECK(raw(text, curl) == "curl");
}

TEST_CASE("shell lexer: a continuation inside a word maps back to the raw text") {
  std::string text = "apt-ge\\\nt ins\\\r\ntall";
  Script s = split(text, 100);
  REQUIRE(s.commands.size() == 1);
  const auto& a = s.commands[0].args;
  REQUIRE(a.size() == 2);
  CHECK(a[0].value == "apt-get");
  CHECK(a[0].start == 100);
  CHECK(a[0].end == 100 + text.find(" ins"));
  CHECK(a[1].value == "install");
  CHECK(a[1].end == 100 + text.size());
  CHECK(text.substr(a[1].start - 100, a[1].end - a[1].start) == "ins\\\r\ntall");
}

TEST_CASE("shell lexer: blanks between the escape and the line break") {
  CHECK(argv_of("echo a \\  \t\n  b") == Argv{{"echo", "a", "b"}});
}

TEST_CASE("shell lexer: comment and empty lines after a continuation are dropped") {
  std::string text = "apt-get install \\\n# a comment\n\n    curl \\\n  # another\n  && echo done";
  CHECK(argv_of(text) == Argv{{"apt-get", "install", "curl"}, {"echo", "done"}});
}

TEST_CASE("shell lexer: a continuation inside quotes") {
  CHECK(argv_of("echo \"a \\\n b\" 'c \\\n d'") == Argv{{"echo", "a  b", "c  d"}});
}

TEST_CASE("shell lexer: backtick as the Dockerfile escape character") {
  std::string text = "echo a `\n  && echo b `  \r\n  c";
  CHECK(argv_of(text, '`') == Argv{{"echo", "a"}, {"echo", "b", "c"}});
  // The shell's own backslash-newline still joins lines.
  CHECK(argv_of("echo a \\\nb", '`') == Argv{{"echo", "a", "b"}});
  // A backtick not before a line break is a command substitution.
  Script s = split("echo `date`", 0, '`');
  CHECK(argv_of(s) == Argv{{"echo", "`date`"}, {"date"}});
}

TEST_CASE("shell lexer: heredoc bodies get no Dockerfile continuation processing") {
  std::string text = "echo a \\\n# c\necho b";
  CHECK(argv_of(text) == Argv{{"echo", "a", "echo", "b"}});
  CHECK(argv_of(text, '\0') == Argv{{"echo", "a"}, {"echo", "b"}});
  CHECK(argv_of("echo a \\ \necho b", '\0') == Argv{{"echo", "a", " "}, {"echo", "b"}});
}

TEST_CASE("shell lexer: a comment continues across a Dockerfile continuation") {
  // BuildKit joins the lines before the shell sees them, so the comment eats the next line.
  CHECK(argv_of("echo a # note \\\n && echo b") == Argv{{"echo", "a"}});
}

TEST_CASE("shell lexer: Windows line endings") {
  CHECK(argv_of("echo a\r\necho b\r\n") == Argv{{"echo", "a"}, {"echo", "b"}});
}

TEST_CASE("shell lexer: word offsets with a base offset") {
  std::string text = "FOO=1 cmd \"a b\" 'c'";
  Script s = split(text, 42);
  const Command& c = s.commands[0];
  CHECK(c.start == 42);
  CHECK(c.end == 42 + text.size());
  CHECK(c.assignments[0].start == 42);
  CHECK(c.args[1].start == 42 + text.find('"'));
  CHECK(c.args[1].end == 42 + text.find('"') + 5);
  CHECK(c.args[2].end == 42 + text.size());
}

TEST_CASE("shell lexer: an unterminated single quote runs to the end") {
  std::string text = "echo 'abc && rm x";
  Script s = split(text);
  REQUIRE(s.commands.size() == 1);
  CHECK(s.commands[0].args[1].value == "abc && rm x");
  CHECK(s.commands[0].args[1].end == text.size());
  REQUIRE(s.problems.size() == 1);
  CHECK(s.problems[0] == "unterminated single quote");
  CHECK(s.problem_offsets[0] == text.find('\''));
}

TEST_CASE("shell lexer: an unterminated double quote runs to the end") {
  Script s = split("echo \"abc $(ls");
  REQUIRE(s.commands.size() >= 1);
  CHECK(s.commands[0].args[1].value.starts_with("abc $(ls"));
  CHECK_FALSE(s.problems.empty());
}

TEST_CASE("shell lexer: a trailing backslash is kept") {
  CHECK(argv_of("echo a\\") == Argv{{"echo", "a\\"}});
}
