#include "lsp/server.h"

#include "lsp/asio.h"

#include <signal.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>

#include "lsp/convert.h"
#include "lsp/log.h"
#include "lsp/settings.h"

namespace dfls::lsp {

// The routing table: one line per method.
void Server::routes() {
  add("initialize", &Server::on_initialize);
  add("initialized", &Server::on_initialized);
  add("shutdown", &Server::on_shutdown);
  add("exit", &Server::on_exit);
  add("$/setTrace", &Server::on_set_trace);
  add("textDocument/didOpen", &Server::on_did_open);
  add("textDocument/didChange", &Server::on_did_change);
  add("textDocument/didClose", &Server::on_did_close);
  add("textDocument/didSave", &Server::on_did_save);
  add("textDocument/diagnostic", &Server::on_diagnostic);
  add("workspace/didChangeConfiguration", &Server::on_did_change_configuration);
  add("dockerfile-ls/syntaxTree", &Server::on_syntax_tree);
  add("textDocument/hover", &Server::on_hover);
  add("textDocument/completion", &Server::on_completion);
  add("completionItem/resolve", &Server::on_completion_resolve);
  add("textDocument/signatureHelp", &Server::on_signature_help);
  add("textDocument/definition", &Server::on_definition);
  add("textDocument/declaration", &Server::on_definition);
  add("textDocument/references", &Server::on_references);
  add("textDocument/documentHighlight", &Server::on_document_highlight);
  add("textDocument/prepareRename", &Server::on_prepare_rename);
  add("textDocument/rename", &Server::on_rename);
  add("textDocument/documentSymbol", &Server::on_document_symbol);
  add("workspace/symbol", &Server::on_workspace_symbol);
  add("textDocument/foldingRange", &Server::on_folding_range);
  add("textDocument/semanticTokens/full", &Server::on_semantic_tokens_full);
  add("textDocument/semanticTokens/range", &Server::on_semantic_tokens_range);
  add("textDocument/formatting", &Server::on_formatting);
  add("textDocument/rangeFormatting", &Server::on_range_formatting);
  add("textDocument/documentLink", &Server::on_document_link);
  add("textDocument/codeAction", &Server::on_code_action);
}

// What initialize advertises: only what is implemented.
json Server::capabilities() const {
  json caps = {
      {"positionEncoding", encoding_name(encoding_)},
      {"textDocumentSync",
       {{"openClose", true}, {"change", 2 /* Incremental */}, {"save", {{"includeText", false}}}}},
  };
  caps["hoverProvider"] = true;
  caps["completionProvider"] = {{"resolveProvider", true},
                                {"triggerCharacters", {"-", "=", "$", "{", ":", ",", " ", "@", "/"}}};
  caps["signatureHelpProvider"] = {{"triggerCharacters", {" ", "-", "=", ","}},
                                   {"retriggerCharacters", {","}}};
  caps["definitionProvider"] = true;
  caps["declarationProvider"] = true;
  caps["referencesProvider"] = true;
  caps["documentHighlightProvider"] = true;
  caps["renameProvider"] = {{"prepareProvider", true}};
  caps["documentSymbolProvider"] = true;
  caps["workspaceSymbolProvider"] = true;
  caps["foldingRangeProvider"] = true;
  caps["semanticTokensProvider"] = {{"legend", semantic_tokens_legend()}, {"full", true}, {"range", true}};
  caps["documentFormattingProvider"] = true;
  caps["documentRangeFormattingProvider"] = true;
  caps["documentLinkProvider"] = {{"resolveProvider", false}};
  caps["codeActionProvider"] = {{"codeActionKinds", {"quickfix"}}};
  if (pull_diagnostics_)
    caps["diagnosticProvider"] = {{"identifier", kDiagnosticSource},
                                  {"interFileDependencies", false},
                                  {"workspaceDiagnostics", false}};
  return caps;
}

template <typename P>
void Server::add(std::string method, json (Server::*handler)(const P&)) {
  rpc_.add_request(std::move(method), [this, handler](const json& params) {
    return (this->*handler)(parse_params<P>(params));
  });
}

template <typename P>
void Server::add(std::string method, void (Server::*handler)(const P&)) {
  rpc_.add_notification(std::move(method), [this, handler](const json& params) {
    (this->*handler)(parse_params<P>(params));
  });
}

Server::Server(asio::io_context& io, Writer write, Options options)
    : io_(io),
      rpc_(std::move(write)),
      options_(options),
      checker_(io, [this](DiagnosticsWorker::Result result) { checked(std::move(result)); }) {
  routes();
  rpc_.set_gate([this](std::string_view method, bool is_request) { return gate(method, is_request); });
  rpc_.set_observer([this](std::string_view method, std::chrono::microseconds took) {
    trace(method, took);
  });
  config_ = parse_settings(nullptr);
  if (options_.watch_client_process && options_.client_process)
    watch_client_process(*options_.client_process);
}

void Server::handle(const json& message) {
  if (state_ == State::Exited) return;
  rpc_.handle(message);
}

std::optional<RpcError> Server::gate(std::string_view method, bool is_request) const {
  switch (state_) {
    case State::Uninitialized:
      if (method == "initialize" || method == "exit") return std::nullopt;
      return RpcError(error_code::kServerNotInitialized,
                      "the server is not initialized: send initialize first");
    case State::Running:
      return std::nullopt;
    case State::ShuttingDown:
      if (method == "exit") return std::nullopt;
      return RpcError(error_code::kInvalidRequest, "the server is shutting down: only exit is allowed");
    case State::Exited:
      break;
  }
  (void)is_request;
  return RpcError(error_code::kInvalidRequest, "the server has exited");
}

json Server::on_initialize(const InitializeParams& params) {
  if (state_ != State::Uninitialized)
    throw RpcError(error_code::kInvalidRequest, "initialize may only be sent once");
  client_ = params.capabilities;
  const auto& offered = client_.positionEncodings;
  encoding_ = std::find(offered.begin(), offered.end(), "utf-8") != offered.end() ? Encoding::Utf8
                                                                                  : Encoding::Utf16;
  pull_diagnostics_ = client_.pullDiagnostics;
  if (params.trace) on_set_trace(SetTraceParams{*params.trace});
  if (params.processId && options_.watch_client_process && !process_timer_)
    watch_client_process(*params.processId);
  std::string client = params.clientInfo ? params.clientInfo->name + " " +
                                               params.clientInfo->version.value_or("")
                                         : std::string("an unnamed client");
  log_info("initialized by " + client + "; positions in " + std::string(encoding_name(encoding_)) +
           (pull_diagnostics_ ? "; pull diagnostics" : "; push diagnostics"));
  init_settings_ = settings_section(params.initializationOptions);
  if (!params.initializationOptions.is_null() && init_settings_.is_null())
    log_to_client(2, "dockerfile-ls: initializationOptions hold no dockerfile-ls settings; "
                     "using the defaults");
  state_ = State::Running;
  settings_changed();
  return {{"capabilities", capabilities()},
          {"serverInfo", {{"name", "dockerfile-ls"}, {"version", DFLS_VERSION}}}};
}

void Server::on_initialized(const json&) {
  if (client_.didChangeConfigurationDynamic) {
    json registration = {{"id", "dockerfile-ls.didChangeConfiguration"},
                         {"method", "workspace/didChangeConfiguration"},
                         {"registerOptions", {{"section", kSettingsSection}}}};
    rpc_.request("client/registerCapability", {{"registrations", json::array({registration})}},
                 [](const json&, const RpcError* error) {
                   if (error) log_warn(std::string("client/registerCapability failed: ") + error->what());
                 });
  }
  if (client_.configuration) request_configuration();
}

json Server::on_shutdown(const json&) {
  state_ = State::ShuttingDown;
  log_info("shutdown requested");
  return nullptr;
}

void Server::on_exit(const json&) { finish(state_ == State::ShuttingDown ? 0 : 1); }

void Server::on_set_trace(const SetTraceParams& params) {
  trace_ = params.value == "verbose" ? Trace::Verbose
           : params.value == "messages" ? Trace::Messages
                                        : Trace::Off;
}

void Server::end_of_input() {
  // Let what is already queued run first (a publish scheduled by the last change, say).
  asio::post(io_, [this] {
    if (state_ == State::Exited) return;
    log_info("input ended; exiting");
    finish(0);
  });
}

void Server::finish(int code) {
  if (state_ == State::Exited) return;
  state_ = State::Exited;
  exit_code_ = code;
  if (process_timer_) process_timer_->cancel();
  if (on_finished_) on_finished_();
}

void Server::watch_client_process(int64_t pid) {
  if (pid <= 0 || pid > INT32_MAX) return;
  if (!process_timer_) process_timer_.emplace(io_);
  process_timer_->expires_after(std::chrono::seconds(3));
  process_timer_->async_wait([this, pid](const asio::error_code& ec) {
    if (ec || state_ == State::Exited) return;
    if (::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH) {
      log_warn("the client process " + std::to_string(pid) + " is gone; exiting");
      finish(1);
      return;
    }
    watch_client_process(pid);
  });
}

void Server::trace(std::string_view method, std::chrono::microseconds took) {
  double ms = static_cast<double>(took.count()) / 1000.0;
  if (log_enabled(LogLevel::Debug)) {
    char text[32];
    std::snprintf(text, sizeof text, "%.3f", ms);
    log_debug(std::string(method) + " handled in " + text + " ms");
  }
  if (trace_ == Trace::Off || state_ == State::Exited || method == "$/setTrace") return;
  char text[32];
  std::snprintf(text, sizeof text, "%.3f", ms);
  json params = {{"message", std::string(method) + " handled in " + text + " ms"}};
  if (trace_ == Trace::Verbose) params["verbose"] = "took " + std::to_string(took.count()) + " us";
  rpc_.notify("$/logTrace", std::move(params));
}

void Server::log_to_client(int type, const std::string& message) {
  if (type <= 1)
    log_error(message);
  else if (type == 2)
    log_warn(message);
  else
    log_info(message);
  rpc_.notify("window/logMessage", {{"type", type}, {"message", message}});
}

}  // namespace dfls::lsp
