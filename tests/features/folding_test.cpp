#include <catch2/catch_test_macros.hpp>

#include "features/folding.h"
#include "support/documents.h"

using namespace dfls;
using dfls::test::make_document;

TEST_CASE("folding: stages, continued instructions, heredocs and comment blocks", "[folding]") {
  auto doc = make_document(
      "# one\n"              // 0
      "# two\n"              // 1
      "FROM alpine AS a\n"   // 2
      "RUN apk add \\\n"     // 3
      "    curl\n"           // 4
      "COPY <<EOF /x\n"      // 5
      "body\n"               // 6
      "EOF\n"                // 7
      "FROM scratch\n");     // 8
  auto folds = folding_ranges(*doc);
  std::vector<FoldingRange> want = {
      {0, 1, FoldKind::Comment}, {2, 7, FoldKind::Region}, {3, 4, FoldKind::Region},
      {5, 7, FoldKind::Region}};
  CHECK(folds == want);
}
