// Semantic tokens on annotated snippets: every token is written as `@(type.modifier)[[...]]`, and
// the snippet's tokens must be exactly those. A check over the real-world corpus asserts what an
// LSP client relies on: sorted, non-overlapping, single-line tokens inside the text.
#include <catch2/catch_test_macros.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "features/semantic_tokens.h"
#include "support/annotations.h"
#include "support/documents.h"
#include "support/test_paths.h"

using namespace dfls;
using dfls::test::Annotations;
using dfls::test::describe_offset;
using dfls::test::describe_payloads;
using dfls::test::describe_range;
using dfls::test::make_document;

namespace {

std::string token_name(const SemanticToken& t) {
  std::string name(kTokenTypeNames[static_cast<size_t>(t.type)]);
  for (size_t bit = 0; bit < kTokenModifierNames.size(); ++bit)
    if (t.modifiers & (1u << bit)) name += "." + std::string(kTokenModifierNames[bit]);
  return name;
}

// Compares the tokens of the snippet with its `@(type.modifiers)[[...]]` markers, in order.
void check_tokens(std::string_view annotated) {
  Annotations t(annotated);
  auto doc = make_document(t.code());
  std::vector<std::string> got;
  for (const auto& tok : semantic_tokens(*doc)) got.push_back(describe_range(t.code(), token_name(tok), tok.range));
  CHECK(got == describe_payloads(t));
}

// What an LSP client needs: sorted, non-overlapping, non-empty, single-line tokens inside the text.
std::string token_problem(std::string_view text, const std::vector<SemanticToken>& tokens) {
  size_t previous_end = 0;
  for (const auto& t : tokens) {
    if (t.range.empty()) return "empty token at " + describe_offset(text, t.range.start);
    if (t.range.end > text.size()) return "token past the end of the text";
    if (t.range.start < previous_end)
      return "unsorted or overlapping token at " + describe_offset(text, t.range.start);
    if (text.substr(t.range.start, t.range.size()).find_first_of("\r\n") != std::string_view::npos)
      return "token across a line break at " + describe_offset(text, t.range.start);
    if (static_cast<size_t>(t.type) >= kTokenTypeNames.size()) return "token type outside the legend";
    if (t.modifiers >> kTokenModifierNames.size()) return "token modifier outside the legend";
    previous_end = t.range.end;
  }
  return {};
}

}  // namespace

TEST_CASE("semantic tokens: FROM with flags, image, stage name and stage references", "[semantic_tokens]") {
  check_tokens(R"(
@(keyword)[[FROM]] @(parameter)[[--platform]]@(operator)[[=]]@(variable.readonly)[[$BUILDPLATFORM]] @(class)[[golang]]:1.23 @(keyword)[[AS]] @(namespace.declaration)[[build]]
@(keyword)[[from]] @(namespace)[[build]] @(keyword)[[as]] @(namespace.declaration)[[test]]
@(keyword)[[FROM]] @(class)[[ghcr.io/acme/app]]@sha256:0123 @(keyword)[[AS]] @(namespace.declaration)[[final]]
@(keyword)[[COPY]] @(parameter)[[--from]]@(operator)[[=]]@(namespace)[[build]] /out /bin/
@(keyword)[[COPY]] @(parameter)[[--from]]@(operator)[[=]]@(namespace)[[0]] /out /bin/
@(keyword)[[COPY]] @(parameter)[[--from]]@(operator)[[=]]@(class)[[nginx:1.27]] /etc/nginx /etc/nginx
@(keyword)[[RUN]] @(parameter)[[--mount]]@(operator)[[=]]@(property)[[type]]@(operator)[[=]]cache,@(property)[[target]]@(operator)[[=]]/root,@(property)[[from]]@(operator)[[=]]@(namespace)[[test]] make
)");
}

TEST_CASE("semantic tokens: ARG and ENV declarations and references", "[semantic_tokens]") {
  check_tokens(R"(
@(keyword)[[ARG]] @(variable.declaration)[[VERSION]]@(operator)[[=]]1.0 @(variable.declaration)[[OTHER]]
@(keyword)[[FROM]] @(class)[[alpine]]:@(variable)[[${VERSION}]]
@(keyword)[[ARG]] @(variable.declaration.readonly)[[TARGETPLATFORM]]
@(keyword)[[ENV]] @(variable.declaration)[[PATH]]@(operator)[[=]]/app:@(variable)[[$PATH]]
@(keyword)[[ENV]] @(variable.declaration)[[MODE]] production
@(keyword)[[RUN]] echo @(variable)[[$MODE]] '$NOT_EXPANDED' @(variable.readonly)[[${TARGETPLATFORM}]]
)");
}

TEST_CASE("semantic tokens: expansion operators and their words", "[semantic_tokens]") {
  check_tokens(R"(
@(keyword)[[FROM]] @(class)[[alpine]]
@(keyword)[[ENV]] @(variable.declaration)[[A]]@(operator)[[=]]@(variable)[[${B]]@(operator)[[:-]]default@(variable)[[}]]
@(keyword)[[ENV]] @(variable.declaration)[[C]]@(operator)[[=]]@(variable)[[${A]]@(operator)[[:-]]@(variable)[[${B}]]@(variable)[[}]]
@(keyword)[[ENV]] @(variable.declaration)[[D]]@(operator)[[=]]@(variable)[[${A]]@(operator)[[/]]x@(operator)[[/]]y@(variable)[[}]]
)");
}

TEST_CASE("semantic tokens: comments, directives, strings and labels", "[semantic_tokens]") {
  check_tokens(R"(
@(macro)[[# syntax]]@(operator)[[=]]@(string)[[docker/dockerfile:1]]
@(comment)[[# A comment.]]
@(keyword)[[FROM]] @(class)[[alpine]]
@(keyword)[[LABEL]] @(property)[[org.opencontainers.image.title]]@(operator)[[=]]@(string)[["my app"]] @(property)[[b]]@(operator)[[=]]@(string)[['x']]
@(keyword)[[ENV]] @(variable.declaration)[[GREETING]]@(operator)[[=]]@(string)[["hello ]]@(variable)[[${NAME}]]@(string)[["]]
@(keyword)[[ONBUILD]] @(keyword)[[RUN]] echo @(variable)[[$HOME]]
@(keyword.deprecated)[[MAINTAINER]] someone
)");
}

TEST_CASE("semantic tokens: MAINTAINER is deprecated", "[semantic_tokens]") {
  check_tokens("@(keyword.deprecated)[[MAINTAINER]] me\n");
}

TEST_CASE("semantic tokens: EXPOSE ports, JSON form and HEALTHCHECK", "[semantic_tokens]") {
  check_tokens(R"(
@(keyword)[[FROM]] @(class)[[alpine]]
@(keyword)[[EXPOSE]] @(number)[[80]]/tcp @(number)[[8000-8010]] @(variable)[[$PORT]]
@(keyword)[[HEALTHCHECK]] @(parameter)[[--interval]]@(operator)[[=]]30s @(keyword)[[CMD]] [@(string)[["curl"]], @(string)[["-f"]]]
@(keyword)[[HEALTHCHECK]] @(keyword)[[NONE]]
@(keyword)[[ENTRYPOINT]] [@(string)[["/bin/app"]]]
@(keyword)[[CMD]] run --fast
)");
}

TEST_CASE("semantic tokens: continuations are cut per line", "[semantic_tokens]") {
  check_tokens(R"(
@(keyword)[[FROM]] @(class)[[alpine]]
@(keyword)[[RUN]] apk add @(variable)[[$PKG]] @(macro)[[\]]
    @(comment)[[# a comment inside the instruction]]

    curl
@(keyword)[[ENV]] @(variable.declaration)[[A]]@(operator)[[=]]@(string)[["x ]]@(macro)[[\]]
@(string)[[  y"]] @(variable.declaration)[[B]]@(operator)[[=]]c
@(keyword)[[CMD]] [@(string)[["a"]], @(macro)[[\]]
   @(string)[["b"]]]
)");
}

TEST_CASE("semantic tokens: CRLF line breaks are never part of a token", "[semantic_tokens]") {
  check_tokens("@(keyword)[[FROM]] @(class)[[alpine]]\r\n"
               "@(keyword)[[ENV]] @(variable.declaration)[[A]]@(operator)[[=]]@(string)[[\"x ]]@(macro)[[\\]]\r\n"
               "@(string)[[  y\"]]\r\n"
               "@(keyword)[[COPY]] @(operator)[[<<]]@(label)[[EOF]] /a\r\n"
               "@(string)[[body]]\r\n"
               "@(label)[[EOF]]\r\n");
}

TEST_CASE("semantic tokens: the backtick escape character", "[semantic_tokens]") {
  check_tokens(R"(
@(macro)[[# escape]]@(operator)[[=]]@(string)[[`]]
@(keyword)[[FROM]] @(class)[[mcr.microsoft.com/windows/servercore]]:ltsc2022
@(keyword)[[RUN]] dir c:\ @(macro)[[`]]
    @(comment)[[# inside]]
    && echo @(variable)[[$env]]
@(keyword)[[ENV]] @(variable.declaration)[[P]]@(operator)[[=]]@(string)[["C:\x ]]@(macro)[[`]]
@(string)[[  y"]]
)");
}

TEST_CASE("semantic tokens: heredocs", "[semantic_tokens]") {
  check_tokens(R"(
@(keyword)[[FROM]] @(class)[[alpine]]
@(keyword)[[COPY]] @(operator)[[<<]]@(label)[[EOF]] /etc/motd
  @(string)[[Welcome to ]]@(variable)[[$HOST]]@(string)[[, ]]@(variable)[[${USER}]]

@(string)[[not \$EXPANDED]]
@(label)[[EOF]]
@(keyword)[[COPY]] @(operator)[[<<]]@(label)[["EOF"]] /quoted
@(string)[[$LITERAL]]
@(label)[[EOF]]
@(keyword)[[RUN]] @(operator)[[<<]]@(label)[[SCRIPT]]
set -e
echo @(variable)[[$HOME]] done
@(label)[[SCRIPT]]
)");
}

TEST_CASE("semantic tokens: a range keeps the tokens that touch it", "[semantic_tokens]") {
  Annotations t(R"(
FROM alpine
[[RUN echo $A]]
COPY a b
)");
  auto doc = make_document(t.code());
  auto tokens = semantic_tokens(*doc, t.range());
  REQUIRE(tokens.size() == 2);
  CHECK(tokens[0].type == TokenType::Keyword);
  CHECK(tokens[1].type == TokenType::Variable);
  CHECK(semantic_tokens(*doc).size() == 5);
}

TEST_CASE("semantic tokens: a file with syntax errors still gets valid tokens", "[semantic_tokens]") {
  std::string text =
      "FROM alpine AS\n"
      "RUN echo ${\n"
      "COPY --from= /a /b\n"
      "ENV A=\"unterminated\n"
      "EXPOSE 80/\n"
      "RUN <<EOF\n"
      "never ends $X\n";
  auto doc = make_document(text);
  auto tokens = semantic_tokens(*doc);
  CHECK(token_problem(text, tokens).empty());
  CHECK(std::count_if(tokens.begin(), tokens.end(),
                      [](const SemanticToken& t) { return t.type == TokenType::Keyword; }) >= 5);
}

TEST_CASE("semantic tokens: every real-world Dockerfile gets valid tokens", "[semantic_tokens][corpus]") {
  auto dir = test::real_world_corpus_dir();
  if (dir.empty()) SKIP("the real-world corpus (../shared/corpus/real-world) is not present");
  size_t files = 0, tokens = 0;
  for (const auto& path : test::corpus_files(dir)) {
    auto doc = Document::create("file://" + path.string(), 1, test::read_file(path));
    auto found = semantic_tokens(*doc);
    INFO(path.filename().string());
    CHECK(token_problem(doc->text(), found) == "");
    ++files;
    tokens += found.size();
  }
  CHECK(files > 500);
  CHECK(tokens > files * 10);
}
