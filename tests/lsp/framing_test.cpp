// FrameReader: Content-Length framing over a byte stream split anywhere, with broken framing
// reported once and recovered from.
#include "lsp/framing.h"

#include <catch2/catch_test_macros.hpp>
#include <string>
#include <vector>

using dfls::lsp::frame;
using dfls::lsp::FrameReader;

namespace {

struct Collected {
  std::vector<std::string> messages;
  std::vector<std::string> errors;
};

Collected drain(FrameReader& reader) {
  Collected c;
  while (auto e = reader.next()) {
    if (e->kind == FrameReader::Event::Message)
      c.messages.push_back(e->text);
    else
      c.errors.push_back(e->text);
  }
  return c;
}

Collected read_all(const std::string& stream) {
  FrameReader reader;
  reader.feed(stream);
  return drain(reader);
}

}  // namespace

TEST_CASE("frame writes a Content-Length header and the body") {
  CHECK(frame("{}") == "Content-Length: 2\r\n\r\n{}");
  CHECK(frame("\xC3\xA9") == "Content-Length: 2\r\n\r\n\xC3\xA9");  // Bytes, not characters.
}

TEST_CASE("FrameReader reads several messages from one read") {
  auto c = read_all(frame(R"({"a":1})") + frame(R"({"b":2})") + frame("[]"));
  CHECK(c.errors.empty());
  CHECK(c.messages == std::vector<std::string>{R"({"a":1})", R"({"b":2})", "[]"});
}

TEST_CASE("FrameReader reassembles messages split at every byte") {
  std::string stream = frame(R"({"jsonrpc":"2.0","method":"x"})") + frame(R"({"id":1})");
  FrameReader reader;
  std::vector<std::string> messages;
  for (char c : stream) {
    reader.feed(std::string_view(&c, 1));
    while (auto e = reader.next()) {
      REQUIRE(e->kind == FrameReader::Event::Message);
      messages.push_back(e->text);
    }
  }
  CHECK(messages == std::vector<std::string>{R"({"jsonrpc":"2.0","method":"x"})", R"({"id":1})"});
  CHECK(reader.pending() == 0);
}

TEST_CASE("FrameReader tolerates Content-Type, any header case and bare LF") {
  auto c = read_all("Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n"
                    "content-length: 2\r\n\r\n{}"
                    "CONTENT-LENGTH:   3  \n\n[1]");
  CHECK(c.errors.empty());
  CHECK(c.messages == std::vector<std::string>{"{}", "[1]"});
}

TEST_CASE("FrameReader skips blank lines between messages") {
  auto c = read_all(frame("{}") + "\r\n\r\n" + frame("[]"));
  CHECK(c.errors.empty());
  CHECK(c.messages == std::vector<std::string>{"{}", "[]"});
}

TEST_CASE("FrameReader reports a header without Content-Length and recovers") {
  auto c = read_all("X-Nonsense: 1\r\n\r\n" + frame("{}"));
  CHECK(c.errors == std::vector<std::string>{"message header without Content-Length"});
  CHECK(c.messages == std::vector<std::string>{"{}"});
}

TEST_CASE("FrameReader reports invalid Content-Length values once each") {
  auto c = read_all("Content-Length: -5\r\n\r\n" + frame("{}") + "Content-Length: 12x\r\n\r\n" +
                    "Content-Length: 99999999999999\r\n\r\n" + frame("[]"));
  CHECK(c.errors.size() == 3);
  CHECK(c.messages == std::vector<std::string>{"{}", "[]"});
}

TEST_CASE("FrameReader resynchronises after junk that is not a header") {
  auto c = read_all("this is not LSP" + frame("{}"));
  CHECK(c.errors.size() == 1);
  CHECK(c.messages == std::vector<std::string>{"{}"});
}

TEST_CASE("FrameReader gives up on an endless header and keeps reading") {
  FrameReader reader;
  reader.feed(std::string(FrameReader::kMaxHeaderBytes + 10, 'x'));
  auto c = drain(reader);
  CHECK(c.errors == std::vector<std::string>{"message header too long"});
  reader.feed("\r\n\r\n" + frame("{}"));
  c = drain(reader);
  CHECK(c.messages == std::vector<std::string>{"{}"});
}

TEST_CASE("FrameReader reads a large body fed in small pieces") {
  std::string body = "\"" + std::string(5 << 20, 'a') + "\"";
  std::string stream = frame(body) + frame("{}");
  FrameReader reader;
  std::vector<std::string> messages;
  for (size_t i = 0; i < stream.size(); i += 65536) {
    reader.feed(std::string_view(stream).substr(i, 65536));
    while (auto e = reader.next()) messages.push_back(e->text);
  }
  REQUIRE(messages.size() == 2);
  CHECK(messages[0] == body);
  CHECK(messages[1] == "{}");
}

TEST_CASE("FrameReader holds an unfinished message as pending") {
  FrameReader reader;
  reader.feed("Content-Length: 10\r\n\r\n{\"a\"");
  CHECK_FALSE(reader.next().has_value());
  CHECK(reader.pending() > 0);
}
