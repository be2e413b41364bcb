#include "core/expand.h"

#include <algorithm>
#include <cstddef>

namespace dfls {
namespace {

constexpr size_t kNone = static_cast<size_t>(-1);
// Deeper ${...} nesting is reported as an error rather than risking the stack.
constexpr int kMaxNesting = 64;

size_t rune_length(std::string_view s, size_t i) {
  auto c = static_cast<unsigned char>(s[i]);
  size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 1;
  if (i + n > s.size()) return 1;
  for (size_t k = 1; k < n; ++k)
    if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return 1;
  return n;
}

std::string reverse_runes(std::string_view s) {
  std::string out(s.size(), '\0');
  for (size_t i = 0; i < s.size();) {
    size_t n = rune_length(s, i);
    std::copy(s.begin() + static_cast<std::ptrdiff_t>(i),
              s.begin() + static_cast<std::ptrdiff_t>(i + n),
              out.end() - static_cast<std::ptrdiff_t>(i + n));
    i += n;
  }
  return out;
}

// One element of a substitution pattern.
struct PatternToken {
  enum class Kind { Literal, AnyOne, AnyRun };
  Kind kind = Kind::Literal;
  std::string text;  // One character, for Literal.
};

// Translates a pattern; on a bad escape returns nothing and fills `error`.
std::optional<std::vector<PatternToken>> compile_pattern(std::string_view p, std::string& error) {
  std::vector<PatternToken> out;
  for (size_t i = 0; i < p.size();) {
    char c = p[i];
    if (c == '*' || c == '?') {
      out.push_back({c == '*' ? PatternToken::Kind::AnyRun : PatternToken::Kind::AnyOne, {}});
      ++i;
      continue;
    }
    if (c == '\\') {
      // "\}" and "\/" were needed inside ${...}; the backslash is not part of the pattern.
      if (i + 1 < p.size() && (p[i + 1] == '}' || p[i + 1] == '/')) {
        ++i;
        continue;
      }
      if (i + 1 >= p.size() || (p[i + 1] != '*' && p[i + 1] != '?' && p[i + 1] != '\\')) {
        std::string escaped =
            i + 1 < p.size() ? std::string(p.substr(i + 1, rune_length(p, i + 1))) : "";
        error = "invalid pattern (" + std::string(p) + ") in substitution: invalid escape '\\" +
                escaped + "'";
        return std::nullopt;
      }
      ++i;
    }
    size_t n = rune_length(p, i);
    out.push_back({PatternToken::Kind::Literal, std::string(p.substr(i, n))});
    i += n;
  }
  return out;
}

// Finds, for every start position, where the first match in a backtracking engine's order of
// preference ends (like Go's leftmost-first regular expressions): stars try the longest run
// first when greedy, the shortest otherwise. Neither "*" nor "?" matches a newline. Works row by
// row from the last token, so it needs no recursion.
std::vector<size_t> match_ends(const std::vector<PatternToken>& tokens, std::string_view s,
                               bool greedy) {
  const size_t n = s.size();
  std::vector<char> boundary(n + 1, 0);
  for (size_t i = 0; i < n; i += rune_length(s, i)) boundary[i] = 1;
  boundary[n] = 1;
  std::vector<size_t> next(n + 1, kNone), cur(n + 1, kNone);
  for (size_t i = 0; i <= n; ++i)
    if (boundary[i]) next[i] = i;
  for (size_t t = tokens.size(); t-- > 0;) {
    const PatternToken& token = tokens[t];
    size_t pick = kNone;  // For runs: the chosen end of the run for the current position.
    for (size_t i = n + 1; i-- > 0;) {
      cur[i] = kNone;
      if (!boundary[i]) continue;
      size_t len = i < n ? rune_length(s, i) : 0;
      switch (token.kind) {
        case PatternToken::Kind::Literal:
          if (s.substr(i, token.text.size()) == token.text) cur[i] = next[i + token.text.size()];
          break;
        case PatternToken::Kind::AnyOne:
          if (i < n && s[i] != '\n') cur[i] = next[i + len];
          break;
        case PatternToken::Kind::AnyRun: {
          bool can_extend = i < n && s[i] != '\n';
          bool here = next[i] != kNone;
          if (greedy) {
            // The longest run whose continuation matches: a later end if one works.
            pick = (can_extend && pick != kNone) ? pick : (here ? i : kNone);
          } else {
            pick = here ? i : (can_extend ? pick : kNone);
          }
          cur[i] = pick == kNone ? kNone : next[pick];
          break;
        }
      }
    }
    std::swap(cur, next);
  }
  return next;
}

std::string trim(std::string_view pattern, const std::string& value, bool suffix, bool greedy,
                 std::string& error) {
  auto tokens = compile_pattern(pattern, error);
  if (!tokens) return {};
  if (!suffix) {
    size_t end = match_ends(*tokens, value, greedy)[0];
    return end == kNone ? value : value.substr(end);
  }
  // The shortest or longest suffix is the same prefix of the reversed text and pattern.
  std::reverse(tokens->begin(), tokens->end());
  std::string reversed = reverse_runes(value);
  size_t end = match_ends(*tokens, reversed, greedy)[0];
  return end == kNone ? value : value.substr(0, value.size() - end);
}

std::string replace(std::string_view pattern, const std::string& value, const std::string& with,
                    bool all, std::string& error) {
  auto tokens = compile_pattern(pattern, error);
  if (!tokens) return {};
  std::vector<size_t> ends = match_ends(*tokens, value, true);
  auto find_from = [&](size_t from) {
    for (size_t i = from; i <= value.size(); ++i)
      if (ends[i] != kNone) return i;
    return kNone;
  };
  if (!all) {
    size_t start = find_from(0);
    if (start == kNone) return value;
    return value.substr(0, start) + with + value.substr(ends[start]);
  }
  // Go's ReplaceAllString: successive non-overlapping matches; an empty match right after a
  // match is not replaced; the search always advances by at least one character.
  std::string out;
  size_t search = 0, last_end = 0;
  while (search <= value.size()) {
    size_t start = find_from(search);
    if (start == kNone) break;
    size_t end = ends[start];
    out.append(value, last_end, start - last_end);
    if (end > last_end || start == 0) out += with;
    last_end = end;
    size_t width = search < value.size() ? rune_length(value, search) : 1;
    search = search + width > end ? search + width : end;
  }
  out.append(value, std::min(last_end, value.size()));
  return out;
}

class Expander {
 public:
  Expander(std::string_view text, const VarLookup& lookup, char escape, bool quotes)
      : s_(text), lookup_(lookup), escape_(escape), quotes_(quotes) {}

  ExpandResult run() {
    std::optional<std::string> value = process_stop_on(-1, false);
    if (value) {
      result_.value = std::move(*value);
    } else {
      result_.error = error_;
    }
    return std::move(result_);
  }

 private:
  bool eof() const { return i_ >= s_.size(); }
  int peek() const { return eof() ? -1 : static_cast<unsigned char>(s_[i_]); }

  std::nullopt_t fail(std::string message) {
    error_ = std::move(message);
    return std::nullopt;
  }

  // Reads until the `stop` character (consumed) or the end (stop == -1).
  std::optional<std::string> process_stop_on(int stop, bool raw_escapes) {
    bool saved = raw_escapes_;
    raw_escapes_ = raw_escapes;
    std::optional<std::string> out = read_until(stop);
    raw_escapes_ = saved;
    return out;
  }

  std::optional<std::string> read_until(int stop) {
    std::string out;
    while (!eof()) {
      char c = s_[i_];
      if (stop >= 0 && peek() == stop) {
        ++i_;
        return out;
      }
      std::optional<std::string> part;
      if (c == '$') {
        part = dollar();
      } else if (quotes_ && c == '\'') {
        part = single_quote();
      } else if (quotes_ && c == '"') {
        part = double_quote();
      } else {
        ++i_;
        if (c == escape_) {
          if (raw_escapes_) out += c;
          if (eof()) break;
          c = s_[i_++];
        }
        out += c;
        continue;
      }
      if (!part) return std::nullopt;
      out += *part;
    }
    if (stop >= 0)
      return fail("unexpected end of statement while looking for matching " +
                  std::string(1, static_cast<char>(stop)));
    return out;
  }

  std::optional<std::string> single_quote() {
    std::string out;
    ++i_;
    while (true) {
      if (eof()) return fail("unexpected end of statement while looking for matching single-quote");
      char c = s_[i_++];
      if (c == '\'') return out;
      out += c;
    }
  }

  std::optional<std::string> double_quote() {
    std::string out;
    ++i_;
    while (true) {
      if (eof()) return fail("unexpected end of statement while looking for matching double-quote");
      char c = s_[i_];
      if (c == '"') {
        ++i_;
        return out;
      }
      if (c == '$') {
        std::optional<std::string> part = dollar();
        if (!part) return std::nullopt;
        out += *part;
        continue;
      }
      ++i_;
      if (c == escape_) {
        if (raw_escapes_) out += c;
        if (eof()) continue;
        if (s_[i_] == '"' || s_[i_] == '$' || s_[i_] == escape_) c = s_[i_++];
      }
      out += c;
    }
  }

  std::string name() {
    size_t start = i_;
    if (eof()) return {};
    char c = s_[i_];
    if (c >= '0' && c <= '9') {
      while (!eof() && s_[i_] >= '0' && s_[i_] <= '9') ++i_;
      return std::string(s_.substr(start, i_ - start));
    }
    if (std::string_view("@*#?-$!0").find(c) != std::string_view::npos) {
      ++i_;
      return std::string(1, c);
    }
    // Letters, digits and "_"; any non-ASCII character counts as a letter.
    while (!eof()) {
      auto b = static_cast<unsigned char>(s_[i_]);
      bool ok = (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9') ||
                b == '_' || b >= 0x80;
      if (!ok) break;
      ++i_;
    }
    return std::string(s_.substr(start, i_ - start));
  }

  static void add_once(std::vector<std::string>& list, const std::string& name) {
    if (std::find(list.begin(), list.end(), name) == list.end()) list.push_back(name);
  }

  VarValue get(const std::string& name, bool guarded) {
    VarValue v = lookup_ ? lookup_(name) : VarValue::unset();
    add_once(v.state == VarValue::State::Unset ? result_.undefined : result_.used, name);
    if (guarded) add_once(result_.guarded, name);
    if (v.state == VarValue::State::Unknown) result_.unknown = true;
    return v;
  }

  std::string source_from(size_t start) const { return std::string(s_.substr(start, i_ - start)); }

  std::optional<std::string> dollar() {
    const size_t start = i_++;
    if (peek() != '{') {
      std::string n = name();
      if (n.empty()) return "$";
      VarValue v = get(n, false);
      return v.state == VarValue::State::Unknown ? source_from(start) : v.value;
    }
    ++i_;
    if (eof()) return fail("syntax error: missing '}'");
    if (depth_ >= kMaxNesting) return fail("syntax error: substitutions nested too deeply");
    ++depth_;
    std::optional<std::string> out = braced(start);
    --depth_;
    return out;
  }

  // After "${".
  std::optional<std::string> braced(size_t start) {
    if (s_[i_] == '{' || s_[i_] == '}' || s_[i_] == ':')
      return fail("syntax error: bad substitution");
    std::string n = name();
    if (eof()) return fail("syntax error: missing '}'");
    char c = s_[i_++];
    std::string modifier(1, c);
    if (c == '}') {
      VarValue v = get(n, false);
      return v.state == VarValue::State::Unknown ? source_from(start) : v.value;
    }
    if (c == '/') return substitute(n, start);
    bool null_is_unset = false;
    if (c == ':') {
      if (eof()) return fail("syntax error: missing '}'");
      null_is_unset = true;
      c = s_[i_++];
      modifier += c;
      if (c == '#' || c == '%')
        return fail("unsupported modifier (" + modifier + ") in substitution");
      if (c != '-' && c != '+' && c != '?') {
        // BuildKit reads the word and the variable before rejecting the modifier.
        if (!read_word('}', false)) return std::nullopt;
        get(n, false);
        return fail("unsupported modifier (" + modifier + ") in substitution");
      }
    } else if (std::string_view("+-?#%").find(c) == std::string_view::npos) {
      return fail("unsupported modifier (" + modifier + ") in substitution");
    }
    std::optional<std::string> word = read_word('}', c == '#' || c == '%');
    if (!word) return std::nullopt;
    VarValue v = get(n, c == '-' || c == '+' || c == '?');
    if (v.state == VarValue::State::Unknown) return source_from(start);
    bool set = v.state == VarValue::State::Set;
    bool empty = !set || (null_is_unset && v.value.empty());
    switch (c) {
      case '-':
        return empty ? *word : v.value;
      case '+':
        return empty ? std::string() : *word;
      case '?':
        if (!set) return fail(n + ": " + (word->empty() ? "is not allowed to be unset" : *word));
        if (empty) return fail(n + ": " + (word->empty() ? "is not allowed to be empty" : *word));
        return v.value;
      default: {
        bool greedy = !word->empty() && (*word)[0] == c;
        std::string_view pattern = *word;
        if (greedy) pattern.remove_prefix(1);
        std::string error;
        std::string out = trim(pattern, v.value, c == '%', greedy, error);
        if (!error.empty()) return fail(error);
        return out;
      }
    }
  }

  // A nested word of ${...}; an error at the very end becomes "missing '}'" as in BuildKit.
  std::optional<std::string> read_word(int stop, bool raw_escapes,
                                       const char* at_end = "syntax error: missing '}'") {
    std::optional<std::string> word = process_stop_on(stop, raw_escapes);
    if (!word && eof()) return fail(at_end);
    return word;
  }

  std::optional<std::string> substitute(const std::string& n, size_t start) {
    bool all = peek() == '/';
    if (all) ++i_;
    std::optional<std::string> pattern = read_word('/', true, "syntax error: missing '/' in ${}");
    if (!pattern) return std::nullopt;
    std::optional<std::string> with = read_word('}', true);
    if (!with) return std::nullopt;
    VarValue v = get(n, false);
    if (v.state == VarValue::State::Unknown) return source_from(start);
    std::string error;
    std::string out = replace(*pattern, v.value, *with, all, error);
    if (!error.empty()) return fail(error);
    return out;
  }

  std::string_view s_;
  const VarLookup& lookup_;
  const char escape_;
  const bool quotes_;
  size_t i_ = 0;
  int depth_ = 0;
  bool raw_escapes_ = false;
  std::string error_;
  ExpandResult result_;
};

}  // namespace

ExpandResult expand(std::string_view word, const VarLookup& lookup, char escape,
                    bool process_quotes) {
  return Expander(word, lookup, escape, process_quotes).run();
}

ExpandResult expand(std::string_view word, const SimpleVarLookup& lookup, char escape,
                    bool process_quotes) {
  VarLookup adapter = [&lookup](std::string_view name) {
    std::optional<std::string> value = lookup ? lookup(name) : std::nullopt;
    return value ? VarValue::set(std::move(*value)) : VarValue::unset();
  };
  return expand(word, adapter, escape, process_quotes);
}

}  // namespace dfls
