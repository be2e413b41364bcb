// Dispatcher: routing, exactly one reply per request, error codes, cancellation, responses to the
// server's own requests; and params reading that names the offending field.
#include "lsp/jsonrpc.h"

#include <catch2/catch_test_macros.hpp>
#include <stdexcept>
#include <vector>

#include "lsp/protocol.h"

using dfls::lsp::Dispatcher;
using dfls::lsp::json;
using dfls::lsp::RpcError;
namespace code = dfls::lsp::error_code;

namespace {

struct Harness {
  std::vector<json> out;
  Dispatcher rpc{[this](const json& m) { out.push_back(m); }};
  int notified = 0;

  Harness() {
    rpc.add_request("echo", [](const json& params) { return params; });
    rpc.add_request("fail", [](const json&) -> json { throw std::runtime_error("boom"); });
    rpc.add_request("busy", [](const json&) -> json { throw RpcError(code::kRequestFailed, "busy"); });
    rpc.add_request("typed", [](const json& params) {
      auto p = dfls::lsp::parse_params<dfls::lsp::DidChangeTextDocumentParams>(params);
      return json(p.contentChanges.size());
    });
    rpc.add_notification("note", [this](const json&) { ++notified; });
    rpc.add_notification("note/fail", [](const json&) { throw std::runtime_error("boom"); });
  }

  // Handles one message given as JSON text; returns what was written.
  std::vector<json> send(const std::string& text) {
    out.clear();
    rpc.handle(json::parse(text));
    return out;
  }
  int error_code_of(const std::string& text) {
    auto replies = send(text);
    REQUIRE(replies.size() == 1);
    REQUIRE(replies[0].contains("error"));
    return replies[0]["error"]["code"].get<int>();
  }
};

}  // namespace

TEST_CASE("Dispatcher answers a request once, with its id") {
  Harness h;
  auto replies = h.send(R"({"jsonrpc":"2.0","id":7,"method":"echo","params":{"x":1}})");
  REQUIRE(replies.size() == 1);
  CHECK(replies[0] == json::parse(R"({"jsonrpc":"2.0","id":7,"result":{"x":1}})"));
  replies = h.send(R"({"jsonrpc":"2.0","id":"s-1","method":"echo"})");
  REQUIRE(replies.size() == 1);
  CHECK(replies[0]["id"] == "s-1");
  CHECK(replies[0].contains("result"));
  CHECK(replies[0]["result"].is_null());
}

TEST_CASE("Dispatcher never answers notifications") {
  Harness h;
  CHECK(h.send(R"({"jsonrpc":"2.0","method":"note"})").empty());
  CHECK(h.notified == 1);
  CHECK(h.send(R"({"jsonrpc":"2.0","method":"unknown/notification","params":{}})").empty());
  CHECK(h.send(R"({"jsonrpc":"2.0","method":"$/unknown","params":{}})").empty());
  CHECK(h.send(R"({"jsonrpc":"2.0","method":"note/fail"})").empty());
}

TEST_CASE("Dispatcher answers unknown requests with MethodNotFound") {
  Harness h;
  CHECK(h.error_code_of(R"({"jsonrpc":"2.0","id":1,"method":"nope"})") == code::kMethodNotFound);
  CHECK(h.error_code_of(R"({"jsonrpc":"2.0","id":2,"method":"$/nope"})") == code::kMethodNotFound);
}

TEST_CASE("Dispatcher answers malformed messages with InvalidRequest") {
  Harness h;
  for (const char* bad : {
           R"([{"jsonrpc":"2.0","id":1,"method":"echo"}])",
           R"(42)",
           R"({"id":1,"method":"echo"})",
           R"({"jsonrpc":"1.0","id":1,"method":"echo"})",
           R"({"jsonrpc":"2.0","id":1.5,"method":"echo"})",
           R"({"jsonrpc":"2.0","id":{},"method":"echo"})",
           R"({"jsonrpc":"2.0","id":1,"method":5})",
           R"({"jsonrpc":"2.0","id":1,"method":"echo","params":"x"})",
           R"({"jsonrpc":"2.0","id":1})",
       }) {
    INFO(bad);
    CHECK(h.error_code_of(bad) == code::kInvalidRequest);
  }
}

TEST_CASE("Dispatcher answers a failing handler with InternalError and keeps going") {
  Harness h;
  auto replies = h.send(R"({"jsonrpc":"2.0","id":1,"method":"fail"})");
  REQUIRE(replies.size() == 1);
  CHECK(replies[0]["error"]["code"] == code::kInternalError);
  CHECK(replies[0]["error"]["message"] == "internal error in fail: boom");
  CHECK(h.error_code_of(R"({"jsonrpc":"2.0","id":2,"method":"busy"})") == code::kRequestFailed);
  CHECK(h.send(R"({"jsonrpc":"2.0","id":3,"method":"echo"})").at(0).contains("result"));
}

TEST_CASE("Dispatcher answers a parse error with id null") {
  Harness h;
  h.rpc.handle_unparsable("syntax error");
  REQUIRE(h.out.size() == 1);
  CHECK(h.out[0]["id"].is_null());
  CHECK(h.out[0]["error"]["code"] == code::kParseError);
  std::string error;
  CHECK(dfls::lsp::parse_body("{\"a\":", error).is_null());
  CHECK_FALSE(error.empty());
  CHECK(error.find("json.exception") == std::string::npos);
  error.clear();
  CHECK(dfls::lsp::parse_body("\"\xFF\"", error).is_null());  // Ill-formed UTF-8.
  CHECK_FALSE(error.empty());
}

TEST_CASE("Dispatcher names the offending field of invalid params") {
  Harness h;
  auto replies = h.send(R"({"jsonrpc":"2.0","id":1,"method":"typed","params":{
      "textDocument":{"uri":"file:///a","version":2},
      "contentChanges":[{"text":"x"},{"range":{"start":{"line":-1,"character":0},
                                               "end":{"line":0,"character":0}},"text":""}]}})");
  REQUIRE(replies.size() == 1);
  CHECK(replies[0]["error"]["code"] == code::kInvalidParams);
  CHECK(replies[0]["error"]["data"]["field"] == "contentChanges[1].range.start.line");
  CHECK(replies[0]["error"]["message"] ==
        "invalid params: contentChanges[1].range.start.line: expected a non-negative integer below "
        "2^32, got -1");

  replies = h.send(R"({"jsonrpc":"2.0","id":2,"method":"typed","params":{"textDocument":{"uri":"file:///a"}}})");
  CHECK(replies.at(0)["error"]["data"]["field"] == "textDocument.version");
  CHECK(replies.at(0)["error"]["message"] == "invalid params: textDocument.version: missing");

  replies = h.send(R"({"jsonrpc":"2.0","id":3,"method":"typed"})");
  CHECK(replies.at(0)["error"]["message"] == "invalid params: params: expected an object, got null");
}

TEST_CASE("Dispatcher answers a request cancelled before it ran with RequestCancelled") {
  Harness h;
  json request = json::parse(R"({"jsonrpc":"2.0","id":5,"method":"echo"})");
  json cancel = json::parse(R"({"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":5}})");
  // The reader sees both before the loop handles the request.
  h.rpc.note_incoming(request);
  h.rpc.note_incoming(cancel);
  h.rpc.handle(request);
  h.rpc.handle(cancel);
  REQUIRE(h.out.size() == 1);
  CHECK(h.out[0]["id"] == 5);
  CHECK(h.out[0]["error"]["code"] == code::kRequestCancelled);
  // A cancellation that comes after the answer changes nothing, and is forgotten.
  h.out.clear();
  h.rpc.handle(json::parse(R"({"jsonrpc":"2.0","id":6,"method":"echo"})"));
  json late = json::parse(R"({"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":6}})");
  h.rpc.note_incoming(late);
  h.rpc.handle(late);
  REQUIRE(h.out.size() == 1);
  CHECK(h.out[0].contains("result"));
}

TEST_CASE("Dispatcher lets a gate refuse requests and drop notifications") {
  Harness h;
  h.rpc.set_gate([](std::string_view method, bool) -> std::optional<RpcError> {
    if (method == "echo") return std::nullopt;
    return RpcError(code::kServerNotInitialized, "not yet");
  });
  CHECK(h.error_code_of(R"({"jsonrpc":"2.0","id":1,"method":"fail"})") == code::kServerNotInitialized);
  CHECK(h.send(R"({"jsonrpc":"2.0","method":"note"})").empty());
  CHECK(h.notified == 0);
  CHECK(h.send(R"({"jsonrpc":"2.0","id":2,"method":"echo"})").at(0).contains("result"));
}

TEST_CASE("Dispatcher routes responses to the server's own requests") {
  Harness h;
  json got;
  std::string error;
  h.rpc.request("workspace/configuration", {{"items", json::array()}},
                [&](const json& result, const RpcError* e) {
                  got = result;
                  if (e) error = e->what();
                });
  REQUIRE(h.out.size() == 1);
  json id = h.out[0]["id"];
  CHECK(h.out[0]["method"] == "workspace/configuration");
  CHECK(h.rpc.pending_requests() == 1);
  h.out.clear();
  h.rpc.handle({{"jsonrpc", "2.0"}, {"id", id}, {"result", json::array({1})}});
  CHECK(got == json::array({1}));
  CHECK(h.rpc.pending_requests() == 0);
  CHECK(h.out.empty());

  h.rpc.request("client/registerCapability", nullptr, [&](const json&, const RpcError* e) {
    if (e) error = e->what();
  });
  id = h.out.back()["id"];
  h.rpc.handle({{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", -32601}, {"message", "no"}}}});
  CHECK(error == "no");
  // A response nobody asked for is logged and ignored.
  h.out.clear();
  h.rpc.handle(json::parse(R"({"jsonrpc":"2.0","id":999,"result":null})"));
  CHECK(h.out.empty());
}
