#include "images/catalog.h"

#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_vector.hpp>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

using Catch::Matchers::VectorContains;
using dfls::images::Catalog;
using dfls::images::ImageTag;

namespace {

const Catalog& embedded() { return Catalog::embedded(); }

std::string problems_text(const Catalog& catalog) {
  std::string text;
  for (const auto& p : catalog.problems()) {
    text += "line " + std::to_string(p.line) + ": " + p.message + "\n";
  }
  return text;
}

bool contains(const std::vector<std::string>& items, const std::string& item) {
  return std::find(items.begin(), items.end(), item) != items.end();
}

}  // namespace

TEST_CASE("catalog: the embedded catalog parses without problems") {
  INFO(problems_text(embedded()));
  CHECK(embedded().problem_count() == 0);
  CHECK(embedded().image_names().size() >= 45);
  CHECK(embedded().tag_count() >= 600);
  CHECK(embedded().meta("compiled").has_value());
  CHECK(embedded().meta("sizes").value_or("").find("approximate") != std::string::npos);
}

TEST_CASE("catalog: the embedded catalog has every required image") {
  const std::vector<std::string> required = {"node",
                                             "python",
                                             "golang",
                                             "rust",
                                             "alpine",
                                             "debian",
                                             "ubuntu",
                                             "nginx",
                                             "httpd",
                                             "redis",
                                             "postgres",
                                             "mysql",
                                             "mariadb",
                                             "mongo",
                                             "eclipse-temurin",
                                             "maven",
                                             "gradle",
                                             "php",
                                             "ruby",
                                             "busybox",
                                             "scratch",
                                             "openjdk",
                                             "amazoncorretto",
                                             "caddy",
                                             "traefik",
                                             "rabbitmq",
                                             "mcr.microsoft.com/dotnet/sdk",
                                             "mcr.microsoft.com/dotnet/runtime",
                                             "mcr.microsoft.com/dotnet/aspnet",
                                             "mcr.microsoft.com/dotnet/runtime-deps",
                                             "gcr.io/distroless/static",
                                             "gcr.io/distroless/static-debian12",
                                             "gcr.io/distroless/base",
                                             "gcr.io/distroless/base-debian12",
                                             "gcr.io/distroless/cc",
                                             "gcr.io/distroless/cc-debian12",
                                             "gcr.io/distroless/nodejs20-debian12",
                                             "gcr.io/distroless/nodejs22-debian12",
                                             "gcr.io/distroless/python3-debian12",
                                             "gcr.io/distroless/java17-debian12",
                                             "gcr.io/distroless/java21-debian12",
                                             "cgr.dev/chainguard/static",
                                             "cgr.dev/chainguard/node",
                                             "cgr.dev/chainguard/python",
                                             "cgr.dev/chainguard/go",
                                             "cgr.dev/chainguard/jdk",
                                             "cgr.dev/chainguard/wolfi-base"};
  for (const std::string& name : required) {
    INFO(name);
    const auto* info = embedded().find(name);
    REQUIRE(info != nullptr);
    CHECK_FALSE(info->description.empty());
    if (name != "scratch") CHECK_FALSE(info->tags.empty());
  }
  for (const char* distroless : {"gcr.io/distroless/static", "gcr.io/distroless/java21-debian12"}) {
    for (const char* tag : {"latest", "nonroot", "debug", "debug-nonroot"}) {
      CHECK(embedded().match(distroless, tag).exact);
    }
  }
  CHECK(embedded().find("openjdk")->deprecated());
  CHECK_FALSE(embedded().find("node")->deprecated());
}

TEST_CASE("catalog: the embedded data is the committed catalog.tsv") {
  std::ifstream file(DFLS_SOURCE_DIR "/server/images/catalog.tsv", std::ios::binary);
  REQUIRE(file);
  const std::string text((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  CHECK(dfls::images::embedded_catalog() == text);
}

TEST_CASE("catalog: the data is consistent") {
  for (const std::string& name : embedded().image_names()) {
    INFO(name);
    const auto* info = embedded().find(name);
    for (const ImageTag& tag : info->tags) {
      INFO(tag.name);
      CHECK(tag.size_amd64_mb > 0);
      CHECK(tag.size_amd64_mb < 2000);
      CHECK(tag.size_arm64_mb < 2000);
    }
    // Image references among the slimmer alternatives and replacements are catalog images.
    for (const std::string& entry : info->slimmer_variants) {
      INFO(entry);
      if (entry[0] != '-' && entry[0] != ':') CHECK(embedded().match(entry, "").image != nullptr);
    }
    for (const std::string& replacement : info->deprecated_by) CHECK(embedded().find(replacement));
  }
}

TEST_CASE("catalog: tag rows carry sizes, versions and variants") {
  const auto* node = embedded().find("node");
  REQUIRE(node != nullptr);
  const auto slim = std::find_if(node->tags.begin(), node->tags.end(),
                                 [](const ImageTag& t) { return t.name == "22-slim"; });
  REQUIRE(slim != node->tags.end());
  CHECK(slim->variant == "slim");
  CHECK(slim->version == "22");
  CHECK(slim->size_amd64_mb > 10);
  CHECK(slim->size_arm64_mb > 10);
  CHECK(slim->digest.empty());
  CHECK(embedded().tags("docker.io/library/node").size() == node->tags.size());
  CHECK(embedded().tags("no-such-image").empty());
}

TEST_CASE("catalog: image names are normalised") {
  using dfls::images::normalize_name;
  CHECK(normalize_name("node") == "node");
  CHECK(normalize_name("library/node") == "node");
  CHECK(normalize_name("docker.io/library/node") == "node");
  CHECK(normalize_name("index.docker.io/library/node") == "node");
  CHECK(normalize_name("Docker.IO/library/node") == "node");
  CHECK(normalize_name("registry-1.docker.io/library/node") == "node");
  CHECK(normalize_name("docker.io/node") == "node");
  CHECK(normalize_name("docker.io/bitnami/redis") == "bitnami/redis");
  CHECK(normalize_name("library/a/b") == "library/a/b");
  CHECK(normalize_name("GCR.io/distroless/static") == "gcr.io/distroless/static");
  CHECK(normalize_name("localhost:5000/library/node") == "localhost:5000/library/node");
  CHECK(normalize_name("Node") == "Node");  // repository paths keep their (invalid) case

  const auto ref = dfls::images::split_image_ref("docker.io/library/node:22-slim@sha256:abc");
  CHECK(ref.name == "node");
  CHECK(ref.tag == "22-slim");
  CHECK(ref.digest == "sha256:abc");
  CHECK(dfls::images::split_image_ref("localhost:5000/app").tag.empty());

  CHECK(embedded().find("docker.io/library/node") == embedded().find("node"));
  CHECK(embedded().find("index.docker.io/library/python:3.13") == embedded().find("python"));
  CHECK(embedded().find("MCR.microsoft.com/dotnet/sdk") != nullptr);
  CHECK(embedded().find("example.com/node") == nullptr);
}

TEST_CASE("catalog: has_shell knows shell-less images and the tags that add one") {
  CHECK_FALSE(embedded().has_shell("scratch", ""));
  CHECK_FALSE(embedded().has_shell("gcr.io/distroless/static", "latest"));
  CHECK_FALSE(embedded().has_shell("gcr.io/distroless/static-debian12", "nonroot"));
  CHECK(embedded().has_shell("gcr.io/distroless/static", "debug"));
  CHECK(embedded().has_shell("gcr.io/distroless/base-debian12", "debug-nonroot"));
  // Tags the data does not list fall back to the closest variant.
  CHECK(embedded().has_shell("gcr.io/distroless/cc-debian12", "debug-amd64"));
  CHECK_FALSE(embedded().has_shell("gcr.io/distroless/cc-debian12", "nonroot-arm64"));
  CHECK_FALSE(embedded().has_shell("cgr.dev/chainguard/python", "latest"));
  CHECK(embedded().has_shell("cgr.dev/chainguard/python", "latest-dev"));
  CHECK(embedded().has_shell("cgr.dev/chainguard/node", "3.13-dev"));
  CHECK(embedded().has_shell("cgr.dev/chainguard/go", "latest"));
  CHECK_FALSE(embedded().has_shell("mcr.microsoft.com/dotnet/aspnet", "8.0-noble-chiseled"));
  CHECK(embedded().has_shell("mcr.microsoft.com/dotnet/aspnet", "8.0"));
  CHECK(embedded().has_shell("node", "22"));
  CHECK(embedded().has_shell("alpine", ""));
  CHECK(embedded().has_shell("busybox", "musl"));
  CHECK(embedded().has_shell("my-company/base", "1.0"));  // unknown images are given the benefit
}

TEST_CASE("catalog: default users follow the tag") {
  CHECK(embedded().default_user("node", "22") == "root");
  CHECK(embedded().find("node")->other_users.at(0).name == "node");
  CHECK(embedded().default_user("gcr.io/distroless/static", "") == "root");
  CHECK(embedded().default_user("gcr.io/distroless/static", "nonroot") == "nonroot");
  CHECK(embedded().default_uid("gcr.io/distroless/static", "nonroot") == 65532);
  CHECK(embedded().default_uid("gcr.io/distroless/java21-debian12", "debug-nonroot") == 65532);
  CHECK(embedded().default_user("cgr.dev/chainguard/static", "latest") == "nonroot");
  CHECK(embedded().default_user("mcr.microsoft.com/dotnet/runtime-deps", "9.0-noble-chiseled") ==
        "app");
  CHECK(embedded().default_uid("mcr.microsoft.com/dotnet/runtime-deps", "9.0-noble-chiseled") ==
        1654);
  CHECK(embedded().default_user("elasticsearch", "9.2.1") == "elasticsearch");
  CHECK_FALSE(embedded().default_user("unknown/image", "1").has_value());
}

TEST_CASE("catalog: build images are told from runtime images") {
  CHECK(embedded().is_build_image("node", "22"));
  CHECK(embedded().is_build_image("node", "22.11.0"));  // an unlisted version of the full variant
  CHECK(embedded().is_build_image("node", ""));
  CHECK_FALSE(embedded().is_build_image("node", "22-slim"));
  CHECK_FALSE(embedded().is_build_image("node", "22-alpine"));
  CHECK_FALSE(embedded().is_build_image("node", "22.11.0-alpine3.20"));
  CHECK(embedded().is_build_image("golang", "1.25"));
  CHECK(embedded().is_build_image("golang", "1.25-alpine"));
  CHECK(embedded().is_build_image("python", "3.13"));
  CHECK_FALSE(embedded().is_build_image("python", "3.13-slim"));
  CHECK(embedded().is_build_image("mcr.microsoft.com/dotnet/sdk", "9.0"));
  CHECK_FALSE(embedded().is_build_image("mcr.microsoft.com/dotnet/aspnet", "9.0"));
  CHECK(embedded().is_build_image("eclipse-temurin", "21-jdk"));
  CHECK_FALSE(embedded().is_build_image("eclipse-temurin", "21-jre-alpine"));
  CHECK(embedded().is_build_image("maven", "3.9-eclipse-temurin-21"));
  CHECK_FALSE(embedded().is_build_image("gcr.io/distroless/static", ""));
  CHECK_FALSE(embedded().is_build_image("scratch", ""));
  CHECK_FALSE(embedded().is_build_image("unknown/image", "latest"));
}

TEST_CASE("catalog: package managers follow the variant") {
  CHECK(embedded().package_manager("node", "22") == "apt");
  CHECK(embedded().package_manager("node", "22-alpine") == "apk");
  CHECK(embedded().package_manager("mysql", "8.4") == "microdnf");
  CHECK(embedded().package_manager("gcr.io/distroless/base", "") == "none");
  CHECK(embedded().package_manager("mcr.microsoft.com/dotnet/sdk", "8.0-azurelinux3.0") == "tdnf");
}

TEST_CASE("catalog: slimmer alternatives are smaller variants and images") {
  const auto node = embedded().slimmer_alternatives("node", "22");
  CHECK_THAT(node, VectorContains(std::string("node:22-slim")));
  CHECK_THAT(node, VectorContains(std::string("node:22-alpine")));
  CHECK_THAT(node, VectorContains(std::string("gcr.io/distroless/nodejs22-debian12")));
  CHECK_FALSE(contains(embedded().slimmer_alternatives("node", "22-alpine"), "node:22-slim"));
  CHECK(contains(embedded().slimmer_alternatives("node", "22-bookworm"), "node:22-bookworm-slim"));
  CHECK(contains(embedded().slimmer_alternatives("node", "22.11.0"), "node:22.11.0-slim"));
  CHECK(contains(embedded().slimmer_alternatives("node", ""), "node:slim"));
  CHECK(contains(embedded().slimmer_alternatives("python", "3.13-slim-bookworm"),
                 "python:3.13-alpine"));
  CHECK(contains(embedded().slimmer_alternatives("eclipse-temurin", "21-jdk"),
                 "eclipse-temurin:21-jre"));
  CHECK(contains(embedded().slimmer_alternatives("golang", "1.25"), "scratch"));
  CHECK(contains(embedded().slimmer_alternatives("cgr.dev/chainguard/node", "latest-dev"),
                 "cgr.dev/chainguard/node:latest"));
  CHECK(contains(embedded().slimmer_alternatives("mcr.microsoft.com/dotnet/aspnet", "8.0"),
                 "mcr.microsoft.com/dotnet/aspnet:8.0-noble-chiseled"));
  CHECK(embedded().slimmer_alternatives("scratch", "").empty());
  CHECK(embedded().slimmer_alternatives("unknown/image", "1").empty());
}

TEST_CASE("catalog: malformed rows are skipped and counted") {
  const Catalog catalog = Catalog::parse(
      "# a comment\n"
      "format\tdfls-image-catalog\t1\n"
      "\n"
      "image\tgood\tapt\tyes\troot/0\t-\t-slim\t-\tA good image\n"
      "tag\tgood\t1\t-\tbuild\t100\t90\t-\t-\t-\t-\r\n"
      "tag\tgood\t1-slim\tslim\truntime\t20\t-\t-\tno\tnonroot/65532\t-\n"
      "tag\tgood\t1\t-\tbuild\t100\t90\t-\t-\t-\t-\n"       // duplicate tag
      "tag\tgood\t2\t-\tbuild\tbig\t90\t-\t-\t-\t-\n"       // bad size
      "tag\tgood\t3\t-\tfast\t1\t1\t-\t-\t-\t-\n"           // bad role
      "tag\tgood\t4\tslim\tbuild\t1\t1\t-\t-\t-\t-\n"       // variant not in the tag
      "tag\tgood\t5\t-\tbuild\t1\t1\t-\tmaybe\t-\t-\n"      // bad shell
      "tag\tgood\t6\t-\tbuild\t1\t1\t-\t-\tuser/x\t-\n"     // bad uid
      "tag\tgood\t7\t-\tbuild\t1\t1\t-\t-\t-\tsha256:zz\n"  // bad digest
      "tag\tgood\t-bad\t-\tbuild\t1\t1\t-\t-\t-\t-\n"       // invalid tag
      "tag\tmissing\t1\t-\tbuild\t1\t1\t-\t-\t-\t-\n"       // undeclared image
      "tag\tgood\t8\n"                                      // too few fields
      "image\tdocker.io/library/x\tapt\tyes\troot\t-\t-\t-\tnot normalised\n"
      "image\tgood\tapt\tyes\troot\t-\t-\t-\tduplicate\n"
      "image\tbad-pm\tpacman\tyes\troot\t-\t-\t-\tunknown package manager\n"
      "frobnicate\tx\n"
      "format\tdfls-image-catalog\t99\n"
      "\xff\xfe\n");
  CHECK(catalog.problem_count() == 16);
  CHECK(catalog.image_names() == std::vector<std::string>{"good"});
  REQUIRE(catalog.find("good") != nullptr);
  CHECK(catalog.find("good")->tags.size() == 2);
  CHECK(catalog.has_shell("good", "1"));
  CHECK_FALSE(catalog.has_shell("good", "1-slim"));
  CHECK(catalog.default_uid("good", "1-slim") == 65532);
  CHECK(catalog.slimmer_alternatives("good", "1") == std::vector<std::string>{"good:1-slim"});
  CHECK(catalog.problems().front().line == 7);
}

TEST_CASE("catalog: parsing tolerates empty and hostile input") {
  CHECK(Catalog::parse("").image_names().empty());
  CHECK(Catalog::parse("\n\n# only comments\n").problem_count() == 0);
  CHECK(Catalog::parse(std::string("image\0\tx", 8)).problem_count() == 1);
  CHECK(Catalog::parse("\t\t\t\t\t\t\t\t\t\t").problem_count() == 0);  // a blank line
  CHECK(Catalog::parse("tag\t\t\t\t\t\t\t\t\t\t").problem_count() == 1);
}
