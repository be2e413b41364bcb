// The semantic model: stages, scopes, references, as BuildKit reads them.
#include <catch2/catch_test_macros.hpp>

#include "core/model/model.h"
#include "support/annotations.h"
#include "support/documents.h"

using namespace dfls;
using dfls::test::Annotations;
using dfls::test::make_document;

namespace {

const model::VarRef* ref_at(const model::Model& m, size_t offset) {
  for (const auto& r : m.refs)
    if (r.name_span.contains(offset)) return &r;
  return nullptr;
}

}  // namespace

TEST_CASE("stages get lowercase names, bases and parents") {
  auto doc = make_document(R"(ARG BASE=golang:1.23
FROM ${BASE} AS Builder
RUN go build -o /out/app
FROM builder AS test
FROM scratch
COPY --from=Builder /out/app /app
)");
  const auto& m = doc->model();
  REQUIRE(m.stages.size() == 3);
  CHECK(m.stages[0].name == "builder");
  CHECK(m.stages[0].original_name == "Builder");
  CHECK(m.stages[0].base_resolved == "golang:1.23");
  CHECK(m.stages[0].base.repository == "library/golang");
  CHECK(m.stages[1].parent == 0);
  CHECK(m.stages[2].parent == -1);
  CHECK(m.stages[2].name.empty());
  // The last stage is the target; builder is reached through COPY --from, test is not.
  CHECK(m.stages[0].reachable);
  CHECK_FALSE(m.stages[1].reachable);
  CHECK(m.stages[2].reachable);
}

TEST_CASE("COPY --from resolves names case-insensitively and numeric indexes") {
  Annotations t(R"(
FROM alpine AS build
FROM alpine
COPY --from=[[BUILD]] /a /a
COPY --from=[[0]] /b /b
COPY --from=nginx:latest /etc/nginx /etc/nginx
RUN --mount=type=cache,from=[[build]],target=/x true
)");
  auto doc = make_document(t.code());
  const auto& refs = doc->model().stage_refs;
  std::vector<ByteRange> resolved;
  for (const auto& r : refs)
    if (r.target == 0) resolved.push_back(r.span);
  CHECK(resolved == t.ranges());
  bool image_ref_found = false;
  for (const auto& r : refs)
    if (r.text == "nginx:latest") image_ref_found = r.target == -1;
  CHECK(image_ref_found);
}

TEST_CASE("a reference to a later stage is marked forward") {
  auto doc = make_document("FROM alpine AS a\nCOPY --from=b /x /x\nFROM alpine AS b\n");
  const auto& refs = doc->model().stage_refs;
  REQUIRE(refs.size() == 1);
  CHECK(refs[0].target == 1);
  CHECK(refs[0].forward);
}

TEST_CASE("variables resolve to the declaration in effect") {
  Annotations t(R"(
ARG @global[[VERSION]]=1
FROM alpine:${VER^SION}
ARG @stage[[VERSION]]
RUN echo $VERSION
ENV @env[[VERSION]]=2
LABEL v=${VERS@after^ION}
)");
  auto doc = make_document(t.code());
  const auto& m = doc->model();
  const auto* in_from = ref_at(m, t.point());
  REQUIRE(in_from);
  REQUIRE(in_from->decl >= 0);
  CHECK(m.decls[in_from->decl].name_span == t.range("global"));
  CHECK(m.decls[in_from->decl].kind == model::VarKind::GlobalArg);
  const auto* after = ref_at(m, t.point("after"));
  REQUIRE(after);
  CHECK(m.decls[after->decl].name_span == t.range("env"));
}

TEST_CASE("stage ARG without default takes the global value") {
  auto doc = make_document("ARG V=3.19\nFROM alpine:$V\nARG V\nENV W=$V\n");
  const auto& m = doc->model();
  const model::VarDecl* w = nullptr;
  for (const auto& d : m.decls)
    if (d.name == "W") w = &d;
  REQUIRE(w);
  REQUIRE(w->value);
  CHECK(*w->value == "3.19");
}

TEST_CASE("a global ARG is not visible in a stage without redeclaration") {
  Annotations t("ARG V=1\nFROM alpine\nLABEL v=$^V\n");
  auto doc = make_document(t.code());
  const auto* r = ref_at(doc->model(), t.point());
  REQUIRE(r);
  CHECK(r->decl == -1);
}

TEST_CASE("platform ARGs apply in FROM lines, proxies everywhere") {
  Annotations t("FROM --platform=$BUILD^PLATFORM alpine\nRUN --mount=type=cache,target=/$HTTP_PRO@p^XY true\nLABEL a=$TARGET@t^ARCH\n");
  auto doc = make_document(t.code());
  const auto& m = doc->model();
  const auto* platform = ref_at(m, t.point());
  REQUIRE(platform);
  CHECK(platform->decl >= 0);
  const auto* proxy = ref_at(m, t.point("p"));
  REQUIRE(proxy);
  CHECK(proxy->decl >= 0);
  const auto* target_arch = ref_at(m, t.point("t"));
  REQUIRE(target_arch);
  CHECK(target_arch->decl == -1);
}

TEST_CASE("ENV values expand against the environment before the instruction") {
  auto doc = make_document("FROM alpine\nENV a=hello\nENV a=bye b=$a\n");
  const auto& m = doc->model();
  std::string b;
  for (const auto& d : m.decls)
    if (d.name == "b" && d.value) b = *d.value;
  CHECK(b == "hello");
}

TEST_CASE("parser directives and the escape character") {
  auto doc = make_document("# syntax=docker/dockerfile:1\n# escape=`\nFROM alpine\n");
  const auto& m = doc->model();
  REQUIRE(m.directive("syntax"));
  CHECK(m.directive("syntax")->value == "docker/dockerfile:1");
  CHECK(m.escape == '`');
}

TEST_CASE("instructions expose flags, mount options, exec form and heredocs") {
  auto doc = make_document(
      "FROM alpine\n"
      "RUN --mount=type=cache,target=/root/.npm,sharing=locked --network=none npm ci\n"
      "CMD [\"node\", \"server.js\"]\n"
      "ENTRYPOINT ['bad']\n"
      "COPY <<EOF /etc/x\nhello\nEOF\n");
  const auto& ins = doc->model().instructions;
  REQUIRE(ins.size() == 5);
  const auto* mount = ins[1].flag("mount");
  REQUIRE(mount);
  REQUIRE(mount->mount_options.size() == 3);
  CHECK(mount->option({"target", "dst"})->value == "/root/.npm");
  CHECK(ins[1].flag("network")->value == "none");
  CHECK(ins[2].json_form);
  REQUIRE(ins[2].json_args.size() == 2);
  CHECK(ins[2].json_args[1].text == "server.js");
  CHECK_FALSE(ins[3].json_form);
  CHECK(ins[3].json_like_shell);
  REQUIRE(ins[4].heredocs.size() == 1);
  CHECK(ins[4].heredocs[0].delimiter == "EOF");
  CHECK(ins[4].heredocs[0].terminated);
  CHECK(doc->text().substr(ins[4].heredocs[0].body_span.start, 6) == "hello\n");
}
