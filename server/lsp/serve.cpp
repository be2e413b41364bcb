#include "lsp/serve.h"

#include "lsp/asio.h"

#include <atomic>
#include <cstdio>
#include <exception>
#include <string>
#include <vector>

#include "lsp/log.h"
#include "lsp/server.h"
#include "lsp/transport.h"

namespace dfls::lsp {

namespace {

Channel open_channel(const ServeOptions& options) {
  switch (options.transport) {
    case ServeOptions::Transport::Socket:
      return connect_channel(options.port);
    case ServeOptions::Transport::Listen:
      return listen_channel(options.port, [](uint16_t port) {
        // Always on stderr, whatever the log settings: a client started with port 0 needs it.
        std::fprintf(stderr, "dockerfile-ls: listening on 127.0.0.1:%u\n", unsigned{port});
        std::fflush(stderr);
      });
    case ServeOptions::Transport::Stdio:
      break;
  }
  return stdio_channel();
}

// A parsed message, or the reason it could not be parsed.
struct Incoming {
  json message;
  std::string error;
};

Incoming parse(FrameReader::Event&& event) {
  if (event.kind == FrameReader::Event::Error) return {nullptr, event.text};
  Incoming incoming;
  incoming.message = parse_body(event.text, incoming.error);
  return incoming;
}

}  // namespace

int serve(const ServeOptions& options) {
  Channel channel;
  try {
    channel = open_channel(options);
  } catch (const std::exception& e) {
    log_error(e.what());
    return 1;
  }
  log_info(std::string("dockerfile-ls ") + DFLS_VERSION + " serving on " + channel.description);

  asio::io_context io;
  auto work = asio::make_work_guard(io);
  Connection connection(std::move(channel));
  std::atomic<bool> gone{false};
  Server* server_ptr = nullptr;
  Server server(
      io,
      [&](const json& message) {
        if (!connection.send(message) && !gone.exchange(true)) server_ptr->end_of_input();
      },
      Server::Options{true, options.client_process});
  server_ptr = &server;
  server.on_finished([&] { io.stop(); });

  connection.start(
      [&](std::vector<FrameReader::Event>&& events) {
        // Parse on the reader thread and note cancellations before anything is posted, so that
        // a $/cancelRequest read together with its request is seen before the request runs.
        std::vector<Incoming> batch;
        batch.reserve(events.size());
        for (auto& event : events) {
          batch.push_back(parse(std::move(event)));
          if (batch.back().error.empty()) server.note_incoming(batch.back().message);
        }
        for (auto& incoming : batch) {
          asio::post(io, [&server, incoming = std::move(incoming)] {
            if (incoming.error.empty())
              server.handle(incoming.message);
            else
              server.handle_unparsable(incoming.error);
          });
        }
      },
      [&] { server.end_of_input(); });

  io.run();
  connection.stop();
  log_info("exiting with status " + std::to_string(server.exit_code()));
  return server.exit_code();
}

}  // namespace dfls::lsp
