// Variable expansion in instruction arguments, as BuildKit's shell lexer does it
// (frontend/dockerfile/shell/lex.go; spec section 6):
//
// * `$name`, `${name}`; a name is letters, digits and "_" (BuildKit asks Unicode which characters
//   are letters; here every non-ASCII character counts as one). A leading digit takes all digits,
//   so `$1x` is `$1` then "x". One of `@ * # ? - $ ! 0` is a one-character special parameter. `$`
//   followed by anything else is a literal `$`.
// * `${v:-w}` `${v-w}` `${v:+w}` `${v+w}` `${v:?w}` `${v?w}`, `${v#p}` `${v##p}` `${v%p}`
//   `${v%%p}` `${v/p/r}` `${v//p/r}`. The words may hold quotes and further expansions. Patterns
//   know `*` and `?` (neither matches a newline) and `\*` `\?` `\\`; `\}` and `\/` stand for the
//   plain character; any other escape is an error.
// * With quote processing: single quotes are literal; double quotes let `$` expand and the escape
//   character escape `"`, `$` and itself; outside quotes the escape character takes the next
//   character literally (a trailing one is dropped). Without it (heredoc bodies) quotes are
//   ordinary characters.
//
// A variable can also be "set, value unknown" (for example a build argument without a default
// that --build-arg may set). Expanding it marks the result `unknown` and leaves the expression's
// source text (like `${VERSION}` or `${V:-1}`) in the value, and no modifier reports an error for
// it.
//
// Errors carry BuildKit's message without its "failed to process \"<word>\": " prefix. One
// deliberate difference: a `${name` cut off at the end reports "syntax error: missing '}'" where
// BuildKit prints "unsupported modifier (\uFFFD) in substitution". Replacement text of `/` and `//`
// is inserted literally (BuildKit's ReplaceAllString would also interpret `$` in it).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dfls {

// What a lookup knows about one variable.
struct VarValue {
  enum class State { Unset, Set, Unknown };
  State state = State::Unset;
  std::string value;

  static VarValue unset() { return {}; }
  static VarValue set(std::string value) { return {State::Set, std::move(value)}; }
  static VarValue unknown() { return {State::Unknown, {}}; }
};

using VarLookup = std::function<VarValue(std::string_view name)>;
// The simpler form: nullopt means unset.
using SimpleVarLookup = std::function<std::optional<std::string>(std::string_view name)>;

struct ExpandResult {
  std::string value;  // Empty when there is an error.
  // Names looked up that were set (or unknown), and names looked up that were unset, each once,
  // in order of first use. As in BuildKit, `${v:-x}` counts as a use of v even with its default;
  // such guarded uses (modifiers - + ?) are also listed in `guarded`.
  std::vector<std::string> used;
  std::vector<std::string> undefined;
  std::vector<std::string> guarded;
  std::optional<std::string> error;
  bool unknown = false;  // The value depends on a variable whose value is not known.
};

ExpandResult expand(std::string_view word, const VarLookup& lookup, char escape = '\\',
                    bool process_quotes = true);
ExpandResult expand(std::string_view word, const SimpleVarLookup& lookup, char escape = '\\',
                    bool process_quotes = true);

}  // namespace dfls
