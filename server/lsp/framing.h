// LSP base protocol framing: header lines "Name: value" ended by an empty line, then exactly
// Content-Length bytes of UTF-8 JSON. The reader is a pure byte-stream splitter (no I/O), so it is
// tested on its own; transports feed it whatever each read returned.
//
// Leniency, on purpose: header names are case-insensitive, Content-Type (any value) and unknown
// headers are ignored, a bare "\n" ends a header line as well as "\r\n", and blank lines between
// messages are skipped. A header block without a valid Content-Length is reported once as an
// error and the reader resynchronises at the next "Content-Length" it sees.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace dfls::lsp {

class FrameReader {
 public:
  static constexpr size_t kMaxHeaderBytes = 64 * 1024;
  static constexpr size_t kMaxBodyBytes = size_t{1} << 30;  // 1 GiB.

  struct Event {
    enum Kind { Message, Error } kind;
    std::string text;  // The message body, or what was wrong with the framing.
  };

  void feed(std::string_view bytes);
  // The next complete message or framing error; nullopt when more bytes are needed.
  std::optional<Event> next();
  // Bytes held for a message that is not complete yet (non-zero at end of stream means the
  // stream ended inside a message).
  size_t pending() const { return buf_.size() - pos_; }

 private:
  Event fail(std::string what, size_t skip_to);
  size_t keep_tail() const;
  void compact();

  std::string buf_;
  size_t pos_ = 0;   // Start of the current header block (or body, once the header is read).
  size_t scan_ = 0;  // Start of the first header line not examined yet.
  std::optional<size_t> body_length_;
};

// A complete frame for body: "Content-Length: N\r\n\r\n" followed by body.
std::string frame(std::string_view body);

}  // namespace dfls::lsp
