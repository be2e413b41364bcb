// The exec (JSON) form of RUN, CMD and ENTRYPOINT as BuildKit reads it (see rule_helpers.h).
#include "rules/rule_helpers.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>

#include "core/shell/shell.h"
#include "syntax/tree.h"

namespace dfls::rules {

namespace {

class JsonReader {
 public:
  explicit JsonReader(std::string_view t) : t_(t) {}
  void ws() {
    while (i_ < t_.size() && (t_[i_] == ' ' || t_[i_] == '\t' || t_[i_] == '\n' || t_[i_] == '\r')) ++i_;
  }
  bool at_end() const { return i_ >= t_.size(); }
  char peek() const { return at_end() ? '\0' : t_[i_]; }
  size_t pos() const { return i_; }
  void take() { ++i_; }

  // A JSON string at the cursor, decoded.
  std::optional<std::string> string() {
    if (peek() != '"') return std::nullopt;
    ++i_;
    std::string out;
    while (i_ < t_.size()) {
      char c = t_[i_++];
      if (c == '"') return out;
      if (static_cast<unsigned char>(c) < 0x20) return std::nullopt;
      if (c != '\\') {
        out.push_back(c);
        continue;
      }
      if (i_ >= t_.size()) return std::nullopt;
      char e = t_[i_++];
      switch (e) {
        case '"': out.push_back('"'); break;
        case '\\': out.push_back('\\'); break;
        case '/': out.push_back('/'); break;
        case 'b': out.push_back('\b'); break;
        case 'f': out.push_back('\f'); break;
        case 'n': out.push_back('\n'); break;
        case 'r': out.push_back('\r'); break;
        case 't': out.push_back('\t'); break;
        case 'u': {
          if (i_ + 4 > t_.size()) return std::nullopt;
          unsigned cp = 0;
          for (int k = 0; k < 4; ++k) {
            char h = t_[i_++];
            if (!std::isxdigit(static_cast<unsigned char>(h))) return std::nullopt;
            cp = cp * 16 + static_cast<unsigned>(std::isdigit(static_cast<unsigned char>(h)) ? h - '0' : (std::tolower(h) - 'a' + 10));
          }
          // UTF-8 encoding (surrogates kept as they are: only validity matters here).
          if (cp < 0x80) {
            out.push_back(static_cast<char>(cp));
          } else if (cp < 0x800) {
            out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
            out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
          } else {
            out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
            out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
          }
          break;
        }
        default: return std::nullopt;
      }
    }
    return std::nullopt;
  }

  // Any JSON value; returns whether it was well formed.
  bool value(int depth = 0) {
    if (depth > 64) return false;
    ws();
    char c = peek();
    if (c == '"') return string().has_value();
    if (c == '[' || c == '{') {
      char close = c == '[' ? ']' : '}';
      ++i_;
      ws();
      if (peek() == close) {
        ++i_;
        return true;
      }
      while (true) {
        if (close == '}') {
          ws();
          if (!string()) return false;
          ws();
          if (peek() != ':') return false;
          ++i_;
        }
        if (!value(depth + 1)) return false;
        ws();
        if (peek() == ',') {
          ++i_;
          continue;
        }
        if (peek() == close) {
          ++i_;
          return true;
        }
        return false;
      }
    }
    for (std::string_view lit : {"true", "false", "null"})
      if (t_.substr(i_).starts_with(lit)) {
        i_ += lit.size();
        return true;
      }
    // A number.
    size_t b = i_;
    if (peek() == '-') ++i_;
    if (peek() == '0') {
      ++i_;
    } else if (peek() >= '1' && peek() <= '9') {
      while (peek() >= '0' && peek() <= '9') ++i_;
    } else {
      return false;
    }
    if (peek() == '.') {
      ++i_;
      if (!(peek() >= '0' && peek() <= '9')) return false;
      while (peek() >= '0' && peek() <= '9') ++i_;
    }
    if (peek() == 'e' || peek() == 'E') {
      ++i_;
      if (peek() == '+' || peek() == '-') ++i_;
      if (!(peek() >= '0' && peek() <= '9')) return false;
      while (peek() >= '0' && peek() <= '9') ++i_;
    }
    return i_ > b;
  }

 private:
  std::string_view t_;
  size_t i_ = 0;
};

}  // namespace

JsonArray parse_json_array(std::string_view text) {
  JsonArray out;
  JsonReader r(text);
  r.ws();
  if (r.peek() != '[') return out;
  {
    JsonReader whole = r;
    if (!whole.value()) return out;
  }
  out.valid = true;
  out.all_strings = true;
  r.take();
  r.ws();
  if (r.peek() == ']') return out;
  while (true) {
    r.ws();
    if (r.peek() == '"') {
      out.strings.push_back(r.string().value_or(""));
    } else {
      out.all_strings = false;
      r.value();
    }
    r.ws();
    if (r.peek() != ',') break;
    r.take();
  }
  return out;
}

std::optional<std::string> repair_json_array(std::string_view text, bool bare_elements) {
  size_t i = 0;
  auto ws = [&] {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
  };
  // After an element: `,` leads to the next one; `]` or the end of the text ends the list.
  enum class After { Next, End, Invalid };
  auto after_element = [&] {
    ws();
    if (i >= text.size()) return After::End;
    char c = text[i++];
    return c == ',' ? After::Next : c == ']' ? After::End : After::Invalid;
  };
  ws();
  if (i >= text.size() || text[i] != '[') return std::nullopt;
  ++i;
  std::vector<std::string> elements;
  for (After after = After::Next; after == After::Next;) {
    ws();
    if (i >= text.size()) break;
    if (text[i] == ']' && elements.empty()) {
      ++i;
      break;
    }
    char q = text[i];
    if (q != '\'' && q != '"') {
      if (!bare_elements) return std::nullopt;
      size_t b = i;
      while (i < text.size() && text[i] != ',' && text[i] != ']' && text[i] != ' ' && text[i] != '\t') ++i;
      elements.emplace_back(text.substr(b, i - b));
    } else {
      ++i;
      std::string content;
      bool ended = false;
      while (i < text.size()) {
        char c = text[i++];
        if (c == q) {
          ended = true;
          break;
        }
        if (q == '"' && c == '\\' && i < text.size()) {
          // Keep JSON escapes as JSON reads them.
          std::string one = std::string("\"\\") + text[i] + "\"";
          JsonReader r(one);
          auto decoded = r.string();
          if (!decoded) return std::nullopt;
          content += *decoded;
          ++i;
          continue;
        }
        content.push_back(c);
      }
      if (!ended) return std::nullopt;
      elements.push_back(std::move(content));
    }
    after = after_element();
    if (after == After::Invalid) return std::nullopt;
  }
  ws();
  if (i < text.size()) return std::nullopt;
  if (elements.empty()) return std::nullopt;
  std::string out = "[";
  for (size_t k = 0; k < elements.size(); ++k) {
    if (k) out += ", ";
    out += json_quote(elements[k]);
  }
  out += "]";
  return out;
}

std::optional<std::string> shell_to_exec_form(std::string_view command, char escape) {
  shell::Script script = shell::split(command, 0, escape);
  if (!script.problems.empty() || script.commands.size() != 1 || !script.heredocs.empty() ||
      !script.separators.empty())
    return std::nullopt;
  const shell::Command& cmd = script.commands.front();
  if (!cmd.assignments.empty() || !cmd.redirects.empty() || cmd.args.empty() || cmd.depth > 0 ||
      cmd.nested || cmd.block_depth > 0)
    return std::nullopt;
  std::string out = "[";
  for (size_t k = 0; k < cmd.args.size(); ++k) {
    const shell::Word& w = cmd.args[k];
    if (w.has_expansion) return std::nullopt;
    std::string_view raw = command.substr(w.start, w.end - w.start);
    // Unquoted globs and a leading tilde mean the shell would change the word.
    if (!w.quoted && (raw.find_first_of("*?[") != std::string_view::npos || raw.starts_with("~")))
      return std::nullopt;
    if (raw.find_first_of("`$") != std::string_view::npos) return std::nullopt;
    if (k) out += ", ";
    out += json_quote(w.value);
  }
  return out + "]";
}

}  // namespace dfls::rules
