// Byte transports for the base protocol: stdio, or one TCP connection to 127.0.0.1 (connecting to
// a client that listens, as vscode-languageclient's socket transport does, or accepting one
// client). A Connection reads on its own thread, splits frames and hands them over in batches
// (everything one read completed), and writes whole frames from any thread.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "lsp/framing.h"

namespace dfls::lsp {

struct Channel {
  int in_fd = -1;
  int out_fd = -1;
  std::shared_ptr<void> owner;  // Keeps a socket (and its Asio context) alive.
  std::string description;      // "stdio", "127.0.0.1:PORT".
};

Channel stdio_channel();
// Connects to a client listening on 127.0.0.1:port; throws std::runtime_error.
Channel connect_channel(uint16_t port);
// Listens on 127.0.0.1:port (0: any free port), calls on_listening with the port, and accepts
// one client; throws std::runtime_error.
Channel listen_channel(uint16_t port, const std::function<void(uint16_t)>& on_listening);

class Connection {
 public:
  using OnEvents = std::function<void(std::vector<FrameReader::Event>&& events)>;
  using OnEnd = std::function<void()>;

  explicit Connection(Channel channel);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // Starts the reader thread: on_events gets the messages (or framing errors) each read
  // completed, on_end the end of input (or a read error). Both run on the reader thread.
  void start(OnEvents on_events, OnEnd on_end);
  // Writes one message, framed; thread-safe. False once the peer is gone.
  bool send(const nlohmann::json& message);
  bool write(std::string_view bytes);
  // Stops and joins the reader thread.
  void stop();

 private:
  void read_loop(OnEvents on_events, OnEnd on_end);

  Channel channel_;
  int wake_[2] = {-1, -1};
  std::thread reader_;
  std::mutex write_mutex_;
  bool broken_ = false;
};

// Serialises a message as it goes on the wire. Strings are written as UTF-8; any invalid byte
// (which could only come from document text, e.g. a message quoting it) becomes U+FFFD rather
// than failing.
std::string serialize(const nlohmann::json& message, int indent = -1);

}  // namespace dfls::lsp
