// The parsing half of the shell splitter: command lists, simple commands, and the compound
// commands whose keywords must not be mistaken for commands.
#include <algorithm>
#include <cctype>

#include "core/shell/splitter.h"

namespace dfls::shell {
namespace detail {
namespace {

bool is_op(const Token& t, std::string_view op) {
  return t.kind == TokenKind::Operator && t.op == op;
}

// A word that can be a reserved word: written plainly, without quotes or expansions.
bool is_plain(const Token& t, std::string_view value) {
  return t.kind == TokenKind::Word && !t.word.quoted && !t.word.has_expansion &&
         t.word.value == value;
}

bool is_redirect(const Token& t) {
  static constexpr std::string_view kOps[] = {">",  ">>", "<",  "<<", "<<-", "<<<",
                                              "<&", ">&", "<>", ">|", "&>",  "&>>"};
  return t.kind == TokenKind::Operator &&
         std::find(std::begin(kOps), std::end(kOps), t.op) != std::end(kOps);
}

constexpr size_t kNoCommand = static_cast<size_t>(-1);

bool is_case_end(const Token& t) { return is_op(t, ";;") || is_op(t, ";&") || is_op(t, ";;&"); }

}  // namespace

void Splitter::problem(std::string message, size_t offset) {
  script_.problems.push_back(std::move(message));
  script_.problem_offsets.push_back(offset);
}

void Splitter::skip_newlines() {
  while (peek().kind == TokenKind::Newline) take();
}

void Splitter::skip_trailing_redirects() {
  // Redirections after a compound command ("done < file") belong to no simple command.
  while (is_redirect(peek())) {
    Token op = take();
    if (peek().kind == TokenKind::Word) {
      take();
    } else {
      problem("missing file name after '" + op.op + "'", op.end);
    }
  }
}

bool Splitter::is_assignment(const Word& w) const {
  size_t eq = w.value.find('=');
  if (eq == std::string::npos || eq == 0) return false;
  size_t name_end = w.value[eq - 1] == '+' ? eq - 1 : eq;
  if (name_end == 0) return false;
  std::string_view name = std::string_view(w.value).substr(0, name_end);
  if (!(std::isalpha(static_cast<unsigned char>(name[0])) || name[0] == '_')) return false;
  for (char c : name)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_')) return false;
  // The name must be written as is, not quoted or escaped.
  return text_.substr(w.start, eq + 1) == std::string_view(w.value).substr(0, eq + 1);
}

void Splitter::parse_list(Context ctx, ListEnd end) {
  if (nesting_ >= kMaxNesting) {
    // Too deep to recurse safely: the rest of the text is not split.
    problem("commands nested too deeply", peek().start);
    while (peek().kind != TokenKind::End) take();
    return;
  }
  ++nesting_;
  const Context saved = ctx_;
  ctx_ = ctx;
  std::vector<std::string> open;  // The keywords that close the constructs opened here.
  size_t last = kNoCommand;       // The last simple command of this list, if it ends the item.
  bool have_item = false;         // Something a separator can follow.
  bool pipe_pending = false;
  auto set_open = [&] { ctx_.block = ctx.block + static_cast<int>(open.size()); };
  auto close = [&](const Token& t) {
    auto it = std::find(open.rbegin(), open.rend(), t.word.value);
    if (it == open.rend()) return problem("unexpected '" + t.word.value + "'", t.start);
    for (auto k = open.rbegin(); k != it; ++k) problem("missing '" + *k + "'", t.start);
    open.erase(std::next(it).base(), open.end());
    set_open();
  };
  while (true) {
    const Token& t = peek();
    if (t.kind == TokenKind::End) break;
    if (t.kind == TokenKind::Newline) {
      if (last != kNoCommand && script_.commands[last].separator_after.empty()) {
        script_.commands[last].separator_after.assign(1, '\n');
        script_.separators.push_back({"\n", t.start, t.end, ctx.depth});
      }
      take();
      last = kNoCommand;
      have_item = false;
      pipe_pending = false;
      continue;
    }
    if (t.kind == TokenKind::Operator && !is_redirect(t)) {
      if (t.op == ")" && (end == ListEnd::CloseParen || end == ListEnd::CaseItem)) break;
      if (is_case_end(t) && end == ListEnd::CaseItem) break;
      Token op = take();
      if (op.op == "(") {
        if (have_item) problem("unexpected '('", op.start);
        if (cur() == '(' && op.end == pos_) {
          skip_parens(1, true);  // An arithmetic command, ((...)), up to the outer ")".
        } else {
          parse_list({ctx.depth + 1, ctx.nested, ctx_.block}, ListEnd::CloseParen);
          if (is_op(peek(), ")")) {
            take();
          } else {
            problem("missing ')'", op.start);
          }
        }
        skip_trailing_redirects();
        last = kNoCommand;
        have_item = true;
        continue;
      }
      if (op.op == ")" || is_case_end(op)) {
        problem("unexpected '" + op.op + "'", op.start);
        continue;
      }
      script_.separators.push_back({op.op, op.start, op.end, ctx.depth});
      if (!have_item) problem("unexpected '" + op.op + "'", op.start);
      bool pipe = op.op == "|" || op.op == "|&";
      if (last != kNoCommand) {
        Command& c = script_.commands[last];
        if (c.separator_after.empty()) c.separator_after = pipe ? "|" : op.op;
        if (pipe) c.in_pipeline = true;
      }
      pipe_pending = pipe;
      if (pipe || op.op == "&&" || op.op == "||") {
        skip_newlines();
        const Token& n = peek();
        if (n.kind == TokenKind::End ||
            (n.kind == TokenKind::Operator && !is_redirect(n) && n.op != "("))
          problem("expected a command after '" + op.op + "'", op.end);
      }
      last = kNoCommand;
      have_item = false;
      continue;
    }
    if (t.kind == TokenKind::Word && !t.word.quoted && !t.word.has_expansion) {
      const std::string v = t.word.value;  // A copy: take() moves the token out.
      if (v == "esac" && end == ListEnd::CaseItem && open.empty()) break;
      if (v == "if" || v == "while" || v == "until" || v == "{" || v == "for" || v == "select" ||
          v == "case") {
        take();
        last = kNoCommand;
        if (v == "case") {
          parse_case({ctx.depth, ctx.nested, ctx_.block + 1});
          skip_trailing_redirects();
          have_item = true;
          continue;
        }
        open.push_back(v == "if" ? "fi" : v == "{" ? "}" : "done");
        set_open();
        have_item = false;
        if (v == "for" || v == "select") {
          parse_for_header();
          have_item = true;
        }
        continue;
      }
      if (v == "then" || v == "else" || v == "elif" || v == "do" || v == "!") {
        take();
        last = kNoCommand;
        have_item = false;
        continue;
      }
      if (v == "fi" || v == "done" || v == "}" || v == "esac") {
        Token keyword = take();
        close(keyword);
        skip_trailing_redirects();
        last = kNoCommand;
        have_item = true;
        continue;
      }
      if (v == "function") {
        take();
        if (peek().kind == TokenKind::Word) take();
        if (is_op(peek(), "(")) {
          take();
          if (is_op(peek(), ")")) take();
        }
        skip_newlines();
        continue;
      }
    }
    std::optional<size_t> index = parse_simple_command(ctx_);
    if (index) {
      if (pipe_pending) script_.commands[*index].in_pipeline = true;
      last = *index;
    } else {
      last = kNoCommand;
    }
    pipe_pending = false;
    have_item = index.has_value();
  }
  for (auto k = open.rbegin(); k != open.rend(); ++k) problem("missing '" + *k + "'", peek().start);
  ctx_ = saved;
  --nesting_;
}

std::optional<size_t> Splitter::parse_simple_command(const Context& ctx) {
  Command cmd;
  cmd.depth = ctx.depth;
  cmd.nested = ctx.nested;
  cmd.block_depth = ctx.block;
  bool any = false;
  size_t start = peek().start, end = start;
  while (true) {
    const Token& t = peek();
    if (t.kind == TokenKind::Word) {
      Token w = take();
      end = w.end;
      if (cmd.args.empty() && !test_mode_ && is_assignment(w.word)) {
        cmd.assignments.push_back(std::move(w.word));
      } else {
        if (cmd.args.empty() && w.word.value == "[[" && !w.word.quoted)
          test_mode_ = true;
        else if (test_mode_ && w.word.value == "]]" && !w.word.quoted)
          test_mode_ = false;
        cmd.args.push_back(std::move(w.word));
      }
      any = true;
    } else if (is_redirect(t)) {
      Token op = take();
      Redirect r;
      r.op = op.op;
      r.fd = op.fd;
      r.start = op.start;
      r.end = op.end;
      if (peek().kind == TokenKind::Word) {
        r.target = take().word;
        r.end = r.target.end;
        if (r.op == "<<" || r.op == "<<-")
          r.heredoc = static_cast<int>(script_.heredocs.size()) - 1;
      } else {
        problem("missing file name after '" + r.op + "'", op.end);
      }
      end = r.end;
      cmd.redirects.push_back(std::move(r));
      any = true;
    } else if (is_op(t, "(") && cmd.args.size() == 1 && cmd.assignments.empty() &&
               cmd.redirects.empty()) {
      // A function definition, "name() { ...; }": the name is not a command.
      take();
      if (is_op(peek(), ")")) {
        take();
      } else {
        problem("expected ')' in a function definition", peek().start);
      }
      skip_newlines();
      test_mode_ = false;
      return std::nullopt;
    } else {
      break;
    }
  }
  test_mode_ = false;
  if (!any) {
    problem("unexpected token", peek().start);
    take();
    return std::nullopt;
  }
  cmd.start = start;
  cmd.end = end;
  script_.commands.push_back(std::move(cmd));
  return script_.commands.size() - 1;
}

void Splitter::parse_for_header() {
  // for NAME [in WORDS]; or for ((...)); the words are not commands.
  if (is_op(peek(), "(")) {
    take();
    skip_parens(1, true);
    return;
  }
  if (peek().kind == TokenKind::Word) take();
  skip_newlines();
  if (is_plain(peek(), "in")) {
    take();
    while (peek().kind == TokenKind::Word) take();
  }
}

void Splitter::parse_case(Context ctx) {
  // case WORD in [(] PATTERN [| PATTERN]...) LIST ;; ... esac
  if (peek().kind == TokenKind::Word) {
    take();
  } else {
    problem("expected a word after 'case'", peek().start);
  }
  skip_newlines();
  if (!is_plain(peek(), "in")) return problem("expected 'in' in case", peek().start);
  take();
  while (true) {
    skip_newlines();
    const Token& t = peek();
    if (t.kind == TokenKind::End) return problem("missing 'esac'", t.start);
    if (is_plain(t, "esac")) {
      take();
      return;
    }
    if (is_op(t, "(")) take();
    bool got_pattern = false;
    while (peek().kind == TokenKind::Word) {
      take();
      got_pattern = true;
      if (!is_op(peek(), "|")) break;
      take();
    }
    if (!is_op(peek(), ")")) {
      problem("expected ')' after a case pattern", peek().start);
      if (got_pattern || peek().kind == TokenKind::End) return;
      take();
      continue;
    }
    take();
    parse_list(ctx, ListEnd::CaseItem);
    const Token& after = peek();
    if (is_case_end(after)) {
      take();
    } else if (!is_plain(after, "esac")) {
      return problem("missing 'esac'", after.start);
    }
  }
}

Script Splitter::run(size_t base_offset) {
  parse_list({}, ListEnd::Eof);
  Script out = std::move(script_);
  std::stable_sort(out.commands.begin(), out.commands.end(),
                   [](const Command& a, const Command& b) { return a.start < b.start; });
  auto shift_word = [&](Word& w) {
    w.start += base_offset;
    w.end += base_offset;
  };
  for (Command& c : out.commands) {
    c.start += base_offset;
    c.end += base_offset;
    for (Word& w : c.assignments) shift_word(w);
    for (Word& w : c.args) shift_word(w);
    for (Redirect& r : c.redirects) {
      r.start += base_offset;
      r.end += base_offset;
      shift_word(r.target);
    }
  }
  for (Separator& s : out.separators) {
    s.start += base_offset;
    s.end += base_offset;
  }
  for (Heredoc& h : out.heredocs) {
    h.body_start += base_offset;
    h.body_end += base_offset;
  }
  for (size_t& p : out.problem_offsets) p += base_offset;
  return out;
}

}  // namespace detail

Script split(std::string_view text, size_t base_offset, char dockerfile_escape) {
  return detail::Splitter(text, dockerfile_escape).run(base_offset);
}

}  // namespace dfls::shell
