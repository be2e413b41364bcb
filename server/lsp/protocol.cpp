#include "lsp/protocol.h"

#include <initializer_list>
#include <limits>

namespace dfls::lsp {

namespace {

std::string kind_of(const json& j) {
  switch (j.type()) {
    case json::value_t::null: return "null";
    case json::value_t::boolean: return "a boolean";
    case json::value_t::string: return "a string";
    case json::value_t::array: return "an array";
    case json::value_t::object: return "an object";
    case json::value_t::number_float: return "a fractional number";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned: return "an integer";
    default: return "an unexpected value";
  }
}

[[noreturn]] void mismatch(const json& j, std::string_view expected) {
  throw InvalidParams("", "expected " + std::string(expected) + ", got " + kind_of(j));
}

void expect_object(const json& j) {
  if (!j.is_object()) mismatch(j, "an object");
}

template <typename T>
struct Read {
  static T get(const json& j) {
    T value{};
    from_json(j, value);
    return value;
  }
};

template <>
struct Read<std::string> {
  static std::string get(const json& j) {
    if (!j.is_string()) mismatch(j, "a string");
    return j.get<std::string>();
  }
};

template <>
struct Read<bool> {
  static bool get(const json& j) {
    if (!j.is_boolean()) mismatch(j, "a boolean");
    return j.get<bool>();
  }
};

template <>
struct Read<int64_t> {
  static int64_t get(const json& j) {
    if (j.is_number_unsigned() && j.get<uint64_t>() > uint64_t(std::numeric_limits<int64_t>::max()))
      mismatch(j, "a smaller integer");
    if (!j.is_number_integer()) mismatch(j, "an integer");
    return j.get<int64_t>();
  }
};

template <>
struct Read<uint32_t> {
  static uint32_t get(const json& j) {
    if (!j.is_number_integer()) mismatch(j, "a non-negative integer");
    if (j.is_number_unsigned() ? j.get<uint64_t>() > std::numeric_limits<uint32_t>::max()
                               : (j.get<int64_t>() < 0 ||
                                  j.get<int64_t>() > std::numeric_limits<uint32_t>::max()))
      throw InvalidParams("", "expected a non-negative integer below 2^32, got " + j.dump());
    return static_cast<uint32_t>(j.get<int64_t>());
  }
};

template <typename T>
struct Read<std::vector<T>> {
  static std::vector<T> get(const json& j) {
    if (!j.is_array()) mismatch(j, "an array");
    std::vector<T> out;
    out.reserve(j.size());
    for (size_t i = 0; i < j.size(); ++i) {
      try {
        out.push_back(Read<T>::get(j[i]));
      } catch (InvalidParams& e) {
        e.prepend("[" + std::to_string(i) + "]");
        throw;
      }
    }
    return out;
  }
};

template <typename T>
T field(const json& object, const char* key) {
  auto it = object.find(key);
  if (it == object.end()) throw InvalidParams(key, "missing");
  try {
    return Read<T>::get(*it);
  } catch (InvalidParams& e) {
    e.prepend(key);
    throw;
  }
}

// Absent or null: nullopt.
template <typename T>
std::optional<T> optional_field(const json& object, const char* key) {
  auto it = object.find(key);
  if (it == object.end() || it->is_null()) return std::nullopt;
  try {
    return Read<T>::get(*it);
  } catch (InvalidParams& e) {
    e.prepend(key);
    throw;
  }
}

// The value at a path of object keys, or null when any step is missing or not an object.
const json& at_path(const json& j, std::initializer_list<const char*> keys) {
  static const json kNull;
  const json* cur = &j;
  for (const char* key : keys) {
    if (!cur->is_object()) return kNull;
    auto it = cur->find(key);
    if (it == cur->end()) return kNull;
    cur = &*it;
  }
  return *cur;
}

bool flag(const json& j, std::initializer_list<const char*> keys) {
  const json& v = at_path(j, keys);
  return v.is_boolean() && v.get<bool>();
}

}  // namespace

void from_json(const json& j, Position& p) {
  expect_object(j);
  p.line = field<uint32_t>(j, "line");
  p.character = field<uint32_t>(j, "character");
}

void from_json(const json& j, Range& r) {
  expect_object(j);
  r.start = field<Position>(j, "start");
  r.end = field<Position>(j, "end");
}

void from_json(const json& j, TextDocumentIdentifier& t) {
  expect_object(j);
  t.uri = field<std::string>(j, "uri");
}

void from_json(const json& j, VersionedTextDocumentIdentifier& t) {
  expect_object(j);
  t.uri = field<std::string>(j, "uri");
  t.version = field<int64_t>(j, "version");
}

void from_json(const json& j, TextDocumentItem& t) {
  expect_object(j);
  t.uri = field<std::string>(j, "uri");
  t.languageId = field<std::string>(j, "languageId");
  t.version = field<int64_t>(j, "version");
  t.text = field<std::string>(j, "text");
}

void from_json(const json& j, TextDocumentContentChangeEvent& c) {
  expect_object(j);
  c.range = optional_field<Range>(j, "range");
  c.text = field<std::string>(j, "text");
}

void from_json(const json& j, DidOpenTextDocumentParams& p) {
  expect_object(j);
  p.textDocument = field<TextDocumentItem>(j, "textDocument");
}

void from_json(const json& j, DidChangeTextDocumentParams& p) {
  expect_object(j);
  p.textDocument = field<VersionedTextDocumentIdentifier>(j, "textDocument");
  p.contentChanges = field<std::vector<TextDocumentContentChangeEvent>>(j, "contentChanges");
}

void from_json(const json& j, DidCloseTextDocumentParams& p) {
  expect_object(j);
  p.textDocument = field<TextDocumentIdentifier>(j, "textDocument");
}

void from_json(const json& j, DidSaveTextDocumentParams& p) {
  expect_object(j);
  p.textDocument = field<TextDocumentIdentifier>(j, "textDocument");
  p.text = optional_field<std::string>(j, "text");
}

void from_json(const json& j, TextDocumentParams& p) {
  expect_object(j);
  p.textDocument = field<TextDocumentIdentifier>(j, "textDocument");
}

void from_json(const json& j, TextDocumentPositionParams& p) {
  expect_object(j);
  p.textDocument = field<TextDocumentIdentifier>(j, "textDocument");
  p.position = field<Position>(j, "position");
}

void from_json(const json& j, DocumentDiagnosticParams& p) {
  expect_object(j);
  p.textDocument = field<TextDocumentIdentifier>(j, "textDocument");
  p.identifier = optional_field<std::string>(j, "identifier");
  p.previousResultId = optional_field<std::string>(j, "previousResultId");
}

void from_json(const json& j, ClientCapabilities& c) {
  expect_object(j);
  c.raw = j;
  const json& encodings = at_path(j, {"general", "positionEncodings"});
  if (encodings.is_array())
    for (const json& e : encodings)
      if (e.is_string()) c.positionEncodings.push_back(e.get<std::string>());
  c.pullDiagnostics = at_path(j, {"textDocument", "diagnostic"}).is_object();
  c.diagnosticRefresh = flag(j, {"workspace", "diagnostics", "refreshSupport"});
  c.configuration = flag(j, {"workspace", "configuration"});
  c.didChangeConfigurationDynamic =
      flag(j, {"workspace", "didChangeConfiguration", "dynamicRegistration"});
}

void from_json(const json& j, ClientInfo& c) {
  expect_object(j);
  c.name = field<std::string>(j, "name");
  c.version = optional_field<std::string>(j, "version");
}

void from_json(const json& j, InitializeParams& p) {
  expect_object(j);
  p.processId = optional_field<int64_t>(j, "processId");
  p.clientInfo = optional_field<ClientInfo>(j, "clientInfo");
  p.capabilities = optional_field<ClientCapabilities>(j, "capabilities").value_or(ClientCapabilities{});
  p.initializationOptions = j.value("initializationOptions", json());
  p.trace = optional_field<std::string>(j, "trace");
  if (p.trace && *p.trace != "off" && *p.trace != "messages" && *p.trace != "verbose")
    throw InvalidParams("trace", "expected \"off\", \"messages\" or \"verbose\"");
}

void from_json(const json& j, SetTraceParams& p) {
  expect_object(j);
  p.value = field<std::string>(j, "value");
  if (p.value != "off" && p.value != "messages" && p.value != "verbose")
    throw InvalidParams("value", "expected \"off\", \"messages\" or \"verbose\"");
}

void from_json(const json& j, DidChangeConfigurationParams& p) {
  expect_object(j);
  p.settings = j.value("settings", json());
}

void to_json(json& j, const Position& p) { j = {{"line", p.line}, {"character", p.character}}; }

void to_json(json& j, const Range& r) { j = {{"start", r.start}, {"end", r.end}}; }

void to_json(json& j, const Location& l) { j = {{"uri", l.uri}, {"range", l.range}}; }

void to_json(json& j, const Diagnostic& d) {
  j = {{"range", d.range}, {"severity", d.severity}, {"message", d.message}};
  if (!d.code.empty()) j["code"] = d.code;
  if (!d.codeDescriptionHref.empty()) j["codeDescription"] = {{"href", d.codeDescriptionHref}};
  if (!d.source.empty()) j["source"] = d.source;
  if (!d.tags.empty()) j["tags"] = d.tags;
  if (!d.relatedInformation.empty()) {
    json related = json::array();
    for (const auto& r : d.relatedInformation)
      related.push_back({{"location", r.location}, {"message", r.message}});
    j["relatedInformation"] = std::move(related);
  }
  if (!d.data.is_null()) j["data"] = d.data;
}

void to_json(json& j, const PublishDiagnosticsParams& p) {
  j = {{"uri", p.uri}, {"diagnostics", p.diagnostics}};
  if (p.version) j["version"] = *p.version;
}

}  // namespace dfls::lsp
