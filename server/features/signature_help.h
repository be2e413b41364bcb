// Signature help for instructions with several forms or many options: FROM (image, :tag, @digest),
// COPY and ADD (shell and JSON form, every flag), HEALTHCHECK (CMD and NONE), ENV and LABEL
// (key=value and the legacy form), ARG (with and without default), RUN (flags, shell and exec
// form), the RUN --mount option list (one signature per mount type, the active one being the
// `type=` written), and CMD, ENTRYPOINT, SHELL, USER and EXPOSE.
//
// Labels are ASCII, so the parameter offsets are valid in bytes, UTF-16 and UTF-32 code units.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/document.h"

namespace dfls {

struct SignatureParameter {
  std::string label;        // The parameter's text, a substring of the signature label.
  uint32_t start = 0;       // [start, end) of that text within the signature label.
  uint32_t end = 0;
  std::string documentation;  // Markdown; may be empty.
};

struct SignatureInfo {
  std::string label;
  std::string documentation;  // Markdown.
  std::vector<SignatureParameter> parameters;
};

struct SignatureHelpResult {
  std::vector<SignatureInfo> signatures;
  int active_signature = 0;
  int active_parameter = -1;  // In the active signature; -1: none (send null).
};

std::optional<SignatureHelpResult> signature_help(const Document& doc, size_t offset);

}  // namespace dfls
