// The lexing half of the shell splitter: tokens, words, quotes and expansions.
#include <algorithm>
#include <utility>

#include "core/shell/splitter.h"

namespace dfls::shell::detail {
namespace {

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

bool is_metachar(char c) {
  return is_blank(c) || c == '\n' || c == ';' || c == '&' || c == '|' || c == '(' || c == ')' ||
         c == '<' || c == '>';
}

bool is_name_start(char c) { return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_name_char(char c) { return is_name_start(c) || (c >= '0' && c <= '9'); }
bool is_special_param(char c) {
  return std::string_view("@*#?-$!0123456789").find(c) != std::string_view::npos;
}

}  // namespace

Splitter::Splitter(std::string_view text, char dockerfile_escape)
    : text_(text), escape_(dockerfile_escape), limit_(text.size()) {
  pos_ = skip_joins(0, true);
}

const Token& Splitter::peek() {
  if (!lookahead_) lookahead_ = next_token();
  return *lookahead_;
}

Token Splitter::take() {
  peek();
  Token t = std::move(*lookahead_);
  lookahead_.reset();
  return t;
}

std::string Splitter::read_operator() {
  static constexpr std::string_view kOperators[] = {
      ";;&", ";;",  ";&",  ";",  "&&", "&>>", "&>", "&",  "||", "|&", "|", "(",
      ")",   "<<<", "<<-", "<<", "<&", "<>",  "<",  ">>", ">&", ">|", ">"};
  const char next[3] = {cur(), ahead(1), ahead(2)};
  for (std::string_view op : kOperators) {
    if (std::equal(op.begin(), op.end(), next)) {
      for (size_t i = 0; i < op.size(); ++i) advance();
      return std::string(op);
    }
  }
  advance();  // Not reached: every operator character starts some operator.
  return std::string(1, next[0]);
}

Token Splitter::next_token() {
  // A word right after << or <<- is a heredoc delimiter.
  const bool want_delimiter = std::exchange(expect_delimiter_, false);
  while (true) {
    while (!at_end() && is_blank(cur())) advance();
    if (at_end() || cur() != '#') break;
    skip_comment();
  }
  Token t;
  t.start = pos_;
  if (at_end()) {
    t.start = t.end = limit_;
    return t;
  }
  char c = cur();
  if (c == '\n') {
    t.kind = TokenKind::Newline;
    t.end = pos_ + 1;
    if (pending_heredocs_.empty()) {
      advance();
    } else {
      last_end_ = pos_ + 1;
      pos_ = skip_joins(read_heredoc_bodies(pos_ + 1), true);
    }
    return t;
  }
  bool process_substitution = (c == '<' || c == '>') && ahead(1) == '(';
  if (is_metachar(c) && !process_substitution) {
    t.kind = TokenKind::Operator;
    t.op = read_operator();
    t.end = last_end_;
    static constexpr std::string_view kTestWords[] = {"&&", "||", "(", ")", "<", ">", "|"};
    if (test_mode_ &&
        std::find(std::begin(kTestWords), std::end(kTestWords), t.op) != std::end(kTestWords)) {
      t.kind = TokenKind::Word;
      t.word = {t.op, t.start, t.end, false, false};
    } else if (t.op == "<<" || t.op == "<<-") {
      expect_delimiter_ = true;
      strip_tabs_ = t.op == "<<-";
    }
    return t;
  }
  t.kind = TokenKind::Word;
  t.word = scan_word();
  t.end = t.word.end;
  bool digits = !t.word.quoted && !t.word.value.empty() &&
                std::all_of(t.word.value.begin(), t.word.value.end(),
                            [](char d) { return d >= '0' && d <= '9'; });
  if (digits && (cur() == '<' || cur() == '>') && ahead(1) != '(') {
    // An IO number: "2>&1" is one redirection of descriptor 2.
    t.kind = TokenKind::Operator;
    t.fd = t.word.value.size() < 6 ? std::stoi(t.word.value) : -1;
    t.word = {};
    t.op = read_operator();
    t.end = last_end_;
    expect_delimiter_ = t.op == "<<" || t.op == "<<-";
    strip_tabs_ = t.op == "<<-";
    return t;
  }
  if (want_delimiter) {
    Heredoc h;
    h.delimiter = t.word.value;
    h.quoted = t.word.quoted;
    h.strip_tabs = strip_tabs_;
    h.body_start = h.body_end = text_.size();
    pending_heredocs_.push_back(script_.heredocs.size());
    script_.heredocs.push_back(std::move(h));
  }
  return t;
}

Word Splitter::scan_word() {
  Word w;
  w.start = pos_;
  if ((cur() == '<' || cur() == '>') && ahead(1) == '(') {
    // Process substitution, <(cmd) or >(cmd).
    size_t start = pos_;
    advance();
    advance();
    scan_substitution(w, start);
  }
  while (!at_end() && !is_metachar(cur())) {
    char c = cur();
    if (c == '\'') {
      scan_single_quote(w);
    } else if (c == '"') {
      scan_double_quote(w);
    } else if (c == '\\') {
      scan_escape(w);
    } else if (c == '$') {
      scan_dollar(w, false);
    } else if (c == '`') {
      scan_backtick(w);
    } else {
      w.value += c;
      advance();
    }
  }
  w.end = std::max(last_end_, w.start);
  return w;
}

void Splitter::scan_single_quote(Word& w) {
  size_t open = pos_;
  w.quoted = true;
  advance(false);  // Inside single quotes a backslash-newline is literal.
  while (true) {
    if (at_end()) return problem("unterminated single quote", open);
    char c = cur();
    if (c == '\'') return advance();
    w.value += c;
    advance(false);
  }
}

void Splitter::scan_double_quote(Word& w) {
  size_t open = pos_;
  w.quoted = true;
  advance();
  while (true) {
    if (at_end()) return problem("unterminated double quote", open);
    char c = cur();
    if (c == '"') return advance();
    if (c == '$') {
      scan_dollar(w, true);
    } else if (c == '`') {
      scan_backtick(w);
    } else if (c == '\\') {
      size_t q = skip_joins(pos_ + 1, false);
      char next = q < limit_ ? text_[q] : '\0';
      if (next == '$' || next == '`' || next == '"' || next == '\\') {
        w.value += next;
        last_end_ = q + 1;
        pos_ = skip_joins(q + 1, true);
      } else {
        w.value += c;
        advance();
      }
    } else {
      w.value += c;
      advance();
    }
  }
}

void Splitter::scan_ansi_quote(Word& w) {
  // $'...': backslash escapes inside are kept as written, but \' does not end the string.
  size_t open = pos_;
  w.quoted = true;
  advance(false);
  advance(false);
  while (true) {
    if (at_end()) return problem("unterminated $' quote", open);
    char c = cur();
    if (c == '\'') return advance();
    w.value += c;
    advance(false);
    if (c == '\\' && !at_end()) {
      w.value += cur();
      advance(false);
    }
  }
}

void Splitter::scan_escape(Word& w) {
  w.quoted = true;
  size_t q = skip_joins(pos_ + 1, false);
  if (q >= limit_) {
    w.value += '\\';
    return advance();
  }
  w.value += text_[q];
  last_end_ = q + 1;
  pos_ = skip_joins(q + 1, true);
}

void Splitter::scan_dollar(Word& w, bool in_double_quotes) {
  const size_t start = pos_;
  const char next = ahead(1);
  if (next == '(' && ahead(2) == '(') {
    // Arithmetic expansion $((...)).
    advance();
    advance();
    advance();
    const bool too_deep = ++nesting_ > kMaxNesting;
    if (too_deep) problem("expansions nested too deeply", start);
    skip_parens(2, !too_deep);
    --nesting_;
    w.has_expansion = true;
    append_logical(w.value, start, last_end_);
  } else if (next == '(') {
    advance();
    advance();
    scan_substitution(w, start);
  } else if (next == '{') {
    advance();
    advance();
    scan_braced(start);
    w.has_expansion = true;
    append_logical(w.value, start, last_end_);
  } else if (next == '\'' && !in_double_quotes) {
    scan_ansi_quote(w);
  } else if (next == '"' && !in_double_quotes) {
    advance();  // $"..." is a double-quoted string.
  } else if (is_name_start(next) || is_special_param(next)) {
    advance();
    w.has_expansion = true;
    w.value += '$';
    if (is_name_start(next)) {
      while (!at_end() && is_name_char(cur())) {
        w.value += cur();
        advance();
      }
    } else {
      w.value += cur();
      advance();
    }
  } else {
    w.value += '$';
    advance();
  }
}

void Splitter::scan_braced(size_t open) {
  // After "${": up to the matching "}", through quotes and nested expansions.
  Word inner;  // Nested parts are read for their commands; their values are not needed.
  if (++nesting_ > kMaxNesting) problem("expansions nested too deeply", open);
  while (true) {
    if (at_end()) {
      problem("unterminated ${", open);
      break;
    }
    char c = cur();
    if (c == '}') {
      advance();
      break;
    }
    if (nesting_ > kMaxNesting) {
      advance();
    } else if (c == '\'') {
      scan_single_quote(inner);
    } else if (c == '"') {
      scan_double_quote(inner);
    } else if (c == '\\') {
      scan_escape(inner);
    } else if (c == '$') {
      scan_dollar(inner, true);
    } else if (c == '`') {
      scan_backtick(inner);
    } else {
      advance();
    }
  }
  --nesting_;
}

void Splitter::scan_substitution(Word& w, size_t start) {
  // After "$(", "<(" or ">(": the commands up to the matching ")".
  w.has_expansion = true;
  if (nesting_ >= kMaxNesting) {
    problem("command substitutions nested too deeply", start);
    skip_parens(1, false);
  } else {
    Context saved = ctx_;
    bool saved_test = test_mode_, saved_expect = expect_delimiter_;
    test_mode_ = expect_delimiter_ = false;
    parse_list({saved.depth + 1, true, saved.block}, ListEnd::CloseParen);
    const Token& t = peek();
    if (t.kind == TokenKind::Operator && t.op == ")") {
      take();
    } else {
      problem("unterminated command substitution", start);
      lookahead_.reset();
    }
    ctx_ = saved;
    test_mode_ = saved_test;
    expect_delimiter_ = saved_expect;
  }
  append_logical(w.value, start, last_end_);
}

void Splitter::scan_backtick(Word& w) {
  const size_t start = pos_;
  w.has_expansion = true;
  advance();
  const size_t inner = pos_;
  size_t close = pos_;
  while (close < limit_ && text_[close] != '`') {
    if (text_[close] == '\\') close = skip_joins(close + 1, false);
    if (close < limit_) close = skip_joins(close + 1, true);
  }
  if (close >= limit_) problem("unterminated backquote", start);
  if (nesting_ >= kMaxNesting) {
    problem("command substitutions nested too deeply", start);
  } else {
    // The text between the backquotes is split on its own, within the same offsets.
    Context saved = ctx_;
    size_t saved_limit = limit_;
    bool saved_test = test_mode_, saved_expect = expect_delimiter_;
    test_mode_ = expect_delimiter_ = false;
    limit_ = std::min(close, limit_);
    pos_ = inner;
    parse_list({saved.depth + 1, true, saved.block}, ListEnd::Eof);
    lookahead_.reset();
    limit_ = saved_limit;
    ctx_ = saved;
    test_mode_ = saved_test;
    expect_delimiter_ = saved_expect;
  }
  pos_ = std::min(close, limit_);
  if (!at_end())
    advance();  // The closing backquote.
  else
    last_end_ = limit_;
  append_logical(w.value, start, last_end_);
}

void Splitter::skip_parens(int depth, bool substitutions) {
  // Arithmetic: up to the ")" that balances `depth` open parentheses. Command substitutions in it
  // are still split, unless this is the fallback for nesting too deep.
  size_t open = pos_;
  Word ignored;
  while (depth > 0) {
    if (at_end()) return problem("unbalanced parentheses", open);
    char c = cur();
    if (substitutions && c == '$') {
      scan_dollar(ignored, true);
      continue;
    }
    if (substitutions && c == '`') {
      scan_backtick(ignored);
      continue;
    }
    advance();
    if (c == '(') ++depth;
    if (c == ')') --depth;
  }
}

}  // namespace dfls::shell::detail
