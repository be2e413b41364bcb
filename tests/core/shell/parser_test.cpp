// Commands of the shell splitter: separators, pipelines, nesting, compound commands,
// redirections, heredocs, assignments and malformed input.
#include <catch2/catch_test_macros.hpp>
#include <chrono>

#include "core/shell/shell.h"

using namespace dfls::shell;

namespace {

using Argv = std::vector<std::vector<std::string>>;

Argv argv_of(const Script& s) {
  Argv out;
  for (const Command& c : s.commands) {
    std::vector<std::string> words;
    for (const Word& w : c.args) words.push_back(w.value);
    out.push_back(words);
  }
  return out;
}

Argv argv_of(std::string_view text) { return argv_of(split(text)); }

std::vector<std::string> separators_of(const Script& s) {
  std::vector<std::string> out;
  for (const Command& c : s.commands) out.push_back(c.separator_after);
  return out;
}

}  // namespace

TEST_CASE("shell parser: && chains") {
  Script s = split("apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*");
  CHECK(argv_of(s) == Argv{{"apt-get", "update"},
                           {"apt-get", "install", "-y", "curl"},
                           {"rm", "-rf", "/var/lib/apt/lists/*"}});
  CHECK(separators_of(s) == std::vector<std::string>{"&&", "&&", ""});
  REQUIRE(s.separators.size() == 2);
  CHECK(s.separators[0].op == "&&");
}

TEST_CASE("shell parser: ||, ;, & and newlines separate commands") {
  Script s = split("a || b; c & d\ne");
  CHECK(argv_of(s) == Argv{{"a"}, {"b"}, {"c"}, {"d"}, {"e"}});
  CHECK(separators_of(s) == std::vector<std::string>{"||", ";", "&", "\n", ""});
}

TEST_CASE("shell parser: operators need no blanks around them") {
  CHECK(argv_of("a&&b||c;d|e") == Argv{{"a"}, {"b"}, {"c"}, {"d"}, {"e"}});
}

TEST_CASE("shell parser: pipelines") {
  Script s = split("curl -sL https://x | tar xz -C /opt && echo ok |& tee log");
  REQUIRE(s.commands.size() == 4);
  CHECK(s.commands[0].in_pipeline);
  CHECK(s.commands[0].separator_after == "|");
  CHECK(s.commands[1].in_pipeline);
  CHECK(s.commands[1].separator_after == "&&");
  CHECK(s.commands[2].in_pipeline);
  CHECK(s.commands[3].in_pipeline);
  CHECK_FALSE(split("a && b").commands[0].in_pipeline);
}

TEST_CASE("shell parser: newlines after && and | continue the list") {
  CHECK(argv_of("a &&\n\n b |\n c") == Argv{{"a"}, {"b"}, {"c"}});
}

TEST_CASE("shell parser: subshells") {
  Script s = split("(cd /src && make) && echo done");
  CHECK(argv_of(s) == Argv{{"cd", "/src"}, {"make"}, {"echo", "done"}});
  CHECK(s.commands[0].depth == 1);
  CHECK(s.commands[1].depth == 1);
  CHECK(s.commands[2].depth == 0);
  CHECK(s.problems.empty());
}

TEST_CASE("shell parser: brace groups") {
  Script s = split("{ echo a; echo b; } > out.txt");
  CHECK(argv_of(s) == Argv{{"echo", "a"}, {"echo", "b"}});
  CHECK(s.commands[0].block_depth == 1);
  CHECK(s.commands[0].depth == 0);
  CHECK(s.problems.empty());
}

TEST_CASE("shell parser: command substitutions are reported as nested commands") {
  std::string text = "echo \"$(uname -m)\" && cd $(dirname $(which python3))";
  Script s = split(text);
  CHECK(argv_of(s) == Argv{{"echo", "$(uname -m)"},
                           {"uname", "-m"},
                           {"cd", "$(dirname $(which python3))"},
                           {"dirname", "$(which python3)"},
                           {"which", "python3"}});
  CHECK_FALSE(s.commands[0].nested);
  CHECK(s.commands[1].nested);
  CHECK(s.commands[1].depth == 1);
  CHECK(s.commands[3].depth == 1);
  CHECK(s.commands[4].depth == 2);
  CHECK(s.commands[0].args[1].has_expansion);
  CHECK(s.commands[1].start == text.find("uname"));
  CHECK(s.commands[0].separator_after == "&&");
}

TEST_CASE("shell parser: backquotes are command substitutions") {
  Script s = split("export V=`cat /VERSION | tr -d v` && echo $V");
  CHECK(argv_of(s) == Argv{{"export", "V=`cat /VERSION | tr -d v`"},
                           {"cat", "/VERSION"},
                           {"tr", "-d", "v"},
                           {"echo", "$V"}});
  CHECK(s.commands[1].nested);
  CHECK(s.commands[1].in_pipeline);
  CHECK(s.commands[0].separator_after == "&&");
}

TEST_CASE("shell parser: arithmetic is not a command substitution") {
  Script s = split("echo $((1 + (2 * 3))) && (( i++ ))");
  CHECK(argv_of(s) == Argv{{"echo", "$((1 + (2 * 3)))"}});
  CHECK(s.problems.empty());
  // Command substitutions inside arithmetic are still found.
  CHECK(argv_of("make -j$(( $(nproc) + 1 ))") ==
        Argv{{"make", "-j$(( $(nproc) + 1 ))"}, {"nproc"}});
}

TEST_CASE("shell parser: commands inside ${...} defaults") {
  Script s = split("echo ${X:-$(pwd)} \"${Y:-'}'}\"");
  CHECK(argv_of(s) == Argv{{"echo", "${X:-$(pwd)}", "${Y:-'}'}"}, {"pwd"}});
}

TEST_CASE("shell parser: process substitution") {
  Script s = split("diff <(ls a) <(ls b)");
  CHECK(argv_of(s) == Argv{{"diff", "<(ls a)", "<(ls b)"}, {"ls", "a"}, {"ls", "b"}});
  CHECK(s.commands[1].nested);
}

TEST_CASE("shell parser: if, then, elif, else and fi are not commands") {
  Script s =
      split("if [ -f /a ]; then echo a; elif test -d /b; then echo b; else echo c; fi && echo d");
  CHECK(argv_of(s) == Argv{{"[", "-f", "/a", "]"},
                           {"echo", "a"},
                           {"test", "-d", "/b"},
                           {"echo", "b"},
                           {"echo", "c"},
                           {"echo", "d"}});
  CHECK(s.commands[1].block_depth == 1);
  CHECK(s.commands[5].block_depth == 0);
  CHECK(s.problems.empty());
}

TEST_CASE("shell parser: for loops") {
  Script s = split("for f in a b $(ls); do\n  echo \"$f\"\ndone");
  CHECK(argv_of(s) == Argv{{"ls"}, {"echo", "$f"}});
  CHECK(s.commands[1].block_depth == 1);
  CHECK(s.problems.empty());
  CHECK(argv_of("for ((i = 0; i < 3; i++)); do echo $i; done") == Argv{{"echo", "$i"}});
  CHECK(argv_of("for x; do echo; done") == Argv{{"echo"}});
}

TEST_CASE("shell parser: while and until loops") {
  Script s =
      split("while read -r line; do echo \"$line\"; done < list.txt; until false; do :; done");
  CHECK(argv_of(s) == Argv{{"read", "-r", "line"}, {"echo", "$line"}, {"false"}, {":"}});
  CHECK(s.problems.empty());
}

TEST_CASE("shell parser: case statements") {
  std::string text =
      "case \"$(uname -m)\" in\n  x86_64|amd64) ARCH=amd64 ;;\n  (aarch64) ARCH=arm64; echo arm "
      ";;\n"
      "  *) echo unknown; exit 1 ;;\nesac && echo $ARCH";
  Script s = split(text);
  CHECK(argv_of(s) == Argv{{"uname", "-m"},
                           {},
                           {},
                           {"echo", "arm"},
                           {"echo", "unknown"},
                           {"exit", "1"},
                           {"echo", "$ARCH"}});
  CHECK(s.commands[1].assignments[0].value == "ARCH=amd64");
  CHECK(s.commands[4].block_depth == 1);
  CHECK(s.problems.empty());
}

TEST_CASE("shell parser: case inside a command substitution") {
  Script s = split("echo $(case $x in a) echo A;; esac)");
  CHECK(argv_of(s) == Argv{{"echo", "$(case $x in a) echo A;; esac)"}, {"echo", "A"}});
  CHECK(s.problems.empty());
}

TEST_CASE("shell parser: keywords as arguments are plain words") {
  CHECK(argv_of("echo if then fi done") == Argv{{"echo", "if", "then", "fi", "done"}});
  CHECK(argv_of("\"if\" x") == Argv{{"if", "x"}});
}

TEST_CASE("shell parser: [[ ]] holds operators as words") {
  Script s = split("[[ -f a && ( $b == c || $d < e ) ]] && echo yes");
  CHECK(argv_of(s) ==
        Argv{{"[[", "-f", "a", "&&", "(", "$b", "==", "c", "||", "$d", "<", "e", ")", "]]"},
             {"echo", "yes"}});
  CHECK(s.commands[0].separator_after == "&&");
}

TEST_CASE("shell parser: function definitions") {
  Script s = split("build() { make -j4; }; function clean { rm -rf out; }; build");
  CHECK(argv_of(s) == Argv{{"make", "-j4"}, {"rm", "-rf", "out"}, {"build"}});
  CHECK(s.problems.empty());
}

TEST_CASE("shell parser: redirections") {
  Script s = split("cmd > out.txt 2>&1 < in.txt >> log &>/dev/null 3<> rw");
  REQUIRE(s.commands.size() == 1);
  const Command& c = s.commands[0];
  CHECK(c.args.size() == 1);
  REQUIRE(c.redirects.size() == 6);
  CHECK(c.redirects[0].op == ">");
  CHECK(c.redirects[0].target.value == "out.txt");
  CHECK(c.redirects[0].fd == -1);
  CHECK(c.redirects[1].op == ">&");
  CHECK(c.redirects[1].fd == 2);
  CHECK(c.redirects[1].target.value == "1");
  CHECK(c.redirects[2].op == "<");
  CHECK(c.redirects[3].op == ">>");
  CHECK(c.redirects[4].op == "&>");
  CHECK(c.redirects[4].target.value == "/dev/null");
  CHECK(c.redirects[5].op == "<>");
  CHECK(c.redirects[5].fd == 3);
}

TEST_CASE(
    "shell parser: a redirection may come first, and a digit word is not always a descriptor") {
  Script s = split("> /tmp/empty; 2>err cmd arg; echo 2 > f");
  REQUIRE(s.commands.size() == 3);
  CHECK(s.commands[0].args.empty());
  CHECK(s.commands[0].redirects.size() == 1);
  CHECK(s.commands[1].args.size() == 2);
  CHECK(s.commands[1].redirects[0].fd == 2);
  CHECK(s.commands[2].args.size() == 2);
  CHECK(s.commands[2].redirects[0].fd == -1);
}

TEST_CASE("shell parser: heredoc bodies are skipped") {
  std::string text =
      "cat <<EOF > /etc/conf && echo written\nkey=$value\n  && not a command\nEOF\necho after";
  Script s = split(text, 10);
  CHECK(argv_of(s) == Argv{{"cat"}, {"echo", "written"}, {"echo", "after"}});
  REQUIRE(s.heredocs.size() == 1);
  const Heredoc& h = s.heredocs[0];
  CHECK(h.delimiter == "EOF");
  CHECK_FALSE(h.quoted);
  CHECK(h.terminated);
  CHECK(h.body_start == 10 + text.find("key="));
  CHECK(h.body_end == 10 + text.find("EOF\necho"));
  CHECK(s.commands[0].redirects[0].heredoc == 0);
  CHECK(s.commands[0].redirects[0].target.value == "EOF");
  CHECK(s.problems.empty());
}

TEST_CASE("shell parser: quoted delimiters, <<- and several heredocs on a line") {
  std::string text = "cat <<-'A' <<\"B\" && wc\n\tbody a\n\tA\nbody b\nB\necho end";
  Script s = split(text);
  CHECK(argv_of(s) == Argv{{"cat"}, {"wc"}, {"echo", "end"}});
  REQUIRE(s.heredocs.size() == 2);
  CHECK(s.heredocs[0].delimiter == "A");
  CHECK(s.heredocs[0].quoted);
  CHECK(s.heredocs[0].strip_tabs);
  CHECK(s.heredocs[1].delimiter == "B");
  CHECK(s.heredocs[1].body_start == text.find("body b"));
  CHECK(s.problems.empty());
}

TEST_CASE("shell parser: heredoc without its body in the text, and an unterminated one") {
  Script absent = split("python3 <<EOF");
  CHECK(argv_of(absent) == Argv{{"python3"}});
  CHECK(absent.problems.empty());
  CHECK_FALSE(absent.heredocs[0].terminated);
  Script open = split("cat <<EOF\nline\nEOF2");
  CHECK(argv_of(open) == Argv{{"cat"}});
  REQUIRE(open.problems.size() == 1);
  CHECK(open.problems[0] == "unterminated heredoc: no line \"EOF\"");
}

TEST_CASE("shell parser: here-strings are not heredocs") {
  Script s = split("cat <<< \"$x\"\necho b");
  CHECK(argv_of(s) == Argv{{"cat"}, {"echo", "b"}});
  CHECK(s.heredocs.empty());
}

TEST_CASE("shell parser: assignments before the command") {
  Script s = split("DEBIAN_FRONTEND=noninteractive LANG=\"C.UTF-8\" apt-get install X=1");
  REQUIRE(s.commands.size() == 1);
  const Command& c = s.commands[0];
  REQUIRE(c.assignments.size() == 2);
  CHECK(c.assignments[0].value == "DEBIAN_FRONTEND=noninteractive");
  CHECK(c.assignments[1].value == "LANG=C.UTF-8");
  CHECK(c.args.size() == 3);
  CHECK(c.args[2].value == "X=1");
}

TEST_CASE("shell parser: what is not an assignment") {
  CHECK(split("\"A\"=1 cmd").commands[0].assignments.empty());
  CHECK(split("1A=x cmd").commands[0].assignments.empty());
  CHECK(split("=x cmd").commands[0].assignments.empty());
  Script only = split("PATH+=:/opt/bin");
  REQUIRE(only.commands.size() == 1);
  CHECK(only.commands[0].args.empty());
  CHECK(only.commands[0].assignments.size() == 1);
  Script exported = split("export A=1 B");
  CHECK(exported.commands[0].assignments.empty());
  CHECK(exported.commands[0].args.size() == 3);
}

TEST_CASE("shell parser: missing and unexpected keywords are problems") {
  Script missing = split("if true; then echo x");
  CHECK(argv_of(missing) == Argv{{"true"}, {"echo", "x"}});
  CHECK(missing.problems == std::vector<std::string>{"missing 'fi'"});
  Script stray = split("echo a; done; echo b");
  CHECK(argv_of(stray) == Argv{{"echo", "a"}, {"echo", "b"}});
  CHECK(stray.problems == std::vector<std::string>{"unexpected 'done'"});
  Script wrong = split("while x; do if y; then z; done");
  CHECK(wrong.problems == std::vector<std::string>{"missing 'fi'"});
}

TEST_CASE("shell parser: unbalanced parentheses and substitutions") {
  Script close = split("echo a ) && echo b");
  CHECK(argv_of(close) == Argv{{"echo", "a"}, {"echo", "b"}});
  CHECK(close.problems.size() == 1);
  Script open = split("echo $(ls && echo b");
  CHECK(argv_of(open) == Argv{{"echo", "$(ls && echo b"}, {"ls"}, {"echo", "b"}});
  CHECK(open.problems == std::vector<std::string>{"unterminated command substitution"});
  Script tick = split("echo `ls");
  CHECK(tick.problems == std::vector<std::string>{"unterminated backquote"});
  Script sub = split("(cd x");
  CHECK(sub.problems == std::vector<std::string>{"missing ')'"});
}

TEST_CASE("shell parser: dangling operators are problems") {
  CHECK(split("apt-get update &&").problems ==
        std::vector<std::string>{"expected a command after '&&'"});
  CHECK(split("a | ").problems == std::vector<std::string>{"expected a command after '|'"});
  CHECK(split("; a").problems == std::vector<std::string>{"unexpected ';'"});
  CHECK(split("a && && b").problems.size() == 2);
  CHECK(split("cat >").problems == std::vector<std::string>{"missing file name after '>'"});
  CHECK(split(";; x").problems == std::vector<std::string>{"unexpected ';;'"});
}

TEST_CASE("shell parser: separators are listed with their offsets") {
  std::string text = "a && b | c\nd";
  Script s = split(text, 5);
  REQUIRE(s.separators.size() == 3);
  CHECK(s.separators[0].op == "&&");
  CHECK(s.separators[0].start == 5 + text.find("&&"));
  CHECK(s.separators[0].end == 5 + text.find("&&") + 2);
  CHECK(s.separators[1].op == "|");
  CHECK(s.separators[2].op == "\n");
}

TEST_CASE("shell parser: command ranges") {
  std::string text = "  A=1 cmd arg > f  &&  next";
  Script s = split(text);
  REQUIRE(s.commands.size() == 2);
  CHECK(s.commands[0].start == text.find("A=1"));
  CHECK(s.commands[0].end == text.find(" &&") - 1);
  CHECK(s.commands[1].start == text.find("next"));
}

TEST_CASE("shell parser: deep nesting and long input stay fast and safe") {
  std::string deep;
  for (int i = 0; i < 2000; ++i) deep += "$(echo ";
  Script d = split(deep);
  CHECK_FALSE(d.problems.empty());
  std::string ticks;
  for (int i = 0; i < 2000; ++i) ticks += "(`";
  split(ticks);
  std::string long_text;
  for (int i = 0; i < 2000; ++i) long_text += "apt-get install -y \"$(ls `pwd`)\" | grep x && \\\n";
  auto start = std::chrono::steady_clock::now();
  Script s = split(long_text);
  auto elapsed = std::chrono::steady_clock::now() - start;
  CHECK(s.commands.size() == 8000);
  // A quadratic splitter would need minutes here, even without sanitizers.
  CHECK(elapsed < std::chrono::seconds(10));
}
