// Incremental parsing gives the same tree as a fresh parse: thousands of random insertions and
// deletions at random byte positions (inside heredocs and continuations too), each applied with
// ts_tree_edit and an incremental reparse, compared node by node with a parse from scratch.
#include <catch2/catch_test_macros.hpp>

#include <random>
#include <sstream>

#include "core/document.h"
#include "support/test_paths.h"

using namespace dfls;

namespace {

// Every node's type, byte range and missing/error state, in document order.
std::string dump(const syntax::Tree& tree) {
  std::ostringstream out;
  syntax::walk(tree.root(), [&](syntax::Node n) {
    out << n.type() << (n.missing() ? "!" : "") << '[' << n.start() << ',' << n.end() << ']';
    return true;
  });
  return out.str();
}

const char* const kSeeds[] = {
    R"(# syntax=docker/dockerfile:1
# escape=\
ARG BASE=node:20
FROM ${BASE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm \
    npm ci && \
    # a comment inside a continuation
    npm run build
COPY <<EOF /etc/app.conf
key=${VALUE:-default}
EOF
RUN <<-'SCRIPT' bash
	set -e
	echo "$HOME"
	SCRIPT
ENV A=1 B="two words" C=three\ words
LABEL org.opencontainers.image.title="app"
FROM gcr.io/distroless/nodejs20-debian12:nonroot
COPY --from=build /app/dist /app
EXPOSE 8080/tcp 9000-9010
HEALTHCHECK --interval=30s CMD ["node", "health.js"]
CMD ["node", "/app/server.js"]
)",
    "# escape=`\r\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\r\nRUN powershell -Command `\r\n    Write-Host hello\r\nWORKDIR C:\\app\\\r\nCMD [\"cmd\"]\r\n",
    "FROM alpine\nRUN <<A <<B cat\nfirst\nA\nsecond\nB\nONBUILD COPY . /src\nUSER nobody:nogroup\n",
};

const char* const kSnippets[] = {"\n", "\\\n", "RUN ", "<<EOF\n", "EOF\n", "${", "}", "\"",
                                 "'", "[", "]", "--mount=type=cache,target=/x ", "#", " AS b",
                                 "FROM x\n", "=", "`", "\r\n", "é", "😀"};

}  // namespace

TEST_CASE("random edits parsed incrementally equal a fresh parse", "[syntax][incremental]") {
  std::vector<std::string> seeds(std::begin(kSeeds), std::end(kSeeds));
  if (auto dir = test::real_world_corpus_dir(); !dir.empty()) {
    auto files = test::corpus_files(dir);
    for (size_t i = 0; i < files.size(); i += 97) seeds.push_back(test::read_file(files[i]));
  }
  std::mt19937 rng(20261126);
  size_t edits = 0;
  for (const std::string& seed : seeds) {
    auto doc = Document::create("file:///seed", 0, seed);
    for (int round = 0; round < 400; ++round) {
      DocumentEditor editor(*doc);
      int changes = 1 + static_cast<int>(rng() % 2);
      for (int c = 0; c < changes; ++c) {
        size_t size = editor.text().size();
        size_t start = size ? rng() % (size + 1) : 0;
        size_t len = (rng() % 3 == 0 && start < size) ? 1 + rng() % std::min<size_t>(8, size - start) : 0;
        std::string insert = rng() % 4 == 0 ? "" : kSnippets[rng() % std::size(kSnippets)];
        // Editors never split a character: keep both ends on UTF-8 boundaries.
        auto continuation = [&](size_t i) {
          return i < size && (static_cast<unsigned char>(editor.text()[i]) & 0xC0) == 0x80;
        };
        while (continuation(start)) --start;
        size_t end = start + len;
        while (continuation(end)) ++end;
        editor.replace(start, end, insert);
        ++edits;
      }
      doc = editor.finish(round + 1);
      auto fresh = Document::create("file:///fresh", 0, doc->text());
      std::string got = dump(doc->tree()), want = dump(fresh->tree());
      if (got != want) {
        INFO("text after " << edits << " edits:\n" << doc->text());
        REQUIRE(got == want);
      }
      // Keep the documents small so the test stays fast.
      if (doc->text().size() > 4 * seed.size() + 200) doc = Document::create("file:///seed", 0, seed);
    }
  }
  // Every round made one or two changes (the corpus adds seeds when it is there).
  CHECK(edits >= 400 * seeds.size());
}
