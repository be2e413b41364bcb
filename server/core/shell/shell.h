// A POSIX sh lexer and command splitter for the shell form of RUN (and heredoc scripts), used by
// the hadolint-style rules that look at what a RUN executes.
//
// The input is the command text as written in the Dockerfile, line continuations included: the
// Dockerfile escape character followed by optional blanks and a line break joins lines (and, as
// BuildKit does, the empty and comment lines after such a join are dropped), and so does the
// shell's own backslash-newline. Pass '\0' as the Dockerfile escape for heredoc bodies, which get
// no Dockerfile processing.
//
// Heredoc bodies present in the text are skipped, not split: they are data to the command that
// reads them. When a RUN is only a heredoc (`RUN <<EOF`), its body is the script: split it on its
// own, `split(body, heredoc.body_start, '\0')`.
//
// The result lists every simple command, those inside subshells, brace groups, if/for/while/case
// bodies and command substitutions included, in source order. Keywords are not commands. Word
// values have quotes removed and escapes processed; expansions ($VAR, ${...}, $(...), `...`) stay
// as written. Offsets are byte offsets in the original text plus `base_offset`; a word's range
// covers its raw text, continuations inside it included.
//
// Splitting never fails: malformed input (an unterminated quote, a missing `fi`) is recorded in
// `problems` and splitting goes on. It takes time linear in the text; constructs nested more
// than 64 levels deep are skipped unsplit (with a problem).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dfls::shell {

struct Word {
  std::string value;           // Quotes removed, escapes processed, expansions kept as written.
  size_t start = 0, end = 0;   // The raw word in the text.
  bool quoted = false;         // Some part was quoted or escaped.
  bool has_expansion = false;  // $name, ${...}, $(...), $((...)) or `...` outside single quotes.
};

struct Redirect {
  std::string op;  // > >> < << <<- <<< <& >& <> >| &> &>>
  Word target;     // The file, the descriptor ("1" in 2>&1) or the heredoc delimiter.
  int fd = -1;     // The explicit descriptor ("2" in 2>&1), -1 when none is written.
  size_t start = 0, end = 0;
  int heredoc = -1;  // For << and <<-: the index in Script::heredocs.
};

struct Heredoc {
  std::string delimiter;
  bool quoted = false;      // Part of the delimiter was quoted: the body is not expanded.
  bool strip_tabs = false;  // <<-
  // The body lines without the terminator line; both equal the end of the text when the body
  // is not in the text.
  size_t body_start = 0, body_end = 0;
  bool terminated = false;
};

struct Command {
  std::vector<Word> assignments;  // FOO=bar before the command name.
  std::vector<Word> args;         // args[0] is the command name; empty for "FOO=bar" or "> f".
  std::vector<Redirect> redirects;
  size_t start = 0, end = 0;
  std::string separator_after;  // "&&" "||" ";" "|" "&" "\n", or "" (end, or before a keyword).
  int depth = 0;                // Enclosing subshells and command substitutions.
  bool in_pipeline = false;
  bool nested = false;  // Inside a command or process substitution.
  int block_depth = 0;  // Enclosing if, for, while, until, case and { } constructs.
};

struct Separator {
  std::string op;  // "&&" "||" ";" "|" "|&" "&" "\n"
  size_t start = 0, end = 0;
  int depth = 0;
};

struct Script {
  std::vector<Command> commands;  // Ordered by start.
  std::vector<Separator> separators;
  std::vector<Heredoc> heredocs;
  std::vector<std::string> problems;
  std::vector<size_t> problem_offsets;  // Where each problem was found, parallel to `problems`.
};

Script split(std::string_view text, size_t base_offset = 0, char dockerfile_escape = '\\');

// Helpers for rules. Flags are looked for after the command name and before a "--".

// "-y" matches "-y" and short-flag clusters like "-qy" (letters and digits only); "--yes" matches
// "--yes" and "--yes=value".
bool has_flag(const Command& command, std::string_view flag);
// The value of the last occurrence of "--name=value", "--name value", "-Nvalue" or "-N value".
std::optional<std::string> flag_value(const Command& command, std::string_view long_or_short);
// The arguments from index `skip_words` on that are not options (do not start with "-", or come
// after "--"; a lone "-" is positional). Values of options taking one ("-o file") are not known
// here and count as positional.
std::vector<const Word*> positional_args(const Command& command, size_t skip_words);
// The basename of args[0] ("/usr/bin/apt-get" gives "apt-get"); empty without arguments.
std::string program_name(const Command& command);

}  // namespace dfls::shell
