// Formatting: each case gives a text and what it formats to, and checks that formatting the result
// again gives no edits and that the build would see the same instructions. The corpus check
// formats every real-world Dockerfile and asserts that the result parses no worse, means the same
// and is stable.
#include <catch2/catch_test_macros.hpp>

#include <string>

#include "core/model/model.h"
#include "core/shell/shell.h"
#include "core/text_edit.h"
#include "features/formatting.h"
#include "support/annotations.h"
#include "support/documents.h"
#include "support/test_paths.h"
#include "syntax/tree.h"

using namespace dfls;
using dfls::test::Annotations;
using dfls::test::make_document;

namespace {

std::string formatted(std::string_view text, const FormatOptions& options = {}) {
  auto doc = make_document(text);
  return apply_edits(text, format_document(*doc, options));
}

// What a build sees of each instruction, whitespace between words aside: flags, exec-form
// arguments, pairs, heredoc bodies, the words of shell-form commands as a POSIX shell splits them,
// and the raw arguments of everything else.
std::vector<std::string> meaning(const Document& doc) {
  std::string_view text = doc.text();
  const model::Model& m = doc.model();
  std::vector<std::string> out;
  for (const auto& ins : m.instructions) {
    std::string s(model::kind_keyword(ins.kind));
    for (const auto& f : ins.flags) s += " --" + f.name + "=" + f.value.value_or("");
    for (const auto& w : ins.json_args) s += " [" + w.text + "]";
    for (const auto& kv : ins.pairs) s += " " + kv.key + "=" + kv.value;
    for (const auto& h : ins.heredocs)
      s += " <<" + h.delimiter + ":" + std::string(text.substr(h.body_span.start, h.body_span.size()));
    using model::Kind;
    bool shell = !ins.json_form && (ins.kind == Kind::Run || ins.kind == Kind::Cmd ||
                                    ins.kind == Kind::Entrypoint || ins.kind == Kind::Healthcheck);
    if (shell) {
      // BuildKit trims the logical line; HEALTHCHECK's CMD is a keyword, not part of the command.
      std::string_view command = ins.args_text(text);
      if (syntax::Node type = ins.node.field("type"))
        command = text.substr(type.end(), ins.args_span.end - type.end());
      while (!command.empty() && (command.back() == ' ' || command.back() == '\t')) command.remove_suffix(1);
      for (const auto& c : shell::split(command, 0, m.escape).commands) {
        for (const auto& w : c.assignments) s += " " + w.value;
        for (const auto& w : c.args) s += " " + w.value;
        for (const auto& r : c.redirects) s += " " + r.op + r.target.value;
        s += " " + c.separator_after;
      }
    } else if (ins.pairs.empty()) {
      for (const auto& w : ins.args) s += " {" + w.text + "}";
    }
    out.push_back(std::move(s));
  }
  return out;
}

// Formats before, compares with after, and checks that after means the same and is left as it is.
void check_format(std::string_view before, std::string_view after, const FormatOptions& options = {}) {
  CHECK(formatted(before, options) == after);
  auto again = make_document(after);
  CHECK(meaning(*again) == meaning(*make_document(before)));
  CHECK(format_document(*again, options).empty());
}

size_t problems(const Document& doc) {
  size_t count = 0;
  syntax::walk(doc.root(), [&](syntax::Node n) {
    if (n.error() || n.missing()) ++count;
    return true;
  });
  return count;
}

}  // namespace

TEST_CASE("formatting: instruction and comment lines lose their indentation", "[formatting]") {
  check_format("  FROM alpine  \n\t# comment\n   \n\tRUN echo hi\t\n",
               "FROM alpine\n# comment\n\nRUN echo hi\n");
  check_format("   # syntax=docker/dockerfile:1\nFROM alpine\n", "# syntax=docker/dockerfile:1\nFROM alpine\n");
  check_format("\xEF\xBB\xBF  FROM alpine  \n", "\xEF\xBB\xBF" "FROM alpine\n");
}

TEST_CASE("formatting: continuation lines get at least one unit and keep deeper nesting", "[formatting]") {
  check_format("FROM alpine\n"
               "RUN apk update && \\\n"
               "  apk add \\\n"
               "        curl \\\n"
               "\tgit\n",
               "FROM alpine\n"
               "RUN apk update && \\\n"
               "    apk add \\\n"
               "        curl \\\n"
               "    git\n");
  check_format("FROM alpine\nRUN a \\\nb \\\n  c\n", "FROM alpine\nRUN a \\\n    b \\\n    c\n");
}

TEST_CASE("formatting: CRLF line breaks stay", "[formatting]") {
  check_format("FROM alpine \r\nRUN a \\\r\n  b  \r\n  \r\n", "FROM alpine\r\nRUN a \\\r\n    b\r\n\r\n");
}

TEST_CASE("formatting: tabs when the options say so", "[formatting]") {
  FormatOptions tabs;
  tabs.insert_spaces = false;
  tabs.tab_size = 4;
  check_format("FROM alpine\nRUN a \\\n    b \\\n      c \\\n  d\n", "FROM alpine\nRUN a \\\n\tb \\\n\t  c \\\n\td\n",
               tabs);
  FormatOptions two;
  two.tab_size = 2;
  check_format("FROM alpine\nRUN a \\\nb \\\n\tc\n", "FROM alpine\nRUN a \\\n  b \\\n  c\n", two);
}

TEST_CASE("formatting: comment and blank lines inside a continued instruction", "[formatting]") {
  check_format("FROM alpine\nRUN a \\\n# note  \n   \n b\n", "FROM alpine\nRUN a \\\n    # note\n\n    b\n");
}

TEST_CASE("formatting: indentation that is part of a value or joins a word stays", "[formatting]") {
  // The escape character joins `foo` and `bar` into one word.
  check_format("FROM alpine\nRUN echo foo\\\nbar\n", "FROM alpine\nRUN echo foo\\\nbar\n");
  // Inside quotes the indentation is part of the string.
  check_format("FROM alpine\nENV A=\"x \\\n  y\" B=1\n", "FROM alpine\nENV A=\"x \\\n  y\" B=1\n");
  check_format("FROM alpine\nRUN echo 'a \\\n  b' \\\n  c\n", "FROM alpine\nRUN echo 'a \\\n  b' \\\n    c\n");
  check_format("FROM alpine\nCMD [\"a \\\n  b\", \\\n  \"c\"]\n", "FROM alpine\nCMD [\"a \\\n  b\", \\\n    \"c\"]\n");
  // Legacy ENV and LABEL values and WORKDIR keep their whitespace.
  check_format("FROM alpine\nENV A hello \\\n  world\n", "FROM alpine\nENV A hello \\\n  world\n");
  check_format("FROM alpine\nLABEL a b \\\n  c\n", "FROM alpine\nLABEL a b \\\n  c\n");
  check_format("FROM alpine\nWORKDIR /a \\\n  b\n", "FROM alpine\nWORKDIR /a \\\n  b\n");
  // The separator between a legacy key and its value may change.
  check_format("FROM alpine\nENV A \\\n  hello\n", "FROM alpine\nENV A \\\n    hello\n");
}

TEST_CASE("formatting: heredoc bodies and terminators are never touched", "[formatting]") {
  check_format("FROM alpine\n"
               "RUN <<EOF  \n"
               "   indented   \n"
               "\ttab\n"
               "   \n"
               "EOF\n"
               "COPY <<-EOT /x\n"
               "\tkeep  \n"
               "\tEOT\n"
               "  RUN true\n",
               "FROM alpine\n"
               "RUN <<EOF\n"
               "   indented   \n"
               "\ttab\n"
               "   \n"
               "EOF\n"
               "COPY <<-EOT /x\n"
               "\tkeep  \n"
               "\tEOT\n"
               "RUN true\n");
}

TEST_CASE("formatting: files with the backtick escape character", "[formatting]") {
  // RUN in a Windows stage runs cmd, which keeps whitespace: only COPY is re-indented.
  check_format("# escape=`\n"
               "FROM mcr.microsoft.com/windows/servercore:ltsc2022\n"
               "RUN dir `\n"
               "  c:\\ \n"
               "COPY a `\n"
               "  b c:\\app\\\n",
               "# escape=`\n"
               "FROM mcr.microsoft.com/windows/servercore:ltsc2022\n"
               "RUN dir `\n"
               "  c:\\\n"
               "COPY a `\n"
               "    b c:\\app\\\n");
  check_format("# escape=`\nFROM alpine\nRUN echo a `\n b\n", "# escape=`\nFROM alpine\nRUN echo a `\n    b\n");
}

TEST_CASE("formatting: ONBUILD and its instruction", "[formatting]") {
  check_format("FROM alpine\nONBUILD    RUN make \\\n  install\n", "FROM alpine\nONBUILD RUN make \\\n    install\n");
  check_format("FROM alpine\nONBUILD \\\nCOPY . /src\n", "FROM alpine\nONBUILD \\\n    COPY . /src\n");
}

TEST_CASE("formatting: keyword case changes only when asked", "[formatting]") {
  check_format("from alpine as build\nrun make\n", "from alpine as build\nrun make\n");
  FormatOptions upper;
  upper.keyword_case = KeywordCase::Upper;
  check_format("from alpine as build\nonbuild run make\nhealthcheck cmd true\nFrob x\n",
               "FROM alpine AS build\nONBUILD RUN make\nHEALTHCHECK CMD true\nFrob x\n", upper);
  FormatOptions lower;
  lower.keyword_case = KeywordCase::Lower;
  check_format("FROM alpine AS build\n  RUN make\n", "from alpine as build\nrun make\n", lower);
}

TEST_CASE("formatting: final newlines", "[formatting]") {
  FormatOptions options;
  options.insert_final_newline = true;
  check_format("FROM alpine\nRUN true  ", "FROM alpine\nRUN true\n", options);
  check_format("FROM alpine\r\nRUN true", "FROM alpine\r\nRUN true\r\n", options);
  check_format("FROM alpine\n  ", "FROM alpine\n", options);
  options.trim_final_newlines = true;
  check_format("FROM alpine\n\n  \n\n", "FROM alpine\n", options);
  check_format("FROM alpine\nRUN <<EOF\nx\nEOF\n\n\n", "FROM alpine\nRUN <<EOF\nx\nEOF\n", options);
  check_format("FROM alpine\n\n", "FROM alpine\n\n");
}

TEST_CASE("formatting: edits are small and never overlap", "[formatting]") {
  std::string text = "FROM alpine\n  RUN apk add \\\n  curl   \nCOPY a b\n";
  auto doc = make_document(text);
  auto edits = format_document(*doc, {});
  REQUIRE(edits.size() == 3);
  CHECK(edits[0] == TextEdit{{12, 14}, ""});
  CHECK(edits[1] == TextEdit{{30, 30}, "  "});
  CHECK(edits[2] == TextEdit{{34, 37}, ""});
  CHECK_FALSE(edits_conflict(edits, text.size()));
}

TEST_CASE("formatting: a range formats only the lines it touches", "[formatting]") {
  Annotations t("  FROM alpine\n[[  RUN a \\\nb\n]]  COPY a b\n");
  auto doc = make_document(t.code());
  auto edits = format_range(*doc, t.range(), {});
  CHECK(apply_edits(t.code(), edits) == "  FROM alpine\nRUN a \\\n    b\n  COPY a b\n");
}

TEST_CASE("formatting: lines inside syntax errors are left alone", "[formatting]") {
  std::string text = "FROM alpine\n  RUN echo ${  \n  COPY a b  \n";
  auto doc = make_document(text);
  std::string out = apply_edits(text, format_document(*doc, {}));
  auto after = make_document(out);
  CHECK(problems(*after) <= problems(*doc));
  CHECK(format_document(*after, {}).empty());
}

TEST_CASE("formatting: ignoreMultilineInstructions leaves continuation indentation", "[formatting]") {
  FormatOptions options;
  options.ignore_multiline_instructions = true;
  check_format("FROM alpine\nRUN a \\\n  b  \n", "FROM alpine\nRUN a \\\n  b\n", options);
}

TEST_CASE("formatting: every real-world Dockerfile formats stably without new errors", "[formatting][corpus]") {
  auto dir = test::real_world_corpus_dir();
  if (dir.empty()) SKIP("the real-world corpus (../shared/corpus/real-world) is not present");
  size_t files = 0, changed = 0;
  for (const auto& path : test::corpus_files(dir)) {
    std::string text = test::read_file(path);
    auto doc = Document::create("file://" + path.string(), 1, text);
    auto edits = format_document(*doc, {});
    INFO(path.filename().string());
    REQUIRE_FALSE(edits_conflict(edits, text.size()));
    std::string out = apply_edits(text, edits);
    auto after = Document::create("file://" + path.string(), 2, out);
    CHECK(problems(*after) <= problems(*doc));
    CHECK(meaning(*after) == meaning(*doc));
    CHECK(format_document(*after, {}).empty());
    ++files;
    if (!edits.empty()) ++changed;
  }
  CHECK(files > 500);
  CHECK(changed > 0);
}
