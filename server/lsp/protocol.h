// LSP wire types, with the spec's camelCase field names, and their JSON mapping. Reading checks
// every field and throws InvalidParams naming the offending one ("textDocument.version: expected
// an integer"). Only what the server uses is modelled; client capabilities are read leniently
// (a malformed capability counts as absent), since real clients vary.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "lsp/jsonrpc.h"

namespace dfls::lsp {

struct Position {
  uint32_t line = 0;
  uint32_t character = 0;
};

struct Range {
  Position start;
  Position end;
};

struct Location {
  std::string uri;
  Range range;
};

struct TextDocumentIdentifier {
  std::string uri;
};

struct VersionedTextDocumentIdentifier {
  std::string uri;
  int64_t version = 0;
};

struct TextDocumentItem {
  std::string uri;
  std::string languageId;
  int64_t version = 0;
  std::string text;
};

struct TextDocumentContentChangeEvent {
  std::optional<Range> range;  // Absent: text replaces the whole document.
  std::string text;
};

struct DidOpenTextDocumentParams {
  TextDocumentItem textDocument;
};

struct DidChangeTextDocumentParams {
  VersionedTextDocumentIdentifier textDocument;
  std::vector<TextDocumentContentChangeEvent> contentChanges;
};

struct DidCloseTextDocumentParams {
  TextDocumentIdentifier textDocument;
};

struct DidSaveTextDocumentParams {
  TextDocumentIdentifier textDocument;
  std::optional<std::string> text;
};

// Params of requests about a whole document ({"textDocument": {"uri": ...}}).
struct TextDocumentParams {
  TextDocumentIdentifier textDocument;
};

struct TextDocumentPositionParams {
  TextDocumentIdentifier textDocument;
  Position position;
};

struct DocumentDiagnosticParams {
  TextDocumentIdentifier textDocument;
  std::optional<std::string> identifier;
  std::optional<std::string> previousResultId;
};

// The client capabilities the server looks at.
struct ClientCapabilities {
  std::vector<std::string> positionEncodings;  // general.positionEncodings
  bool pullDiagnostics = false;                // textDocument.diagnostic present
  bool diagnosticRefresh = false;              // workspace.diagnostics.refreshSupport
  bool configuration = false;                  // workspace.configuration
  bool didChangeConfigurationDynamic = false;  // workspace.didChangeConfiguration.dynamicRegistration
  json raw = json::object();                   // Everything, for features added later.
};

struct ClientInfo {
  std::string name;
  std::optional<std::string> version;
};

struct InitializeParams {
  std::optional<int64_t> processId;
  std::optional<ClientInfo> clientInfo;
  ClientCapabilities capabilities;
  json initializationOptions;  // Null when absent.
  std::optional<std::string> trace;  // "off", "messages" or "verbose".
};

struct SetTraceParams {
  std::string value;
};

struct DidChangeConfigurationParams {
  json settings;
};

// Outgoing.
struct DiagnosticRelatedInformation {
  Location location;
  std::string message;
};

struct Diagnostic {
  Range range;
  int severity = 2;
  std::string code;
  std::string codeDescriptionHref;  // Empty: no codeDescription.
  std::string source;
  std::string message;
  std::vector<int> tags;
  std::vector<DiagnosticRelatedInformation> relatedInformation;
  json data;  // Null: no data.
};

struct PublishDiagnosticsParams {
  std::string uri;
  std::optional<int64_t> version;
  std::vector<Diagnostic> diagnostics;
};

void from_json(const json& j, Position& p);
void from_json(const json& j, Range& r);
void from_json(const json& j, TextDocumentIdentifier& t);
void from_json(const json& j, VersionedTextDocumentIdentifier& t);
void from_json(const json& j, TextDocumentItem& t);
void from_json(const json& j, TextDocumentContentChangeEvent& c);
void from_json(const json& j, DidOpenTextDocumentParams& p);
void from_json(const json& j, DidChangeTextDocumentParams& p);
void from_json(const json& j, DidCloseTextDocumentParams& p);
void from_json(const json& j, DidSaveTextDocumentParams& p);
void from_json(const json& j, TextDocumentParams& p);
void from_json(const json& j, TextDocumentPositionParams& p);
void from_json(const json& j, DocumentDiagnosticParams& p);
void from_json(const json& j, ClientCapabilities& c);
void from_json(const json& j, ClientInfo& c);
void from_json(const json& j, InitializeParams& p);
void from_json(const json& j, SetTraceParams& p);
void from_json(const json& j, DidChangeConfigurationParams& p);

void to_json(json& j, const Position& p);
void to_json(json& j, const Range& r);
void to_json(json& j, const Location& l);
void to_json(json& j, const Diagnostic& d);
void to_json(json& j, const PublishDiagnosticsParams& p);

// Reads the params of a method into T; every mismatch throws InvalidParams.
template <typename T>
T parse_params(const json& params) {
  if constexpr (std::is_same_v<T, json>) {
    return params;
  } else {
    T value{};
    from_json(params, value);
    return value;
  }
}

}  // namespace dfls::lsp
