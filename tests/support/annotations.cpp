#include "support/annotations.h"

#include <algorithm>

#include <stdexcept>

namespace dfls::test {

namespace {

bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

}  // namespace

Annotations::Annotations(std::string_view text) {
  if (!text.empty() && text.front() == '\n') text.remove_prefix(1);
  struct Open {
    std::string name;
    bool payload;
    size_t start;
  };
  std::vector<Open> open;
  for (size_t i = 0; i < text.size();) {
    // A named or payload marker: @name^, @name[[, @(payload)[[.
    if (text[i] == '@') {
      size_t j = i + 1;
      std::string name;
      bool payload = false;
      if (j < text.size() && text[j] == '(') {
        size_t close = text.find(')', j);
        if (close != std::string_view::npos && text.substr(close + 1, 2) == "[[") {
          name = std::string(text.substr(j + 1, close - j - 1));
          payload = true;
          open.push_back({name, true, code_.size()});
          i = close + 3;
          continue;
        }
      } else {
        while (j < text.size() && is_name_char(text[j])) ++j;
        name = std::string(text.substr(i + 1, j - i - 1));
        if (!name.empty() && j < text.size() && text[j] == '^') {
          points_[name].push_back(code_.size());
          i = j + 1;
          continue;
        }
        if (!name.empty() && text.substr(j, 2) == "[[") {
          open.push_back({name, false, code_.size()});
          i = j + 2;
          continue;
        }
      }
      (void)payload;
    }
    if (text[i] == '^') {
      points_[""].push_back(code_.size());
      ++i;
      continue;
    }
    if (text.substr(i, 2) == "[[") {
      open.push_back({"", false, code_.size()});
      i += 2;
      continue;
    }
    if (text.substr(i, 2) == "]]" && !open.empty()) {
      Open o = open.back();
      open.pop_back();
      ByteRange r{o.start, code_.size()};
      if (o.payload)
        payload_ranges_.push_back({o.name, r});
      else
        ranges_[o.name].push_back(r);
      i += 2;
      continue;
    }
    code_.push_back(text[i]);
    ++i;
  }
  if (!open.empty()) throw std::invalid_argument("annotation: unclosed [[ range");
}

size_t Annotations::point(std::string_view name) const {
  auto p = points(name);
  if (p.size() != 1) throw std::invalid_argument("annotation: expected exactly one point '" + std::string(name) + "'");
  return p[0];
}

std::vector<size_t> Annotations::points(std::string_view name) const {
  auto it = points_.find(name);
  return it == points_.end() ? std::vector<size_t>{} : it->second;
}

ByteRange Annotations::range(std::string_view name) const {
  auto r = ranges(name);
  if (r.size() != 1) throw std::invalid_argument("annotation: expected exactly one range '" + std::string(name) + "'");
  return r[0];
}

std::vector<ByteRange> Annotations::ranges(std::string_view name) const {
  auto it = ranges_.find(name);
  return it == ranges_.end() ? std::vector<ByteRange>{} : it->second;
}

std::string describe_offset(std::string_view text, size_t offset) {
  size_t line = 1, col = 1;
  for (size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      col = 1;
    } else {
      ++col;
    }
  }
  return std::to_string(line) + ":" + std::to_string(col);
}

std::string describe_range(std::string_view text, std::string_view label, ByteRange range) {
  return std::string(label) + " at " + describe_offset(text, range.start) + " `" +
         std::string(text.substr(std::min(range.start, text.size()), range.size())) + "`";
}

std::vector<std::string> describe_payloads(const Annotations& t) {
  auto marks = t.payload_ranges();
  std::sort(marks.begin(), marks.end(), [](const auto& a, const auto& b) { return a.range.start < b.range.start; });
  std::vector<std::string> out;
  for (const auto& m : marks) out.push_back(describe_range(t.code(), m.payload, m.range));
  return out;
}

}  // namespace dfls::test
