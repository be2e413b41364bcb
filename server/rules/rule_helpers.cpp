#include "rules/rule_helpers.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>

#include "core/shell/shell.h"
#include "syntax/tree.h"

namespace dfls::rules {

// ---------------------------------------------------------------------------------------------
// Text utilities.

std::string to_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string to_upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && to_lower(a) == to_lower(b);
}

bool is_all_lower(std::string_view s) {
  return std::none_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

bool is_all_upper(std::string_view s) {
  return std::none_of(s.begin(), s.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

std::string did_you_mean(const std::optional<std::string>& suggestion) {
  return suggestion ? " (did you mean " + *suggestion + "?)" : std::string();
}

std::string json_quote(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          static const char kHex[] = "0123456789abcdef";
          out += "\\u00";
          out += kHex[(c >> 4) & 0xf];
          out += kHex[c & 0xf];
        } else {
          out += c;
        }
    }
  }
  return out + "\"";
}

ByteRange line_at(std::string_view text, size_t offset) {
  offset = std::min(offset, text.size());
  size_t start = offset;
  while (start > 0 && text[start - 1] != '\n') --start;
  size_t end = text.find('\n', offset);
  if (end == std::string_view::npos) end = text.size();
  if (end > start && text[end - 1] == '\r') --end;
  return {start, end};
}

ByteRange whole_lines(std::string_view text, size_t start, size_t end) {
  ByteRange first = line_at(text, start);
  size_t stop = text.find('\n', std::max(end, first.start));
  stop = stop == std::string_view::npos ? text.size() : stop + 1;
  return {first.start, stop};
}

size_t line_number(const Document& doc, size_t offset) {
  return doc.lines().line_of(std::min(offset, doc.text().size())) + 1;
}

size_t line_number(std::string_view text, size_t offset) {
  offset = std::min(offset, text.size());
  return 1 + static_cast<size_t>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
}

std::optional<bool> parse_go_bool(std::string_view s) {
  if (s == "1" || s == "t" || s == "T" || s == "TRUE" || s == "true" || s == "True") return true;
  if (s == "0" || s == "f" || s == "F" || s == "FALSE" || s == "false" || s == "False") return false;
  return std::nullopt;
}

std::optional<int64_t> parse_go_duration(std::string_view s, std::string* error) {
  auto fail = [&](std::string why) -> std::optional<int64_t> {
    if (error) *error = std::move(why);
    return std::nullopt;
  };
  std::string_view orig = s;
  bool negative = false;
  if (!s.empty() && (s.front() == '-' || s.front() == '+')) {
    negative = s.front() == '-';
    s.remove_prefix(1);
  }
  if (s == "0") return 0;
  if (s.empty()) return fail("invalid duration \"" + std::string(orig) + "\"");
  long double total = 0;
  while (!s.empty()) {
    if (!(s.front() == '.' || (s.front() >= '0' && s.front() <= '9')))
      return fail("invalid duration \"" + std::string(orig) + "\"");
    long double value = 0;
    size_t i = 0;
    bool pre = false, post = false;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
      value = value * 10 + (s[i] - '0');
      ++i;
      pre = true;
    }
    if (i < s.size() && s[i] == '.') {
      ++i;
      long double scale = 0.1L;
      while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
        value += (s[i] - '0') * scale;
        scale /= 10;
        ++i;
        post = true;
      }
    }
    if (!pre && !post) return fail("invalid duration \"" + std::string(orig) + "\"");
    size_t u = i;
    while (u < s.size() && s[u] != '.' && !(s[u] >= '0' && s[u] <= '9')) ++u;
    std::string_view unit = s.substr(i, u - i);
    if (unit.empty()) return fail("missing unit in duration \"" + std::string(orig) + "\"");
    long double ns;
    if (unit == "ns") ns = 1;
    else if (unit == "us" || unit == "\xC2\xB5s" || unit == "\xCE\xBCs") ns = 1e3L;
    else if (unit == "ms") ns = 1e6L;
    else if (unit == "s") ns = 1e9L;
    else if (unit == "m") ns = 60e9L;
    else if (unit == "h") ns = 3600e9L;
    else return fail("unknown unit \"" + std::string(unit) + "\" in duration \"" + std::string(orig) + "\"");
    total += value * ns;
    if (total > 9.2e18L) return fail("invalid duration \"" + std::string(orig) + "\"");
    s.remove_prefix(u);
  }
  auto result = static_cast<int64_t>(std::floor(total));
  return negative ? -result : result;
}

// ---------------------------------------------------------------------------------------------
// Flags.

const std::vector<FlagSpec>& flag_specs(model::Kind kind) {
  using K = model::Kind;
  static const std::vector<FlagSpec> kNone;
  static const std::vector<FlagSpec> kFrom = {{"platform", FlagType::String, "", false}};
  static const std::vector<FlagSpec> kRun = {
      {"mount", FlagType::Strings, "1.2", false},
      {"network", FlagType::String, "1.3", false},
      {"security", FlagType::String, "1.20", false},
      {"device", FlagType::Strings, "1.14-labs", true},
  };
  static const std::vector<FlagSpec> kCopy = {
      {"from", FlagType::String, "", false},     {"chown", FlagType::String, "", false},
      {"chmod", FlagType::String, "", false},    {"link", FlagType::Bool, "1.4", false},
      {"parents", FlagType::Bool, "1.20", false}, {"exclude", FlagType::Strings, "1.19", false},
  };
  static const std::vector<FlagSpec> kAdd = {
      {"chown", FlagType::String, "", false},         {"chmod", FlagType::String, "", false},
      {"link", FlagType::Bool, "1.4", false},         {"keep-git-dir", FlagType::Bool, "1.1", false},
      {"checksum", FlagType::String, "1.6", false},   {"exclude", FlagType::Strings, "1.19", false},
      {"unpack", FlagType::Bool, "1.17", false},
  };
  static const std::vector<FlagSpec> kHealthcheck = {
      {"interval", FlagType::String, "", false},       {"timeout", FlagType::String, "", false},
      {"start-period", FlagType::String, "", false},   {"start-interval", FlagType::String, "1.6", false},
      {"retries", FlagType::String, "", false},
  };
  switch (kind) {
    case K::From: return kFrom;
    case K::Run: return kRun;
    case K::Copy: return kCopy;
    case K::Add: return kAdd;
    case K::Healthcheck: return kHealthcheck;
    default: return kNone;
  }
}

const FlagSpec* find_flag_spec(model::Kind kind, std::string_view name) {
  for (const FlagSpec& f : flag_specs(kind))
    if (f.name == name) return &f;
  return nullptr;
}

std::vector<std::string> flag_names(model::Kind kind) {
  std::vector<std::string> out;
  for (const FlagSpec& f : flag_specs(kind)) out.emplace_back(f.name);
  return out;
}

bool validates_flags(const Document& doc, const model::Instruction& ins) {
  using K = model::Kind;
  if (ins.kind == K::Arg || ins.kind == K::Stopsignal || ins.kind == K::Unknown) return false;
  if (ins.kind == K::Healthcheck) {
    InstructionLine line = read_instruction_line(doc, ins);
    auto words = line.whitespace_words();
    if (!words.empty() && iequals(words.front().text, "NONE")) return false;
  }
  return true;
}

// ---------------------------------------------------------------------------------------------
// Signals.

const std::vector<std::string>& signal_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> v;
    for (const char* s : {"ABRT", "ALRM", "BUS", "CHLD", "CLD", "CONT", "FPE", "HUP", "ILL", "INT", "IO",
                          "IOT", "KILL", "PIPE", "POLL", "PROF", "PWR", "QUIT", "SEGV", "STKFLT", "STOP",
                          "SYS", "TERM", "TRAP", "TSTP", "TTIN", "TTOU", "UNUSED", "URG", "USR1", "USR2",
                          "VTALRM", "WINCH", "XCPU", "XFSZ", "RTMIN", "RTMAX"})
      v.push_back(std::string("SIG") + s);
    for (int i = 1; i <= 15; ++i) v.push_back("SIGRTMIN+" + std::to_string(i));
    for (int i = 1; i <= 14; ++i) v.push_back("SIGRTMAX-" + std::to_string(i));
    return v;
  }();
  return names;
}

bool is_valid_signal(std::string_view s) {
  if (s.empty()) return false;
  bool numeric = true;
  for (size_t i = 0; i < s.size(); ++i)
    if (!((s[i] >= '0' && s[i] <= '9') || (i == 0 && (s[i] == '-' || s[i] == '+') && s.size() > 1)))
      numeric = false;
  if (numeric) {
    if (s.size() > 10) return false;
    long long v = std::stoll(std::string(s));
    return v != 0 && v >= -2147483648LL && v <= 2147483647LL;
  }
  std::string up = to_upper(s);
  if (!up.starts_with("SIG")) up = "SIG" + up;
  const auto& names = signal_names();
  return std::find(names.begin(), names.end(), up) != names.end();
}

// ---------------------------------------------------------------------------------------------
// Syntax errors.

SyntaxErrors::SyntaxErrors(const Document& doc) : text_(doc.text()) {
  syntax::Node root = doc.root();
  if (!root || !root.has_error()) return;
  syntax::walk(root, [&](syntax::Node n) {
    if (n.missing() || n.error()) {
      ByteRange first = line_at(text_, n.start());
      ByteRange last = line_at(text_, n.end());
      ranges_.push_back({first.start, last.end});
      return false;
    }
    return n.has_error();
  });
  std::sort(ranges_.begin(), ranges_.end());
}

bool SyntaxErrors::on_lines(ByteRange range) const {
  if (ranges_.empty()) return false;
  ByteRange lines{line_at(text_, range.start).start, line_at(text_, range.end).end};
  for (const ByteRange& r : ranges_) {
    if (r.start > lines.end) break;
    if (r.end >= lines.start) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Files.

std::optional<std::string> uri_to_path(std::string_view uri) {
  if (!uri.starts_with("file://")) return std::nullopt;
  uri.remove_prefix(7);
  size_t slash = uri.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  std::string_view host = uri.substr(0, slash);
  if (!host.empty() && host != "localhost") return std::nullopt;
  uri.remove_prefix(slash);
  std::string out;
  for (size_t i = 0; i < uri.size(); ++i) {
    if (uri[i] == '%' && i + 2 < uri.size() && std::isxdigit(static_cast<unsigned char>(uri[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(uri[i + 2]))) {
      out.push_back(static_cast<char>(std::stoi(std::string(uri.substr(i + 1, 2)), nullptr, 16)));
      i += 2;
    } else {
      out.push_back(uri[i]);
    }
  }
  // file:///C:/x on Windows.
  if (out.size() >= 3 && out[0] == '/' && std::isalpha(static_cast<unsigned char>(out[1])) && out[2] == ':')
    out.erase(0, 1);
  return out;
}

}  // namespace dfls::rules
