#include <unistd.h>

#include <catch2/catch_test_macros.hpp>
#include <filesystem>
#include <fstream>

#include "core/text_edit.h"
#include "rules/run_rules.h"
#include "support/test_paths.h"

namespace dfls::test {

namespace {

namespace fs = std::filesystem;

struct Context {
  fs::path dir;
  explicit Context(std::initializer_list<const char*> files) {
    std::string pattern = (fs::temp_directory_path() / "dfls-ignore-XXXXXX").string();
    REQUIRE(mkdtemp(pattern.data()) != nullptr);
    dir = pattern;
    for (const char* f : files) write(f, "x\n");
  }
  ~Context() { fs::remove_all(dir); }
  void write(const std::string& rel, const std::string& text) const {
    fs::create_directories((dir / rel).parent_path());
    std::ofstream(dir / rel, std::ios::binary) << text;
  }
  std::vector<Diag> findings(const std::string& dockerfile) const {
    auto doc = Document::create("file://" + (dir / "Dockerfile").string(), 0, dockerfile);
    std::vector<Diag> out;
    for (const Diag& d : run_rules(*doc, Config{}))
      if (d.rule_id == "MissingDockerignore") out.push_back(d);
    return out;
  }
  // Applies the file edits of the first fix of the only finding.
  void apply(const std::string& dockerfile) const {
    auto found = findings(dockerfile);
    REQUIRE(found.size() == 1);
    REQUIRE(found[0].fixes.size() == 1);
    for (const FileEdit& fe : found[0].fixes[0].file_edits) {
      std::string text = fs::exists(fe.path) ? read_file(fe.path) : "";
      CHECK(fe.create == !fs::exists(fe.path));
      std::ofstream(fe.path, std::ios::binary) << apply_edits(text, fe.edits);
    }
  }
};

constexpr const char* kNode = "FROM node:22\nWORKDIR /app\nCOPY . .\nRUN npm ci\nCMD [\"node\", \"index.js\"]\n";

}  // namespace

TEST_CASE("MissingDockerignore reports a whole-context copy without .dockerignore", "[quality]") {
  Context ctx({"package.json", "package-lock.json"});
  auto found = ctx.findings(kNode);
  REQUIRE(found.size() == 1);
  CHECK(found[0].message == "COPY . sends the whole build context, and there is no .dockerignore: .git, .env, "
                            "node_modules, npm-debug.log* go into the image");
  CHECK(found[0].severity == Severity::Warning);
  REQUIRE(found[0].fixes.size() == 1);
  const Fix& fix = found[0].fixes[0];
  CHECK(fix.safe);
  CHECK(fix.edits.empty());
  REQUIRE(fix.file_edits.size() == 1);
  CHECK(fix.file_edits[0].path == (ctx.dir / ".dockerignore").string());
  ctx.apply(kNode);
  CHECK(read_file(ctx.dir / ".dockerignore") ==
        "# Not sent to the builder (written by dockerfile-ls)\n.git\n.env\nnode_modules\nnpm-debug.log*\n");
  CHECK(ctx.findings(kNode).empty());
}

TEST_CASE("MissingDockerignore extends an ignore file that misses present entries", "[quality]") {
  Context ctx({"requirements.txt", ".venv/bin/python", ".env", "app.py"});
  ctx.write(".dockerignore", "__pycache__\n.git");
  std::string dockerfile = "FROM python:3.12\nCOPY . /app\nRUN pip install -r /app/requirements.txt\n";
  auto found = ctx.findings(dockerfile);
  REQUIRE(found.size() == 1);
  CHECK(found[0].message ==
        "the .dockerignore does not leave out .env, .venv: COPY . sends them to the builder and into the image");
  ctx.apply(dockerfile);
  CHECK(read_file(ctx.dir / ".dockerignore") == "__pycache__\n.git\n.env\n.venv\n");
  CHECK(ctx.findings(dockerfile).empty());
}

TEST_CASE("MissingDockerignore stays quiet when it cannot tell or nothing is missing", "[quality]") {
  Context empty({"notes.txt"});
  CHECK(empty.findings(kNode).empty());  // Not a project directory.
  Context explicit_copy({"package.json"});
  CHECK(explicit_copy.findings("FROM node:22\nCOPY package.json index.js ./\n").empty());
  Context own({"package.json"});
  own.write("Dockerfile.dockerignore", "node_modules\n");
  CHECK(own.findings(kNode).empty());  // The Dockerfile's own ignore file, nothing present is missing.
  auto doc = Document::create("untitled:Untitled-1", 0, kNode);
  for (const Diag& d : run_rules(*doc, Config{})) CHECK(d.rule_id != "MissingDockerignore");
}

TEST_CASE("MissingDockerignore keeps what a COPY names and flags credential files", "[quality]") {
  Context ctx({"pom.xml", "target/app.jar", ".npmrc"});
  std::string dockerfile = "FROM eclipse-temurin:21-jre\nCOPY target/app.jar /app.jar\nCOPY . /src\n";
  auto found = ctx.findings(dockerfile);
  REQUIRE(found.size() == 1);
  CHECK_FALSE(found[0].fixes.at(0).safe);  // Leaving out .npmrc may break an install.
  ctx.apply(dockerfile);
  CHECK(read_file(ctx.dir / ".dockerignore") == "# Not sent to the builder (written by dockerfile-ls)\n.git\n.env\n.npmrc\n");
}

}  // namespace dfls::test
