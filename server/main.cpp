// The dockerfile-ls command line: serves LSP (stdio by default, or TCP on 127.0.0.1), runs LSP
// transcripts for tests, or lints files with the `check` command.
#include <signal.h>

#include <charconv>
#include <cstdio>
#include <iostream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cli/check.h"
#include "lsp/lit_test.h"
#include "lsp/log.h"
#include "lsp/serve.h"
#include "syntax/tree.h"

namespace {

constexpr std::string_view kUsage = R"(usage: dockerfile-ls [--stdio] [OPTIONS]       serve LSP on stdin and stdout (the default)
       dockerfile-ls --socket=PORT [OPTIONS]    serve LSP to a client listening on 127.0.0.1:PORT
       dockerfile-ls --listen=PORT [OPTIONS]    accept one LSP client on 127.0.0.1:PORT (0: any port)
       dockerfile-ls check [ARGS...]            lint Dockerfiles (see `dockerfile-ls check --help`)
       dockerfile-ls --lit-test                 run an LSP transcript from stdin (for tests)
       dockerfile-ls --version | --help

options:
  --log-file=FILE           append the server log to FILE instead of stderr
  --log-level=LEVEL         error, warn, info (default) or debug
  --clientProcessId=PID     exit when the process PID (the editor) is gone
)";

int usage_error(const std::string& message) {
  std::fprintf(stderr, "dockerfile-ls: %s\n%s", message.c_str(), std::string(kUsage).c_str());
  return 2;
}

template <typename T>
std::optional<T> parse_number(std::string_view text) {
  T value{};
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

int print_version() {
  std::printf("dockerfile-ls %s\ntree-sitter runtime %s\ngrammar ABI %u\n", DFLS_VERSION,
              DFLS_TS_RUNTIME_VERSION, ts_language_version(tree_sitter_dockerfile()));
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (!args.empty() && args[0] == "check")
    return dfls::cli::run_check(std::vector<std::string>(args.begin() + 1, args.end()));

  dfls::lsp::ServeOptions options;
  bool lit_test = false;
  std::optional<dfls::lsp::LogLevel> level;
  std::optional<std::string> log_file;
  for (size_t i = 0; i < args.size(); ++i) {
    std::string_view arg = args[i];
    std::string_view name = arg.substr(0, arg.find('='));
    std::optional<std::string> value;
    if (name.size() < arg.size()) value = std::string(arg.substr(name.size() + 1));
    // Options taking a value also accept it as the next argument.
    auto take_value = [&]() -> std::optional<std::string> {
      if (value) return value;
      if (i + 1 < args.size()) return args[++i];
      return std::nullopt;
    };
    if (arg == "--help" || arg == "-h" || arg == "help") {
      std::fputs(std::string(kUsage).c_str(), stdout);
      return 0;
    } else if (arg == "--version" || arg == "-V") {
      return print_version();
    } else if (arg == "--stdio") {
      options.transport = dfls::lsp::ServeOptions::Transport::Stdio;
    } else if (arg == "--lit-test") {
      lit_test = true;
    } else if (name == "--socket" || name == "--listen" || name == "--port") {
      auto v = take_value();
      auto port = v ? parse_number<uint16_t>(*v) : std::nullopt;
      if (!port || (name != "--listen" && *port == 0))
        return usage_error(std::string(name) + " needs a port number, as in " + std::string(name) + "=2087");
      options.transport = name == "--listen" ? dfls::lsp::ServeOptions::Transport::Listen
                                             : dfls::lsp::ServeOptions::Transport::Socket;
      options.port = *port;
    } else if (name == "--clientProcessId") {
      auto v = take_value();
      auto pid = v ? parse_number<int64_t>(*v) : std::nullopt;
      if (!pid) return usage_error("--clientProcessId needs a process id");
      options.client_process = *pid;
    } else if (name == "--log-level") {
      auto v = take_value();
      level = v ? dfls::lsp::parse_log_level(*v) : std::nullopt;
      if (!level) return usage_error("--log-level must be error, warn, info or debug");
    } else if (name == "--log-file") {
      log_file = take_value();
      if (!log_file || log_file->empty()) return usage_error("--log-file needs a file name");
    } else if (name == "--node-ipc" || name == "--pipe") {
      return usage_error(std::string(name) +
                         " is not supported: configure the client to start the server with --stdio "
                         "(or --socket=PORT)");
    } else {
      return usage_error("unknown option '" + std::string(arg) + "'");
    }
  }

  if (log_file && !dfls::lsp::set_log_file(*log_file))
    return usage_error("cannot open the log file " + *log_file);
  dfls::lsp::set_log_level(level.value_or(lit_test ? dfls::lsp::LogLevel::Warn
                                                   : dfls::lsp::LogLevel::Info));
  ::signal(SIGPIPE, SIG_IGN);  // A client that goes away is seen as a failed write.
  if (lit_test) return dfls::lsp::run_lit_test(std::cin, std::cout);
  return dfls::lsp::serve(options);
}
