// Tests of the helpers for RUN analysis (rules/shell_helpers.h): scripts of a RUN with heredoc
// bodies, wrappers, tools and their verbs, operands and options, stage shells, cache mounts and
// the edit appending a command.
#include <catch2/catch_test_macros.hpp>

#include "core/document.h"
#include "core/model/model.h"
#include "rules/shell_helpers.h"

namespace dfls {
namespace {

using namespace shell_rules;

std::shared_ptr<const Document> doc_of(std::string text) {
  return Document::create("file:///test/Dockerfile", 0, std::move(text));
}

const model::Instruction& run_at(const Document& doc, size_t n) {
  size_t seen = 0;
  for (const model::Instruction& ins : doc.model().instructions)
    if (ins.kind == model::Kind::Run && seen++ == n) return ins;
  FAIL("no RUN number " << n);
  return doc.model().instructions.front();
}

std::vector<std::string> names(const RunScripts& run) {
  std::vector<std::string> out;
  for (const RunCommand& c : run.commands) out.push_back(c.name());
  return out;
}

TEST_CASE("shell helpers: the commands of a RUN, heredoc scripts included", "[hadolint][shell_helpers]") {
  auto doc = doc_of(
      "FROM debian\n"
      "RUN sudo -u app env A=1 make && (cd src && ./build) \\\n"
      "    && echo \"$(uname -m)\"\n"
      "RUN <<EOF\napt-get update\nEOF\n"
      "RUN bash -e <<EOF\nmake\nEOF\n"
      "RUN cat <<EOF > /x\nnot-a-command\nEOF\n"
      "RUN <<EOF\n#!/usr/bin/env python3\nprint(1)\nEOF\n"
      "RUN [\"make\", \"all\"]\n");
  const RunScripts& line = run_scripts(*doc, run_at(*doc, 0));
  REQUIRE(line.analysed);
  CHECK(names(line) == std::vector<std::string>{"make", "cd", "build", "echo", "uname"});
  CHECK(line.commands[0].program == 5);  // sudo -u app env A=1 make
  const shell::Word* uname = line.commands[4].arg(0);
  REQUIRE(uname);
  CHECK(doc->text().substr(uname->start, 5) == "uname");

  const RunScripts& direct = run_scripts(*doc, run_at(*doc, 1));
  CHECK(names(direct) == std::vector<std::string>{"", "apt-get"});
  REQUIRE(direct.bodies.size() == 1);
  CHECK(direct.body_direct == std::vector<bool>{true});
  CHECK(direct.commands[1].heredoc);
  CHECK(doc->text().substr(direct.commands[1].cmd->start, 7) == "apt-get");

  const RunScripts& bash = run_scripts(*doc, run_at(*doc, 2));
  CHECK(names(bash) == std::vector<std::string>{"bash", "make"});
  CHECK(bash.body_direct == std::vector<bool>{false});
  CHECK(names(run_scripts(*doc, run_at(*doc, 3))) == std::vector<std::string>{"cat"});
  CHECK(names(run_scripts(*doc, run_at(*doc, 4))) == std::vector<std::string>{""});
  CHECK_FALSE(run_scripts(*doc, run_at(*doc, 5)).analysed);
}

TEST_CASE("shell helpers: stage shells", "[hadolint][shell_helpers]") {
  auto doc = doc_of(
      "FROM debian AS a\nRUN x\nSHELL [\"/bin/bash\", \"-euo\", \"pipefail\", \"-c\"]\nRUN y\n"
      "FROM a\nRUN z\nFROM windows\nSHELL [\"powershell\", \"-Command\"]\nRUN w\n");
  const model::Model& m = doc->model();
  StageShell first = stage_shell(m, run_at(*doc, 0));
  CHECK(first.name() == "sh");
  CHECK(first.instruction == -1);
  CHECK_FALSE(first.pipefail());
  StageShell second = stage_shell(m, run_at(*doc, 1));
  CHECK(second.name() == "bash");
  CHECK(second.pipefail());
  CHECK(stage_shell(m, run_at(*doc, 2)).pipefail());  // Inherited through FROM a.
  auto win = doc_of("FROM mcr.microsoft.com/dotnet/runtime:8.0-nanoserver-1809\nRUN echo %PATH% | findstr x\n");
  CHECK(stage_shell(win->model(), run_at(*win, 0)).name() == "cmd");
  CHECK_FALSE(run_scripts(*win, run_at(*win, 0)).analysed);
  StageShell ps = stage_shell(m, run_at(*doc, 3));
  CHECK_FALSE(ps.posix());
  CHECK_FALSE(run_scripts(*doc, run_at(*doc, 3)).analysed);
}

TEST_CASE("shell helpers: tools, verbs, operands and options", "[hadolint][shell_helpers]") {
  auto doc = doc_of(
      "FROM python\n"
      "RUN pip3 --proxy http://p:3128 install -r req.txt flask && python3.12 -m pip install x "
      "&& apt-get -o A=B -qy install --no-install-recommends curl && yarn --frozen-lockfile && pip -- install\n");
  const RunScripts& run = run_scripts(*doc, run_at(*doc, 0));
  auto pips = tool_commands(run, "pip", {"install"});
  REQUIRE(pips.size() == 2);
  CHECK(pips[0].cmd().args[pips[0].verb].value == "install");
  CHECK(doc->text().substr(pips[1].range().start, pips[1].range().size()) == "python3.12 -m pip install");
  auto ops = operands(pips[0].cmd(), pips[0].verb + 1, {"-r"});
  REQUIRE(ops.size() == 1);
  CHECK(ops[0]->value == "flask");
  auto apt = tool_commands(run, "apt-get", {"install"});
  REQUIRE(apt.size() == 1);
  CHECK(has_option(apt[0].cmd(), 1, {"-y"}));
  CHECK(has_option(apt[0].cmd(), 1, {"--no-install-recommends"}));
  CHECK_FALSE(has_option(apt[0].cmd(), 1, {"-x"}));
  CHECK(option_value(apt[0].cmd(), 1, "-o") == "A=B");
  CHECK(tool_commands(run, "yarn", {"install"}).empty());
  CHECK(tool_commands(run, "yarn", {"install", ""}).size() == 1);
}

TEST_CASE("shell helpers: cache mounts", "[hadolint][shell_helpers]") {
  auto doc = doc_of(
      "FROM debian\nRUN --mount=type=cache,target=/var/lib/apt/ --mount=type=tmpfs,dst=/tmp "
      "--mount=type=bind,target=/src --mount=type=cache,id=x,destination=\"/root/.cache\" true\n");
  std::vector<std::string> targets = cache_mount_targets(run_at(*doc, 0));
  CHECK(targets == std::vector<std::string>{"/var/lib/apt", "/tmp", "/root/.cache"});
  CHECK(covers(targets, "/var/lib/apt/lists"));
  CHECK(covers(targets, "/root/.cache"));
  CHECK_FALSE(covers(targets, "/var/lib/aptitude"));
  CHECK_FALSE(covers(targets, "/src"));
}

TEST_CASE("shell helpers: appending a command", "[hadolint][shell_helpers]") {
  auto check = [](std::string text, std::optional<std::string> after) {
    auto doc = doc_of(text);
    const RunScripts& run = run_scripts(*doc, run_at(*doc, 0));
    auto edit = append_command(*doc, run, "cleanup");
    REQUIRE(edit.has_value() == after.has_value());
    if (!edit) return;
    text.replace(edit->range.start, edit->range.size(), edit->new_text);
    CHECK(text == *after);
  };
  check("FROM a\nRUN a && \\\n  b\n", "FROM a\nRUN a && \\\n  b && cleanup\n");
  check("FROM a\nRUN a; b > /log 2>&1\n", "FROM a\nRUN a; b > /log 2>&1 && cleanup\n");
  check("FROM a\nRUN a &\n", std::nullopt);
  check("FROM a\nRUN (a && b)\n", std::nullopt);
  check("FROM a\nRUN if a; then b; fi\n", std::nullopt);
  check("FROM a\nRUN a <<EOF\nx\nEOF\n", std::nullopt);
}

TEST_CASE("shell helpers: names", "[hadolint][shell_helpers]") {
  CHECK(basename("/usr/bin/pip3") == "pip3");
  CHECK(basename("C:\\tools\\pwsh.exe") == "pwsh");
  CHECK(is_archive_name("app.tar.gz"));
  CHECK(is_archive_name("x.tgz"));
  CHECK_FALSE(is_archive_name("site.zip"));
  CHECK_FALSE(is_archive_name(".tar"));
  CHECK(is_remote_source("https://x/y"));
  CHECK(is_remote_source("git@github.com:o/r.git"));
  CHECK_FALSE(is_remote_source("./local"));
}

}  // namespace
}  // namespace dfls
