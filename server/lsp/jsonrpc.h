// JSON-RPC 2.0 as LSP uses it: classifies incoming messages, routes requests and notifications to
// handlers by method name, answers every request exactly once, maps failures to error codes, and
// sends the server's own requests and notifications. It knows nothing of LSP methods; the server
// decides through a gate what the lifecycle allows.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>

namespace dfls::lsp {

using json = nlohmann::json;

namespace error_code {
inline constexpr int kParseError = -32700;
inline constexpr int kInvalidRequest = -32600;
inline constexpr int kMethodNotFound = -32601;
inline constexpr int kInvalidParams = -32602;
inline constexpr int kInternalError = -32603;
inline constexpr int kServerNotInitialized = -32002;
inline constexpr int kRequestFailed = -32803;
inline constexpr int kRequestCancelled = -32800;
}  // namespace error_code

// An error answer; a handler throws it to answer with that code.
class RpcError : public std::runtime_error {
 public:
  RpcError(int code, const std::string& message, json data = nullptr)
      : std::runtime_error(message), code_(code), data_(std::move(data)) {}
  int code() const { return code_; }
  const json& data() const { return data_; }
  json to_json() const;

 private:
  int code_;
  json data_;
};

// Params that do not match what a method takes; names the offending field by its path
// ("textDocument.uri", "contentChanges[1].range.start.line"). Answers -32602.
class InvalidParams : public std::exception {
 public:
  InvalidParams(std::string field, std::string problem)
      : field_(std::move(field)), problem_(std::move(problem)) { update(); }
  // Adds an enclosing field name: "uri" becomes "textDocument.uri", "[2]" gives "changes[2]".
  void prepend(std::string_view outer);
  const std::string& field() const { return field_; }
  const char* what() const noexcept override { return message_.c_str(); }
  RpcError to_error() const;

 private:
  void update();
  std::string field_, problem_, message_;
};

// Parses a message body; when it is not JSON, returns null and sets error to the reason.
json parse_body(std::string_view body, std::string& error);

class Dispatcher {
 public:
  using Writer = std::function<void(const json&)>;
  using RequestHandler = std::function<json(const json& params)>;
  using NotificationHandler = std::function<void(const json& params)>;
  // Called with the result, or with error set when the client answered with an error.
  using ResponseHandler = std::function<void(const json& result, const RpcError* error)>;
  // What the lifecycle allows: nullopt to handle the message, otherwise the error answering a
  // request (a notification that is not allowed is dropped).
  using Gate = std::function<std::optional<RpcError>(std::string_view method, bool is_request)>;
  using Observer = std::function<void(std::string_view method, std::chrono::microseconds took)>;

  explicit Dispatcher(Writer write) : write_(std::move(write)) {}

  void add_request(std::string method, RequestHandler handler);
  void add_notification(std::string method, NotificationHandler handler);
  void set_gate(Gate gate) { gate_ = std::move(gate); }
  void set_observer(Observer observer) { observer_ = std::move(observer); }

  // Thread-safe; called by the reader as soon as a message is read, before earlier messages have
  // been handled, so that a $/cancelRequest can overtake the request it cancels.
  void note_incoming(const json& message);
  // Handles one message (on the event-loop thread).
  void handle(const json& message);
  // Answers a message that could not be parsed or framed: -32700 with id null.
  void handle_unparsable(std::string_view what);

  void notify(std::string_view method, json params);
  void request(std::string_view method, json params, ResponseHandler on_response);
  size_t pending_requests() const { return pending_.size(); }

 private:
  void handle_request(const json& id, const std::string& method, const json& params);
  void handle_notification(const std::string& method, const json& params);
  void handle_response(const json& message);
  void reply(const json& id, json result);
  void reply_error(const json& id, const RpcError& error);

  Writer write_;
  Gate gate_;
  Observer observer_;
  std::map<std::string, RequestHandler, std::less<>> requests_;
  std::map<std::string, NotificationHandler, std::less<>> notifications_;
  std::mutex cancel_mutex_;
  std::set<std::string> cancelled_;  // Ids (as JSON text) cancelled but not yet answered.
  std::map<std::string, ResponseHandler> pending_;  // Our requests, by id as JSON text.
  int64_t next_id_ = 1;
};

}  // namespace dfls::lsp
