// Signature help on annotated snippets: the active signature and parameter at `^`.
#include <catch2/catch_test_macros.hpp>

#include "features/signature_help.h"
#include "support/annotations.h"
#include "support/documents.h"

using namespace dfls;
using dfls::test::Annotations;
using dfls::test::make_document;

namespace {

std::optional<SignatureHelpResult> help_at(std::string_view annotated) {
  Annotations t(annotated);
  auto doc = make_document(t.code());
  return signature_help(*doc, t.point());
}

// The label of the active parameter, or "" when none is active.
std::string active(const SignatureHelpResult& r) {
  const auto& sig = r.signatures.at(r.active_signature);
  if (r.active_parameter < 0) return {};
  const auto& p = sig.parameters.at(r.active_parameter);
  CHECK(sig.label.substr(p.start, p.end - p.start) == p.label);
  return p.label;
}

}  // namespace

TEST_CASE("signature help: FROM forms", "[signature]") {
  auto r = help_at("FROM ^");
  REQUIRE(r);
  CHECK(r->signatures.size() == 3);
  CHECK(r->active_signature == 0);
  CHECK(active(*r) == "<image>");
  CHECK(active(*help_at("FROM node:2^")) == "<tag>");
  CHECK(help_at("FROM node:2^")->active_signature == 1);
  CHECK(help_at("FROM node@^")->active_signature == 2);
  CHECK(active(*help_at("FROM node@^")) == "<digest>");
  CHECK(active(*help_at("FROM localhost:5000/app^")) == "<image>");
  CHECK(active(*help_at("FROM --plat^form=linux/amd64 node")) == "[--platform=<platform>]");
  CHECK(active(*help_at("FROM node AS b^")) == "[AS <name>]");
}

TEST_CASE("signature help: COPY and ADD flags, sources and destination", "[signature]") {
  CHECK(active(*help_at("FROM a\nCOPY --li^nk a b")) == "[--link]");
  CHECK(active(*help_at("FROM a\nCOPY --from=bu^ a b")) == "[--from=<stage|index|image>]");
  CHECK(active(*help_at("FROM a\nCOPY a ^")) == "<dest>");
  CHECK(active(*help_at("FROM a\nCOPY a^ b c")) == "<src>...");
  auto json = help_at("FROM a\nCOPY [\"a\", ^");
  REQUIRE(json);
  CHECK(json->active_signature == 1);
  CHECK(active(*help_at("FROM a\nADD --checks^um=sha256:x u /d")) == "[--checksum=<digest>]");
  CHECK(active(*help_at("FROM a\nADD --keep-git-dir ^")) == "<src>...");
  CHECK_FALSE(help_at("FROM a\nCOPY --li^nk a b")->signatures[0].parameters[3].documentation.empty());
}

TEST_CASE("signature help: HEALTHCHECK, ENV, LABEL and ARG", "[signature]") {
  CHECK(help_at("FROM a\nHEALTHCHECK NONE^")->active_signature == 1);
  CHECK(active(*help_at("FROM a\nHEALTHCHECK --retries=3 CMD curl^")) == "<command>");
  CHECK(active(*help_at("FROM a\nHEALTHCHECK --tim^eout=3s CMD curl")) == "[--timeout=<duration>]");
  auto env = help_at("FROM a\nENV A=^");
  CHECK(env->active_signature == 0);
  CHECK(active(*env) == "<value>");
  CHECK(active(*help_at("FROM a\nENV A=1 B^")) == "<key>");
  auto legacy = help_at("FROM a\nENV A ^");
  CHECK(legacy->active_signature == 1);
  CHECK(active(*legacy) == "<value>");
  CHECK(active(*help_at("FROM a\nLABEL version=^")) == "<value>");
  CHECK(help_at("ARG V=^")->active_signature == 1);
  CHECK(active(*help_at("ARG V=^")) == "<default value>");
  CHECK(active(*help_at("ARG V^")) == "<name>");
}

TEST_CASE("signature help: RUN flags and the --mount option list", "[signature]") {
  CHECK(active(*help_at("FROM a\nRUN --netw^ork=none x")) == "[--network=default|none|host]");
  CHECK(active(*help_at("FROM a\nRUN apt-get^")) == "<command>");
  CHECK(help_at("FROM a\nRUN [\"sh\", ^")->active_signature == 1);
  auto cache = help_at("FROM a\nRUN --mount=type=cache,shar^ing=locked x");
  REQUIRE(cache);
  CHECK(cache->signatures.size() == 5);
  CHECK(cache->active_signature == 1);
  CHECK(active(*cache) == "[,sharing=shared|private|locked]");
  auto secret = help_at("FROM a\nRUN --mount=type=secret,i^d=x true");
  CHECK(secret->active_signature == 3);
  CHECK(active(*secret) == ",id=<id>");
  auto bind = help_at("FROM a\nRUN --mount=dst^=/x true");
  CHECK(bind->active_signature == 0);
  CHECK(active(*bind) == ",target=<path>");
  CHECK(active(*help_at("FROM a\nRUN --mount=type=cache,target=/x,ro^ true")) == "[,ro]");
  CHECK(active(*help_at("FROM a\nRUN --mount=type=tm^")) == "type=tmpfs");
}

TEST_CASE("signature help: none on keywords, comments and unknown instructions", "[signature]") {
  CHECK_FALSE(help_at("FR^OM alpine"));
  CHECK_FALSE(help_at("FROM a\n# comm^ent"));
  CHECK_FALSE(help_at("FROM a\nBOGUS x^"));
}
