#include "features/formatting.h"

#include <algorithm>
#include <cctype>
#include <string>

#include "core/model/model.h"
#include "core/text_edit.h"
#include "rules/shell_helpers.h"
#include "syntax/names.h"

namespace dfls {

namespace {

namespace n = syntax::names;
using model::Kind;

bool is_blank(char c) { return c == ' ' || c == '\t'; }

enum class Role : uint8_t {
  Other,         // Blank, or outside every construct.
  Start,         // The first line of an instruction, a comment or a directive.
  Continuation,  // A later line of an instruction's logical line.
};

// Instructions whose arguments keep the whitespace between their words, so that a continuation
// line's indentation is part of the value.
bool keeps_whitespace(Kind kind) {
  return kind == Kind::Workdir || kind == Kind::User || kind == Kind::Stopsignal ||
         kind == Kind::Maintainer || kind == Kind::Unknown;
}

bool shell_form(const model::Instruction& ins) {
  return !ins.json_form && (ins.kind == Kind::Run || ins.kind == Kind::Cmd ||
                            ins.kind == Kind::Entrypoint || ins.kind == Kind::Healthcheck);
}

class Formatter {
 public:
  Formatter(const Document& doc, const FormatOptions& options)
      : doc_(doc), text_(doc.text()), lines_(doc.lines()), model_(doc.model()), options_(options),
        tab_(std::max<size_t>(options.tab_size, 1)), roles_(lines_.line_count(), Role::Other),
        protected_(lines_.line_count(), false), reindent_(lines_.line_count(), false) {}

  std::vector<TextEdit> run() {
    if (doc_.root().error()) return {};
    for (const auto& ins : model_.instructions)
      if (!ins.inside_onbuild) instruction(ins);
    for (syntax::Node c : doc_.root().children()) {
      if (c.error() || c.missing() || c.has_error())
        protect(lines_.line_of(c.start()), last_line(c.start(), c.end()));
      else if (c.is(n::kComment) || c.is(n::kParserDirective))
        mark_start(c.start());
    }
    for (const auto& ins : model_.instructions) keywords(ins);
    size_t last = trim_final_newlines();
    for (size_t line = 0; line <= last && line < lines_.line_count(); ++line) line_edits(line, last);
    // An insertion before a replacement that starts at the same offset (an indentation before a
    // re-cased keyword).
    std::sort(edits_.begin(), edits_.end(), [](const TextEdit& a, const TextEdit& b) {
      return a.range.start != b.range.start ? a.range.start < b.range.start : a.range.end < b.range.end;
    });
    return std::move(edits_);
  }

 private:
  // The last line of [start, end): a span ending right after a line break ends on the line before.
  size_t last_line(size_t start, size_t end) const {
    size_t line = lines_.line_of(end);
    if (end > start && line > 0 && lines_.line_start(line) == end) --line;
    return line;
  }

  // Where a line's text begins: after the byte order mark on the first line.
  size_t line_begin(size_t line) const {
    size_t start = lines_.line_start(line);
    return line == 0 && text_.starts_with("\xEF\xBB\xBF") ? start + 3 : start;
  }

  size_t indent_end(size_t line) const {
    size_t at = line_begin(line), end = lines_.line_end(line);
    while (at < end && is_blank(text_[at])) ++at;
    return at;
  }

  void protect(size_t first, size_t last) {
    for (size_t line = first; line <= last && line < protected_.size(); ++line) protected_[line] = true;
  }

  void mark_start(size_t offset) {
    size_t line = lines_.line_of(offset);
    if (roles_[line] == Role::Other && indent_end(line) == offset) roles_[line] = Role::Start;
  }

  void instruction(const model::Instruction& ins) {
    syntax::Node node = ins.node;
    size_t first = lines_.line_of(node.start());
    mark_start(node.start());
    if (node.has_error()) {
      protect(first, last_line(node.start(), node.end()));
      return;
    }
    // Heredoc bodies and terminators are protected; the logical line ends where they begin.
    size_t logical_end = node.end();
    syntax::walk(node, [&](syntax::Node c) {
      if (!c.is(n::kHeredocBlock)) return true;
      size_t body = lines_.line_of(c.start());
      if (lines_.line_start(body) < c.start()) ++body;
      protect(body, last_line(c.start(), c.end()));
      logical_end = std::min<size_t>(logical_end, c.start());
      return false;
    });
    size_t last = last_line(node.start(), logical_end);
    for (size_t line = first + 1; line <= last; ++line) roles_[line] = Role::Continuation;
    if (!options_.ignore_multiline_instructions && last > first) continuation(ins, first, last);
  }

  // Decides which continuation lines may be re-indented: BuildKit joins them to the line before
  // with their indentation, so it may change only where it is whitespace between words.
  void continuation(const model::Instruction& outer, size_t first, size_t last) {
    const model::Instruction& ins =
        outer.onbuild_inner >= 0 ? model_.instructions[outer.onbuild_inner] : outer;
    bool words = !keeps_whitespace(ins.kind) &&
                 !(shell_form(ins) && !shell_rules::stage_shell(model_, ins).posix());
    // The shell and JSON escape with a backslash; BuildKit's own word lexer with the escape character.
    char escape = shell_form(ins) || ins.json_form ? '\\' : model_.escape;
    enum class Quote { None, Single, Double } quote = Quote::None;
    bool ends_with_space = false;  // Whether the logical line so far ends with whitespace.
    bool lost = false;             // A line that should continue does not: stop deciding.
    for (size_t line = first; line <= last; ++line) {
      size_t start = line == first ? outer.node.start() : lines_.line_start(line);
      size_t indent = indent_end(line), end = lines_.line_end(line);
      if (line > first && indent == end) continue;  // BuildKit skips blank lines.
      if (line > first && text_[indent] == '#') {  // And comment lines.
        reindent_[line] = true;
        continue;
      }
      size_t stop = end;
      while (stop > start && is_blank(text_[stop - 1])) --stop;
      if (line < last) {
        if (stop > start && text_[stop - 1] == model_.escape)
          --stop;
        else
          lost = true;
      }
      if (line > first) {
        bool separated = ends_with_space || indent > start;
        reindent_[line] = words && !lost && quote == Quote::None && separated && !in_legacy_value(ins, start);
      }
      for (size_t at = start; at < stop; ++at) {
        char c = text_[at];
        if (quote == Quote::Single) {
          if (c == '\'') quote = Quote::None;
        } else if (c == escape) {
          ++at;
        } else if (c == '"') {
          quote = quote == Quote::Double ? Quote::None : Quote::Double;
        } else if (c == '\'' && quote == Quote::None) {
          quote = Quote::Single;
        }
      }
      if (stop > start) ends_with_space = is_blank(text_[stop - 1]);
    }
  }

  // Whether offset falls inside the value of a legacy `ENV key value` or `LABEL key value`.
  static bool in_legacy_value(const model::Instruction& ins, size_t offset) {
    for (const auto& kv : ins.pairs)
      if (kv.legacy && kv.value_span.start < offset && offset <= kv.value_span.end) return true;
    return false;
  }

  void keywords(const model::Instruction& ins) {
    if (ins.node.has_error() || protected_[lines_.line_of(ins.keyword_span.start)]) return;
    if (ins.kind == Kind::Onbuild && ins.onbuild_inner >= 0) {
      size_t gap_end = model_.instructions[ins.onbuild_inner].node.start();
      std::string_view gap = text_.substr(ins.keyword_span.end, gap_end - ins.keyword_span.end);
      if (gap != " " && !gap.empty() && std::all_of(gap.begin(), gap.end(), is_blank))
        replace(ins.keyword_span.end, gap_end, " ");
    }
    if (options_.keyword_case == KeywordCase::Preserve || ins.kind == Kind::Unknown) return;
    recase(ins.keyword_span);
    for (syntax::Node c : ins.node.children())
      if ((!c.named() && c.is("AS")) || (ins.kind == Kind::Healthcheck && c == ins.node.field(n::kType)))
        recase({c.start(), c.end()});
  }

  void recase(ByteRange r) {
    std::string word(text_.substr(r.start, r.size()));
    bool upper = options_.keyword_case == KeywordCase::Upper;
    for (char& c : word)
      c = static_cast<char>(upper ? std::toupper(static_cast<unsigned char>(c))
                                  : std::tolower(static_cast<unsigned char>(c)));
    replace(r.start, r.end, word);
  }

  // With trim_final_newlines, deletes the blank lines after the last line with content; returns
  // the last line that the per-line edits may touch.
  size_t trim_final_newlines() {
    size_t last = lines_.line_count() - 1;
    if (!options_.trim_final_newlines) return last;
    size_t content = last;
    while (content > 0 && indent_end(content) == lines_.line_end(content)) --content;
    if (content + 1 >= lines_.line_count()) return last;
    for (size_t line = content + 1; line <= last; ++line)
      if (protected_[line]) return last;
    replace(lines_.line_start(content + 1), text_.size(), "");
    return content;
  }

  void line_edits(size_t line, size_t last) {
    if (protected_[line]) return;
    size_t start = line_begin(line), end = lines_.line_end(line), indent = indent_end(line);
    bool final_line = line + 1 == lines_.line_count() || line == last;
    if (indent == end) {
      replace(start, end, "");
      return;
    }
    if (roles_[line] == Role::Other) return;
    if (roles_[line] == Role::Start) replace(start, indent, "");
    if (roles_[line] == Role::Continuation && reindent_[line])
      replace(start, indent, indentation(start, indent));
    size_t trail = end;
    if (options_.trim_trailing_whitespace)
      while (trail > indent && is_blank(text_[trail - 1])) --trail;
    bool newline = final_line && options_.insert_final_newline && end == text_.size();
    replace(trail, end, newline ? std::string(line_ending_of(text_)) : std::string());
  }

  // The indentation replacing [start, end): its visual width, at least one unit, in tabs or spaces.
  std::string indentation(size_t start, size_t end) const {
    size_t width = 0;
    for (size_t at = start; at < end; ++at) width = text_[at] == '\t' ? (width / tab_ + 1) * tab_ : width + 1;
    width = std::max(width, tab_);
    if (options_.insert_spaces) return std::string(width, ' ');
    return std::string(width / tab_, '\t') + std::string(width % tab_, ' ');
  }

  // Replaces [start, end) with text as one edit covering only the bytes that differ.
  void replace(size_t start, size_t end, std::string_view text) {
    std::string_view old = text_.substr(start, end - start);
    size_t prefix = 0;
    while (prefix < old.size() && prefix < text.size() && old[prefix] == text[prefix]) ++prefix;
    size_t suffix = 0;
    while (suffix < old.size() - prefix && suffix < text.size() - prefix &&
           old[old.size() - 1 - suffix] == text[text.size() - 1 - suffix])
      ++suffix;
    if (prefix == old.size() && prefix == text.size()) return;
    edits_.push_back({{start + prefix, end - suffix},
                      std::string(text.substr(prefix, text.size() - prefix - suffix))});
  }

  const Document& doc_;
  std::string_view text_;
  const LineIndex& lines_;
  const model::Model& model_;
  FormatOptions options_;
  size_t tab_;
  std::vector<Role> roles_;
  std::vector<bool> protected_;  // Heredoc bodies and syntax errors: never edited.
  std::vector<bool> reindent_;   // Continuation lines whose indentation may change.
  std::vector<TextEdit> edits_;
};

}  // namespace

std::vector<TextEdit> format_document(const Document& doc, const FormatOptions& options) {
  return Formatter(doc, options).run();
}

std::vector<TextEdit> format_range(const Document& doc, ByteRange range, const FormatOptions& options) {
  const LineIndex& lines = doc.lines();
  size_t first = lines.line_of(range.start);
  size_t last = lines.line_of(range.end);
  if (range.end > range.start && last > first && lines.line_start(last) == range.end) --last;
  std::vector<TextEdit> edits = format_document(doc, options);
  std::erase_if(edits, [&](const TextEdit& e) {
    size_t line = lines.line_of(e.range.start);
    return line < first || line > last;
  });
  return edits;
}

}  // namespace dfls
