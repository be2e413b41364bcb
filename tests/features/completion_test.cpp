// Completion on annotated snippets (`^` is the cursor): one case per context of the issue, with
// half-typed input (ERROR nodes in the tree) and continuation lines.
#include <catch2/catch_test_macros.hpp>

#include <algorithm>

#include "features/completion.h"
#include "support/annotations.h"
#include "support/documents.h"

using namespace dfls;
using dfls::test::Annotations;
using dfls::test::make_document;

namespace {

CompletionList complete_at(const Annotations& t, bool snippets = false, size_t max_items = 200) {
  auto doc = make_document(t.code());
  CompletionOptions options;
  options.snippets = snippets;
  options.max_items = max_items;
  return complete(*doc, t.point(), options);
}

CompletionList complete_at(std::string_view annotated) { return complete_at(Annotations(annotated)); }

const CompletionItem* item(const CompletionList& list, std::string_view label) {
  for (const auto& i : list.items)
    if (i.label == label) return &i;
  return nullptr;
}

bool has(const CompletionList& list, std::string_view label) { return item(list, label) != nullptr; }

std::vector<std::string> labels(const CompletionList& list) {
  std::vector<std::string> out;
  for (const auto& i : list.items) out.push_back(i.label);
  return out;
}

// Items in the order an editor shows them (sort_text).
std::string first_label(const CompletionList& list) {
  return list.items.empty() ? std::string() : list.items.front().label;
}

}  // namespace

TEST_CASE("completion: keywords on an empty line", "[completion]") {
  Annotations t("FROM alpine\n^");
  auto list = complete_at(t);
  CHECK(list.items.size() == 18);
  const auto* run = item(list, "RUN");
  REQUIRE(run);
  CHECK(run->replace == ByteRange{t.point(), t.point()});
  CHECK(run->insert_text == "RUN ");
  CHECK_FALSE(run->snippet);
  CHECK(item(list, "MAINTAINER")->deprecated);
  CHECK(item(list, "FROM")->retrigger);
  CHECK(completion_documentation(run->documentation_key));
}

TEST_CASE("completion: a keyword prefix is replaced exactly", "[completion]") {
  Annotations t("FROM alpine\n[[CO^]]");
  auto list = complete_at(t);
  REQUIRE(item(list, "COPY"));
  CHECK(item(list, "COPY")->replace == t.range());
}

TEST_CASE("completion: only FROM and ARG before the first FROM", "[completion]") {
  CHECK(labels(complete_at("^")) == std::vector<std::string>{"FROM", "ARG"});
  CHECK(labels(complete_at("ARG V=1\n^\n")) == std::vector<std::string>{"FROM", "ARG"});
}

TEST_CASE("completion: keywords follow the file's casing", "[completion]") {
  auto list = complete_at("from alpine\nrun true\n^");
  CHECK(has(list, "run"));
  CHECK_FALSE(has(list, "RUN"));
}

TEST_CASE("completion: snippets only when the client supports them", "[completion]") {
  Annotations t("FROM alpine\n^");
  auto plain = complete_at(t, false);
  auto snippets = complete_at(t, true);
  CHECK(item(plain, "COPY")->insert_text == "COPY ");
  CHECK(item(snippets, "COPY")->insert_text == "COPY ${1:src} ${2:dest}");
  CHECK(item(snippets, "COPY")->snippet);
  CHECK_FALSE(item(snippets, "FROM")->snippet);
  CHECK(item(snippets, "HEALTHCHECK")->insert_text.find("CMD ${5:command}") != std::string::npos);
}

TEST_CASE("completion: ONBUILD triggers", "[completion]") {
  auto list = complete_at("FROM alpine\nONBUILD ^");
  CHECK(has(list, "RUN"));
  CHECK(has(list, "COPY"));
  CHECK_FALSE(has(list, "FROM"));
  CHECK_FALSE(has(list, "ONBUILD"));
  CHECK_FALSE(has(list, "MAINTAINER"));
  CHECK(has(complete_at("FROM alpine\nONBUILD COPY --^"), "--from"));
}

TEST_CASE("completion: parser directives", "[completion]") {
  CHECK(labels(complete_at("# ^\nFROM alpine")) == std::vector<std::string>{"syntax", "escape", "check"});
  CHECK(labels(complete_at("# syntax=docker/dockerfile:1\n# ^\nFROM alpine")) ==
        std::vector<std::string>{"escape", "check"});
  CHECK(has(complete_at("# syntax=^\nFROM alpine"), "docker/dockerfile:1"));
  CHECK(labels(complete_at("# escape=^\nFROM alpine")) == std::vector<std::string>{"\\", "`"});
  CHECK(labels(complete_at("# check=^")) == std::vector<std::string>{"skip", "error", "experimental"});
  CHECK(labels(complete_at("# check=error=^")) == std::vector<std::string>{"true", "false"});
  CHECK(labels(complete_at("# check=skip=all;^")) == std::vector<std::string>{"error", "experimental"});
  auto skip = complete_at("# check=skip=^");
  CHECK(has(skip, "all"));
  CHECK(has(skip, "SyntaxError"));
  CHECK_FALSE(has(complete_at("# check=skip=SyntaxError,^"), "SyntaxError"));
  // Not a directive position: below an instruction, or below a plain comment.
  CHECK(complete_at("FROM alpine\n# ^").items.empty());
  CHECK(complete_at("# hello\n# ^").items.empty());
}

TEST_CASE("completion: every BuildKit flag of each instruction", "[completion]") {
  struct Case {
    const char* code;
    std::vector<std::string> flags;
  };
  const Case cases[] = {
      {"FROM alpine\nRUN --^", {"--mount", "--network", "--security", "--device"}},
      {"FROM alpine\nCOPY --^", {"--from", "--chown", "--chmod", "--link", "--parents", "--exclude"}},
      {"FROM alpine\nADD --^",
       {"--checksum", "--chown", "--chmod", "--link", "--exclude", "--keep-git-dir", "--unpack"}},
      {"FROM --^", {"--platform"}},
      {"FROM alpine\nHEALTHCHECK --^",
       {"--interval", "--timeout", "--start-period", "--start-interval", "--retries"}},
  };
  for (const auto& c : cases) {
    INFO(c.code);
    CHECK(labels(complete_at(c.code)) == c.flags);
  }
  auto list = complete_at("FROM alpine\nRUN --^");
  CHECK(item(list, "--mount")->insert_text == "--mount=");
  CHECK(item(list, "--mount")->retrigger);
  CHECK(item(complete_at("FROM alpine\nCOPY --^"), "--link")->insert_text == "--link");
  CHECK(completion_documentation(item(list, "--network")->documentation_key));
}

TEST_CASE("completion: flags already present are not offered again unless they repeat", "[completion]") {
  auto copy = complete_at("FROM alpine\nCOPY --link --exclude=*.md --^ a b");
  CHECK_FALSE(has(copy, "--link"));
  CHECK(has(copy, "--exclude"));
  auto run = complete_at("FROM alpine\nRUN --mount=type=cache,target=/x --network=none --^");
  CHECK(has(run, "--mount"));
  CHECK_FALSE(has(run, "--network"));
  // Flags go before the arguments only.
  CHECK(has(complete_at("FROM alpine\nCOPY ^"), "--from"));
  CHECK(complete_at("FROM alpine\nCOPY a ^").items.empty());
}

TEST_CASE("completion: flag values", "[completion]") {
  CHECK(labels(complete_at("FROM alpine\nRUN --network=^ true")) ==
        std::vector<std::string>{"default", "none", "host"});
  CHECK(labels(complete_at("FROM alpine\nRUN --security=^")) == std::vector<std::string>{"sandbox", "insecure"});
  auto platform = complete_at("FROM --platform=^ alpine");
  for (const char* p : {"linux/amd64", "linux/arm64", "linux/arm/v7", "linux/386", "linux/ppc64le",
                        "linux/s390x", "linux/riscv64", "windows/amd64", "$BUILDPLATFORM", "$TARGETPLATFORM"})
    CHECK(has(platform, p));
  CHECK(labels(complete_at("FROM alpine\nCOPY --link=^ a b")) == std::vector<std::string>{"true", "false"});
  CHECK(has(complete_at("FROM alpine\nCOPY --chmod=^ a b"), "0755"));
  CHECK(has(complete_at("FROM alpine\nHEALTHCHECK --retries=^"), "3"));
}

TEST_CASE("completion: COPY --from offers earlier stages, never the current or later ones", "[completion]") {
  Annotations t(R"(
FROM golang:1.23 AS build
FROM alpine
COPY --from=^ /a /b
FROM alpine AS final
)");
  auto list = complete_at(t);
  CHECK(first_label(list) == "build");
  CHECK(has(list, "0"));
  CHECK_FALSE(has(list, "1"));
  CHECK_FALSE(has(list, "final"));
  CHECK(has(list, "golang:1.23"));  // An image used in the file.
  CHECK(has(list, "node"));         // The catalog.
  CHECK(item(list, "build")->sort_text < item(list, "golang:1.23")->sort_text);
  CHECK(item(list, "golang:1.23")->sort_text < item(list, "node")->sort_text);
  // The peer's bug: a named stage offered to itself.
  CHECK_FALSE(has(complete_at("FROM alpine AS final\nCOPY --from=^"), "final"));
}

TEST_CASE("completion: RUN --mount type and keys", "[completion]") {
  CHECK(labels(complete_at("FROM alpine\nRUN --mount=type=^")) ==
        std::vector<std::string>{"bind", "cache", "tmpfs", "secret", "ssh"});
  auto start = complete_at("FROM alpine\nRUN --mount=^");
  CHECK(first_label(start) == "type");
  CHECK(item(start, "type")->insert_text == "type=");
  CHECK(item(start, "type")->retrigger);

  auto cache = complete_at("FROM alpine\nRUN --mount=type=cache,^");
  for (const char* k : {"target", "dst", "destination", "source", "src", "from", "id", "sharing", "mode",
                        "uid", "gid", "ro", "readonly", "rw", "readwrite"})
    CHECK(has(cache, k));
  for (const char* k : {"type", "size", "env", "required"}) CHECK_FALSE(has(cache, k));
  CHECK(first_label(cache) == "target");

  auto tmpfs = complete_at("FROM alpine\nRUN --mount=type=tmpfs,target=/t,^ true");
  CHECK(has(tmpfs, "size"));
  for (const char* k : {"target", "dst", "destination", "sharing", "id"}) CHECK_FALSE(has(tmpfs, k));

  auto secret = complete_at("FROM alpine\nRUN --mount=type=secret,id=npmrc,^");
  for (const char* k : {"target", "env", "required", "mode", "uid", "gid"}) CHECK(has(secret, k));
  for (const char* k : {"source", "src", "id", "sharing", "from", "ro"}) CHECK_FALSE(has(secret, k));
  CHECK(item(secret, "required")->insert_text == "required");

  CHECK(labels(complete_at("FROM alpine\nRUN --mount=type=cache,target=/x,sharing=^ true")) ==
        std::vector<std::string>{"shared", "private", "locked"});
}

TEST_CASE("completion: cache targets for the package manager of the RUN", "[completion]") {
  struct Case {
    const char* command;
    const char* target;
  };
  const Case cases[] = {
      {"npm ci", "/root/.npm"},
      {"yarn install --frozen-lockfile", "/usr/local/share/.cache/yarn"},
      {"pip install -r requirements.txt", "/root/.cache/pip"},
      {"python3 -m pip install .", "/root/.cache/pip"},
      {"uv sync --frozen", "/root/.cache/uv"},
      {"go build ./...", "/go/pkg/mod"},
      {"cargo build --release", "/usr/local/cargo/registry"},
      {"apt-get update && apt-get install -y curl", "/var/cache/apt"},
      {"apk add curl", "/etc/apk/cache"},
      {"mvn -B package", "/root/.m2"},
      {"./gradlew build", "/root/.gradle"},
  };
  for (const auto& c : cases) {
    std::string code = std::string("FROM alpine\nRUN --mount=type=cache,target=^ ") + c.command;
    INFO(code);
    CHECK(first_label(complete_at(code)) == c.target);
  }
  CHECK(has(complete_at("FROM golang\nRUN --mount=type=cache,target=^ go build"), "/root/.cache/go-build"));
  CHECK(has(complete_at("FROM debian\nRUN --mount=type=cache,target=^ apt-get update"), "/var/lib/apt"));
  // A continuation line; the manager is detected on a later line, in a heredoc too.
  CHECK(first_label(complete_at("FROM node\nRUN --mount=type=cache,target=^ \\\n    npm ci")) == "/root/.npm");
  CHECK(first_label(complete_at("FROM python\nRUN --mount=type=cache,target=^ <<EOF\npip install x\nEOF\n")) ==
        "/root/.cache/pip");
}

TEST_CASE("completion: mount from= and secret ids", "[completion]") {
  auto from = complete_at("FROM node AS deps\nFROM alpine\nRUN --mount=from=^,target=/x true");
  CHECK(first_label(from) == "deps");
  CHECK_FALSE(has(from, "0"));  // No numeric form for mounts.
  auto ids = complete_at("FROM alpine\nRUN --mount=type=secret,id=npmrc true\nRUN --mount=type=secret,id=^");
  CHECK(labels(ids) == std::vector<std::string>{"npmrc"});
  CHECK(has(complete_at("FROM alpine\nRUN --mount=type=secret,id=aws-creds,env=^"), "AWS_CREDS"));
}

TEST_CASE("completion: variables in scope after $ and ${", "[completion]") {
  Annotations t(R"(
ARG GLOBAL=1
FROM alpine
ARG VERSION=1.2
ENV HOME_DIR=/app
RUN echo $^
)");
  auto list = complete_at(t);
  REQUIRE(item(list, "VERSION"));
  CHECK(item(list, "VERSION")->detail == "1.2");
  CHECK(item(list, "VERSION")->documentation.find("line 3") != std::string::npos);
  CHECK(has(list, "HOME_DIR"));
  CHECK(has(list, "HTTP_PROXY"));
  CHECK_FALSE(has(list, "GLOBAL"));       // Global ARGs only in FROM lines.
  CHECK_FALSE(has(list, "TARGETARCH"));   // Platform ARGs need redeclaring.
  CHECK(item(list, "HOME_DIR")->sort_text < item(list, "VERSION")->sort_text);  // Nearest first.
  CHECK(item(list, "VERSION")->sort_text < item(list, "HTTP_PROXY")->sort_text);

  Annotations braced("FROM alpine\nARG VERSION=1\nRUN echo ${[[VER^]]");
  auto b = complete_at(braced);
  REQUIRE(item(b, "VERSION"));
  CHECK(item(b, "VERSION")->replace == braced.range());

  auto from = complete_at("ARG TAG=3.20\nFROM alpine\nENV E=1\nFROM alpine:$^");
  CHECK(has(from, "TAG"));
  CHECK(has(from, "BUILDPLATFORM"));
  CHECK_FALSE(has(from, "E"));
  CHECK(has(complete_at("FROM alpine\nARG A=1\nENV X=$^"), "A"));
  CHECK(has(complete_at("FROM alpine AS base\nENV A=1\nFROM base\nRUN echo ${^"), "A"));
  CHECK(has(complete_at("FROM alpine\nARG V=1\nRUN <<EOF\necho $^\nEOF\n"), "V"));
  CHECK(complete_at("FROM alpine\nARG V=1\nRUN echo \\$^").items.empty());
  CHECK(complete_at("FROM alpine\nARG V=1\nRUN echo '$^'").items.empty());
}

TEST_CASE("completion: ${VAR modifiers", "[completion]") {
  auto after_name = complete_at("FROM alpine\nARG V\nRUN echo ${V^");
  CHECK(has(after_name, "V"));
  CHECK(has(after_name, ":-"));
  CHECK(has(after_name, "}"));
  Annotations t("FROM alpine\nARG V\nENV X=${V[[:^]]");
  auto colon = complete_at(t);
  CHECK(labels(colon) == std::vector<std::string>{":-", ":+", ":?"});
  CHECK(item(colon, ":-")->replace == t.range());
  CHECK(completion_documentation(item(colon, ":-")->documentation_key));
  CHECK(labels(complete_at("FROM alpine\nENV X=${V#^")) == std::vector<std::string>{"#", "##"});
}

TEST_CASE("completion: base images, tags and digests", "[completion]") {
  auto list = complete_at("FROM golang AS build\nFROM ^");
  CHECK(first_label(list) == "build");
  CHECK(has(list, "node"));
  CHECK(has(list, "gcr.io/distroless/static"));
  CHECK(completion_documentation(item(list, "node")->documentation_key));

  Annotations tags("FROM node:[[l^]]");
  auto t = complete_at(tags);
  REQUIRE(item(t, "lts"));
  CHECK(item(t, "lts")->replace == tags.range());
  CHECK(item(t, "lts")->kind == CompletionKind::Tag);
  CHECK_FALSE(t.is_incomplete);
  auto cut = complete_at(Annotations("FROM node:^"), false, 5);
  CHECK(cut.items.size() == 5);
  CHECK(cut.is_incomplete);

  const std::string digest = "sha256:" + std::string(64, 'a');
  auto d = complete_at("FROM alpine:3.20@" + digest + "\nFROM alpine@^");
  CHECK(labels(d) == std::vector<std::string>{digest});
  CHECK(labels(complete_at("FROM node ^")) == std::vector<std::string>{"AS"});
  CHECK(labels(complete_at("from node ^")) == std::vector<std::string>{"as"});
}

TEST_CASE("completion: HEALTHCHECK, EXPOSE, STOPSIGNAL and SHELL arguments", "[completion]") {
  auto hc = complete_at("FROM alpine\nHEALTHCHECK ^");
  CHECK(has(hc, "CMD"));
  CHECK(has(hc, "NONE"));
  CHECK(has(hc, "--interval"));
  auto with_flag = complete_at("FROM alpine\nHEALTHCHECK --interval=5s ^");
  CHECK(has(with_flag, "CMD"));
  CHECK_FALSE(has(with_flag, "NONE"));

  Annotations expose("FROM alpine\nEXPOSE 8080 80/[[^]]");
  auto e = complete_at(expose);
  CHECK(has(e, "tcp"));
  CHECK(has(e, "udp"));
  CHECK(item(e, "tcp")->replace == expose.range());

  CHECK(has(complete_at("FROM alpine\nSTOPSIGNAL ^"), "SIGTERM"));
  auto shell = complete_at("FROM alpine\nSHELL ^");
  for (const char* s : {R"(["/bin/bash", "-c"])", R"(["/bin/sh", "-c"])", R"(["pwsh", "-Command"])",
                        R"(["cmd", "/S", "/C"])"})
    CHECK(has(shell, s));
}

TEST_CASE("completion: USER names created earlier and known to the base image", "[completion]") {
  Annotations t(R"(
FROM alpine
RUN addgroup -S app && adduser -S -G app app
RUN useradd -m -u 1001 -s /bin/bash builder
USER ^
)");
  auto list = complete_at(t);
  CHECK(has(list, "app"));
  CHECK(has(list, "builder"));
  CHECK(has(list, "root"));
  CHECK_FALSE(has(list, "1001"));
  CHECK_FALSE(has(list, "/bin/bash"));
  CHECK(has(complete_at("FROM node:22\nUSER ^"), "node"));
  CHECK(has(complete_at("FROM alpine\nRUN addgroup -S grp\nUSER app:^"), "grp"));
  CHECK(has(complete_at("FROM alpine\nRUN useradd app\nCOPY --chown=^ a b"), "app"));
}

TEST_CASE("completion: WORKDIR paths for COPY destinations and WORKDIR", "[completion]") {
  auto copy = complete_at("FROM alpine\nWORKDIR /app\nWORKDIR src\nCOPY . ^");
  CHECK(labels(copy) == std::vector<std::string>{"/app/src/", "/app/"});
  CHECK(has(complete_at("FROM alpine\nWORKDIR /srv\nFROM alpine\nWORKDIR ^"), "/srv") == false);
  CHECK(has(complete_at("FROM alpine AS base\nWORKDIR /srv\nFROM base\nWORKDIR ^"), "/srv"));
}

TEST_CASE("completion: global ARGs to redeclare in a stage", "[completion]") {
  auto list = complete_at("ARG VERSION=1\nFROM alpine\nARG ^");
  CHECK(has(list, "VERSION"));
  CHECK(has(list, "TARGETARCH"));
}

TEST_CASE("completion: half-typed input and continuation lines", "[completion]") {
  CHECK(has(complete_at("FROM alpine\nRUN --mount=type=cache,target=/root/.npm \\\n    --mount=type=^ \\\n    npm ci"),
            "cache"));
  CHECK(has(complete_at("FROM alpine AS x\nFROM alpine\nCOPY --from=^"), "x"));
  CHECK(has(complete_at("FROM alpine\nRUN echo a \\\n    && ^"), "--mount") == false);
  CHECK(has(complete_at("FROM alpine\nRUN echo a \\\n  # comment\n  --^"), "--mount") == false);
  CHECK(has(complete_at("FROM alpine\nRUN \\\n  --^"), "--mount"));
  CHECK(complete_at("FROM alpine\nRUN <<EOF\necho ^\nEOF\n").items.empty());
  CHECK(has(complete_at("FROM alpine\nRUN <<EOF\necho\nEOF\n^"), "COPY"));
}

TEST_CASE("completion: documentation keys resolve", "[completion]") {
  auto from = completion_documentation("instruction/FROM");
  REQUIRE(from);
  CHECK(from->find("https://docs.docker.com/reference/dockerfile/#from") != std::string::npos);
  CHECK(completion_documentation("flag/COPY/from"));
  CHECK(completion_documentation("mount/target"));
  CHECK(completion_documentation("mounttype/cache"));
  CHECK(completion_documentation("directive/check"));
  CHECK(completion_documentation("image/node:22-slim")->find("Slimmer") != std::string::npos);
  CHECK_FALSE(completion_documentation("instruction/NOPE"));
  CHECK_FALSE(completion_documentation("bogus"));
  for (const char* code : {"FROM alpine\n^", "FROM alpine\nRUN --^", "FROM alpine\nCOPY --^", "FROM alpine\nADD --^",
                           "FROM alpine\nHEALTHCHECK --^", "FROM alpine\nRUN --mount=type=cache,^"})
    for (const auto& i : complete_at(code).items) {
      INFO(i.documentation_key);
      if (!i.documentation_key.empty()) CHECK(completion_documentation(i.documentation_key));
    }
}
