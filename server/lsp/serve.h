// Runs the language server over a transport until exit or end of input; returns the exit status
// (0 after shutdown then exit, or at end of input; 1 for exit without shutdown).
#pragma once

#include <cstdint>
#include <optional>

namespace dfls::lsp {

struct ServeOptions {
  enum class Transport { Stdio, Socket, Listen };
  Transport transport = Transport::Stdio;
  uint16_t port = 0;
  std::optional<int64_t> client_process;  // --clientProcessId
};

int serve(const ServeOptions& options);

}  // namespace dfls::lsp
