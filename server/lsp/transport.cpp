#include "lsp/transport.h"

#include "lsp/asio.h"

#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

#include "lsp/log.h"

namespace dfls::lsp {

namespace {

// A TCP socket with the Asio context it belongs to.
struct SocketOwner {
  asio::io_context io;
  asio::ip::tcp::socket socket{io};
};

Channel socket_channel(std::shared_ptr<SocketOwner> owner, std::string description) {
  int fd = owner->socket.native_handle();
  ::fcntl(fd, F_SETFD, FD_CLOEXEC);  // Tools the rules run (shellcheck) must not inherit it.
  asio::error_code ignored;
  owner->socket.set_option(asio::ip::tcp::no_delay(true), ignored);
  return Channel{fd, fd, std::move(owner), std::move(description)};
}

}  // namespace

std::string serialize(const nlohmann::json& message, int indent) {
  return message.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

Channel stdio_channel() { return Channel{STDIN_FILENO, STDOUT_FILENO, nullptr, "stdio"}; }

Channel connect_channel(uint16_t port) {
  auto owner = std::make_shared<SocketOwner>();
  asio::error_code ec;
  owner->socket.connect({asio::ip::address_v4::loopback(), port}, ec);
  if (ec)
    throw std::runtime_error("cannot connect to 127.0.0.1:" + std::to_string(port) + ": " +
                             ec.message());
  return socket_channel(std::move(owner), "127.0.0.1:" + std::to_string(port));
}

Channel listen_channel(uint16_t port, const std::function<void(uint16_t)>& on_listening) {
  auto owner = std::make_shared<SocketOwner>();
  asio::error_code ec;
  asio::ip::tcp::acceptor acceptor(owner->io);
  asio::ip::tcp::endpoint endpoint(asio::ip::address_v4::loopback(), port);
  acceptor.open(endpoint.protocol(), ec);
  if (!ec) acceptor.set_option(asio::ip::tcp::acceptor::reuse_address(true), ec);
  if (!ec) acceptor.bind(endpoint, ec);
  if (!ec) acceptor.listen(1, ec);
  if (ec)
    throw std::runtime_error("cannot listen on 127.0.0.1:" + std::to_string(port) + ": " +
                             ec.message());
  uint16_t bound = acceptor.local_endpoint().port();
  if (on_listening) on_listening(bound);
  acceptor.accept(owner->socket, ec);
  if (ec) throw std::runtime_error("accepting a client failed: " + ec.message());
  return socket_channel(std::move(owner), "127.0.0.1:" + std::to_string(bound));
}

Connection::Connection(Channel channel) : channel_(std::move(channel)) {
  if (::pipe(wake_) != 0) throw std::runtime_error("pipe failed");
  ::fcntl(wake_[0], F_SETFD, FD_CLOEXEC);
  ::fcntl(wake_[1], F_SETFD, FD_CLOEXEC);
}

Connection::~Connection() {
  stop();
  ::close(wake_[0]);
  ::close(wake_[1]);
}

void Connection::start(OnEvents on_events, OnEnd on_end) {
  reader_ = std::thread([this, on_events = std::move(on_events), on_end = std::move(on_end)] {
    read_loop(on_events, on_end);
  });
}

void Connection::stop() {
  if (!reader_.joinable()) return;
  char byte = 1;
  while (::write(wake_[1], &byte, 1) < 0 && errno == EINTR) {
  }
  reader_.join();
}

void Connection::read_loop(OnEvents on_events, OnEnd on_end) {
  FrameReader frames;
  std::vector<char> buffer(1 << 16);
  for (;;) {
    pollfd fds[2] = {{channel_.in_fd, POLLIN, 0}, {wake_[0], POLLIN, 0}};
    int n = ::poll(fds, 2, -1);
    if (n < 0) {
      if (errno == EINTR) continue;
      log_error(std::string("poll failed: ") + std::strerror(errno));
      break;
    }
    if (fds[1].revents) return;  // stop(): the owner no longer wants events.
    if (!fds[0].revents) continue;
    ssize_t got = ::read(channel_.in_fd, buffer.data(), buffer.size());
    if (got < 0) {
      if (errno == EINTR || errno == EAGAIN) continue;
      log_info(std::string("reading input failed: ") + std::strerror(errno));
      break;
    }
    if (got == 0) break;
    frames.feed(std::string_view(buffer.data(), static_cast<size_t>(got)));
    std::vector<FrameReader::Event> events;
    while (auto e = frames.next()) events.push_back(std::move(*e));
    if (!events.empty()) on_events(std::move(events));
  }
  if (frames.pending() > 0)
    log_warn("input ended inside a message (" + std::to_string(frames.pending()) + " bytes)");
  on_end();
}

bool Connection::send(const nlohmann::json& message) { return write(frame(serialize(message))); }

bool Connection::write(std::string_view bytes) {
  std::lock_guard lock(write_mutex_);
  if (broken_) return false;
  while (!bytes.empty()) {
    ssize_t n = ::write(channel_.out_fd, bytes.data(), bytes.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      if (errno == EAGAIN) {
        pollfd fd = {channel_.out_fd, POLLOUT, 0};
        ::poll(&fd, 1, -1);
        continue;
      }
      log_info(std::string("writing output failed: ") + std::strerror(errno));
      broken_ = true;
      return false;
    }
    bytes.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

}  // namespace dfls::lsp
