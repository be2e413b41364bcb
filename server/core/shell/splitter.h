// Internal to the shell splitter: one class whose lexing half (cursor.cpp, lexer.cpp) and parsing
// half (parser.cpp) call each other, because a word can hold a command substitution whose commands
// are parsed while the word is read.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/shell/shell.h"

namespace dfls::shell::detail {

enum class TokenKind { Word, Operator, Newline, End };

struct Token {
  TokenKind kind = TokenKind::End;
  std::string op;  // For operators.
  Word word;       // For words.
  int fd = -1;     // A descriptor written before a redirection operator ("2" of 2>).
  size_t start = 0, end = 0;
};

// Constructs nested deeper than this are skipped (with a problem) to keep the stack bounded.
// Every recursive path (lists, ${...}, arithmetic) counts one level.
constexpr int kMaxNesting = 64;

// Where a command list stops.
enum class ListEnd { Eof, CloseParen, CaseItem };

// Where the commands being read sit.
struct Context {
  int depth = 0;
  bool nested = false;
  int block = 0;
};

class Splitter {
 public:
  Splitter(std::string_view text, char dockerfile_escape);
  Script run(size_t base_offset);

 private:
  // cursor.cpp: the character cursor. `pos_` always sits after any line continuation.
  size_t newline_length(size_t p) const;
  size_t skip_dropped_lines(size_t p) const;
  size_t skip_joins(size_t p, bool shell_joins) const;
  bool at_end() const { return pos_ >= limit_; }
  char cur() const { return at_end() ? '\0' : text_[pos_]; }
  char ahead(int n) const;
  void advance(bool shell_joins = true);
  void append_logical(std::string& out, size_t from, size_t to) const;
  void skip_comment();
  size_t read_heredoc_bodies(size_t p);

  // lexer.cpp: tokens and words.
  const Token& peek();
  Token take();
  Token next_token();
  std::string read_operator();
  Word scan_word();
  void scan_single_quote(Word& w);
  void scan_double_quote(Word& w);
  void scan_ansi_quote(Word& w);
  void scan_escape(Word& w);
  void scan_dollar(Word& w, bool in_double_quotes);
  void scan_braced(size_t open);
  void scan_backtick(Word& w);
  void scan_substitution(Word& w, size_t start);
  void skip_parens(int depth, bool substitutions);

  // parser.cpp.
  void parse_list(Context ctx, ListEnd end);
  std::optional<size_t> parse_simple_command(const Context& ctx);
  void parse_for_header();
  void parse_case(Context ctx);
  void skip_newlines();
  void skip_trailing_redirects();
  bool is_assignment(const Word& w) const;
  void problem(std::string message, size_t offset);

  std::string_view text_;
  char escape_;
  size_t pos_ = 0;
  size_t limit_ = 0;
  size_t last_end_ = 0;  // The raw end of the last character read.
  std::optional<Token> lookahead_;
  bool test_mode_ = false;  // Inside [[ ... ]], where && || ( ) < > are words.
  bool expect_delimiter_ = false;
  bool strip_tabs_ = false;
  std::vector<size_t> pending_heredocs_;
  int nesting_ = 0;
  Context ctx_;  // The list being parsed, for substitutions met while lexing.
  Script script_;
};

}  // namespace dfls::shell::detail
