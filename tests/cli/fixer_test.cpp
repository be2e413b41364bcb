// `check --fix` in rounds, over made-up rules: Shorten turns each "xx" into "x" (so "xxxx"
// needs two rounds), Grow inserts a "+" before "grow" every time (it never settles), Unsafe has
// only an unsafe fix, Abc and Bcd replace overlapping text, and Ignore renames "secret /" and
// adds a line to a .dockerignore in the context directory.
#include "cli/fixer.h"

#include <catch2/catch_test_macros.hpp>
#include <filesystem>
#include <fstream>
#include <random>

#include "support/check_helpers.h"

namespace dfls::cli {
namespace {

namespace fs = std::filesystem;
using test::make_test_rule;

Fix fix_of(std::string title, ByteRange range, std::string text) {
  Fix f;
  f.title = std::move(title);
  f.edits.push_back(TextEdit{range, std::move(text)});
  return f;
}

void each(RuleContext& ctx, std::string_view word, void (*attach)(RuleContext&, Diag&, size_t)) {
  for (size_t p = ctx.text().find(word); p != std::string::npos; p = ctx.text().find(word, p + word.size()))
    attach(ctx, ctx.report({p, p + word.size()}, "found " + std::string(word)), p);
}

void check_shorten(RuleContext& ctx) {
  each(ctx, "xx", [](RuleContext&, Diag& d, size_t p) { d.fixes.push_back(fix_of("Shorten", {p, p + 2}, "x")); });
}

void check_grow(RuleContext& ctx) {
  each(ctx, "grow", [](RuleContext&, Diag& d, size_t p) { d.fixes.push_back(fix_of("Grow", {p, p}, "+")); });
}

void check_unsafe(RuleContext& ctx) {
  each(ctx, "risky", [](RuleContext&, Diag& d, size_t p) {
    Fix fix = fix_of("Risky", {p, p + 5}, "done");
    fix.safe = false;
    d.fixes.push_back(fix);
  });
}

void check_abc(RuleContext& ctx) {
  each(ctx, "abc", [](RuleContext&, Diag& d, size_t p) { d.fixes.push_back(fix_of("X", {p, p + 3}, "X")); });
}

void check_bcd(RuleContext& ctx) {
  each(ctx, "bcd", [](RuleContext&, Diag& d, size_t p) { d.fixes.push_back(fix_of("Y", {p, p + 3}, "Y")); });
}

void check_ignore(RuleContext& ctx) {
  each(ctx, "secret /", [](RuleContext& c, Diag& d, size_t p) {
    Fix fix = fix_of("Ignore it", {p, p + 6}, "secret.txt");
    FileEdit fe;
    fe.path = *c.config.context_dir + "/.dockerignore";
    fe.create = true;
    fe.edits.push_back({{0, 0}, "secret\n"});
    fix.file_edits.push_back(fe);
    d.fixes.push_back(fix);
  });
}

const std::vector<Rule> kRules = {make_test_rule("Shorten", check_shorten), make_test_rule("Grow", check_grow),
                                  make_test_rule("Unsafe", check_unsafe),   make_test_rule("Abc", check_abc),
                                  make_test_rule("Bcd", check_bcd),         make_test_rule("Ignore", check_ignore)};

FixResult fix(std::string text, const Config& config = Config{}) {
  return apply_fixes("file:///work/Dockerfile", std::move(text), config, kRules);
}

TEST_CASE("safe fixes are applied in rounds until none is left") {
  FixResult r = fix("FROM alpine\nRUN echo xxxx xx\n");
  CHECK(r.text == "FROM alpine\nRUN echo x x\n");
  CHECK(r.applied == 4);
  CHECK(r.other_files.empty());
}

TEST_CASE("rounds stop after five, and unsafe fixes are not applied") {
  CHECK(fix("RUN grow risky\n").text == "RUN +++++grow risky\n");
  CHECK(apply_fixes("file:///Dockerfile", "RUN grow\n", Config{}, kRules, {.max_rounds = 2}).text == "RUN ++grow\n");
}

TEST_CASE("of two fixes whose edits overlap, the first finding's applies") {
  FixResult r = fix("RUN abcd\n");
  CHECK(r.text == "RUN Xd\n");
  CHECK(r.applied == 1);
}

TEST_CASE("edits of other files are collected once") {
  std::random_device rd;
  fs::path dir = fs::temp_directory_path() / ("dfls-fixer-" + std::to_string(rd()));
  fs::create_directories(dir);
  Config config;
  config.context_dir = dir.string();
  FixResult r = fix("COPY secret /s\nCOPY secret /t\n", config);
  CHECK(r.text == "COPY secret.txt /s\nCOPY secret.txt /t\n");
  REQUIRE(r.other_files.size() == 1);
  const ChangedFile& f = r.other_files.begin()->second;
  CHECK(r.other_files.begin()->first == (dir / ".dockerignore").string());
  CHECK_FALSE(f.existed);
  CHECK(f.original.empty());
  // Both findings' insertions land in the first round; later rounds leave the file alone.
  CHECK(f.text == "secret\nsecret\n");
  CHECK_FALSE(fs::exists(dir / ".dockerignore"));
  fs::remove_all(dir);
}

}  // namespace
}  // namespace dfls::cli
