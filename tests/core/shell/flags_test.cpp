// The helpers rules use to read a command's options and operands.
#include <catch2/catch_test_macros.hpp>

#include "core/shell/shell.h"

using namespace dfls::shell;

namespace {

Command command_of(std::string_view text) {
  Script s = split(text);
  REQUIRE(!s.commands.empty());
  return s.commands[0];
}

std::vector<std::string> values(const std::vector<const Word*>& words) {
  std::vector<std::string> out;
  for (const Word* w : words) out.push_back(w->value);
  return out;
}

}  // namespace

TEST_CASE("shell flags: short flags, alone or in clusters") {
  Command c = command_of("apt-get -qy install curl");
  CHECK(has_flag(c, "-y"));
  CHECK(has_flag(c, "-q"));
  CHECK(has_flag(c, "-qy"));
  CHECK_FALSE(has_flag(c, "-i"));
  CHECK_FALSE(has_flag(c, "-n"));
  CHECK(has_flag(command_of("apk add -U --no-cache x"), "-U"));
}

TEST_CASE("shell flags: long flags with and without values") {
  Command c = command_of("apt-get install --yes --no-install-recommends=true curl");
  CHECK(has_flag(c, "--yes"));
  CHECK(has_flag(c, "--no-install-recommends"));
  CHECK_FALSE(has_flag(c, "--no-install"));
  CHECK_FALSE(has_flag(c, "--y"));
  CHECK_FALSE(has_flag(c, "-y"));
}

TEST_CASE("shell flags: the command name and words after -- are not flags") {
  CHECK_FALSE(has_flag(command_of("-y foo"), "-y"));
  CHECK_FALSE(has_flag(command_of("rm -- -y"), "-y"));
  CHECK_FALSE(has_flag(command_of("apt-get -oAPT::Get::Assume-Yes=1 install"), "-y"));
  CHECK_FALSE(has_flag(command_of("echo x"), "y"));
}

TEST_CASE("shell flags: quoted flags are unquoted first") {
  CHECK(has_flag(command_of("pip install \"--no-cache-dir\" x"), "--no-cache-dir"));
}

TEST_CASE("shell flags: flag values in all four spellings") {
  CHECK(flag_value(command_of("curl --output=/tmp/a url"), "--output") == "/tmp/a");
  CHECK(flag_value(command_of("curl --output /tmp/a url"), "--output") == "/tmp/a");
  CHECK(flag_value(command_of("curl -o/tmp/a url"), "-o") == "/tmp/a");
  CHECK(flag_value(command_of("curl -o /tmp/a url"), "-o") == "/tmp/a");
  CHECK(flag_value(command_of("curl url"), "-o") == std::nullopt);
  CHECK(flag_value(command_of("curl url -o"), "-o") == std::nullopt);
}

TEST_CASE("shell flags: the last value wins and -- ends options") {
  CHECK(flag_value(command_of("useradd -u 1000 -u 1001 app"), "-u") == "1001");
  CHECK(flag_value(command_of("cmd -- --name=x"), "--name") == std::nullopt);
  CHECK(flag_value(command_of("wget --output-document=f url"), "--output") == std::nullopt);
}

TEST_CASE("shell flags: positional arguments") {
  Command c = command_of("apt-get install -y --no-install-recommends curl wget=1.21 -");
  CHECK(values(positional_args(c, 2)) == std::vector<std::string>{"curl", "wget=1.21", "-"});
  CHECK(values(positional_args(c, 0)) ==
        std::vector<std::string>{"apt-get", "install", "curl", "wget=1.21", "-"});
  Command dashes = command_of("rm -f -- -weird name");
  CHECK(values(positional_args(dashes, 1)) == std::vector<std::string>{"-weird", "name"});
  CHECK(positional_args(c, 99).empty());
}

TEST_CASE("shell flags: the program name is the basename") {
  CHECK(program_name(command_of("/usr/bin/apt-get update")) == "apt-get");
  CHECK(program_name(command_of("pip3 install x")) == "pip3");
  CHECK(program_name(command_of("FOO=1")) == "");
  CHECK(program_name(command_of("\"/opt/my tool/run\" x")) == "run");
}
