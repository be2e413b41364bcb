// The language server: lifecycle, the routing table, open documents, settings and diagnostics.
// Everything here runs on one event-loop thread (an Asio io_context); the transport's reader
// thread only calls note_incoming and posts messages to the loop. Handlers are members named
// on_<method>; adding a method is one line in routes() plus the handler (and, when it has one,
// its capability in capabilities()).
#pragma once

#include "lsp/asio.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "core/config.h"
#include "lsp/diagnostics_worker.h"
#include "lsp/jsonrpc.h"
#include "lsp/protocol.h"
#include "lsp/store.h"

namespace dfls::lsp {

class Server {
 public:
  struct Options {
    bool watch_client_process = true;       // Exit when the client's process is gone.
    std::optional<int64_t> client_process;  // From --clientProcessId.
  };
  using Writer = std::function<void(const json&)>;

  Server(asio::io_context& io, Writer write, Options options);
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Thread-safe: lets a $/cancelRequest overtake queued requests.
  void note_incoming(const json& message) { rpc_.note_incoming(message); }
  void handle(const json& message);
  void handle_unparsable(std::string_view what) { rpc_.handle_unparsable(what); }
  // The client closed its end: finish once what is queued has run.
  void end_of_input();

  bool finished() const { return state_ == State::Exited; }
  int exit_code() const { return exit_code_; }
  // Called once when the server is done (exit, end of input, client process gone).
  void on_finished(std::function<void()> callback) { on_finished_ = std::move(callback); }

  // Blocks until no check runs in the background; its results are then queued on the loop.
  void wait_for_checks() { checker_.wait_idle(); }

  // The effective configuration for a document: the one place where settings sources meet
  // (initializationOptions, then workspace settings; project files are merged here later).
  Config config_for(std::string_view uri) const;

 private:
  enum class State { Uninitialized, Running, ShuttingDown, Exited };
  enum class Trace { Off, Messages, Verbose };

  void routes();
  template <typename P>
  void add(std::string method, json (Server::*handler)(const P&));
  template <typename P>
  void add(std::string method, void (Server::*handler)(const P&));
  std::optional<RpcError> gate(std::string_view method, bool is_request) const;
  json capabilities() const;

  // Lifecycle (server.cpp).
  json on_initialize(const InitializeParams& params);
  void on_initialized(const json& params);
  json on_shutdown(const json& params);
  void on_exit(const json& params);
  void on_set_trace(const SetTraceParams& params);
  void finish(int code);
  void watch_client_process(int64_t pid);
  void trace(std::string_view method, std::chrono::microseconds took);

  // Documents and diagnostics (server_documents.cpp).
  void on_did_open(const DidOpenTextDocumentParams& params);
  void on_did_change(const DidChangeTextDocumentParams& params);
  void on_did_close(const DidCloseTextDocumentParams& params);
  void on_did_save(const DidSaveTextDocumentParams& params);
  json on_diagnostic(const DocumentDiagnosticParams& params);
  json on_syntax_tree(const TextDocumentParams& params);
  const std::vector<Diag>& diagnostics(OpenDocument& entry);
  void diagnostics_changed(OpenDocument& entry);
  void checked(DiagnosticsWorker::Result result);
  void publish(OpenDocument& entry);

  // Language features (server_features.cpp).
  const Document* document_for(const std::string& uri);
  json on_hover(const TextDocumentPositionParams& params);
  json on_completion(const TextDocumentPositionParams& params);
  json on_completion_resolve(const json& item);
  json on_signature_help(const TextDocumentPositionParams& params);
  json on_definition(const TextDocumentPositionParams& params);
  json on_references(const json& params);
  json on_document_highlight(const TextDocumentPositionParams& params);
  json on_prepare_rename(const TextDocumentPositionParams& params);
  json on_rename(const json& params);
  json on_document_symbol(const TextDocumentParams& params);
  json on_workspace_symbol(const json& params);
  json on_folding_range(const TextDocumentParams& params);
  json on_semantic_tokens_full(const TextDocumentParams& params);
  json on_semantic_tokens_range(const json& params);
  json on_formatting(const json& params);
  json on_range_formatting(const json& params);
  json on_document_link(const TextDocumentParams& params);
  json on_code_action(const json& params);
  json workspace_edit(const Document& doc, const Fix& fix) const;

  // Settings (server_settings.cpp).
  void on_did_change_configuration(const DidChangeConfigurationParams& params);
  void request_configuration();
  void settings_changed();
  void log_to_client(int type, const std::string& message);

  asio::io_context& io_;
  Dispatcher rpc_;
  Options options_;
  State state_ = State::Uninitialized;
  Trace trace_ = Trace::Off;
  int exit_code_ = 0;
  std::function<void()> on_finished_;
  ClientCapabilities client_;
  Encoding encoding_ = Encoding::Utf16;
  bool pull_diagnostics_ = false;
  DocumentStore documents_;
  uint64_t next_result_id_ = 1;
  json init_settings_;       // The dockerfile-ls section of initializationOptions.
  json workspace_settings_;  // The last workspace/configuration answer or pushed settings.
  Config config_;            // Both layered, recomputed when either changes.
  std::set<std::string> reported_problems_;
  uint64_t configuration_requests_ = 0;
  std::optional<asio::steady_timer> process_timer_;
  DiagnosticsWorker checker_;  // Last: its thread stops before the members it calls back into.
};

}  // namespace dfls::lsp
