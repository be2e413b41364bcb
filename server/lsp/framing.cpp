#include "lsp/framing.h"

#include <algorithm>
#include <cctype>

namespace dfls::lsp {

namespace {

constexpr std::string_view kContentLength = "content-length";

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == y;
         });
}

// The offset of the next "content-length" (any case) in s at or after from, or npos.
size_t find_content_length(std::string_view s, size_t from) {
  for (size_t i = from; i + kContentLength.size() <= s.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(s[i])) == 'c' &&
        iequals(s.substr(i, kContentLength.size()), kContentLength))
      return i;
  return std::string_view::npos;
}

// The Content-Length of a header block, or an error text.
struct HeaderResult {
  std::optional<size_t> length;
  std::string error;
};

HeaderResult parse_header_block(std::string_view block) {
  HeaderResult r;
  while (!block.empty()) {
    size_t nl = block.find('\n');
    std::string_view line = block.substr(0, nl);
    block = nl == std::string_view::npos ? std::string_view{} : block.substr(nl + 1);
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;  // Junk line: ignored when a length follows.
    if (!iequals(trim(line.substr(0, colon)), kContentLength)) continue;
    std::string_view value = trim(line.substr(colon + 1));
    if (value.empty() || value.size() > 12 ||
        !std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      return {std::nullopt, "invalid Content-Length value"};
    }
    size_t n = 0;
    for (char c : value) n = n * 10 + static_cast<size_t>(c - '0');
    if (n > FrameReader::kMaxBodyBytes) return {std::nullopt, "Content-Length too large"};
    if (r.length && *r.length != n) return {std::nullopt, "conflicting Content-Length headers"};
    r.length = n;
  }
  if (!r.length) r.error = "message header without Content-Length";
  return r;
}

}  // namespace

void FrameReader::feed(std::string_view bytes) {
  if (body_length_ && buf_.capacity() < pos_ + *body_length_) buf_.reserve(pos_ + *body_length_);
  buf_.append(bytes);
}

FrameReader::Event FrameReader::fail(std::string what, size_t skip_to) {
  // Resynchronise at the next "Content-Length" after the start of the broken block, or else skip
  // to skip_to (always past pos_, so every failure makes progress).
  size_t next = find_content_length(buf_, pos_ + 1);
  pos_ = scan_ = std::min(next == std::string::npos ? skip_to : next, buf_.size());
  body_length_.reset();
  compact();
  return {Event::Error, std::move(what)};
}

size_t FrameReader::keep_tail() const {
  // Keep what could be the start of a "Content-Length" split across reads.
  return std::max(pos_ + 1, buf_.size() - std::min(buf_.size(), kContentLength.size() - 1));
}

void FrameReader::compact() {
  if (pos_ == buf_.size()) {
    buf_.clear();
    pos_ = scan_ = 0;
  } else if (pos_ > (1u << 16) && pos_ > buf_.size() / 2) {
    buf_.erase(0, pos_);
    scan_ -= pos_;
    pos_ = 0;
  }
}

std::optional<FrameReader::Event> FrameReader::next() {
  for (;;) {
    if (body_length_) {
      if (buf_.size() - pos_ < *body_length_) return std::nullopt;
      Event e{Event::Message, buf_.substr(pos_, *body_length_)};
      pos_ += *body_length_;
      scan_ = pos_;
      body_length_.reset();
      compact();
      return e;
    }
    size_t nl = buf_.find('\n', scan_);
    if (nl == std::string::npos) {
      if (buf_.size() - pos_ > kMaxHeaderBytes) return fail("message header too long", keep_tail());
      return std::nullopt;
    }
    bool empty_line = nl == scan_ || (nl == scan_ + 1 && buf_[scan_] == '\r');
    if (!empty_line) {
      scan_ = nl + 1;
      if (scan_ - pos_ > kMaxHeaderBytes) return fail("message header too long", keep_tail());
      continue;
    }
    // The empty line ends the header block [pos_, scan_).
    std::string_view block(buf_.data() + pos_, scan_ - pos_);
    if (block.empty()) {  // A blank line between messages.
      pos_ = scan_ = nl + 1;
      compact();
      continue;
    }
    HeaderResult h = parse_header_block(block);
    if (!h.length) return fail(h.error, nl + 1);
    pos_ = scan_ = nl + 1;
    body_length_ = h.length;
  }
}

std::string frame(std::string_view body) {
  std::string out = "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n";
  out.append(body);
  return out;
}

}  // namespace dfls::lsp
