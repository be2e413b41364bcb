#include <catch2/catch_test_macros.hpp>

#include "rules/run_rules.h"
#include "support/check_helpers.h"

namespace dfls::test {

namespace {

// Fake credentials, assembled at run time so that no secret scanner trips over this file.
std::string fake(std::string_view prefix, char fill, size_t n) { return std::string(prefix) + std::string(n, fill); }

std::vector<Diag> literal_findings(const std::string& text) {
  auto doc = Document::create("file:///test/Dockerfile", 0, text);
  std::vector<Diag> out;
  for (const Diag& d : run_rules(*doc, Config{}))
    if (d.rule_id == "SecretLiteral") out.push_back(d);
  return out;
}

}  // namespace

TEST_CASE("SecretLiteral reports literal credentials", "[quality]") {
  std::string github = fake("ghp_", 'a', 30) + "123456";
  std::string aws = fake("AKIA", 'Q', 12) + "7ZX2";
  std::string gitlab = fake("glpat-", 'x', 20);
  std::string slack = fake("xoxb-", '1', 12) + "-abc";
  std::string google = fake("AIza", 'B', 35);
  std::string stripe = fake("sk_live_", 'c', 24);
  std::string npm = fake("npm_", 'N', 36);
  check_diagnostics({"SecretLiteral"}, "FROM alpine\n"
                                       "ENV GITHUB=@(SecretLiteral)[[" + github + "]]\n"
                                       "ENV AWS_ACCESS_KEY_ID=@(SecretLiteral)[[" + aws + "]]\n"
                                       "# AKIAIOSFODNN7EXAMPLE is the documented example key\n"
                                       "ARG GL=@(SecretLiteral)[[" + gitlab + "]]\n"
                                       "RUN curl -H 'Authorization: Bearer @(SecretLiteral)[[" + slack + "]]' x\n"
                                       "RUN curl 'https://maps.example.com/?key=@(SecretLiteral)[[" + google + "]]'\n"
                                       "ENV STRIPE=@(SecretLiteral)[[" + stripe + "]] NPM=@(SecretLiteral)[[" + npm + "]]\n"
                                       "RUN curl -o f https://deploy:@(SecretLiteral)[[s3cr3t-Pa55]]@git.example.com/f\n"
                                       "RUN curl -o f https://deploy:${PASSWORD}@git.example.com/f\n"
                                       "RUN curl -o f https://user:password@example.com/f\n"
                                       "RUN echo \"//registry.npmjs.org/:_authToken=@(SecretLiteral)[[abc123def456]]\" > .npmrc\n"
                                       "RUN echo \"//registry.npmjs.org/:_authToken=${NPM_TOKEN}\" > .npmrc\n"
                                       "ENV npm_config_cache=/tmp/npm\n");
}

TEST_CASE("SecretLiteral reports private key blocks", "[quality]") {
  std::string body(64, 'A');
  check_diagnostics({"SecretLiteral"}, "FROM alpine\nRUN echo \"@(SecretLiteral)[[-----BEGIN RSA PRIVATE KEY-----\\n" + body +
                                           "\\n-----END RSA PRIVATE KEY-----]]\" > /root/.ssh/id_rsa\n"
                                           "RUN grep -q 'BEGIN PRIVATE KEY-----' /etc/key.pem\n");
}

TEST_CASE("SecretLiteral messages mask the value", "[quality]") {
  std::string github = fake("ghp_", 'a', 36);
  auto found = literal_findings("FROM alpine\nENV T=" + github + "\n");
  REQUIRE(found.size() == 1);
  CHECK(found[0].message == "literal GitHub token (ghp_****) in the Dockerfile: revoke it and pass it as a build secret");
  CHECK(found[0].severity == Severity::Error);
  found = literal_findings("FROM alpine\nRUN git clone https://bot:hunter2hunter2@git.example.com/repo\n");
  REQUIRE(found.size() == 1);
  CHECK(found[0].message.find("hunter2") == std::string::npos);
  CHECK(found[0].message.find("https://bot:****@") != std::string::npos);
}

}  // namespace dfls::test
