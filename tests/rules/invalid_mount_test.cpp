// Tests of the InvalidMount rule: findings, non-findings, the fixes and the message.
#include <catch2/catch_test_macros.hpp>

#include "core/config.h"
#include "core/document.h"
#include "rules/run_rules.h"
#include "support/check_helpers.h"

namespace dfls {
namespace {

using test::check_diagnostics;
using test::check_fix;

// The message of the first finding of a rule (the one test per rule that asserts its wording).
[[maybe_unused]] std::string message_of(std::string_view rule, std::string code, const Config& config = Config{}) {
  auto doc = Document::create("file:///test/Dockerfile", 0, std::move(code));
  for (const Diag& d : run_rules(*doc, config))
    if (d.rule_id == rule) return d.message;
  return "";
}

TEST_CASE("InvalidMount", "[rules][errors]") {
  check_diagnostics({"InvalidMount"}, R"docker(
FROM alpine
RUN --mount=@(InvalidMount)[[tpye]]=cache,target=/x echo
RUN --mount=type=@(InvalidMount)[[cahce]],target=/x echo
RUN --mount=type=cache,target=/x,sharing=@(InvalidMount)[[lock]] echo
RUN --mount=type=secret,source=a,@(InvalidMount)[[id]]=b echo
RUN @(InvalidMount)[[--mount=type=secret,required]] echo
RUN --mount=@(InvalidMount)[[required]],type=secret,id=x echo
RUN --mount=type=tmpfs,target=/t,size=@(InvalidMount)[[10x]] echo
RUN --mount=type=bind,@(InvalidMount)[[mode]]=0755,target=/b echo
RUN --mount=type=cache,target=/c,mode=0755,uid=1000,gid=1000,sharing=locked echo
RUN --mount=type=cache,target=/c,mode=@(InvalidMount)[[0999]] echo
RUN --mount=type=ssh echo
RUN --mount=type=secret,id=npmrc,target=/root/.npmrc,required=true echo
RUN --mount=type=bind,from=base,source=/out,target=/in,rw echo
RUN --mount=type=cache,target=/c,@(InvalidMount)[[foo]] echo
RUN --mount=type=secret,id=token,env=TOKEN echo
RUN --mount=type=tmpfs,target=/t,size=64m echo
RUN --mount=type=bind,target=/x,@(InvalidMount)[[sharing]]=shared echo
RUN --mount=type=secret,@(InvalidMount)[[from]]=base,id=x echo
RUN --mount=type=cache,target=/c,ro=@(InvalidMount)[[maybe]] echo
)docker");
  check_fix("InvalidMount", "FROM alpine\nRUN --mount=tp^ye=cache,target=/x echo\n",
            "FROM alpine\nRUN --mount=type=cache,target=/x echo\n");
  CHECK(message_of("InvalidMount", "FROM alpine\nRUN --mount=tpye=cache,target=/x echo\n") ==
        "unknown mount option 'tpye' (did you mean type?)");
}

}  // namespace
}  // namespace dfls
