// The character cursor of the shell splitter: line continuations (the Dockerfile's and the
// shell's), comments and heredoc bodies, which are read line by line in the raw text.
#include <algorithm>

#include "core/shell/splitter.h"

namespace dfls::shell::detail {

size_t Splitter::newline_length(size_t p) const {
  if (p < limit_ && text_[p] == '\n') return 1;
  if (p + 1 < limit_ && text_[p] == '\r' && text_[p + 1] == '\n') return 2;
  return 0;
}

// After a Dockerfile line continuation BuildKit drops empty lines and comment lines.
size_t Splitter::skip_dropped_lines(size_t p) const {
  while (p < limit_) {
    size_t q = p;
    while (q < limit_ && (text_[q] == ' ' || text_[q] == '\t')) ++q;
    if (q >= limit_) return p;
    if (size_t n = newline_length(q)) {
      p = q + n;
    } else if (text_[q] == '#') {
      size_t nl = text_.find('\n', q);
      p = nl == std::string_view::npos || nl >= limit_ ? limit_ : nl + 1;
    } else {
      return p;
    }
  }
  return p;
}

size_t Splitter::skip_joins(size_t p, bool shell_joins) const {
  while (p < limit_) {
    if (escape_ != '\0' && text_[p] == escape_) {
      size_t q = p + 1;
      while (q < limit_ && (text_[q] == ' ' || text_[q] == '\t')) ++q;
      if (size_t n = newline_length(q)) {
        p = skip_dropped_lines(q + n);
        continue;
      }
    }
    if (shell_joins && text_[p] == '\\') {
      if (size_t n = newline_length(p + 1)) {
        p += 1 + n;
        continue;
      }
    }
    break;
  }
  return p;
}

char Splitter::ahead(int n) const {
  size_t p = pos_;
  for (int i = 0; i < n && p < limit_; ++i) p = skip_joins(p + 1, true);
  return p < limit_ ? text_[p] : '\0';
}

void Splitter::advance(bool shell_joins) {
  if (at_end()) return;
  last_end_ = pos_ + 1;
  pos_ = skip_joins(pos_ + 1, shell_joins);
}

void Splitter::append_logical(std::string& out, size_t from, size_t to) const {
  for (size_t p = from; p < to && p < text_.size(); p = skip_joins(p + 1, true)) out += text_[p];
}

void Splitter::skip_comment() {
  // A Dockerfile continuation inside a comment still joins lines; a shell one does not.
  while (!at_end() && cur() != '\n') advance(false);
}

size_t Splitter::read_heredoc_bodies(size_t p) {
  for (size_t index : pending_heredocs_) {
    Heredoc& h = script_.heredocs[index];
    h.body_start = p;
    while (true) {
      if (p >= limit_) {
        h.body_end = limit_;
        problem("unterminated heredoc: no line \"" + h.delimiter + "\"", h.body_start);
        break;
      }
      size_t nl = text_.find('\n', p);
      size_t line_end = nl == std::string_view::npos || nl >= limit_ ? limit_ : nl;
      std::string_view line = text_.substr(p, line_end - p);
      if (line.ends_with('\r')) line.remove_suffix(1);
      if (h.strip_tabs) line.remove_prefix(std::min(line.find_first_not_of('\t'), line.size()));
      size_t next = line_end < limit_ ? line_end + 1 : limit_;
      if (line == h.delimiter) {
        h.body_end = p;
        h.terminated = true;
        p = next;
        break;
      }
      p = next;
    }
  }
  pending_heredocs_.clear();
  return p;
}

}  // namespace dfls::shell::detail
