/*
 * External scanner for tree-sitter-dockerfile.
 *
 * The grammar's internal lexer cannot see the context that BuildKit's line
 * parser uses, so this scanner handles everything that depends on it:
 *
 *  - the escape character chosen by `# escape=` (backslash or backtick) and line
 *    continuations, including the comment lines and whitespace-only lines that
 *    BuildKit skips inside a continued instruction;
 *  - parser directives at the top of the file and comment lines (a `#` is only a
 *    comment as the first non-blank character of a line);
 *  - heredocs: markers in RUN/COPY/ADD lines, their bodies and terminators;
 *  - the choice between JSON form and shell form (a look-ahead over the logical
 *    line decides whether an argument starting with `[` is a JSON string array);
 *  - flag names, shell text, image registries and word pieces that start with an
 *    escape or `$` character.
 *
 * Only the TSLexer fields of tree-sitter 0.20 are used (no `log`).
 *
 * Line-start decisions. Whether a line is a comment, a directive, a blank line
 * inside a continuation or a heredoc body is decided by the token that ends the
 * previous line: it peeks at the next line and stores the verdict in
 * `next_line`. The next token is then guaranteed to start at that line, because
 * all those line kinds are produced by this scanner, which runs before the
 * internal lexer for every token.
 */

#include "tree_sitter/parser.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

enum TokenType {
  NEWLINE,
  HEREDOC_NEWLINE,
  LINE_CONTINUATION,
  COMMENT,
  EMPTY_CONTINUATION_LINE,
  COMMENT_NEWLINE,
  BEGINNING_OF_FILE,
  KEYWORD_FROM,
  KEYWORD_RUN,
  KEYWORD_CMD,
  KEYWORD_LABEL,
  KEYWORD_MAINTAINER,
  KEYWORD_EXPOSE,
  KEYWORD_ENV,
  KEYWORD_ADD,
  KEYWORD_COPY,
  KEYWORD_ENTRYPOINT,
  KEYWORD_VOLUME,
  KEYWORD_USER,
  KEYWORD_WORKDIR,
  KEYWORD_ARG,
  KEYWORD_ONBUILD,
  KEYWORD_STOPSIGNAL,
  KEYWORD_HEALTHCHECK,
  KEYWORD_SHELL,
  UNKNOWN_KEYWORD,
  KEYWORD_AS,
  KEYWORD_NONE,
  DIRECTIVE_START,
  DIRECTIVE_NAME,
  DIRECTIVE_VALUE,
  JSON_START,
  NOT_JSON,
  FLAG_NAME,
  MOUNT_FLAG_NAME,
  END_OF_FLAGS,
  SHELL_FRAGMENT,
  RAW_FRAGMENT,
  HEREDOC_START,
  HEREDOC_START_DASH,
  HEREDOC_DELIMITER,
  HEREDOC_BODY,
  HEREDOC_END,
  IMAGE_REGISTRY,
  ESCAPE_SEQUENCE,
  ESCAPE_SEQUENCE_IMMEDIATE,
  LITERAL,
  LITERAL_IMMEDIATE,
  WORD_AFTER_CONTINUATION,
  ERROR_SENTINEL,
};

/* What the next line is, as seen by the token that ended the previous line. */
enum NextLine {
  NEXT_NONE,
  NEXT_COMMENT,          /* a comment line at the top level */
  NEXT_DIRECTIVE,        /* a parser directive line */
  NEXT_CONT_BLANK,       /* a whitespace-only line inside a continuation */
  NEXT_CONT_COMMENT,     /* a comment line inside a continuation */
  NEXT_CONT_COMMENT_END, /* the newline after such a comment */
  NEXT_HEREDOC,          /* the body or terminator of the first pending heredoc */
  NEXT_MISSING_END,      /* an unterminated heredoc stops here */
};

/* Flag bits. */
enum {
  F_PROLOGUE = 1,        /* still in the directive block at the top of the file */
  F_DIRECTIVE_LINE = 2,  /* the current line is a parser directive */
  F_CONT_SPACE = 4,      /* whitespace came before the last line continuation */
  F_WORD_START = 8,      /* the next line starts a new word: `a \` + an unindented line */
  F_AFTER_BODY = 16,     /* a heredoc body was just emitted */
  F_CHOMP = 32,          /* the heredoc start just emitted was `<<-` */
  F_LINE_START = 64,     /* the last token ended a top-level line */
};

enum HeredocStatus {
  HEREDOC_UNKNOWN,
  HEREDOC_TERMINATOR_NEXT, /* the next line is the terminator */
  HEREDOC_BODY_NEXT,       /* body lines, then the terminator */
  HEREDOC_UNTERMINATED,    /* no terminator in the rest of the file */
};

/* Pending heredocs are stored as [chomp][length][name bytes] entries. */
#define HEREDOC_BUFFER_SIZE 900
#define MAX_DELIMITER_LENGTH 255

typedef struct {
  uint8_t escape;
  uint8_t next_line;
  uint8_t flags;
  uint8_t quote;          /* open quote of the shell text so far: 0, '\'' or '"' */
  uint8_t heredoc_status; /* of the first pending heredoc */
  uint16_t heredoc_used;
  uint8_t heredocs[HEREDOC_BUFFER_SIZE];
} Scanner;

#define HEADER_SIZE 7

/* ------------------------------------------------------------------------ */
/* Small helpers                                                            */

static inline void advance(TSLexer *lexer) { lexer->advance(lexer, false); }

static inline void skip(TSLexer *lexer) { lexer->advance(lexer, true); }

static inline bool at_eof(TSLexer *lexer) { return lexer->eof(lexer); }

static inline bool is_blank(int32_t c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

static inline bool is_line_end(TSLexer *lexer) { return lexer->lookahead == '\n' || at_eof(lexer); }

static inline bool is_digit(int32_t c) { return c >= '0' && c <= '9'; }

static inline bool is_ascii_letter(int32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

static inline bool is_name_start(int32_t c) { return is_ascii_letter(c) || c == '_' || c > 0x7f; }

static inline bool is_name_char(int32_t c) { return is_name_start(c) || is_digit(c); }

static inline int32_t to_lower(int32_t c) { return (c >= 'A' && c <= 'Z') ? c + ('a' - 'A') : c; }

/* The instruction keywords, in the order of the KEYWORD_* tokens. */
static const char *const KEYWORDS[] = {
    "from", "run", "cmd", "label", "maintainer", "expose", "env", "add", "copy", "entrypoint",
    "volume", "user", "workdir", "arg", "onbuild", "stopsignal", "healthcheck", "shell",
};

/* The index of a lower-case word in KEYWORDS, or -1. */
static int keyword_index(const char *word, unsigned length) {
  for (unsigned i = 0; i < sizeof(KEYWORDS) / sizeof(KEYWORDS[0]); i++) {
    if (strlen(KEYWORDS[i]) == length && memcmp(KEYWORDS[i], word, length) == 0) return (int)i;
  }
  return -1;
}

static inline bool has_heredocs(const Scanner *s) { return s->heredoc_used > 0; }

static void clear_heredocs(Scanner *s) {
  s->heredoc_used = 0;
  s->heredoc_status = HEREDOC_UNKNOWN;
  s->flags &= (uint8_t)~F_AFTER_BODY;
}

static void push_heredoc(Scanner *s, const uint8_t *name, unsigned length, bool chomp) {
  if (length > MAX_DELIMITER_LENGTH) length = MAX_DELIMITER_LENGTH;
  if (s->heredoc_used + 2u + length > HEREDOC_BUFFER_SIZE) return;
  s->heredocs[s->heredoc_used] = chomp ? 1 : 0;
  s->heredocs[s->heredoc_used + 1] = (uint8_t)length;
  memcpy(&s->heredocs[s->heredoc_used + 2], name, length);
  s->heredoc_used = (uint16_t)(s->heredoc_used + 2 + length);
}

static void pop_heredoc(Scanner *s) {
  if (!has_heredocs(s)) return;
  unsigned size = 2u + s->heredocs[1];
  memmove(s->heredocs, s->heredocs + size, s->heredoc_used - size);
  s->heredoc_used = (uint16_t)(s->heredoc_used - size);
  s->heredoc_status = HEREDOC_UNKNOWN;
}

static inline bool front_chomp(const Scanner *s) { return s->heredocs[0] != 0; }
static inline unsigned front_length(const Scanner *s) { return s->heredocs[1]; }
static inline const uint8_t *front_name(const Scanner *s) { return &s->heredocs[2]; }

/* Reads one UTF-8 encoded code point into `out` (at most 4 bytes); returns its length. */
static unsigned encode_utf8(int32_t c, uint8_t *out) {
  if (c < 0x80) {
    out[0] = (uint8_t)c;
    return 1;
  }
  if (c < 0x800) {
    out[0] = (uint8_t)(0xC0 | (c >> 6));
    out[1] = (uint8_t)(0x80 | (c & 0x3F));
    return 2;
  }
  if (c < 0x10000) {
    out[0] = (uint8_t)(0xE0 | (c >> 12));
    out[1] = (uint8_t)(0x80 | ((c >> 6) & 0x3F));
    out[2] = (uint8_t)(0x80 | (c & 0x3F));
    return 3;
  }
  out[0] = (uint8_t)(0xF0 | (c >> 18));
  out[1] = (uint8_t)(0x80 | ((c >> 12) & 0x3F));
  out[2] = (uint8_t)(0x80 | ((c >> 6) & 0x3F));
  out[3] = (uint8_t)(0x80 | (c & 0x3F));
  return 4;
}

/* Consumes a line ending: `\n` (a `\r` before it was already skipped as blank). */
static void consume_newline(TSLexer *lexer) {
  if (lexer->lookahead == '\n') advance(lexer);
}

/* Consumes the rest of the current line, without the newline. */
static void consume_rest_of_line(TSLexer *lexer) {
  while (!is_line_end(lexer)) advance(lexer);
}

/* ------------------------------------------------------------------------ */
/* Parser directives                                                        */

/*
 * Checks whether the current line (positioned at its `#`) is a known parser
 * directive (`syntax`, `escape` or `check`, any case) of the form
 * `# name = value`. When it is an escape directive with a valid value, the
 * escape character is stored in `escape`. Consumes the line; when `mark_hash`
 * is set, the token ends after the `#`.
 */
static bool scan_directive_line(TSLexer *lexer, uint8_t *escape, bool mark_hash) {
  if (lexer->lookahead != '#') return false;
  advance(lexer);
  if (mark_hash) lexer->mark_end(lexer);
  while (is_blank(lexer->lookahead)) advance(lexer);

  char name[8];
  unsigned name_length = 0;
  if (!is_ascii_letter(lexer->lookahead)) return false;
  while (is_ascii_letter(lexer->lookahead) || is_digit(lexer->lookahead)) {
    if (name_length < sizeof(name)) name[name_length] = (char)to_lower(lexer->lookahead);
    name_length++;
    advance(lexer);
  }
  while (is_blank(lexer->lookahead)) advance(lexer);
  if (lexer->lookahead != '=') return false;
  advance(lexer);
  while (is_blank(lexer->lookahead)) advance(lexer);

  /* The value is the rest of the line without trailing whitespace. */
  int32_t first = 0;
  unsigned value_length = 0;
  unsigned trailing_blanks = 0;
  while (!is_line_end(lexer)) {
    if (is_blank(lexer->lookahead)) {
      trailing_blanks++;
    } else {
      if (value_length == 0) first = lexer->lookahead;
      value_length += trailing_blanks + 1;
      trailing_blanks = 0;
    }
    advance(lexer);
  }
  if (value_length == 0) return false;

  bool known = (name_length == 6 && memcmp(name, "syntax", 6) == 0) ||
               (name_length == 6 && memcmp(name, "escape", 6) == 0) ||
               (name_length == 5 && memcmp(name, "check", 5) == 0);
  if (!known) return false;
  if (name_length == 6 && memcmp(name, "escape", 6) == 0 && value_length == 1 &&
      (first == '\\' || first == '`')) {
    *escape = (uint8_t)first;
  }
  return true;
}

/* ------------------------------------------------------------------------ */
/* Looking at the next line                                                 */

/*
 * Called right after a top-level line break (or at the start of the file):
 * decides whether the next line is a directive, a comment or anything else.
 */
static void peek_top_level_line(Scanner *s, TSLexer *lexer, bool directives_allowed) {
  while (is_blank(lexer->lookahead) || lexer->lookahead == 0xFEFF) advance(lexer);
  s->next_line = NEXT_NONE;
  if (lexer->lookahead == '#') {
    uint8_t ignored = s->escape;
    if (directives_allowed && scan_directive_line(lexer, &ignored, false)) {
      s->next_line = NEXT_DIRECTIVE;
      return;
    }
    s->next_line = NEXT_COMMENT;
  }
  s->flags &= (uint8_t)~F_PROLOGUE;
}

/*
 * Called right after a line break that continues an instruction: the next line
 * may be a whitespace-only line or a comment line (both skipped by BuildKit);
 * otherwise, if a blank came before the escape character, the next line starts
 * a new word even without indentation (F_WORD_START).
 */
static void peek_continued_line(Scanner *s, TSLexer *lexer) {
  unsigned blanks = 0;
  while (is_blank(lexer->lookahead)) {
    advance(lexer);
    blanks++;
  }
  s->next_line = NEXT_NONE;
  s->flags &= (uint8_t)~F_WORD_START;
  if (lexer->lookahead == '\n' || (at_eof(lexer) && blanks > 0)) {
    s->next_line = NEXT_CONT_BLANK;
  } else if (lexer->lookahead == '#') {
    s->next_line = NEXT_CONT_COMMENT;
  } else if (blanks == 0 && (s->flags & F_CONT_SPACE)) {
    /* In the joined line `a ` + `b`, a blank comes before `b`. */
    s->flags |= F_WORD_START;
  }
}

/* ------------------------------------------------------------------------ */
/* Line breaks                                                              */

/* A top-level line break has been consumed (or we are at a zero-width stop). */
static bool finish_newline(Scanner *s, TSLexer *lexer) {
  bool directives_allowed = (s->flags & F_PROLOGUE) && (s->flags & F_DIRECTIVE_LINE);
  s->flags &= (uint8_t)~(F_DIRECTIVE_LINE | F_CONT_SPACE | F_WORD_START | F_CHOMP);
  s->flags |= F_LINE_START;
  s->quote = 0;
  clear_heredocs(s);
  lexer->result_symbol = NEWLINE;
  lexer->mark_end(lexer);
  peek_top_level_line(s, lexer, directives_allowed);
  return true;
}

/* ------------------------------------------------------------------------ */
/* Heredoc bodies                                                           */

/* What a line after a heredoc marker is. */
enum LineKind {
  LINE_TEXT,
  LINE_TERMINATOR,  /* the delimiter of the first pending heredoc */
  LINE_INSTRUCTION, /* starts with an upper-case instruction keyword */
};

/*
 * At the start of a line: reads as much of it as needed to classify it. The
 * terminator is compared like BuildKit does (trailing carriage returns removed,
 * and leading tabs too for `<<-`). Consumes part of the line, never its newline.
 */
static enum LineKind classify_line(const Scanner *s, TSLexer *lexer) {
  const uint8_t *name = front_name(s);
  unsigned length = front_length(s);
  bool terminator = true;
  bool keyword = true;
  char word[12];
  unsigned word_length = 0;
  unsigned matched = 0;

  if (front_chomp(s)) {
    while (lexer->lookahead == '\t') {
      advance(lexer);
      keyword = false;
    }
  }
  while (!is_line_end(lexer) && (terminator || keyword)) {
    int32_t c = lexer->lookahead;
    if (terminator) {
      uint8_t bytes[4];
      unsigned n = encode_utf8(c, bytes);
      if (matched + n <= length && memcmp(bytes, name + matched, n) == 0) {
        matched += n;
      } else if (!(c == '\r' && matched == length)) {
        terminator = false;
      }
    }
    if (keyword) {
      if (c >= 'A' && c <= 'Z' && word_length < sizeof(word)) {
        word[word_length++] = (char)to_lower(c);
      } else {
        keyword = is_blank(c) && keyword_index(word, word_length) >= 0;
        if (keyword) break;
      }
    }
    advance(lexer);
  }
  if (terminator && matched == length && is_line_end(lexer)) return LINE_TERMINATOR;
  if (keyword && keyword_index(word, word_length) < 0) keyword = false;
  return keyword ? LINE_INSTRUCTION : LINE_TEXT;
}

/*
 * The line break that ends an instruction line with heredoc markers, or the
 * previous heredoc's terminator line, or a heredoc body. Before a body it looks
 * ahead for the terminator and records what comes next:
 *  - the terminator right away (an empty body),
 *  - body lines and then the terminator,
 *  - no terminator in the rest of the file: BuildKit fails with "unterminated
 *    heredoc"; here the body stops before the first line that starts with an
 *    upper-case instruction keyword (so that later instructions survive while
 *    the terminator is being typed) and the terminator is MISSING.
 */
static bool scan_heredoc_newline(Scanner *s, TSLexer *lexer) {
  lexer->result_symbol = HEREDOC_NEWLINE;
  s->quote = 0;
  s->flags &= (uint8_t)~(F_CONT_SPACE | F_WORD_START);
  bool after_body = (s->flags & F_AFTER_BODY) != 0;
  s->flags &= (uint8_t)~F_AFTER_BODY;

  if (at_eof(lexer)) {
    /* Zero width: the next token is a zero-width line break before which the terminator is missing. */
    lexer->mark_end(lexer);
    s->next_line = NEXT_MISSING_END;
    return true;
  }
  consume_newline(lexer);
  lexer->mark_end(lexer);

  if (after_body) {
    s->next_line = s->heredoc_status == HEREDOC_UNTERMINATED ? NEXT_MISSING_END : NEXT_HEREDOC;
    if (s->heredoc_status != HEREDOC_UNTERMINATED) s->heredoc_status = HEREDOC_TERMINATOR_NEXT;
    return true;
  }

  s->next_line = NEXT_HEREDOC;
  if (at_eof(lexer)) {
    s->heredoc_status = HEREDOC_UNTERMINATED;
    s->next_line = NEXT_MISSING_END;
    return true;
  }
  enum LineKind first = classify_line(s, lexer);
  if (first == LINE_TERMINATOR) {
    s->heredoc_status = HEREDOC_TERMINATOR_NEXT;
    return true;
  }
  for (;;) {
    consume_rest_of_line(lexer);
    if (at_eof(lexer)) break;
    consume_newline(lexer);
    if (classify_line(s, lexer) == LINE_TERMINATOR) {
      s->heredoc_status = HEREDOC_BODY_NEXT;
      return true;
    }
  }
  s->heredoc_status = HEREDOC_UNTERMINATED;
  if (first == LINE_INSTRUCTION) s->next_line = NEXT_MISSING_END;
  return true;
}

/*
 * At the start of the first line after a heredoc line break: the body (the
 * lines before the terminator, without the final line break) or the
 * terminator, as classified by that line break.
 */
static bool scan_heredoc_content(Scanner *s, TSLexer *lexer, const bool *valid) {
  s->next_line = NEXT_NONE;
  if (!has_heredocs(s)) return false;

  if (s->heredoc_status == HEREDOC_TERMINATOR_NEXT) {
    if (!valid[HEREDOC_END]) return false;
    if (front_chomp(s)) {
      while (lexer->lookahead == '\t') skip(lexer);
    }
    for (unsigned i = 0; i < front_length(s) && !is_line_end(lexer);) {
      uint8_t bytes[4];
      i += encode_utf8(lexer->lookahead, bytes);
      advance(lexer);
    }
    lexer->mark_end(lexer);
    lexer->result_symbol = HEREDOC_END;
    pop_heredoc(s);
    return true;
  }

  if (!valid[HEREDOC_BODY]) return false;
  bool terminated = s->heredoc_status == HEREDOC_BODY_NEXT;
  lexer->mark_end(lexer);
  for (;;) {
    while (!is_line_end(lexer)) {
      advance(lexer);
      lexer->mark_end(lexer);
    }
    if (at_eof(lexer)) break;
    consume_newline(lexer);
    if (at_eof(lexer)) break;
    enum LineKind kind = classify_line(s, lexer);
    if (terminated ? kind == LINE_TERMINATOR : kind == LINE_INSTRUCTION) break;
    lexer->mark_end(lexer);
  }
  lexer->result_symbol = HEREDOC_BODY;
  s->flags |= F_AFTER_BODY;
  return true;
}

/* ------------------------------------------------------------------------ */
/* Heredoc markers                                                          */

/*
 * Reads the delimiter word of a heredoc marker (after `<<` and blanks). Stores
 * the delimiter with quotes removed in `name`. Returns false when the word is
 * empty, contains `<` or has unbalanced quotes, which BuildKit does not accept
 * as a heredoc. `quote` receives the quote still open at the end.
 */
static bool scan_delimiter_word(TSLexer *lexer, uint8_t *name, unsigned *name_length, uint8_t *quote) {
  unsigned length = 0;
  unsigned raw_length = 0;
  uint8_t open = 0;
  bool ok = true;
  while (!is_line_end(lexer)) {
    int32_t c = lexer->lookahead;
    if (open == 0 && is_blank(c)) break;
    if (c == '<') ok = false;
    if (c == '\\' && open != '\'') {
      advance(lexer);
      raw_length++;
      if (is_line_end(lexer)) break;
      c = lexer->lookahead;
      if (open == '"' && c != '"' && c != '\\' && c != '$') {
        if (length < MAX_DELIMITER_LENGTH) name[length++] = '\\';
      }
    } else if ((c == '\'' || c == '"') && (open == 0 || open == c)) {
      open = open == 0 ? (uint8_t)c : 0;
      advance(lexer);
      raw_length++;
      continue;
    }
    uint8_t bytes[4];
    unsigned n = encode_utf8(c, bytes);
    if (length + n <= MAX_DELIMITER_LENGTH) {
      memcpy(name + length, bytes, n);
      length += n;
    }
    advance(lexer);
    raw_length++;
  }
  *name_length = length;
  *quote = open;
  return ok && open == 0 && raw_length > 0;
}

/*
 * At a `<` or digit that starts a word: checks for `[digits]<<[-][blanks]word`.
 * Returns HEREDOC_START, HEREDOC_START_DASH or -1. When `mark` is set, the token
 * end is marked after the operator. `quote` receives the quote left open if the
 * marker turns out to be invalid.
 */
static int scan_heredoc_operator(TSLexer *lexer, bool mark, uint8_t *quote) {
  *quote = 0;
  while (is_digit(lexer->lookahead)) advance(lexer);
  if (lexer->lookahead != '<') return -1;
  advance(lexer);
  if (lexer->lookahead != '<') return -1;
  advance(lexer);
  int result = HEREDOC_START;
  if (lexer->lookahead == '-') {
    advance(lexer);
    result = HEREDOC_START_DASH;
  }
  if (mark) lexer->mark_end(lexer);
  while (lexer->lookahead == ' ' || lexer->lookahead == '\t') advance(lexer);
  uint8_t name[MAX_DELIMITER_LENGTH];
  unsigned length;
  if (!scan_delimiter_word(lexer, name, &length, quote)) return -1;
  return result;
}

static bool scan_heredoc_delimiter(Scanner *s, TSLexer *lexer) {
  uint8_t name[MAX_DELIMITER_LENGTH];
  unsigned length;
  uint8_t quote;
  if (!scan_delimiter_word(lexer, name, &length, &quote)) return false;
  lexer->mark_end(lexer);
  push_heredoc(s, name, length, (s->flags & F_CHOMP) != 0);
  s->flags &= (uint8_t)~F_CHOMP;
  lexer->result_symbol = HEREDOC_DELIMITER;
  return true;
}

/* ------------------------------------------------------------------------ */
/* JSON form                                                                */

/*
 * Skips JSON whitespace inside the logical line, including line continuations
 * and the blank and comment lines BuildKit drops inside them. Returns false at
 * the end of the logical line.
 */
static bool skip_json_space(const Scanner *s, TSLexer *lexer) {
  for (;;) {
    while (is_blank(lexer->lookahead)) advance(lexer);
    if (lexer->lookahead != s->escape) return !is_line_end(lexer);
    advance(lexer);
    while (is_blank(lexer->lookahead)) advance(lexer);
    if (!is_line_end(lexer)) return false; /* an escape character is not JSON */
    if (at_eof(lexer)) return false;
    consume_newline(lexer);
    /* Blank and comment lines inside the continuation. */
    for (;;) {
      while (is_blank(lexer->lookahead)) advance(lexer);
      if (lexer->lookahead == '#') {
        consume_rest_of_line(lexer);
        if (at_eof(lexer)) return false;
        consume_newline(lexer);
      } else if (lexer->lookahead == '\n') {
        consume_newline(lexer);
      } else {
        break;
      }
    }
  }
}

static bool is_hex(int32_t c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

static bool scan_json_string(TSLexer *lexer) {
  advance(lexer); /* the opening quote */
  for (;;) {
    int32_t c = lexer->lookahead;
    if (at_eof(lexer) || c < 0x20) return false;
    advance(lexer);
    if (c == '"') return true;
    if (c == '\\') {
      c = lexer->lookahead;
      if (c == 'u') {
        advance(lexer);
        for (int i = 0; i < 4; i++) {
          if (!is_hex(lexer->lookahead)) return false;
          advance(lexer);
        }
      } else if (c == '"' || c == '\\' || c == '/' || c == 'b' || c == 'f' || c == 'n' || c == 'r' || c == 't') {
        advance(lexer);
      } else {
        return false;
      }
    }
  }
}

/*
 * At `[`: is this a JSON array of strings? Like Go's json.Decoder, which
 * BuildKit uses, text after the closing bracket does not matter.
 */
static bool is_json_string_array(const Scanner *s, TSLexer *lexer) {
  advance(lexer);
  if (!skip_json_space(s, lexer)) return false;
  if (lexer->lookahead == ']') return true;
  for (;;) {
    if (lexer->lookahead != '"' || !scan_json_string(lexer)) return false;
    if (!skip_json_space(s, lexer)) return false;
    if (lexer->lookahead == ']') return true;
    if (lexer->lookahead != ',') return false;
    advance(lexer);
    if (!skip_json_space(s, lexer)) return false;
  }
}

/* ------------------------------------------------------------------------ */
/* Escape characters and continuations                                     */

/* After the escape character and optional blanks, at a line end: a line continuation. */
static bool finish_line_continuation(Scanner *s, TSLexer *lexer, bool space_before) {
  consume_newline(lexer);
  lexer->mark_end(lexer);
  lexer->result_symbol = LINE_CONTINUATION;
  if (space_before) {
    s->flags |= F_CONT_SPACE;
  } else {
    s->flags &= (uint8_t)~F_CONT_SPACE;
  }
  peek_continued_line(s, lexer);
  return true;
}

/*
 * At the escape character in a word context: a line continuation, an escape
 * sequence (the escape character and the character it escapes), or a literal.
 */
static bool scan_escape(Scanner *s, TSLexer *lexer, const bool *valid, bool space_before) {
  bool want_sequence = valid[ESCAPE_SEQUENCE] || valid[ESCAPE_SEQUENCE_IMMEDIATE];
  bool want_literal = valid[LITERAL] || valid[LITERAL_IMMEDIATE];
  advance(lexer);
  lexer->mark_end(lexer);
  if (want_sequence) {
    unsigned run = 1;
    while (lexer->lookahead == s->escape) {
      advance(lexer);
      run++;
    }
    lexer->mark_end(lexer);
    if (run % 2 == 1 && !is_line_end(lexer) && !is_blank(lexer->lookahead)) {
      advance(lexer);
      lexer->mark_end(lexer);
    } else if (run % 2 == 1 && is_blank(lexer->lookahead)) {
      advance(lexer);
      lexer->mark_end(lexer);
      while (is_blank(lexer->lookahead)) advance(lexer);
      if (run == 1 && is_line_end(lexer)) return finish_line_continuation(s, lexer, space_before);
    } else if (run == 1 && is_line_end(lexer)) {
      return finish_line_continuation(s, lexer, space_before);
    }
    bool immediate = !space_before && valid[ESCAPE_SEQUENCE_IMMEDIATE];
    lexer->result_symbol = immediate ? ESCAPE_SEQUENCE_IMMEDIATE : ESCAPE_SEQUENCE;
    return immediate || valid[ESCAPE_SEQUENCE];
  }
  /* Inside single quotes the escape character only continues lines. */
  bool continued = lexer->lookahead != s->escape;
  while (is_blank(lexer->lookahead)) advance(lexer);
  if (continued && is_line_end(lexer)) return finish_line_continuation(s, lexer, space_before);
  if (!want_literal) return false;
  bool immediate = !space_before && valid[LITERAL_IMMEDIATE];
  lexer->result_symbol = immediate ? LITERAL_IMMEDIATE : LITERAL;
  return immediate || valid[LITERAL];
}

/* ------------------------------------------------------------------------ */
/* Flags                                                                    */

/* At `-`: a flag name `--name`, `--mount` or the end of flags `--`. */
static bool scan_flag(TSLexer *lexer, const bool *valid, const Scanner *s) {
  advance(lexer);
  if (lexer->lookahead != '-') return false;
  advance(lexer);
  lexer->mark_end(lexer);
  char name[6];
  unsigned length = 0;
  while (!is_line_end(lexer) && !is_blank(lexer->lookahead) && lexer->lookahead != '=' &&
         lexer->lookahead != '"' && lexer->lookahead != '\'' && lexer->lookahead != '$' &&
         lexer->lookahead != s->escape) {
    if (length < sizeof(name)) name[length] = (char)lexer->lookahead;
    length++;
    advance(lexer);
  }
  if (length == 0) {
    if (lexer->lookahead == '=') {
      if (!valid[FLAG_NAME]) return false;
      lexer->result_symbol = FLAG_NAME;
      return true;
    }
    if (!valid[END_OF_FLAGS]) return false;
    lexer->result_symbol = END_OF_FLAGS;
    return true;
  }
  lexer->mark_end(lexer);
  if (length == 5 && memcmp(name, "mount", 5) == 0 && valid[MOUNT_FLAG_NAME]) {
    lexer->result_symbol = MOUNT_FLAG_NAME;
    return true;
  }
  if (!valid[FLAG_NAME]) return false;
  lexer->result_symbol = FLAG_NAME;
  return true;
}

/* ------------------------------------------------------------------------ */
/* Shell text                                                               */

/* After `$`: is this `$name` or `${name}`, which the grammar marks as an expansion? */
static bool is_simple_expansion(TSLexer *lexer) {
  advance(lexer);
  if (lexer->lookahead == '{') {
    advance(lexer);
    if (!is_name_start(lexer->lookahead)) return false;
    while (is_name_char(lexer->lookahead)) advance(lexer);
    return lexer->lookahead == '}';
  }
  return is_name_start(lexer->lookahead);
}

/*
 * Shell text of RUN, CMD, ENTRYPOINT, SHELL and HEALTHCHECK CMD (`raw` false),
 * or uninterpreted text (`raw` true). A fragment runs to the end of the
 * logical line, but stops before a line continuation, a `$VAR` or `${VAR}`
 * outside single quotes, and (when heredocs are allowed) a heredoc marker that
 * starts a word. Quotes are tracked across fragments so that `'$HOME'` and
 * `"<<EOF"` stay text. Blanks at the end of a fragment are left out.
 */
static bool scan_shell_text(Scanner *s, TSLexer *lexer, const bool *valid, bool raw, bool word_start) {
  bool heredocs = !raw && valid[HEREDOC_START];
  uint8_t quote = raw ? 0 : s->quote;
  uint8_t quote_at_mark = quote;
  bool has_content = false;
  bool boundary = word_start;
  uint8_t ignored_quote;

  /* Things that can only start a fragment. */
  if (lexer->lookahead == '-' && (valid[FLAG_NAME] || valid[END_OF_FLAGS] || valid[MOUNT_FLAG_NAME])) {
    if (scan_flag(lexer, valid, s)) return true;
    /* A single `-` (or an unusable flag) is ordinary text; it has been consumed. */
    lexer->mark_end(lexer);
    has_content = true;
    boundary = false;
  } else if (lexer->lookahead == '[' && (valid[JSON_START] || valid[NOT_JSON])) {
    lexer->mark_end(lexer);
    bool json = is_json_string_array(s, lexer);
    lexer->result_symbol = json ? JSON_START : NOT_JSON;
    return json ? valid[JSON_START] : valid[NOT_JSON];
  }

  for (;;) {
    int32_t c = lexer->lookahead;
    if (is_line_end(lexer)) break;

    if (c == s->escape) {
      /* Is it a line continuation? */
      advance(lexer);
      unsigned run = 1;
      while (lexer->lookahead == s->escape) {
        advance(lexer);
        run++;
      }
      if (run == 1) {
        bool blank_after = false;
        while (is_blank(lexer->lookahead)) {
          advance(lexer);
          blank_after = true;
        }
        if (is_line_end(lexer)) {
          if (has_content) break;
          return finish_line_continuation(s, lexer, word_start);
        }
        if (blank_after) {
          /* An escaped blank: text. */
          lexer->mark_end(lexer);
          quote_at_mark = quote;
          has_content = true;
          boundary = false;
          continue;
        }
      }
      /* Text. A backslash escapes the next character in the shell. */
      if (!raw && s->escape == '\\' && run % 2 == 1 && quote != '\'' && !is_line_end(lexer)) {
        advance(lexer);
      }
      lexer->mark_end(lexer);
      quote_at_mark = quote;
      has_content = true;
      boundary = false;
      continue;
    }

    if (is_blank(c)) {
      advance(lexer);
      if (quote != 0) {
        lexer->mark_end(lexer);
        quote_at_mark = quote;
      } else {
        boundary = true;
      }
      continue;
    }

    if (!raw) {
      if (heredocs && quote == 0 && boundary && (c == '<' || is_digit(c))) {
        int kind = scan_heredoc_operator(lexer, !has_content, &ignored_quote);
        if (kind >= 0) {
          if (has_content) break;
          lexer->result_symbol = (TSSymbol)kind;
          if (kind == HEREDOC_START_DASH) {
            s->flags |= F_CHOMP;
          } else {
            s->flags &= (uint8_t)~F_CHOMP;
          }
          s->quote = 0;
          return true;
        }
        /* Not a heredoc: what was consumed is text (possibly with an open quote). */
        quote = ignored_quote;
        lexer->mark_end(lexer);
        quote_at_mark = quote;
        has_content = true;
        boundary = false;
        continue;
      }
      if (c == '$' && quote != '\'') {
        if (is_simple_expansion(lexer)) {
          if (!has_content) return false;
          break;
        }
        lexer->mark_end(lexer);
        quote_at_mark = quote;
        has_content = true;
        boundary = false;
        continue;
      }
      if (c == '\'' || c == '"') {
        if (quote == 0) {
          quote = (uint8_t)c;
        } else if (quote == c) {
          quote = 0;
        }
      } else if (c == '\\' && quote != '\'') {
        /* A backslash that is not the Dockerfile escape character still escapes in the shell. */
        advance(lexer);
        if (is_line_end(lexer)) {
          lexer->mark_end(lexer);
          quote_at_mark = quote;
          has_content = true;
          break;
        }
      }
    }
    advance(lexer);
    lexer->mark_end(lexer);
    quote_at_mark = quote;
    has_content = true;
    boundary = false;
  }

  if (!has_content) return false;
  if (!raw) s->quote = quote_at_mark;
  lexer->result_symbol = raw ? RAW_FRAGMENT : SHELL_FRAGMENT;
  return true;
}

/* ------------------------------------------------------------------------ */
/* Other word pieces                                                        */

/* `host.name[:port]` or `localhost[:port]` directly followed by `/`. */
static bool scan_image_registry(TSLexer *lexer) {
  char start[10];
  unsigned length = 0;
  bool dot = false;
  while (is_ascii_letter(lexer->lookahead) || is_digit(lexer->lookahead) || lexer->lookahead == '.' ||
         lexer->lookahead == '-' || lexer->lookahead == '_') {
    if (lexer->lookahead == '.') dot = true;
    if (length < sizeof(start)) start[length] = (char)lexer->lookahead;
    length++;
    advance(lexer);
  }
  if (length == 0) return false;
  bool port = false;
  if (lexer->lookahead == ':') {
    advance(lexer);
    if (!is_digit(lexer->lookahead)) return false;
    while (is_digit(lexer->lookahead)) advance(lexer);
    port = true;
  }
  if (lexer->lookahead != '/') return false;
  bool localhost = length == 9 && memcmp(start, "localhost", 9) == 0;
  if (!dot && !port && !localhost) return false;
  lexer->mark_end(lexer);
  lexer->result_symbol = IMAGE_REGISTRY;
  return true;
}

/* A character that is text where a word piece is expected: `$` not starting an expansion, or the non-escape slash. */
static bool scan_literal(Scanner *s, TSLexer *lexer, const bool *valid, bool space_before) {
  int32_t c = lexer->lookahead;
  if (c == '$') {
    advance(lexer);
    int32_t next = lexer->lookahead;
    if (is_name_char(next) || next == '{' || next == '@' || next == '*' || next == '#' || next == '?' ||
        next == '$' || next == '!' || next == '-') {
      return false;
    }
  } else if ((c == '\\' || c == '`') && c != s->escape) {
    advance(lexer);
  } else {
    return false;
  }
  lexer->mark_end(lexer);
  bool immediate = !space_before && valid[LITERAL_IMMEDIATE];
  lexer->result_symbol = immediate ? LITERAL_IMMEDIATE : LITERAL;
  return immediate || valid[LITERAL];
}

/* ------------------------------------------------------------------------ */
/* Keywords                                                                 */

/*
 * Reads a word (up to a blank, the end of the line or the escape character),
 * lower-cased into `word`; returns its length (which may exceed `size`).
 */
static unsigned read_word(const Scanner *s, TSLexer *lexer, char *word, unsigned size) {
  unsigned length = 0;
  while (!is_line_end(lexer) && !is_blank(lexer->lookahead) && lexer->lookahead != s->escape) {
    if (length < size) word[length] = (char)to_lower(lexer->lookahead);
    length++;
    advance(lexer);
  }
  return length;
}

/* The first word of an instruction: one of the eighteen keywords (any case) or an unknown word. */
static bool scan_instruction_keyword(Scanner *s, TSLexer *lexer) {
  char word[12];
  unsigned length = read_word(s, lexer, word, sizeof(word));
  if (length == 0) return false;
  lexer->mark_end(lexer);
  int index = length <= sizeof(word) ? keyword_index(word, length) : -1;
  lexer->result_symbol = index < 0 ? UNKNOWN_KEYWORD : (TSSymbol)(KEYWORD_FROM + index);
  return true;
}

/* `AS` in FROM and `NONE` in HEALTHCHECK, in any case. */
static bool scan_keyword_word(Scanner *s, TSLexer *lexer, const bool *valid) {
  char word[5];
  unsigned length = read_word(s, lexer, word, sizeof(word));
  lexer->mark_end(lexer);
  if (valid[KEYWORD_AS] && length == 2 && memcmp(word, "as", 2) == 0) {
    lexer->result_symbol = KEYWORD_AS;
    return true;
  }
  if (valid[KEYWORD_NONE] && length == 4 && memcmp(word, "none", 4) == 0) {
    lexer->result_symbol = KEYWORD_NONE;
    return true;
  }
  if (valid[KEYWORD_CMD] && length == 3 && memcmp(word, "cmd", 3) == 0) {
    lexer->result_symbol = KEYWORD_CMD;
    return true;
  }
  return false;
}

/* ------------------------------------------------------------------------ */
/* Line-start tokens                                                        */

static bool scan_comment(Scanner *s, TSLexer *lexer, bool in_continuation) {
  while (is_blank(lexer->lookahead)) skip(lexer);
  if (lexer->lookahead != '#') return false;
  while (!is_line_end(lexer)) {
    int32_t c = lexer->lookahead;
    advance(lexer);
    if (c != '\r') lexer->mark_end(lexer);
  }
  lexer->result_symbol = COMMENT;
  s->next_line = in_continuation ? NEXT_CONT_COMMENT_END : NEXT_NONE;
  if (!in_continuation) s->flags &= (uint8_t)~F_PROLOGUE;
  return true;
}

static bool scan_empty_continuation_line(Scanner *s, TSLexer *lexer) {
  while (is_blank(lexer->lookahead)) advance(lexer);
  consume_newline(lexer);
  lexer->mark_end(lexer);
  lexer->result_symbol = EMPTY_CONTINUATION_LINE;
  peek_continued_line(s, lexer);
  return true;
}

static bool scan_comment_newline(Scanner *s, TSLexer *lexer) {
  while (is_blank(lexer->lookahead)) skip(lexer);
  if (lexer->lookahead != '\n') {
    s->next_line = NEXT_NONE;
    return false;
  }
  consume_newline(lexer);
  lexer->mark_end(lexer);
  lexer->result_symbol = COMMENT_NEWLINE;
  peek_continued_line(s, lexer);
  return true;
}

static bool scan_directive_start(Scanner *s, TSLexer *lexer) {
  while (is_blank(lexer->lookahead)) skip(lexer);
  if (lexer->lookahead != '#') return false;
  /* The token is the `#`; the rest of the line is read again for the escape character. */
  scan_directive_line(lexer, &s->escape, true);
  s->flags |= F_DIRECTIVE_LINE;
  s->next_line = NEXT_NONE;
  lexer->result_symbol = DIRECTIVE_START;
  return true;
}

/* The name (letters and digits) or the value (the rest without trailing blanks) of a directive. */
static bool scan_directive_part(TSLexer *lexer, const bool *valid) {
  if (valid[DIRECTIVE_NAME] && is_ascii_letter(lexer->lookahead)) {
    while (is_ascii_letter(lexer->lookahead) || is_digit(lexer->lookahead)) advance(lexer);
    lexer->mark_end(lexer);
    lexer->result_symbol = DIRECTIVE_NAME;
    return true;
  }
  if (valid[DIRECTIVE_VALUE]) {
    while (!is_line_end(lexer)) {
      bool blank = is_blank(lexer->lookahead);
      advance(lexer);
      if (!blank) lexer->mark_end(lexer);
    }
    lexer->result_symbol = DIRECTIVE_VALUE;
    return true;
  }
  return false;
}

/* ------------------------------------------------------------------------ */
/* Entry point                                                              */

static bool scan(Scanner *s, TSLexer *lexer, const bool *valid) {
  bool error_recovery = valid[ERROR_SENTINEL];

  if (valid[BEGINNING_OF_FILE] && !error_recovery) {
    lexer->mark_end(lexer);
    lexer->result_symbol = BEGINNING_OF_FILE;
    s->flags |= F_LINE_START;
    peek_top_level_line(s, lexer, (s->flags & F_PROLOGUE) != 0);
    return true;
  }

  /* Every token but a line break ends the line start. */
  bool line_start = (s->flags & F_LINE_START) != 0;
  s->flags &= (uint8_t)~F_LINE_START;

  switch (s->next_line) {
    case NEXT_HEREDOC:
      if (valid[HEREDOC_BODY] || valid[HEREDOC_END]) return scan_heredoc_content(s, lexer, valid);
      s->next_line = NEXT_NONE;
      break;
    case NEXT_MISSING_END:
      /* Zero width: the parser inserts the missing terminator before it. */
      lexer->mark_end(lexer);
      return finish_newline(s, lexer);
    case NEXT_DIRECTIVE:
      if (valid[DIRECTIVE_START]) return scan_directive_start(s, lexer);
      return scan_comment(s, lexer, false);
    case NEXT_COMMENT:
      return scan_comment(s, lexer, false);
    case NEXT_CONT_COMMENT:
      return scan_comment(s, lexer, true);
    case NEXT_CONT_BLANK:
      return scan_empty_continuation_line(s, lexer);
    case NEXT_CONT_COMMENT_END:
      return scan_comment_newline(s, lexer);
    default:
      break;
  }

  bool space_before = false;
  while (is_blank(lexer->lookahead) || lexer->lookahead == 0xFEFF) {
    skip(lexer);
    space_before = true;
  }

  if (lexer->lookahead == '\n') {
    if (has_heredocs(s) && valid[HEREDOC_NEWLINE]) return scan_heredoc_newline(s, lexer);
    consume_newline(lexer);
    return finish_newline(s, lexer);
  }
  if (at_eof(lexer)) {
    if (has_heredocs(s) && valid[HEREDOC_NEWLINE] && !error_recovery) return scan_heredoc_newline(s, lexer);
    return false;
  }

  /*
   * The keyword of an instruction. While recovering from an error, only at the
   * start of a line: an instruction never starts in the middle of a line.
   */
  if (valid[KEYWORD_FROM] && (!error_recovery || line_start) && lexer->lookahead != s->escape &&
      !(lexer->lookahead == '-' && valid[FLAG_NAME])) {
    return scan_instruction_keyword(s, lexer);
  }

  /* A directive line: its name and value. */
  if (s->flags & F_DIRECTIVE_LINE) return scan_directive_part(lexer, valid);

  bool word_start = space_before || (s->flags & F_WORD_START);
  s->flags &= (uint8_t)~F_WORD_START;

  if (valid[HEREDOC_DELIMITER] && !error_recovery) return scan_heredoc_delimiter(s, lexer);

  /* Right after a flag name or value, the next characters still belong to the flag word. */
  if (!word_start && (valid[FLAG_NAME] || valid[MOUNT_FLAG_NAME])) {
    if (lexer->lookahead == s->escape && !error_recovery) return scan_escape(s, lexer, valid, space_before);
    return false;
  }

  if ((valid[SHELL_FRAGMENT] || valid[RAW_FRAGMENT]) && !error_recovery) {
    return scan_shell_text(s, lexer, valid, !valid[SHELL_FRAGMENT], word_start);
  }

  int32_t c = lexer->lookahead;
  if (c == s->escape) {
    if (error_recovery) {
      /* Only line continuations matter while recovering. */
      advance(lexer);
      while (is_blank(lexer->lookahead)) advance(lexer);
      if (is_line_end(lexer)) return finish_line_continuation(s, lexer, space_before);
      return false;
    }
    return scan_escape(s, lexer, valid, space_before);
  }
  if (error_recovery) return false;

  if (c == '-' && (valid[FLAG_NAME] || valid[MOUNT_FLAG_NAME] || valid[END_OF_FLAGS])) {
    return scan_flag(lexer, valid, s);
  }
  if (c == '[' && (valid[JSON_START] || valid[NOT_JSON])) {
    lexer->mark_end(lexer);
    bool json = is_json_string_array(s, lexer);
    lexer->result_symbol = json ? JSON_START : NOT_JSON;
    return json ? valid[JSON_START] : valid[NOT_JSON];
  }
  /*
   * A heredoc marker must start a word. F_WORD_START is only meaningful at the
   * start of the line that follows a continuation, which the column confirms.
   */
  if ((c == '<' || is_digit(c)) && valid[HEREDOC_START] &&
      (space_before || (word_start && lexer->get_column(lexer) == 0))) {
    uint8_t quote;
    int kind = scan_heredoc_operator(lexer, true, &quote);
    if (kind < 0) return false;
    lexer->result_symbol = (TSSymbol)kind;
    if (kind == HEREDOC_START_DASH) {
      s->flags |= F_CHOMP;
    } else {
      s->flags &= (uint8_t)~F_CHOMP;
    }
    return true;
  }
  if ((valid[KEYWORD_AS] || valid[KEYWORD_NONE]) && word_start && is_ascii_letter(c)) {
    return scan_keyword_word(s, lexer, valid);
  }
  /*
   * `a \` followed by an unindented line: in the joined line a blank separates
   * the words, but the next token would look glued to `a`. Its first characters
   * (possibly none) become a token that can only start a word.
   */
  if (word_start && !space_before && valid[WORD_AFTER_CONTINUATION]) {
    while (!is_line_end(lexer) && !is_blank(c) && c != '"' && c != '\'' && c != '$' && c != '\\' &&
           c != '`' && c != '=' && c != ',' && c != ':' && c != '@') {
      advance(lexer);
      c = lexer->lookahead;
    }
    lexer->mark_end(lexer);
    lexer->result_symbol = WORD_AFTER_CONTINUATION;
    return true;
  }
  if (valid[IMAGE_REGISTRY] && (is_ascii_letter(c) || is_digit(c))) {
    return scan_image_registry(lexer);
  }
  if ((c == '$' || c == '\\' || c == '`') && (valid[LITERAL] || valid[LITERAL_IMMEDIATE])) {
    return scan_literal(s, lexer, valid, space_before);
  }
  return false;
}

/* ------------------------------------------------------------------------ */
/* Tree-sitter interface                                                    */

static void reset(Scanner *s) {
  s->escape = '\\';
  s->next_line = NEXT_NONE;
  s->flags = F_PROLOGUE;
  s->quote = 0;
  s->heredoc_status = HEREDOC_UNKNOWN;
  s->heredoc_used = 0;
}

void *tree_sitter_dockerfile_external_scanner_create(void) {
  Scanner *s = (Scanner *)calloc(1, sizeof(Scanner));
  reset(s);
  return s;
}

void tree_sitter_dockerfile_external_scanner_destroy(void *payload) { free(payload); }

unsigned tree_sitter_dockerfile_external_scanner_serialize(void *payload, char *buffer) {
  Scanner *s = (Scanner *)payload;
  buffer[0] = (char)s->escape;
  buffer[1] = (char)s->next_line;
  buffer[2] = (char)s->flags;
  buffer[3] = (char)s->quote;
  buffer[4] = (char)s->heredoc_status;
  buffer[5] = (char)(s->heredoc_used & 0xFF);
  buffer[6] = (char)(s->heredoc_used >> 8);
  memcpy(buffer + HEADER_SIZE, s->heredocs, s->heredoc_used);
  return HEADER_SIZE + s->heredoc_used;
}

void tree_sitter_dockerfile_external_scanner_deserialize(void *payload, const char *buffer, unsigned length) {
  Scanner *s = (Scanner *)payload;
  reset(s);
  if (length < HEADER_SIZE) return;
  s->escape = (uint8_t)buffer[0];
  s->next_line = (uint8_t)buffer[1];
  s->flags = (uint8_t)buffer[2];
  s->quote = (uint8_t)buffer[3];
  s->heredoc_status = (uint8_t)buffer[4];
  unsigned used = (uint8_t)buffer[5] | ((unsigned)(uint8_t)buffer[6] << 8);
  if (used > HEREDOC_BUFFER_SIZE || HEADER_SIZE + used > length) used = 0;
  s->heredoc_used = (uint16_t)used;
  memcpy(s->heredocs, buffer + HEADER_SIZE, used);
}

bool tree_sitter_dockerfile_external_scanner_scan(void *payload, TSLexer *lexer, const bool *valid_symbols) {
  return scan((Scanner *)payload, lexer, valid_symbols);
}
