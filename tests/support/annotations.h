// Annotated Dockerfile snippets for tests (clangd's Annotations with `@` for names, since `$` is
// Dockerfile's variable sign):
//   ^                 a point            COPY --from=build^er /out /app
//   [[ ... ]]         a range            FROM alpine AS [[builder]]
//   @name^ @name[[ ]] named point/range  ARG @write[[VERSION]]
//   @(payload)[[ ]]   range with payload @(MaintainerDeprecated)[[MAINTAINER me]]
// `@` opens a marker only in those shapes, so `alpine@sha256:...` stays literal.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "rules/rule.h"

namespace dfls::test {

class Annotations {
 public:
  // A leading newline (after R"docker( ) is dropped.
  explicit Annotations(std::string_view annotated);

  const std::string& code() const { return code_; }
  size_t point(std::string_view name = "") const;
  std::vector<size_t> points(std::string_view name = "") const;
  ByteRange range(std::string_view name = "") const;
  std::vector<ByteRange> ranges(std::string_view name = "") const;

  struct PayloadRange {
    std::string payload;
    ByteRange range;
  };
  const std::vector<PayloadRange>& payload_ranges() const { return payload_ranges_; }

 private:
  std::string code_;
  std::map<std::string, std::vector<size_t>, std::less<>> points_;
  std::map<std::string, std::vector<ByteRange>, std::less<>> ranges_;
  std::vector<PayloadRange> payload_ranges_;
};

// "line:column" (1-based) of an offset, for readable failure messages.
std::string describe_offset(std::string_view text, size_t offset);
// "label at line:column `covered text`": results described so that lists of them compare readably.
std::string describe_range(std::string_view text, std::string_view label, ByteRange range);
// The payload ranges of t in text order, each described by describe_range with its payload as label.
std::vector<std::string> describe_payloads(const Annotations& t);

}  // namespace dfls::test
