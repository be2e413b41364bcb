#include "core/expand.h"

#include <catch2/catch_test_macros.hpp>
#include <map>

using dfls::expand;
using dfls::ExpandResult;
using dfls::SimpleVarLookup;
using dfls::VarLookup;
using dfls::VarValue;

namespace {

SimpleVarLookup env(std::map<std::string, std::string, std::less<>> vars) {
  return [vars = std::move(vars)](std::string_view name) -> std::optional<std::string> {
    auto it = vars.find(name);
    if (it == vars.end()) return std::nullopt;
    return it->second;
  };
}

const SimpleVarLookup kEnv =
    env({{"PWD", "/home"}, {"FOO", "xxyy"}, {"NULL", ""}, {"KOREAN", "한국어"}});

std::string value_of(std::string_view word, const SimpleVarLookup& lookup = kEnv,
                     char escape = '\\') {
  ExpandResult r = expand(word, lookup, escape);
  INFO(word);
  REQUIRE_FALSE(r.error.has_value());
  return r.value;
}

std::string error_of(std::string_view word, const SimpleVarLookup& lookup = kEnv) {
  ExpandResult r = expand(word, lookup);
  INFO(word);
  REQUIRE(r.error.has_value());
  CHECK(r.value.empty());
  return *r.error;
}

}  // namespace

TEST_CASE("expand: text without variables is unchanged") {
  CHECK(value_of("hello world") == "hello world");
  CHECK(value_of("") == "");
}

TEST_CASE("expand: $name and ${name}") {
  CHECK(value_of("$PWD/bin") == "/home/bin");
  CHECK(value_of("${PWD}bin") == "/homebin");
  CHECK(value_of("a${MISSING}b$MISSING") == "ab");
}

TEST_CASE("expand: a name starting with a digit takes only digits") {
  CHECK(value_of("$1x") == "x");
  CHECK(value_of("$12x", env({{"12", "twelve"}})) == "twelvex");
}

TEST_CASE("expand: special parameters are one character") {
  CHECK(value_of("a$-b") == "ab");
  CHECK(value_of("$$x", env({{"$", "pid"}})) == "pidx");
  CHECK(value_of("${#}", env({{"#", "3"}})) == "3");
}

TEST_CASE("expand: a dollar before anything else is literal") {
  CHECK(value_of("$") == "$");
  CHECK(value_of("a$ b") == "a$ b");
  CHECK(value_of("cost: $.50") == "cost: $.50");
}

TEST_CASE("expand: :- and - defaults") {
  CHECK(value_of("${FOO:-d}") == "xxyy");
  CHECK(value_of("${NULL:-d}") == "d");
  CHECK(value_of("${MISSING:-d}") == "d");
  CHECK(value_of("${NULL-d}") == "");
  CHECK(value_of("${MISSING-d}") == "d");
  CHECK(value_of("${FOO:-}") == "xxyy");
}

TEST_CASE("expand: :+ and + alternatives") {
  CHECK(value_of("${FOO:+alt}") == "alt");
  CHECK(value_of("${NULL:+alt}") == "");
  CHECK(value_of("${NULL+alt}") == "alt");
  CHECK(value_of("${MISSING+alt}") == "");
}

TEST_CASE("expand: :? and ? require a value") {
  auto vars = env({{"VAR", "plain"}, {"ARG", "x"}, {"EMPTY", ""}});
  CHECK(value_of("${VAR:?message here$ARG}", vars) == "plain");
  CHECK(error_of("${EMPTY:?message here$ARG}", vars) == "EMPTY: message herex");
  CHECK(error_of("${UNSET:?message here$ARG}", vars) == "UNSET: message herex");
  CHECK(value_of("${EMPTY?message}", vars) == "");
  CHECK(error_of("${UNSET?message}", vars) == "UNSET: message");
}

TEST_CASE("expand: :? and ? default messages") {
  CHECK(error_of("${NULL:?}") == "NULL: is not allowed to be empty");
  CHECK(error_of("${MISSING:?}") == "MISSING: is not allowed to be unset");
  CHECK(error_of("${MISSING?}") == "MISSING: is not allowed to be unset");
}

TEST_CASE("expand: # and ## remove a prefix") {
  CHECK(value_of("${FOO#*x*y}") == "y");
  CHECK(value_of("${FOO#*}") == "xxyy");
  CHECK(value_of("${FOO##*x}") == "yy");
  CHECK(value_of("${FOO#x}") == "xyy");
  CHECK(value_of("${FOO#}") == "xxyy");
  CHECK(value_of("${FOO##}") == "xxyy");
  CHECK(value_of("${FOO#y}") == "xxyy");
  CHECK(value_of("${Q#?\\?}", env({{"Q", "???y"}})) == "?y");
}

TEST_CASE("expand: % and %% remove a suffix") {
  CHECK(value_of("${FOO%y*}") == "xxy");
  CHECK(value_of("${FOO%%y*}") == "xx");
  CHECK(value_of("${FOO%x}") == "xxyy");
  CHECK(value_of("${FOO%}") == "xxyy");
  CHECK(value_of("${S%%\\**}", env({{"S", "xx**"}})) == "xx");
  CHECK(value_of("${S%%\\**\\*}", env({{"S", "a***yy*"}})) == "a");
  CHECK(value_of("${ABC:-.}${FOO%x}${ABC:-.}") == ".xxyy.");
}

TEST_CASE("expand: patterns take variables") {
  auto vars = env({{"FOO", "xxyy"}, {"BAR", "x"}, {"EMPTY", ""}});
  CHECK(value_of("${FOO#$BAR}", vars) == "xyy");
  CHECK(value_of("${FOO#$EMPTY}", vars) == "xxyy");
  CHECK(value_of("${FOO%%$EMPTY}", vars) == "xxyy");
}

TEST_CASE("expand: regular expression characters in patterns are literal") {
  auto vars = env({{"FOO", "()[]{}^$.*?|\\x"}});
  CHECK(value_of("${FOO#()[]{\\}^$.\\*\\?|\\\\}", vars) == "x");
}

TEST_CASE("expand: / replaces the first match and // all of them") {
  auto vars = env({{"FOO", "/foo*/*/*.txt"}, {"NEEDLE", "\\*/"}});
  CHECK(value_of("${FOO/$NEEDLE/.} - ${FOO//$NEEDLE/.}", vars) == "/foo.*/*.txt - /foo..*.txt");
  auto paths = env({{"FOO", "/tmp/tmp/bar.txt"}, {"NEEDLE", "/tmp"}});
  CHECK(value_of("${FOO/$NEEDLE/} - ${FOO//$NEEDLE/}", paths) == "/tmp/bar.txt - /bar.txt");
  auto any = env({{"FOO", "/a/foo/b/c.txt"}, {"NEEDLE", "/?/"}, {"R", "/"}});
  CHECK(value_of("${FOO/$NEEDLE/$R} - ${FOO//$NEEDLE/$R}", any) == "/foo/b/c.txt - /foo/c.txt");
  auto url = env({{"FOO", "http://google.de"}, {"NEEDLE", "http://"}, {"R", "https://"}});
  CHECK(value_of("${FOO/$NEEDLE/$R}", url) == "https://google.de");
}

TEST_CASE("expand: escaped separators in a replacement") {
  auto vars = env({{"FOO", "/tmp/foo.txt"}});
  CHECK(value_of("${FOO//\\//\\/}", vars) == "\\/tmp\\/foo.txt");
}

TEST_CASE("expand: empty patterns in replacements") {
  CHECK(value_of("${FOO/$EMPTY/ww}") == "wwxxyy");
  CHECK(value_of("${FOO///}") == "xxyy");
  CHECK(value_of("${MISSING///}") == "");
}

TEST_CASE("expand: a bad escape in a pattern is an error") {
  CHECK(error_of("${FOO#\\x}") == "invalid pattern (\\x) in substitution: invalid escape '\\x'");
}

TEST_CASE("expand: syntax errors read as BuildKit reports them") {
  CHECK(error_of("${}") == "syntax error: bad substitution");
  CHECK(error_of("${:a}") == "syntax error: bad substitution");
  CHECK(error_of("${{a}") == "syntax error: bad substitution");
  CHECK(error_of("${") == "syntax error: missing '}'");
  CHECK(error_of("${FOO") == "syntax error: missing '}'");
  CHECK(error_of("${FOO:-abc") == "syntax error: missing '}'");
  CHECK(error_of("${FOO//ww}") == "syntax error: missing '/' in ${}");
  CHECK(error_of("${FOO//}") == "syntax error: missing '/' in ${}");
}

TEST_CASE("expand: unsupported modifiers") {
  CHECK(error_of("${FOO=aaa}") == "unsupported modifier (=) in substitution");
  CHECK(error_of("${FOO:=aaa}") == "unsupported modifier (:=) in substitution");
  CHECK(error_of("${FOO:#x}") == "unsupported modifier (:#) in substitution");
  CHECK(error_of("${FOO:%x}") == "unsupported modifier (:%) in substitution");
  CHECK(error_of("${#FOO}") == "unsupported modifier (F) in substitution");
}

TEST_CASE("expand: single quotes are literal") {
  CHECK(value_of("'$FOO'") == "$FOO");
  CHECK(value_of("a'b c'd") == "ab cd");
  CHECK(value_of("'a\\b'") == "a\\b");
  CHECK(error_of("'abc") == "unexpected end of statement while looking for matching single-quote");
}

TEST_CASE("expand: double quotes expand and escape only \", $ and the escape character") {
  CHECK(value_of("\"$FOO bar\"") == "xxyy bar");
  CHECK(value_of("\"a\\\"b\"") == "a\"b");
  CHECK(value_of("\"\\$FOO\"") == "$FOO");
  CHECK(value_of("\"a\\\\b\"") == "a\\b");
  CHECK(value_of("\"a\\xb\"") == "a\\xb");
  CHECK(value_of("\"it's\"") == "it's");
  CHECK(error_of("\"abc") == "unexpected end of statement while looking for matching double-quote");
}

TEST_CASE("expand: the escape character outside quotes") {
  CHECK(value_of("\\$FOO") == "$FOO");
  CHECK(value_of("\\${FOO}") == "${FOO}");
  CHECK(value_of("a\\ b") == "a b");
  CHECK(value_of("a\\\\b") == "a\\b");
  CHECK(value_of("trailing\\") == "trailing");
}

TEST_CASE("expand: backtick as the escape character") {
  CHECK(value_of("`$FOO", kEnv, '`') == "$FOO");
  CHECK(value_of("C:\\path\\$FOO", kEnv, '`') == "C:\\path\\xxyy");
  CHECK(value_of("\"a`\"b\"", kEnv, '`') == "a\"b");
  CHECK(value_of("\"a\\\"", kEnv, '`') == "a\\");
}

TEST_CASE("expand: without quote processing quotes stay") {
  ExpandResult r = expand("'$FOO' \"$FOO\"", kEnv, '\\', false);
  REQUIRE_FALSE(r.error.has_value());
  CHECK(r.value == "'xxyy' \"xxyy\"");
}

TEST_CASE("expand: nested words") {
  auto vars = env({{"B", "bee"}, {"C", "sea"}, {"TARGETVARIANT", "v7"}});
  CHECK(value_of("${A:-${B:-$C}}", vars) == "bee");
  CHECK(value_of("${A:-${X:-$C}}", vars) == "sea");
  CHECK(value_of("${A:-\"x y\"}", vars) == "x y");
  CHECK(value_of("arm${TARGETVARIANT:+-${TARGETVARIANT}}", vars) == "arm-v7");
  CHECK(value_of("${A:-a\\}b}", vars) == "a}b");
}

TEST_CASE("expand: used, undefined and guarded names") {
  auto vars = env({{"FOO", "xxx"}, {"BAR", ""}});
  ExpandResult r = expand("${FOO-aaa} ${BAR-bbb} ${BAZ-ccc} $FOO", vars);
  CHECK(r.value == "xxx  ccc xxx");
  CHECK(r.used == std::vector<std::string>{"FOO", "BAR"});
  CHECK(r.undefined == std::vector<std::string>{"BAZ"});
  CHECK(r.guarded == std::vector<std::string>{"FOO", "BAR", "BAZ"});
  CHECK_FALSE(r.unknown);
}

TEST_CASE("expand: a variable with an unknown value") {
  VarLookup lookup = [](std::string_view name) {
    return name == "VERSION" ? VarValue::unknown() : VarValue::unset();
  };
  ExpandResult r = expand("alpine:${VERSION}", lookup);
  CHECK(r.value == "alpine:${VERSION}");
  CHECK(r.unknown);
  CHECK(r.used == std::vector<std::string>{"VERSION"});
  CHECK(expand("$VERSION-x", lookup).value == "$VERSION-x");
  CHECK(expand("${VERSION:-1}", lookup).value == "${VERSION:-1}");
  CHECK_FALSE(expand("${VERSION:?}", lookup).error.has_value());
  CHECK(expand("${VERSION%.*}", lookup).value == "${VERSION%.*}");
  CHECK_FALSE(expand("${OTHER:-x}", lookup).unknown);
}

TEST_CASE("expand: Unicode names and patterns work on characters") {
  CHECK(value_of("$KOREAN!") == "한국어!");
  CHECK(value_of("${KOREAN#?}") == "국어");
  CHECK(value_of("${KOREAN%?}") == "한국");
  CHECK(value_of("${KOREAN/국/-}") == "한-어");
}

TEST_CASE("expand: wildcards do not match a newline") {
  auto vars = env({{"M", "a\nb"}});
  CHECK(value_of("${M#*b}", vars) == "a\nb");
  CHECK(value_of("${M#a?}", vars) == "a\nb");
  CHECK(value_of("${M#a\n}", vars) == "b");
}

TEST_CASE("expand: deep nesting is an error, not a crash") {
  std::string word;
  for (int i = 0; i < 1000; ++i) word += "${A:-";
  ExpandResult r = expand(word, kEnv);
  REQUIRE(r.error.has_value());
}
