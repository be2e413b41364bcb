#include "core/text_distance.h"

#include <catch2/catch_test_macros.hpp>

using dfls::closest_match;
using dfls::edit_distance;

TEST_CASE("text distance: identical and empty strings") {
  CHECK(edit_distance("", "") == 0);
  CHECK(edit_distance("abc", "abc") == 0);
  CHECK(edit_distance("", "abc") == 3);
  CHECK(edit_distance("abc", "") == 3);
}

TEST_CASE("text distance: insertions, deletions and substitutions") {
  CHECK(edit_distance("kitten", "sitting") == 3);
  CHECK(edit_distance("target", "trget") == 1);
  CHECK(edit_distance("source", "sources") == 1);
  CHECK(edit_distance("bind", "bond") == 1);
}

TEST_CASE("text distance: a swap of neighbours is one edit") {
  CHECK(edit_distance("tpye", "type") == 1);
  CHECK(edit_distance("cahce", "cache") == 1);
  CHECK(edit_distance("ab", "ba") == 1);
  // Optimal string alignment does not edit a substring twice.
  CHECK(edit_distance("ca", "abc") == 3);
}

TEST_CASE("text distance: the distance is symmetric and case sensitive") {
  CHECK(edit_distance("COPY", "copy") == 4);
  CHECK(edit_distance("abcdef", "azced") == edit_distance("azced", "abcdef"));
}

TEST_CASE("text distance: closest match within the threshold") {
  std::vector<std::string> keys = {"type", "target", "source", "from", "readonly", "sharing"};
  CHECK(closest_match("tpye", keys) == "type");
  CHECK(closest_match("taregt", keys) == "target");
  CHECK(closest_match("sharign", keys) == "sharing");
  CHECK(closest_match("readonyl", keys) == "readonly");
  CHECK(closest_match("xyz", keys) == std::nullopt);
  CHECK(closest_match("destination", keys) == std::nullopt);
}

TEST_CASE("text distance: short words accept one edit, longer words two") {
  CHECK(dfls::suggestion_threshold("from") == 1);
  CHECK(dfls::suggestion_threshold("sourc") == 2);
  std::vector<std::string> keys = {"from", "source"};
  CHECK(closest_match("frm", keys) == "from");
  CHECK(closest_match("fm", keys) == std::nullopt);
  CHECK(closest_match("surc", keys) == std::nullopt);
  CHECK(closest_match("srce", keys) == std::nullopt);
  CHECK(closest_match("sorce", keys) == "source");
  CHECK(closest_match("sorc", keys) == std::nullopt);
  CHECK(closest_match("suorc", keys) == "source");
}

TEST_CASE("text distance: an exact match means nothing to suggest") {
  std::vector<std::string> keys = {"frm", "from"};
  CHECK(closest_match("from", keys) == std::nullopt);
  CHECK(closest_match("FROM", {"from"}, true) == std::nullopt);
  CHECK(closest_match("", keys) == std::nullopt);
  CHECK(closest_match("x", {}) == std::nullopt);
}

TEST_CASE("text distance: case-insensitive matching returns the candidate's spelling") {
  std::vector<std::string> instructions = {"FROM", "COPY", "RUN", "WORKDIR", "HEALTHCHECK"};
  CHECK(closest_match("cpoy", instructions, true) == "COPY");
  CHECK(closest_match("workdri", instructions, true) == "WORKDIR");
  CHECK(closest_match("cpoy", instructions, false) == std::nullopt);
}

TEST_CASE("text distance: the first of equally close candidates wins") {
  CHECK(closest_match("cat", {"bat", "hat"}) == "bat");
  CHECK(closest_match("cat", {"hat", "bat"}) == "hat");
  CHECK(closest_match("cart", {"cat", "car"}) == "cat");
  CHECK(closest_match("cart", {"crt", "cart2"}) == "crt");
}
