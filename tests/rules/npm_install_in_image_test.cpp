#include <unistd.h>

#include <catch2/catch_test_macros.hpp>
#include <filesystem>
#include <fstream>

#include "rules/run_rules.h"
#include "support/check_helpers.h"

namespace dfls::test {

namespace {

std::vector<Diag> npm_findings(std::string_view text, const Config& config = {}) {
  auto doc = Document::create("file:///test/Dockerfile", 0, std::string(text));
  std::vector<Diag> out;
  for (const Diag& d : run_rules(*doc, config))
    if (d.rule_id == "NpmInstallInImage") out.push_back(d);
  return out;
}

std::filesystem::path context_with(std::initializer_list<const char*> files) {
  std::string pattern = (std::filesystem::temp_directory_path() / "dfls-npm-XXXXXX").string();
  REQUIRE(mkdtemp(pattern.data()) != nullptr);
  for (const char* f : files) std::ofstream(std::filesystem::path(pattern) / f) << "{}\n";
  return pattern;
}

}  // namespace

TEST_CASE("NpmInstallInImage reports npm install of the project's dependencies", "[quality]") {
  check_diagnostics({"NpmInstallInImage"}, R"docker(
FROM node:22
COPY package.json package-lock.json ./
RUN @(NpmInstallInImage)[[npm install]]
RUN @(NpmInstallInImage)[[npm i]] --omit=dev && npm run build
RUN npm install -g pnpm@9
RUN npm install express
RUN npm ci
RUN npm run install
)docker");
}

TEST_CASE("NpmInstallInImage message and fix", "[quality]") {
  auto found = npm_findings("FROM node:22\nRUN npm install\n");
  REQUIRE(found.size() == 1);
  CHECK(found[0].message == "`npm install` may resolve other versions and rewrite the lockfile: use `npm ci` in images");
  CHECK_FALSE(found[0].fixes.at(0).safe);  // No context on disk: the lockfile is not known to exist.
  check_fix("NpmInstallInImage", "FROM node:22\nCOPY . .\nRUN ^npm install --no-audit\n",
            "FROM node:22\nCOPY . .\nRUN npm ci --no-audit\n");
}

TEST_CASE("NpmInstallInImage reads the lockfile from the context", "[quality]") {
  Config config;
  config.context_dir = context_with({"package.json", "package-lock.json"}).string();
  auto found = npm_findings("FROM node:22\nCOPY package*.json ./\nRUN npm install\n", config);
  REQUIRE(found.size() == 1);
  CHECK(found[0].fixes.at(0).safe);
  found = npm_findings("FROM node:22\nCOPY package.json ./\nRUN npm install\n", config);
  REQUIRE(found.size() == 1);
  CHECK_FALSE(found[0].fixes.at(0).safe);  // The lockfile is not copied into the image.
  config.context_dir = context_with({"package.json"}).string();
  CHECK(npm_findings("FROM node:22\nCOPY . .\nRUN npm install\n", config).empty());
  std::filesystem::remove_all(*config.context_dir);
}

}  // namespace dfls::test
