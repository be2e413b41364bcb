// Language features: each handler finds the document, converts the position at the edge, calls
// the pure feature function and renders its result. No feature logic lives here.
#include <fstream>
#include <sstream>

#include "core/model/model.h"
#include "features/completion.h"
#include "features/folding.h"
#include "features/formatting.h"
#include "features/links.h"
#include "features/semantic_tokens.h"
#include "features/hover.h"
#include "features/navigation.h"
#include "features/signature_help.h"
#include "features/symbols.h"
#include "lsp/convert.h"
#include "lsp/server.h"
#include "rules/suppression_actions.h"

namespace dfls::lsp {

namespace {

// A client capability at a dotted path ("textDocument.completion.completionItem.snippetSupport").
bool client_supports(const json& caps, std::string_view path) {
  const json* at = &caps;
  size_t start = 0;
  while (start <= path.size()) {
    size_t dot = path.find('.', start);
    std::string key(path.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start));
    if (!at->is_object() || !at->contains(key)) return false;
    at = &(*at)[key];
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  return at->is_boolean() ? at->get<bool>() : !at->is_null();
}

bool client_has_value(const json& caps, std::string_view path, std::string_view value) {
  const json* at = &caps;
  size_t start = 0;
  for (;;) {
    size_t dot = path.find('.', start);
    std::string key(path.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start));
    if (!at->is_object() || !at->contains(key)) return false;
    at = &(*at)[key];
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  if (!at->is_array()) return false;
  for (const auto& v : *at)
    if (v.is_string() && v.get<std::string>() == value) return true;
  return false;
}

// The "range" member of a request's params.
Range range_param(const json& params) {
  if (!params.contains("range")) throw InvalidParams("range", "missing");
  Range range;
  try {
    from_json(params["range"], range);
  } catch (InvalidParams& e) {
    e.prepend("range");
    throw;
  }
  return range;
}

// LSP FormattingOptions over the formatter settings. A missing or null optional member means the
// formatter's default (trailing whitespace is trimmed unless the client says false).
FormatOptions format_options(const json& params, const Config& config) {
  FormatOptions o;
  std::string keyword_case = config.formatter_keyword_case.value_or("preserve");
  o.keyword_case = keyword_case == "upper"   ? KeywordCase::Upper
                   : keyword_case == "lower" ? KeywordCase::Lower
                                             : KeywordCase::Preserve;
  o.ignore_multiline_instructions = config.formatter_ignore_multiline_instructions.value_or(false);
  if (!params.contains("options") || !params["options"].is_object())
    throw InvalidParams("options", "expected an object");
  const json& j = params["options"];
  if (j.contains("tabSize") && !j["tabSize"].is_null()) {
    if (!j["tabSize"].is_number_unsigned() || j["tabSize"].get<uint64_t>() == 0)
      throw InvalidParams("options.tabSize", "expected a positive integer");
    o.tab_size = std::min<uint64_t>(j["tabSize"].get<uint64_t>(), 64);
  }
  auto boolean = [&](const char* key, bool& out) {
    if (!j.contains(key) || j[key].is_null()) return;
    if (!j[key].is_boolean()) throw InvalidParams(std::string("options.") + key, "expected a boolean");
    out = j[key].get<bool>();
  };
  boolean("insertSpaces", o.insert_spaces);
  boolean("trimTrailingWhitespace", o.trim_trailing_whitespace);
  boolean("insertFinalNewline", o.insert_final_newline);
  boolean("trimFinalNewlines", o.trim_final_newlines);
  return o;
}

json render_edits(const Document& doc, const std::vector<TextEdit>& edits, Encoding encoding) {
  json out = json::array();
  for (const auto& e : edits)
    out.push_back({{"range", to_range(doc.lines(), e.range, encoding)}, {"newText", e.new_text}});
  return out;
}

int completion_kind(CompletionKind kind) {
  switch (kind) {
    case CompletionKind::Keyword: return 14;
    case CompletionKind::Snippet: return 15;
    case CompletionKind::Flag: return 5;       // Field.
    case CompletionKind::MountKey: return 10;  // Property.
    case CompletionKind::Value: return 12;
    case CompletionKind::Variable: return 6;
    case CompletionKind::Stage: return 9;      // Module.
    case CompletionKind::Image: return 9;
    case CompletionKind::Tag: return 20;       // EnumMember.
    case CompletionKind::Digest: return 20;
    case CompletionKind::Directive: return 14;
    case CompletionKind::Operator: return 24;
    case CompletionKind::Path: return 19;      // Folder.
    case CompletionKind::User: return 18;      // Reference.
    case CompletionKind::Rule: return 12;
  }
  return 1;
}

int symbol_kind(OutlineKind kind) {
  switch (kind) {
    case OutlineKind::Stage: return 2;        // Module.
    case OutlineKind::Variable: return 13;    // Variable.
    case OutlineKind::Instruction: return 12; // Function.
    case OutlineKind::Directive: return 14;   // Constant.
  }
  return 12;
}

json markup(const json& caps, std::string_view capability_path, const std::string& markdown) {
  bool md = !client_supports(caps, capability_path) ||
            client_has_value(caps, capability_path, "markdown");
  return {{"kind", md ? "markdown" : "plaintext"}, {"value", markdown}};
}

std::string read_text_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string file_uri(const std::string& path) {
  std::string out = "file://";
  for (unsigned char c : path) {
    if (std::isalnum(c) || c == '/' || c == '-' || c == '_' || c == '.' || c == '~') {
      out.push_back(static_cast<char>(c));
    } else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      out += buf;
    }
  }
  return out;
}

}  // namespace

const Document* Server::document_for(const std::string& uri) {
  OpenDocument* entry = documents_.find(uri);
  return entry ? entry->doc.get() : nullptr;
}

json Server::on_hover(const TextDocumentPositionParams& params) {
  const Document* doc = document_for(params.textDocument.uri);
  if (!doc) return nullptr;
  auto hover = find_hover(*doc, to_offset(doc->lines(), params.position, encoding_));
  if (!hover) return nullptr;
  return {{"contents", markup(client_.raw, "textDocument.hover.contentFormat", hover->markdown)},
          {"range", to_range(doc->lines(), hover->range, encoding_)}};
}

json Server::on_completion(const TextDocumentPositionParams& params) {
  const Document* doc = document_for(params.textDocument.uri);
  if (!doc) return nullptr;
  CompletionOptions options;
  options.snippets = client_supports(client_.raw, "textDocument.completion.completionItem.snippetSupport");
  CompletionList list = complete(*doc, to_offset(doc->lines(), params.position, encoding_), options);
  json items = json::array();
  for (const auto& item : list.items) {
    json j = {{"label", item.label},
              {"kind", completion_kind(item.kind)},
              {"textEdit", {{"range", to_range(doc->lines(), item.replace, encoding_)},
                            {"newText", item.insert_text.empty() ? item.label : item.insert_text}}},
              {"insertTextFormat", item.snippet ? 2 : 1}};
    if (!item.detail.empty()) j["detail"] = item.detail;
    if (!item.filter_text.empty()) j["filterText"] = item.filter_text;
    if (!item.sort_text.empty()) j["sortText"] = item.sort_text;
    if (!item.documentation.empty())
      j["documentation"] = markup(client_.raw, "textDocument.completion.completionItem.documentationFormat",
                                  item.documentation);
    else if (!item.documentation_key.empty())
      j["data"] = {{"doc", item.documentation_key}};
    if (item.deprecated) j["tags"] = {1};
    if (item.retrigger) j["command"] = {{"title", "Suggest"}, {"command", "editor.action.triggerSuggest"}};
    items.push_back(std::move(j));
  }
  return {{"isIncomplete", list.is_incomplete}, {"items", std::move(items)}};
}

json Server::on_completion_resolve(const json& item) {
  if (!item.is_object()) throw InvalidParams("", "expected a completion item object");
  json out = item;
  if (item.contains("data") && item["data"].is_object() && item["data"].contains("doc") &&
      item["data"]["doc"].is_string()) {
    if (auto doc = completion_documentation(item["data"]["doc"].get<std::string>()))
      out["documentation"] =
          markup(client_.raw, "textDocument.completion.completionItem.documentationFormat", *doc);
  }
  return out;
}

json Server::on_signature_help(const TextDocumentPositionParams& params) {
  const Document* doc = document_for(params.textDocument.uri);
  if (!doc) return nullptr;
  auto help = signature_help(*doc, to_offset(doc->lines(), params.position, encoding_));
  if (!help || help->signatures.empty()) return nullptr;
  json signatures = json::array();
  for (const auto& s : help->signatures) {
    json parameters = json::array();
    for (const auto& p : s.parameters) {
      json pj = {{"label", {p.start, p.end}}};
      if (!p.documentation.empty()) pj["documentation"] = {{"kind", "markdown"}, {"value", p.documentation}};
      parameters.push_back(std::move(pj));
    }
    json sj = {{"label", s.label}, {"parameters", std::move(parameters)}};
    if (!s.documentation.empty()) sj["documentation"] = {{"kind", "markdown"}, {"value", s.documentation}};
    signatures.push_back(std::move(sj));
  }
  json out = {{"signatures", std::move(signatures)}, {"activeSignature", help->active_signature}};
  out["activeParameter"] = help->active_parameter >= 0 ? json(help->active_parameter) : json(nullptr);
  return out;
}

json Server::on_definition(const TextDocumentPositionParams& params) {
  const Document* doc = document_for(params.textDocument.uri);
  if (!doc) return nullptr;
  size_t offset = to_offset(doc->lines(), params.position, encoding_);
  auto targets = find_definition(*doc, offset);
  if (targets.empty()) return nullptr;
  json out = json::array();
  bool links = client_supports(client_.raw, "textDocument.definition.linkSupport");
  auto origin = symbol_at(*doc, offset);
  for (const auto& target : targets) {
    json range = to_range(doc->lines(), target, encoding_);
    if (links) {
      json link = {{"targetUri", doc->uri()}, {"targetRange", range}, {"targetSelectionRange", range}};
      if (origin) link["originSelectionRange"] = to_range(doc->lines(), origin->range, encoding_);
      out.push_back(std::move(link));
    } else {
      out.push_back({{"uri", doc->uri()}, {"range", range}});
    }
  }
  return out;
}

json Server::on_references(const json& params) {
  auto position = parse_params<TextDocumentPositionParams>(params);
  bool include_declaration = false;
  if (params.contains("context") && params["context"].is_object() &&
      params["context"].contains("includeDeclaration")) {
    const json& flag = params["context"]["includeDeclaration"];
    if (!flag.is_boolean()) throw InvalidParams("context.includeDeclaration", "expected a boolean");
    include_declaration = flag.get<bool>();
  }
  const Document* doc = document_for(position.textDocument.uri);
  if (!doc) return nullptr;
  json out = json::array();
  for (const auto& r : find_references(*doc, to_offset(doc->lines(), position.position, encoding_),
                                       include_declaration))
    out.push_back({{"uri", doc->uri()}, {"range", to_range(doc->lines(), r, encoding_)}});
  return out;
}

json Server::on_document_highlight(const TextDocumentPositionParams& params) {
  const Document* doc = document_for(params.textDocument.uri);
  if (!doc) return nullptr;
  json out = json::array();
  for (const auto& h : document_highlights(*doc, to_offset(doc->lines(), params.position, encoding_)))
    out.push_back({{"range", to_range(doc->lines(), h.range, encoding_)}, {"kind", h.write ? 3 : 2}});
  return out;
}

json Server::on_prepare_rename(const TextDocumentPositionParams& params) {
  const Document* doc = document_for(params.textDocument.uri);
  if (!doc) return nullptr;
  auto result = prepare_rename(*doc, to_offset(doc->lines(), params.position, encoding_));
  if (auto* error = std::get_if<RenameError>(&result))
    throw RpcError(error_code::kRequestFailed, error->message);
  const auto& placeholder = std::get<RenamePlaceholder>(result);
  return {{"range", to_range(doc->lines(), placeholder.range, encoding_)}, {"placeholder", placeholder.text}};
}

json Server::on_rename(const json& params) {
  auto position = parse_params<TextDocumentPositionParams>(params);
  if (!params.contains("newName") || !params["newName"].is_string())
    throw InvalidParams("newName", "expected a string");
  const Document* doc = document_for(position.textDocument.uri);
  if (!doc) return nullptr;
  auto result = rename(*doc, to_offset(doc->lines(), position.position, encoding_),
                       params["newName"].get<std::string>());
  if (auto* error = std::get_if<RenameError>(&result))
    throw RpcError(error_code::kRequestFailed, error->message);
  json edits = json::array();
  for (const auto& e : std::get<std::vector<TextEdit>>(result))
    edits.push_back({{"range", to_range(doc->lines(), e.range, encoding_)}, {"newText", e.new_text}});
  return {{"changes", {{doc->uri(), std::move(edits)}}}};
}

json Server::on_document_symbol(const TextDocumentParams& params) {
  const Document* doc = document_for(params.textDocument.uri);
  if (!doc) return nullptr;
  std::function<json(const OutlineSymbol&)> render = [&](const OutlineSymbol& s) {
    json j = {{"name", s.name.empty() ? std::string("?") : s.name},
              {"kind", symbol_kind(s.kind)},
              {"range", to_range(doc->lines(), s.range, encoding_)},
              {"selectionRange", to_range(doc->lines(), s.selection_range, encoding_)}};
    if (!s.detail.empty()) j["detail"] = s.detail;
    if (!s.children.empty()) {
      json children = json::array();
      for (const auto& c : s.children) children.push_back(render(c));
      j["children"] = std::move(children);
    }
    return j;
  };
  json out = json::array();
  for (const auto& s : document_symbols(*doc)) out.push_back(render(s));
  return out;
}

json Server::on_workspace_symbol(const json& params) {
  if (!params.is_object() || !params.contains("query") || !params["query"].is_string())
    throw InvalidParams("query", "expected a string");
  std::vector<const Document*> docs;
  for (const auto& [uri, entry] : documents_.all()) docs.push_back(entry.doc.get());
  json out = json::array();
  for (const auto& ws : workspace_symbols(docs, params["query"].get<std::string>())) {
    const Document* doc = document_for(ws.uri);
    if (!doc) continue;
    json j = {{"name", ws.symbol.name},
              {"kind", symbol_kind(ws.symbol.kind)},
              {"location", {{"uri", ws.uri}, {"range", to_range(doc->lines(), ws.symbol.selection_range, encoding_)}}}};
    if (!ws.container.empty()) j["containerName"] = ws.container;
    out.push_back(std::move(j));
  }
  return out;
}

json Server::on_folding_range(const TextDocumentParams& params) {
  const Document* doc = document_for(params.textDocument.uri);
  if (!doc) return nullptr;
  json out = json::array();
  for (const auto& f : folding_ranges(*doc)) {
    json j = {{"startLine", f.start_line}, {"endLine", f.end_line}};
    if (f.kind == FoldKind::Comment) j["kind"] = "comment";
    out.push_back(std::move(j));
  }
  return out;
}

json Server::on_semantic_tokens_full(const TextDocumentParams& params) {
  const Document* doc = document_for(params.textDocument.uri);
  if (!doc) return nullptr;
  return {{"data", encode_semantic_tokens(doc->lines(), semantic_tokens(*doc), encoding_)}};
}

json Server::on_semantic_tokens_range(const json& params) {
  auto document = parse_params<TextDocumentParams>(params);
  Range range = range_param(params);
  const Document* doc = document_for(document.textDocument.uri);
  if (!doc) return nullptr;
  ByteRange wanted = to_byte_range(doc->lines(), range, encoding_);
  return {{"data", encode_semantic_tokens(doc->lines(), semantic_tokens(*doc, wanted), encoding_)}};
}

json Server::on_formatting(const json& params) {
  auto document = parse_params<TextDocumentParams>(params);
  const Document* doc = document_for(document.textDocument.uri);
  if (!doc) return nullptr;
  FormatOptions options = format_options(params, config_for(doc->uri()));
  return render_edits(*doc, format_document(*doc, options), encoding_);
}

json Server::on_range_formatting(const json& params) {
  auto document = parse_params<TextDocumentParams>(params);
  Range range = range_param(params);
  const Document* doc = document_for(document.textDocument.uri);
  if (!doc) return nullptr;
  FormatOptions options = format_options(params, config_for(doc->uri()));
  ByteRange wanted = to_byte_range(doc->lines(), range, encoding_);
  return render_edits(*doc, format_range(*doc, wanted, options), encoding_);
}

json Server::on_document_link(const TextDocumentParams& params) {
  const Document* doc = document_for(params.textDocument.uri);
  if (!doc) return nullptr;
  json out = json::array();
  for (const auto& link : document_links(*doc)) {
    json j = {{"range", to_range(doc->lines(), link.range, encoding_)}, {"target", link.target}};
    if (!link.tooltip.empty()) j["tooltip"] = link.tooltip;
    out.push_back(std::move(j));
  }
  return out;
}

// A fix as a WorkspaceEdit: document edits in `changes`, or `documentChanges` with a CreateFile
// when it creates or edits another file (such as .dockerignore).
json Server::workspace_edit(const Document& doc, const Fix& fix) const {
  json own = json::array();
  for (const auto& e : fix.edits)
    own.push_back({{"range", to_range(doc.lines(), e.range, encoding_)}, {"newText", e.new_text}});
  if (fix.file_edits.empty()) return {{"changes", {{doc.uri(), std::move(own)}}}};
  json changes = json::array();
  if (!own.empty())
    changes.push_back({{"textDocument", {{"uri", doc.uri()}, {"version", doc.version()}}}, {"edits", own}});
  for (const auto& fe : fix.file_edits) {
    std::string uri = file_uri(fe.path);
    if (fe.create) changes.push_back({{"kind", "create"}, {"uri", uri}, {"options", {{"ignoreIfExists", true}}}});
    std::string text = fe.create ? std::string() : read_text_file(fe.path);
    LineIndex lines(text);
    json edits = json::array();
    for (const auto& e : fe.edits)
      edits.push_back({{"range", to_range(lines, e.range, encoding_)}, {"newText", e.new_text}});
    changes.push_back({{"textDocument", {{"uri", uri}, {"version", nullptr}}}, {"edits", std::move(edits)}});
  }
  return {{"documentChanges", std::move(changes)}};
}

json Server::on_code_action(const json& params) {
  auto document = parse_params<TextDocumentParams>(params);
  Range range = range_param(params);
  OpenDocument* entry = documents_.find(document.textDocument.uri);
  if (!entry) return json::array();
  const Document& doc = *entry->doc;
  ByteRange wanted = to_byte_range(doc.lines(), range, encoding_);
  bool resource_ops = client_supports(client_.raw, "workspace.workspaceEdit.documentChanges");
  json actions = json::array();
  for (const Diag& d : diagnostics(*entry)) {
    if (d.range.end < wanted.start || d.range.start > wanted.end) continue;
    json diagnostic = to_diagnostic(d, doc, encoding_);
    auto add = [&](const Fix& fix, bool quickfix) {
      if (!fix.file_edits.empty() && !resource_ops) return;
      json action = {{"title", fix.title},
                     {"kind", quickfix ? "quickfix" : "quickfix.suppress"},
                     {"diagnostics", json::array({diagnostic})},
                     {"edit", workspace_edit(doc, fix)}};
      if (fix.preferred) action["isPreferred"] = true;
      actions.push_back(std::move(action));
    };
    for (const Fix& fix : d.fixes) add(fix, true);
    if (d.rule_id != "SyntaxError")
      for (const Fix& fix : suppression_fixes(doc, d)) add(fix, false);
  }
  return actions;
}

}  // namespace dfls::lsp
