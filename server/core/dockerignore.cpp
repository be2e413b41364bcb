#include "core/dockerignore.h"

namespace dfls {
namespace {

using Kind = DockerIgnore::Pattern::Kind;
using MatchType = DockerIgnore::Pattern::MatchType;
using Piece = DockerIgnore::Pattern::Piece;

std::string_view trim_space(std::string_view s) {
  constexpr std::string_view kSpace = " \t\n\v\f\r";
  size_t first = s.find_first_not_of(kSpace);
  if (first == std::string_view::npos) return {};
  size_t last = s.find_last_not_of(kSpace);
  return s.substr(first, last - first + 1);
}

// Decodes the UTF-8 sequence at s[i]; an invalid byte decodes as itself.
char32_t decode(std::string_view s, size_t i, size_t& length) {
  auto b = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = b(i);
  size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
  if (n == 0 || i + n > s.size()) {
    length = 1;
    return c;
  }
  char32_t value = n == 1 ? c : n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
  for (size_t k = 1; k < n; ++k) {
    if ((b(i + k) & 0xC0) != 0x80) {
      length = 1;
      return c;
    }
    value = (value << 6) | (b(i + k) & 0x3F);
  }
  length = n;
  return value;
}

Piece make_piece(Kind kind, char byte = 0) {
  Piece piece;
  piece.kind = kind;
  piece.byte = byte;
  return piece;
}

// Checks the syntax Go's filepath.Match accepts; returns an error message or "".
std::string check_syntax(std::string_view p) {
  const std::string bad = "invalid pattern \"" + std::string(p) + "\": ";
  for (size_t i = 0; i < p.size(); ++i) {
    if (p[i] == '\\') {
      if (++i >= p.size()) return bad + "a trailing \\ escapes nothing";
    } else if (p[i] == '[') {
      ++i;
      if (i < p.size() && p[i] == '^') ++i;
      size_t ranges = 0;
      // Reads one possibly escaped character of a range; false when there is none.
      auto range_char = [&] {
        if (i >= p.size() || p[i] == '-' || p[i] == ']') return false;
        if (p[i] == '\\' && ++i >= p.size()) return false;
        ++i;
        return true;
      };
      while (true) {
        if (i < p.size() && p[i] == ']' && ranges > 0) break;
        if (!range_char()) return bad + "malformed character class";
        if (i < p.size() && p[i] == '-') {
          ++i;
          if (!range_char()) return bad + "malformed character class";
        }
        ++ranges;
      }
    }
  }
  return {};
}

// Reads the class starting after "[" at p[i]; leaves i after the closing "]".
Piece compile_class(std::string_view p, size_t& i) {
  Piece piece;
  piece.kind = Kind::Class;
  if (i < p.size() && p[i] == '^') {
    piece.negated = true;
    ++i;
  }
  auto one = [&] {
    if (p[i] == '\\') ++i;
    size_t length = 1;
    char32_t c = decode(p, i, length);
    i += length;
    return c;
  };
  while (i < p.size() && p[i] != ']') {
    char32_t lo = one();
    char32_t hi = lo;
    if (i < p.size() && p[i] == '-') {
      ++i;
      hi = one();
    }
    piece.ranges.emplace_back(lo, hi);
  }
  ++i;  // The "]".
  return piece;
}

// Mirrors patternmatcher's choice between exact, prefix, suffix and regular-expression matching,
// since the three shortcuts are not quite equivalent to the expression.
void compile(DockerIgnore::Pattern& pattern) {
  std::string_view p = pattern.text;
  auto& pieces = pattern.pieces;
  MatchType type = MatchType::Exact;
  for (size_t i = 0; i < p.size();) {
    bool first = i == 0;
    char c = p[i];
    if (c == '*' && i + 1 < p.size() && p[i + 1] == '*') {
      i += 2;
      if (i < p.size() && p[i] == '/') ++i;
      if (i >= p.size()) {
        pieces.push_back(make_piece(Kind::Tail));
        type = type == MatchType::Exact ? MatchType::Prefix : MatchType::Pieces;
      } else {
        pieces.push_back(make_piece(Kind::DoubleStar));
        type = MatchType::Pieces;
      }
      if (first) type = MatchType::Suffix;
      continue;
    }
    if (c == '*' || c == '?') {
      pieces.push_back(make_piece(c == '*' ? Kind::Star : Kind::Question));
      type = MatchType::Pieces;
      ++i;
    } else if (c == '\\') {
      pieces.push_back(make_piece(Kind::Literal, i + 1 < p.size() ? p[i + 1] : '\\'));
      if (i + 1 < p.size()) type = MatchType::Pieces;
      i += 2;
    } else if (c == '[') {
      ++i;
      pieces.push_back(compile_class(p, i));
      type = MatchType::Pieces;
    } else {
      if (c == ']') type = MatchType::Pieces;
      pieces.push_back(make_piece(Kind::Literal, c));
      ++i;
    }
  }
  pattern.type = type;
}

bool match_pieces(const std::vector<Piece>& pieces, std::string_view path) {
  // Dynamic programming from the last piece backwards: next[k] says whether the pieces after
  // the current one match path[k..].
  const size_t n = path.size();
  std::vector<char> next(n + 1, 0), cur(n + 1, 0);
  next[n] = 1;
  for (size_t pi = pieces.size(); pi-- > 0;) {
    const Piece& piece = pieces[pi];
    bool any_after_slash = false;
    for (size_t k = n + 1; k-- > 0;) {
      bool ok = false;
      size_t length = 1;
      switch (piece.kind) {
        case Kind::Literal:
          ok = k < n && path[k] == piece.byte && next[k + 1];
          break;
        case Kind::Star:
          ok = next[k] || (k < n && path[k] != '/' && cur[k + 1]);
          break;
        case Kind::Question:
          if (k < n && path[k] != '/') {
            decode(path, k, length);
            ok = next[k + length];
          }
          break;
        case Kind::DoubleStar:
          if (k < n && path[k] == '/' && next[k + 1]) any_after_slash = true;
          ok = next[k] || any_after_slash;
          break;
        case Kind::Tail:
          ok = true;
          break;
        case Kind::Class:
          if (k < n) {
            char32_t c = decode(path, k, length);
            bool in = false;
            for (auto [lo, hi] : piece.ranges) in = in || (lo <= c && c <= hi);
            ok = in != piece.negated && next[k + length];
          }
          break;
      }
      cur[k] = ok;
    }
    std::swap(cur, next);
  }
  return next[0];
}

}  // namespace

std::string clean_path(std::string_view path) {
  if (path.empty()) return ".";
  const bool rooted = path[0] == '/';
  std::vector<std::string_view> parts;
  size_t kept = 0;  // Leading ".." elements of a relative path cannot be removed.
  size_t start = 0;
  while (start <= path.size()) {
    size_t slash = path.find('/', start);
    std::string_view part =
        path.substr(start, slash == std::string_view::npos ? slash : slash - start);
    if (part == "..") {
      if (parts.size() > kept) {
        parts.pop_back();
      } else if (!rooted) {
        parts.push_back(part);
        ++kept;
      }
    } else if (!part.empty() && part != ".") {
      parts.push_back(part);
    }
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  if (parts.empty()) return rooted ? "/" : ".";
  std::string out;
  for (std::string_view part : parts) {
    if (rooted || !out.empty()) out += '/';
    out += part;
  }
  return out;
}

bool DockerIgnore::Pattern::matches(std::string_view path) const {
  switch (type) {
    case MatchType::Exact:
      return path == text;
    case MatchType::Prefix:
      return path.starts_with(std::string_view(text).substr(0, text.size() - 2));
    case MatchType::Suffix: {
      std::string_view suffix = std::string_view(text).substr(2);
      if (path.ends_with(suffix)) return true;
      return !suffix.empty() && suffix[0] == '/' && path == suffix.substr(1);
    }
    case MatchType::Pieces:
      return match_pieces(pieces, path);
  }
  return false;
}

DockerIgnore DockerIgnore::parse(std::string_view text) {
  DockerIgnore out;
  size_t line_number = 0;
  for (size_t start = 0; start < text.size(); ++line_number) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    start = end + 1;
    if (line_number == 0 && line.starts_with("\xEF\xBB\xBF")) line.remove_prefix(3);
    if (line.starts_with('#')) continue;
    line = trim_space(line);
    if (line.empty()) continue;
    bool exclusion = line[0] == '!';
    if (exclusion) line = trim_space(line.substr(1));
    std::string cleaned;
    if (!line.empty()) {
      cleaned = clean_path(line);
      if (cleaned.size() > 1 && cleaned[0] == '/') cleaned.erase(0, 1);
    }
    // The matcher cleans the whole pattern once more, "!" included.
    cleaned = clean_path((exclusion ? "!" : "") + cleaned);
    if (cleaned[0] == '!') {
      if (cleaned.size() == 1) {
        out.errors_.push_back({line_number, "illegal exclusion pattern: \"!\""});
        continue;
      }
      exclusion = true;
      cleaned.erase(0, 1);
    } else {
      exclusion = false;
    }
    if (std::string error = check_syntax(cleaned); !error.empty()) {
      out.errors_.push_back({line_number, error});
      continue;
    }
    Pattern pattern;
    pattern.text = cleaned;
    pattern.exclusion = exclusion;
    pattern.line = line_number;
    compile(pattern);
    out.has_exceptions_ = out.has_exceptions_ || exclusion;
    out.patterns_.push_back(std::move(pattern));
  }
  return out;
}

int DockerIgnore::deciding_pattern(std::string_view path) const {
  std::string file = clean_path(path);
  if (file.size() > 1 && file[0] == '/') file.erase(0, 1);
  if (file == ".") return -1;
  // The parent directories, shortest first: "a", "a/b" for "a/b/c".
  std::vector<std::string_view> parents;
  for (size_t slash = file.find('/'); slash != std::string::npos; slash = file.find('/', slash + 1))
    parents.push_back(std::string_view(file).substr(0, slash));
  bool matched = false;
  int decider = -1;
  for (size_t i = 0; i < patterns_.size(); ++i) {
    const Pattern& pattern = patterns_[i];
    // An exception only matters once something matched, and a pattern only once nothing did.
    if (pattern.exclusion != matched) continue;
    bool match = pattern.matches(file);
    for (size_t k = 0; !match && k < parents.size(); ++k) match = pattern.matches(parents[k]);
    if (match) {
      matched = !pattern.exclusion;
      decider = static_cast<int>(i);
    }
  }
  return decider;
}

bool DockerIgnore::excluded(std::string_view path) const {
  int decider = deciding_pattern(path);
  return decider >= 0 && !patterns_[static_cast<size_t>(decider)].exclusion;
}

std::vector<std::string> DockerIgnore::patterns() const {
  std::vector<std::string> out;
  for (const Pattern& pattern : patterns_)
    out.push_back((pattern.exclusion ? "!" : "") + pattern.text);
  return out;
}

}  // namespace dfls
