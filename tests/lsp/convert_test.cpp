// convert: byte ranges and findings to LSP positions and diagnostics in each encoding.
#include "lsp/convert.h"

#include <catch2/catch_test_macros.hpp>

#include "support/annotations.h"

using dfls::Diag;
using dfls::Document;
using dfls::Encoding;
using dfls::LineIndex;
using dfls::test::Annotations;
namespace lsp = dfls::lsp;

namespace {

lsp::json as_json(const lsp::Range& r) { return r; }

}  // namespace

TEST_CASE("to_range counts UTF-16 units or bytes as negotiated") {
  // "😀" (U+1F600) is 2 UTF-16 units and 4 bytes.
  Annotations t("LABEL a=\"\xF0\x9F\x98\x80\" [[b]]");
  LineIndex lines(t.code());
  CHECK(as_json(lsp::to_range(lines, t.range(), Encoding::Utf16)) ==
        lsp::json::parse(R"({"start":{"line":0,"character":13},"end":{"line":0,"character":14}})"));
  CHECK(as_json(lsp::to_range(lines, t.range(), Encoding::Utf8)) ==
        lsp::json::parse(R"({"start":{"line":0,"character":15},"end":{"line":0,"character":16}})"));
}

TEST_CASE("to_byte_range clamps and orders the ends") {
  Annotations t("FROM a@eol^\nRUN b@eof^");
  LineIndex lines(t.code());
  lsp::Range reversed{{1, 99}, {0, 99}};
  auto r = lsp::to_byte_range(lines, reversed, Encoding::Utf16);
  CHECK(r.start == t.point("eol"));
  CHECK(r.end == t.point("eof"));
}

TEST_CASE("to_diagnostic fills every LSP field from a finding") {
  Annotations t("FROM a\n@m[[MAINTAINER me]]\n@rel[[FROM b]]\n");
  auto doc = Document::create("file:///w/Dockerfile", 4, t.code());
  Diag d;
  d.rule_id = "MaintainerDeprecated";
  d.severity = dfls::Severity::Info;
  d.range = t.range("m");
  d.message = "MAINTAINER is deprecated";
  d.tags = {dfls::DiagTag::Deprecated};
  d.related = {{t.range("rel"), "later stage"}};
  lsp::json j = lsp::to_diagnostic(d, *doc, Encoding::Utf16);
  CHECK(j == lsp::json::parse(R"({
    "range": {"start": {"line": 1, "character": 0}, "end": {"line": 1, "character": 13}},
    "severity": 3,
    "code": "MaintainerDeprecated",
    "codeDescription": {"href": "https://github.com/dockerfile-ls/dockerfile-ls/blob/main/docs/rules/MaintainerDeprecated.md"},
    "source": "dockerfile-ls",
    "message": "MAINTAINER is deprecated",
    "tags": [2],
    "relatedInformation": [{"location": {"uri": "file:///w/Dockerfile",
        "range": {"start": {"line": 2, "character": 0}, "end": {"line": 2, "character": 6}}},
        "message": "later stage"}]
  })"));
}

TEST_CASE("to_diagnostics keeps diagnostics sorted by position") {
  Annotations t("@a[[FROM a]]\n@b[[RUN b]]\n");
  auto doc = Document::create("file:///Dockerfile", 1, t.code());
  Diag first, second;
  first.range = t.range("a");
  second.range = t.range("b");
  auto out = lsp::to_diagnostics({second, first}, *doc, Encoding::Utf16);
  REQUIRE(out.size() == 2);
  CHECK(out[0].range.start.line == 0);
  CHECK(out[1].range.start.line == 1);
}

TEST_CASE("to_diagnostics sends at most kMaxDiagnostics, the most severe first, and says how many are left out") {
  std::string text;
  for (size_t i = 0; i < lsp::kMaxDiagnostics + 10; ++i) text += "RUN x\n";
  auto doc = Document::create("file:///Dockerfile", 1, text);
  std::vector<Diag> diags;
  for (size_t i = 0; i < lsp::kMaxDiagnostics + 10; ++i) {
    Diag d;
    d.rule_id = "Made";
    d.range = {i * 6, i * 6 + 3};
    // The last five lines hold errors; the rest are warnings.
    d.severity = i >= lsp::kMaxDiagnostics + 5 ? dfls::Severity::Error : dfls::Severity::Warning;
    diags.push_back(d);
  }
  auto out = lsp::to_diagnostics(diags, *doc, Encoding::Utf16);
  REQUIRE(out.size() == lsp::kMaxDiagnostics + 1);
  size_t errors = 0;
  for (const auto& d : out) errors += d.severity == 1;
  CHECK(errors == 5);
  CHECK(out.front().range.start.line == 0);
  bool noted = false;
  for (const auto& d : out)
    if (d.message.starts_with("10 more findings are not shown")) noted = d.severity == 3;
  CHECK(noted);
  for (size_t i = 1; i < out.size(); ++i) CHECK(out[i - 1].range.start.line <= out[i].range.start.line);
}

TEST_CASE("encode_semantic_tokens: relative positions in UTF-16 units") {
  auto doc = Document::create("file:///Dockerfile", 1, "FROM alpine\nLABEL a=\"\xF0\x9F\x90\xB3\" \\\n  b=1\n");
  auto data = lsp::encode_semantic_tokens(doc->lines(), dfls::semantic_tokens(*doc), Encoding::Utf16);
  std::vector<uint32_t> want = {
      0, 0, 4, 0,  0,  // FROM: keyword
      0, 5, 6, 8,  0,  // alpine: class
      1, 0, 5, 0,  0,  // LABEL: keyword
      0, 6, 1, 7,  0,  // a: property
      0, 1, 1, 4,  0,  // =: operator
      0, 1, 4, 2,  0,  // the quoted whale: two UTF-16 units and the quotes
      0, 5, 1, 10, 0,  // the escape: macro
      1, 2, 1, 7,  0,  // b: property
      0, 1, 1, 4,  0,  // =: operator
  };
  CHECK(data == want);
  CHECK(lsp::semantic_tokens_legend()["tokenTypes"].size() == dfls::kTokenTypeNames.size());
}
