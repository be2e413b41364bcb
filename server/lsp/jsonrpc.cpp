#include "lsp/jsonrpc.h"

#include "lsp/log.h"

namespace dfls::lsp {

namespace {

bool valid_id(const json& id) { return id.is_number_integer() || id.is_string(); }

std::string describe(const json& id) { return id.dump(-1, ' ', false, json::error_handler_t::replace); }

}  // namespace

json parse_body(std::string_view body, std::string& error) {
  try {
    return json::parse(body);
  } catch (const json::exception& e) {
    error = e.what();
    // "[json.exception.parse_error.101] parse error at ...": keep the part after the tag.
    if (auto tag = error.find("] "); error.starts_with("[json.exception") && tag != std::string::npos)
      error.erase(0, tag + 2);
    if (error.empty()) error = "invalid JSON";
    return nullptr;
  }
}

json RpcError::to_json() const {
  json e = {{"code", code_}, {"message", what()}};
  if (!data_.is_null()) e["data"] = data_;
  return e;
}

void InvalidParams::prepend(std::string_view outer) {
  if (field_.empty() || field_.front() == '[')
    field_ = std::string(outer) + field_;
  else
    field_ = std::string(outer) + "." + field_;
  update();
}

void InvalidParams::update() {
  message_ = "invalid params: " + (field_.empty() ? std::string("params") : field_) + ": " + problem_;
}

RpcError InvalidParams::to_error() const {
  return RpcError(error_code::kInvalidParams, message_,
                  json{{"field", field_.empty() ? std::string("params") : field_}});
}

void Dispatcher::add_request(std::string method, RequestHandler handler) {
  requests_[std::move(method)] = std::move(handler);
}

void Dispatcher::add_notification(std::string method, NotificationHandler handler) {
  notifications_[std::move(method)] = std::move(handler);
}

void Dispatcher::note_incoming(const json& message) {
  if (!message.is_object()) return;
  auto method = message.find("method");
  if (method == message.end() || *method != "$/cancelRequest" || message.contains("id")) return;
  auto params = message.find("params");
  if (params == message.end() || !params->is_object()) return;
  auto id = params->find("id");
  if (id == params->end() || !valid_id(*id)) return;
  std::lock_guard lock(cancel_mutex_);
  cancelled_.insert(id->dump());
}

void Dispatcher::handle(const json& message) {
  if (!message.is_object()) {
    reply_error(nullptr, RpcError(error_code::kInvalidRequest,
                                  message.is_array() ? "batch messages are not supported"
                                                     : "a message must be a JSON object"));
    return;
  }
  auto id_it = message.find("id");
  bool has_id = id_it != message.end();
  json id = has_id && valid_id(*id_it) ? *id_it : json(nullptr);
  if (has_id && id.is_null()) {
    reply_error(nullptr, RpcError(error_code::kInvalidRequest, "id must be an integer or a string"));
    return;
  }
  auto version = message.find("jsonrpc");
  if (version == message.end() || *version != "2.0") {
    reply_error(id, RpcError(error_code::kInvalidRequest, "jsonrpc must be \"2.0\""));
    return;
  }
  auto method = message.find("method");
  if (method == message.end()) {
    if (has_id && (message.contains("result") || message.contains("error"))) {
      handle_response(message);
    } else {
      reply_error(id, RpcError(error_code::kInvalidRequest,
                               "a message needs a method, or an id with a result or an error"));
    }
    return;
  }
  if (!method->is_string()) {
    reply_error(id, RpcError(error_code::kInvalidRequest, "method must be a string"));
    return;
  }
  static const json kNoParams;
  auto params_it = message.find("params");
  const json& params = params_it == message.end() ? kNoParams : *params_it;
  if (!params.is_null() && !params.is_object() && !params.is_array()) {
    reply_error(id, RpcError(error_code::kInvalidRequest, "params must be an object or an array"));
    return;
  }
  if (has_id)
    handle_request(id, method->get<std::string>(), params);
  else
    handle_notification(method->get<std::string>(), params);
}

void Dispatcher::handle_unparsable(std::string_view what) {
  reply_error(nullptr, RpcError(error_code::kParseError, "parse error: " + std::string(what)));
}

void Dispatcher::handle_request(const json& id, const std::string& method, const json& params) {
  {
    std::lock_guard lock(cancel_mutex_);
    if (cancelled_.erase(id.dump())) {
      log_debug("request " + describe(id) + " (" + method + ") cancelled before it ran");
      reply_error(id, RpcError(error_code::kRequestCancelled, "request cancelled"));
      return;
    }
  }
  if (gate_) {
    if (auto refused = gate_(method, true)) {
      reply_error(id, *refused);
      return;
    }
  }
  auto handler = requests_.find(method);
  if (handler == requests_.end()) {
    reply_error(id, RpcError(error_code::kMethodNotFound, "unknown method '" + method + "'"));
    return;
  }
  auto start = std::chrono::steady_clock::now();
  std::optional<json> result;
  std::optional<RpcError> error;
  try {
    result = handler->second(params);
  } catch (const InvalidParams& e) {
    error = e.to_error();
  } catch (const RpcError& e) {
    error = e;
  } catch (const std::exception& e) {
    log_error("request " + method + " failed: " + e.what());
    error = RpcError(error_code::kInternalError, "internal error in " + method + ": " + e.what());
  } catch (...) {
    log_error("request " + method + " failed");
    error = RpcError(error_code::kInternalError, "internal error in " + method);
  }
  if (error)
    reply_error(id, *error);
  else
    reply(id, std::move(*result));
  if (observer_)
    observer_(method, std::chrono::duration_cast<std::chrono::microseconds>(
                          std::chrono::steady_clock::now() - start));
}

void Dispatcher::handle_notification(const std::string& method, const json& params) {
  if (method == "$/cancelRequest") {
    // Every message before this one has been handled, so the request it names (which came
    // first) has been answered: forget the id.
    if (params.is_object() && params.contains("id") && valid_id(params["id"])) {
      std::lock_guard lock(cancel_mutex_);
      cancelled_.erase(params["id"].dump());
    }
    return;
  }
  if (gate_ && gate_(method, false)) {
    log_debug("dropped notification " + method + " (not allowed now)");
    return;
  }
  auto handler = notifications_.find(method);
  if (handler == notifications_.end()) {
    log_debug("ignored notification " + method);
    return;
  }
  auto start = std::chrono::steady_clock::now();
  try {
    handler->second(params);
  } catch (const InvalidParams& e) {
    log_warn("ignored notification " + method + ": " + e.what());
  } catch (const std::exception& e) {
    log_error("notification " + method + " failed: " + e.what());
  } catch (...) {
    log_error("notification " + method + " failed");
  }
  if (observer_)
    observer_(method, std::chrono::duration_cast<std::chrono::microseconds>(
                          std::chrono::steady_clock::now() - start));
}

void Dispatcher::handle_response(const json& message) {
  auto it = pending_.find(message["id"].dump());
  if (it == pending_.end()) {
    log_warn("response to unknown request " + describe(message["id"]));
    return;
  }
  ResponseHandler handler = std::move(it->second);
  pending_.erase(it);
  if (!handler) return;
  try {
    if (auto e = message.find("error"); e != message.end()) {
      int code = e->is_object() && e->contains("code") && (*e)["code"].is_number_integer()
                     ? (*e)["code"].get<int>() : error_code::kInternalError;
      std::string text = e->is_object() && e->contains("message") && (*e)["message"].is_string()
                             ? (*e)["message"].get<std::string>() : std::string("(no message)");
      RpcError error(code, text);
      handler(nullptr, &error);
    } else {
      handler(message["result"], nullptr);
    }
  } catch (const std::exception& e) {
    log_error(std::string("handling a response failed: ") + e.what());
  }
}

void Dispatcher::reply(const json& id, json result) {
  write_(json{{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}});
}

void Dispatcher::reply_error(const json& id, const RpcError& error) {
  write_(json{{"jsonrpc", "2.0"}, {"id", id}, {"error", error.to_json()}});
}

void Dispatcher::notify(std::string_view method, json params) {
  json message = {{"jsonrpc", "2.0"}, {"method", method}};
  if (!params.is_null()) message["params"] = std::move(params);
  write_(message);
}

void Dispatcher::request(std::string_view method, json params, ResponseHandler on_response) {
  json id = next_id_++;
  pending_[id.dump()] = std::move(on_response);
  json message = {{"jsonrpc", "2.0"}, {"id", id}, {"method", method}};
  if (!params.is_null()) message["params"] = std::move(params);
  write_(message);
}

}  // namespace dfls::lsp
