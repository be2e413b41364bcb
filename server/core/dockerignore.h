// .dockerignore files as Docker and BuildKit read them (moby/patternmatcher, "dockerignore"):
//
// * One pattern a line. A line whose first character is "#" is a comment; other lines are trimmed
//   of surrounding whitespace and skipped when empty. A UTF-8 byte order mark is ignored.
// * "!" in front makes an exception (the path is included again). Patterns are cleaned like Go's
//   filepath.Clean ("./a//b/" becomes "a/b") and a leading "/" is dropped: they are relative to the
//   context root.
// * "*" matches any run of characters other than "/", "?" one such character, "[a-z]" and "[^a]"
//   a character class, "**" any number of directories (including none), "\" escapes the next
//   character.
// * The last pattern that matches decides. A pattern that matches a directory also matches
//   everything inside it.
//
// Patterns Go's filepath.Match calls malformed (an unclosed "[", a trailing "\") make Docker
// reject the whole file; here they are reported in errors() and left out.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace dfls {

class DockerIgnore {
 public:
  struct Error {
    size_t line = 0;  // 0-based line of the pattern.
    std::string message;
  };

  // A compiled pattern. Only `text`, `exclusion` and `line` are meant for callers.
  struct Pattern {
    std::string text;  // Cleaned, without "!".
    bool exclusion = false;
    size_t line = 0;  // 0-based line in the file.

    enum class Kind { Literal, Star, Question, DoubleStar, Tail, Class };
    struct Piece {
      Kind kind = Kind::Literal;
      char byte = 0;                                      // For Literal.
      bool negated = false;                               // For Class.
      std::vector<std::pair<char32_t, char32_t>> ranges;  // For Class.
    };
    enum class MatchType { Exact, Prefix, Suffix, Pieces };
    MatchType type = MatchType::Exact;
    std::vector<Piece> pieces;

    bool matches(std::string_view path) const;
  };

  static DockerIgnore parse(std::string_view text);

  // Whether a path (relative to the context, "/"-separated; "./" and a trailing "/" allowed) is
  // left out of the build context.
  bool excluded(std::string_view path) const;
  // The index in compiled() of the pattern that decided excluded(path), or -1 when none matched.
  int deciding_pattern(std::string_view path) const;
  bool has_exceptions() const { return has_exceptions_; }
  // The cleaned patterns in file order, exceptions with their leading "!".
  std::vector<std::string> patterns() const;
  const std::vector<Pattern>& compiled() const { return patterns_; }
  const std::vector<Error>& errors() const { return errors_; }

 private:
  std::vector<Pattern> patterns_;
  std::vector<Error> errors_;
  bool has_exceptions_ = false;
};

// Go's filepath.Clean for "/"-separated paths.
std::string clean_path(std::string_view path);

}  // namespace dfls
