#include "lsp/lit_test.h"

#include "lsp/asio.h"

#include <istream>
#include <ostream>
#include <string>
#include <vector>

#include "lsp/server.h"
#include "lsp/transport.h"

namespace dfls::lsp {

namespace {

struct Chunk {
  std::string text;
  bool same_read = false;  // Delivered together with the chunk before it.
};

std::vector<Chunk> read_chunks(std::istream& in) {
  std::vector<Chunk> chunks(1);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line == "---" || line == "--- same-read") {
      chunks.push_back(Chunk{{}, line != "---"});
      continue;
    }
    if (!line.empty() && line.front() == '#') continue;
    chunks.back().text += line;
    chunks.back().text += '\n';
  }
  return chunks;
}

bool blank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

}  // namespace

int run_lit_test(std::istream& in, std::ostream& out) {
  asio::io_context io;
  auto work = asio::make_work_guard(io);
  bool first = true;
  Server server(
      io,
      [&](const json& message) {
        if (!first) out << '\n';
        first = false;
        out << serialize(message, 2) << '\n';
        out.flush();
      },
      Server::Options{false, std::nullopt});
  // Runs what is queued, including the findings of background checks, until nothing is left.
  auto run_until_idle = [&] {
    for (;;) {
      while (!server.finished() && io.poll() > 0) {
      }
      if (server.finished()) return;
      server.wait_for_checks();
      if (io.poll() == 0) return;
    }
  };

  std::vector<Chunk> chunks = read_chunks(in);
  for (size_t i = 0; i < chunks.size() && !server.finished(); ++i) {
    if (blank(chunks[i].text)) continue;
    // The reader's part: parse, note cancellations, queue; the loop runs when the read is done.
    std::string error;
    json message = parse_body(chunks[i].text, error);
    if (!error.empty()) {
      asio::post(io, [&server, error] { server.handle_unparsable(error); });
    } else {
      server.note_incoming(message);
      asio::post(io, [&server, message = std::move(message)] { server.handle(message); });
    }
    bool next_same_read = i + 1 < chunks.size() && chunks[i + 1].same_read;
    if (!next_same_read) run_until_idle();
  }
  run_until_idle();
  if (!server.finished()) {
    server.end_of_input();
    run_until_idle();
  }
  return server.exit_code();
}

}  // namespace dfls::lsp
