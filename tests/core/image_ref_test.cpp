#include "core/image_ref.h"

#include <catch2/catch_test_macros.hpp>

using dfls::ImageRef;
using dfls::parse_image_ref;

namespace {

ImageRef valid(std::string_view text) {
  ImageRef ref = parse_image_ref(text);
  INFO(text << ": " << ref.error);
  REQUIRE(ref.valid);
  REQUIRE(ref.error.empty());
  return ref;
}

std::string invalid(std::string_view text) {
  ImageRef ref = parse_image_ref(text);
  INFO(text);
  REQUIRE_FALSE(ref.valid);
  REQUIRE_FALSE(ref.error.empty());
  return ref.error;
}

const std::string kSha = "sha256:" + std::string(64, 'a');

}  // namespace

TEST_CASE("image ref: a single name is an official image") {
  ImageRef ref = valid("alpine");
  CHECK(ref.registry == "docker.io");
  CHECK(ref.repository == "library/alpine");
  CHECK(ref.tag.empty());
  CHECK(ref.digest.empty());
  CHECK(ref.is_official());
  CHECK(ref.familiar_name() == "alpine");
  CHECK(ref.full_name() == "docker.io/library/alpine");
}

TEST_CASE("image ref: a tag") {
  ImageRef ref = valid("ubuntu:22.04");
  CHECK(ref.repository == "library/ubuntu");
  CHECK(ref.tag == "22.04");
  CHECK(ref.familiar_string() == "ubuntu:22.04");
}

TEST_CASE("image ref: a user repository on Docker Hub") {
  ImageRef ref = valid("bitnami/redis:7.2");
  CHECK(ref.registry == "docker.io");
  CHECK(ref.repository == "bitnami/redis");
  CHECK_FALSE(ref.is_official());
  CHECK(ref.familiar_name() == "bitnami/redis");
}

TEST_CASE("image ref: a registry is recognized by a dot, a port or localhost") {
  CHECK(valid("ghcr.io/org/app:1").registry == "ghcr.io");
  ImageRef port = valid("myregistry:5000/team/app");
  CHECK(port.registry == "myregistry:5000");
  CHECK(port.repository == "team/app");
  CHECK(port.tag.empty());
  CHECK(valid("localhost/app").registry == "localhost");
  CHECK(valid("localhost:5000/app:dev").tag == "dev");
}

TEST_CASE("image ref: a first element with an uppercase letter is a registry") {
  ImageRef ref = valid("MyRegistry/app");
  CHECK(ref.registry == "MyRegistry");
  CHECK(ref.repository == "app");
}

TEST_CASE("image ref: a registry's single-element name gets no library prefix") {
  ImageRef ref = valid("quay.io/app");
  CHECK(ref.repository == "app");
  CHECK(ref.familiar_name() == "quay.io/app");
  CHECK(ref.full_name() == "quay.io/app");
}

TEST_CASE("image ref: docker.io names are shortened, index.docker.io is docker.io") {
  CHECK(valid("docker.io/library/nginx").familiar_name() == "nginx");
  CHECK(valid("docker.io/nginx").repository == "library/nginx");
  ImageRef legacy = valid("index.docker.io/library/nginx:1");
  CHECK(legacy.registry == "docker.io");
  CHECK(legacy.familiar_string() == "nginx:1");
}

TEST_CASE("image ref: localhost:5000 alone is a name with a tag") {
  ImageRef ref = valid("localhost:5000");
  CHECK(ref.repository == "library/localhost");
  CHECK(ref.tag == "5000");
}

TEST_CASE("image ref: a digest") {
  ImageRef ref = valid("alpine@" + kSha);
  CHECK(ref.digest == kSha);
  CHECK(ref.tag.empty());
  CHECK(ref.familiar_string() == "alpine@" + kSha);
}

TEST_CASE("image ref: a tag and a digest") {
  ImageRef ref = valid("ghcr.io/org/app:1.2@" + kSha);
  CHECK(ref.tag == "1.2");
  CHECK(ref.digest == kSha);
}

TEST_CASE("image ref: path components with separators") {
  CHECK(valid("my.org/a_b/c__d/e-f/g--h/i.j").repository == "a_b/c__d/e-f/g--h/i.j");
}

TEST_CASE("image ref: invalid path components") {
  CHECK(invalid("a/b_/c") == "invalid reference format: invalid repository name component \"b_\"");
  invalid("a/-b");
  invalid("a/b___c");
  invalid("a//b");
  invalid("a/b.");
}

TEST_CASE("image ref: uppercase in the repository is invalid") {
  CHECK(invalid("Alpine") ==
        "invalid reference format: repository name (library/Alpine) must be lowercase");
  CHECK(invalid("ghcr.io/Org/app") ==
        "invalid reference format: repository name (Org/app) must be lowercase");
}

TEST_CASE("image ref: tags") {
  CHECK(valid("app:v1.2.3-rc_1").tag == "v1.2.3-rc_1");
  CHECK(valid("app:_x").tag == "_x");
  CHECK(invalid("app:.x") == "invalid reference format: invalid tag \".x\"");
  CHECK(invalid("app:") == "invalid reference format: empty tag");
  invalid("app:" + std::string(129, 'a'));
  valid("app:" + std::string(128, 'a'));
  invalid("app:a+b");
}

TEST_CASE("image ref: digests must be well formed") {
  CHECK(invalid("app@sha256:abc") ==
        "invalid reference format: invalid digest \"sha256:abc\": sha256 needs 64 lowercase "
        "hexadecimal digits");
  CHECK(invalid("app@md5:" + std::string(32, 'a')) ==
        "invalid reference format: unsupported digest algorithm \"md5\"");
  invalid("app@sha256:" + std::string(64, 'A'));
  invalid("app@");
  valid("app@sha512:" + std::string(128, '0'));
}

TEST_CASE("image ref: invalid registries") {
  invalid("-bad.io/app");
  invalid("reg.io:port/app");
  invalid("bad_host.io/app");
  CHECK(valid("[::1]:5000/app").registry == "[::1]:5000");
}

TEST_CASE("image ref: empty names and lengths") {
  invalid("");
  invalid(":tag");
  invalid("a/" + std::string(254, 'b'));
  valid("a/" + std::string(200, 'b'));
}

TEST_CASE("image ref: a 64-digit hexadecimal name is refused") {
  CHECK(invalid(std::string(64, 'a')) == "invalid repository name (" + std::string(64, 'a') +
                                             "), cannot specify 64-byte hexadecimal strings");
}

TEST_CASE("image ref: scratch is the empty image") {
  ImageRef ref = valid("scratch");
  CHECK(ref.is_scratch());
  CHECK(ref.registry.empty());
  CHECK_FALSE(ref.is_official());
  CHECK_FALSE(valid("alpine").is_scratch());
}

TEST_CASE("image ref: a variable tag") {
  ImageRef ref = valid("alpine:${VERSION}");
  CHECK(ref.has_variables);
  CHECK(ref.registry == "docker.io");
  CHECK(ref.repository == "library/alpine");
  CHECK(ref.tag == "${VERSION}");
}

TEST_CASE("image ref: a variable registry stays unknown") {
  ImageRef ref = valid("${REGISTRY}/team/app:1.0");
  CHECK(ref.has_variables);
  CHECK(ref.registry.empty());
  CHECK(ref.repository == "${REGISTRY}/team/app");
  CHECK(ref.tag == "1.0");
  CHECK(invalid("${REGISTRY}/Team/app").find("must be lowercase") != std::string::npos);
}

TEST_CASE("image ref: a whole-variable name") {
  ImageRef ref = valid("${BASE_IMAGE}");
  CHECK(ref.has_variables);
  CHECK(ref.registry.empty());
  CHECK(ref.repository == "${BASE_IMAGE}");
  CHECK(ref.tag.empty());
  ImageRef with_default = valid("${BASE:-alpine:3.19}");
  CHECK(with_default.repository == "${BASE:-alpine:3.19}");
  CHECK(with_default.tag.empty());
  CHECK(valid("$IMAGE:latest").tag == "latest");
}

TEST_CASE("image ref: a variable digest and an invalid literal part") {
  CHECK(valid("app@${DIGEST}").digest == "${DIGEST}");
  CHECK_FALSE(parse_image_ref("App:${TAG}").valid);
  CHECK(valid("org/${APP}:1").repository == "org/${APP}");
}
