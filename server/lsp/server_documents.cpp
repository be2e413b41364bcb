// Document synchronisation and diagnostics.
#include "lsp/asio.h"

#include <chrono>
#include <cstdlib>
#include <memory>

#include "lsp/convert.h"
#include "lsp/log.h"
#include "lsp/server.h"
#include "rules/run_rules.h"

namespace dfls::lsp {

void Server::on_did_open(const DidOpenTextDocumentParams& params) {
  const TextDocumentItem& item = params.textDocument;
  if (documents_.find(item.uri)) log_warn("didOpen of a document that is already open: " + item.uri);
  auto doc = Document::create(item.uri, item.version, item.text);
  log_debug("opened " + item.uri + " v" + std::to_string(item.version) + " (" +
            std::to_string(item.text.size()) + " bytes)");
  diagnostics_changed(documents_.open(std::move(doc), item.languageId));
}

void Server::on_did_change(const DidChangeTextDocumentParams& params) {
  const std::string& uri = params.textDocument.uri;
  OpenDocument* entry = documents_.find(uri);
  if (!entry) {
    log_warn("didChange of a document that is not open: " + uri);
    return;
  }
  if (params.textDocument.version <= entry->doc->version())
    log_debug("didChange of " + uri + " does not increase the version");
  entry->doc = apply_changes(*entry->doc, params.contentChanges, encoding_, params.textDocument.version);
  diagnostics_changed(*entry);
}

void Server::on_did_close(const DidCloseTextDocumentParams& params) {
  const std::string& uri = params.textDocument.uri;
  if (!documents_.close(uri)) {
    log_warn("didClose of a document that is not open: " + uri);
    return;
  }
  checker_.forget(uri);
  if (!pull_diagnostics_)
    rpc_.notify("textDocument/publishDiagnostics", PublishDiagnosticsParams{uri, std::nullopt, {}});
}

void Server::on_did_save(const DidSaveTextDocumentParams& params) {
  log_debug("saved " + params.textDocument.uri);
}

namespace {

void log_check(const Document& doc, size_t findings, std::chrono::microseconds took) {
  if (log_enabled(LogLevel::Debug))
    log_debug("checked " + doc.uri() + " v" + std::to_string(doc.version()) + ": " + std::to_string(findings) +
              " findings in " + std::to_string(took.count()) + " us");
}

}  // namespace

// The findings for the current version, computed here when the background check has not
// delivered them yet (pull diagnostics, code actions).
const std::vector<Diag>& Server::diagnostics(OpenDocument& entry) {
  if (!entry.diags_current) {
    auto start = std::chrono::steady_clock::now();
    entry.diags = run_rules(*entry.doc, config_for(entry.doc->uri()));
    entry.diags_current = true;
    entry.result_id = next_result_id_++;
    log_check(*entry.doc, entry.diags.size(), std::chrono::duration_cast<std::chrono::microseconds>(
                                                  std::chrono::steady_clock::now() - start));
  }
  return entry.diags;
}

// The document or the settings changed. Push mode checks the new version in the background and
// publishes when the findings come back (see checked).
void Server::diagnostics_changed(OpenDocument& entry) {
  entry.diags_current = false;
  if (!pull_diagnostics_) checker_.check(entry.doc, config_for(entry.doc->uri()), ++entry.check_tag);
}

void Server::checked(DiagnosticsWorker::Result result) {
  log_check(*result.doc, result.diags.size(), result.took);
  OpenDocument* entry = documents_.find(result.doc->uri());
  // A result for a closed document, or one overtaken by a newer version or new settings (whose
  // own check is queued).
  if (!entry || entry->check_tag != result.tag || entry->doc != result.doc || state_ == State::Exited) return;
  if (!entry->diags_current) {
    entry->diags = std::move(result.diags);
    entry->diags_current = true;
    entry->result_id = next_result_id_++;
  }
  if (!pull_diagnostics_) publish(*entry);
}

void Server::publish(OpenDocument& entry) {
  const Document& doc = *entry.doc;
  PublishDiagnosticsParams params{doc.uri(), doc.version(), to_diagnostics(diagnostics(entry), doc, encoding_)};
  rpc_.notify("textDocument/publishDiagnostics", params);
}

json Server::on_diagnostic(const DocumentDiagnosticParams& params) {
  OpenDocument* entry = documents_.find(params.textDocument.uri);
  if (!entry) return {{"kind", "full"}, {"items", json::array()}};
  const std::vector<Diag>& diags = diagnostics(*entry);
  std::string result_id = std::to_string(entry->result_id);
  if (params.previousResultId == result_id) return {{"kind", "unchanged"}, {"resultId", result_id}};
  return {{"kind", "full"},
          {"resultId", result_id},
          {"items", to_diagnostics(diags, *entry->doc, encoding_)}};
}

// A debugging aid (like clangd's textDocument/ast): the server's copy of a document and its
// syntax tree, so that tests and bug reports can see exactly what the server sees.
json Server::on_syntax_tree(const TextDocumentParams& params) {
  OpenDocument* entry = documents_.find(params.textDocument.uri);
  if (!entry)
    throw RpcError(error_code::kInvalidParams, "invalid params: textDocument.uri: not an open document",
                   json{{"field", "textDocument.uri"}});
  const Document& doc = *entry->doc;
  std::string tree;
  if (syntax::Node root = doc.root()) {
    char* text = ts_node_string(root.raw());
    tree = text;
    std::free(text);
  }
  return {{"version", doc.version()}, {"text", doc.text()}, {"tree", tree}};
}

}  // namespace dfls::lsp
