#include "features/semantic_tokens.h"

#include <algorithm>

#include "core/model/model.h"
#include "syntax/names.h"

namespace dfls {

namespace {

namespace n = syntax::names;

// The node's bytes; nothing for a null node (a field the parser could not fill).
ByteRange range_of(syntax::Node node) { return node ? ByteRange{node.start(), node.end()} : ByteRange{}; }

bool is_space(char c) { return c == ' ' || c == '\t'; }
bool is_line_break(char c) { return c == '\n' || c == '\r'; }
bool is_name_start(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_'; }
bool is_name_char(char c) { return is_name_start(c) || (c >= '0' && c <= '9'); }

// Collects coloured spans that may nest (a variable inside a string, an operator inside a
// variable) and flattens them: smaller spans paint over the larger ones around them, so that the
// result never overlaps. A span painted with no type erases (a `${v:-word}` default is not part
// of the variable).
class Painter {
 public:
  void add(ByteRange r, TokenType type, uint32_t modifiers = 0) {
    if (!r.empty()) paints_.push_back({r, static_cast<int>(type), modifiers});
  }
  void erase(ByteRange r) {
    if (!r.empty()) paints_.push_back({r, kNone, 0});
  }

  // The tokens, in document order, cut at line breaks.
  std::vector<SemanticToken> tokens(std::string_view text) {
    // Larger spans first; at equal size an erase first, operators and macros last.
    auto rank = [](const Paint& p) {
      if (p.type == kNone) return 0;
      if (p.type == static_cast<int>(TokenType::Variable)) return 2;
      if (p.type == static_cast<int>(TokenType::Operator) || p.type == static_cast<int>(TokenType::Macro))
        return 3;
      return 1;
    };
    std::stable_sort(paints_.begin(), paints_.end(), [&](const Paint& a, const Paint& b) {
      if (a.range.size() != b.range.size()) return a.range.size() > b.range.size();
      return rank(a) < rank(b);
    });
    std::vector<int> owner(text.size(), kNone);
    for (size_t i = 0; i < paints_.size(); ++i) {
      const Paint& p = paints_[i];
      int who = p.type == kNone ? kNone : static_cast<int>(i);
      for (size_t at = p.range.start; at < std::min(p.range.end, text.size()); ++at) owner[at] = who;
    }
    std::vector<SemanticToken> out;
    for (size_t at = 0; at < text.size();) {
      int who = owner[at];
      if (who == kNone || is_line_break(text[at])) {
        ++at;
        continue;
      }
      size_t end = at;
      while (end < text.size() && owner[end] == who && !is_line_break(text[end])) ++end;
      out.push_back({{at, end}, static_cast<TokenType>(paints_[who].type), paints_[who].modifiers});
      at = end;
    }
    return out;
  }

 private:
  static constexpr int kNone = -1;
  struct Paint {
    ByteRange range;
    int type;
    uint32_t modifiers;
  };
  std::vector<Paint> paints_;
};

class Tokenizer {
 public:
  explicit Tokenizer(const Document& doc) : doc_(doc), text_(doc.text()), model_(doc.model()) {}

  std::vector<SemanticToken> run() {
    syntax::walk(doc_.root(), [&](syntax::Node node) {
      visit(node);
      return true;
    });
    stage_references();
    for (const auto& ins : model_.instructions)
      for (const auto& h : ins.heredocs) heredoc_body(ins, h);
    return paint_.tokens(text_);
  }

 private:
  void visit(syntax::Node node) {
    std::string_view type = node.type();
    if (type.ends_with("_instruction")) {
      instruction(node);
    } else if (type == n::kComment) {
      paint_.add(range_of(node), TokenType::Comment);
    } else if (type == n::kParserDirective) {
      if (syntax::Node name = node.field(n::kName)) paint_.add({node.start(), name.end()}, TokenType::Macro);
      paint_.add(range_of(node.field(n::kValue)), TokenType::String);
      equal_signs(node);
    } else if (type == n::kFlag) {
      paint_.add(range_of(node.field(n::kName)), TokenType::Parameter);
      equal_signs(node);
    } else if (type == n::kMountOption) {
      paint_.add(range_of(node.field(n::kKey)), TokenType::Property);
      equal_signs(node);
    } else if (type == n::kImageSpec) {
      image(node);
    } else if (type == n::kStageName) {
      paint_.add(range_of(node), TokenType::Namespace, kDeclaration);
    } else if (type == n::kEnvPair || type == n::kArgDefinition) {
      syntax::Node name = node.field(n::kName);
      uint32_t readonly = model::is_predefined_arg(name.text(text_)) ? kReadonly : 0;
      paint_.add(range_of(name), TokenType::Variable, kDeclaration | readonly);
      equal_signs(node);
    } else if (type == n::kLabelPair) {
      paint_.add(range_of(node.field(n::kName)), TokenType::Property);
      equal_signs(node);
    } else if (type == n::kDoubleQuotedString || type == n::kSingleQuotedString || type == n::kJsonString) {
      paint_.add(range_of(node), TokenType::String);
    } else if (type == n::kExposePort) {
      port(node);
    } else if (type == n::kLineContinuation) {
      paint_.add({node.start(), node.start() + 1}, TokenType::Macro);
    } else if (type == n::kExpansion) {
      expansion(node);
    } else if (type == n::kHeredocMarker) {
      paint_.add(range_of(node.child(0)), TokenType::Operator);
      paint_.add(range_of(node.field(n::kDelimiter)), TokenType::Label);
    } else if (type == n::kHeredocEnd) {
      paint_.add(range_of(node), TokenType::Label);
    }
  }

  void instruction(syntax::Node node) {
    if (node.is(n::kUnknownInstruction)) return;
    uint32_t deprecated = node.is(n::kMaintainerInstruction) ? kDeprecated : 0;
    paint_.add(range_of(node.field(n::kKeyword)), TokenType::Keyword, deprecated);
    if (node.is(n::kHealthcheckInstruction)) paint_.add(range_of(node.field(n::kType)), TokenType::Keyword);
    for (syntax::Node c : node.children())
      if (!c.named() && c.is("AS")) paint_.add(range_of(c), TokenType::Keyword);
  }

  void equal_signs(syntax::Node node) {
    for (syntax::Node c : node.children())
      if (!c.named() && c.is("=")) paint_.add(range_of(c), TokenType::Operator);
  }

  // A FROM base: a stage when it names one, else an image (registry and name, not the tag).
  void image(syntax::Node node) {
    ByteRange span = range_of(node);
    for (const auto& ref : model_.stage_refs)
      if (ref.kind == model::StageRefKind::FromBase && ref.span == span) {
        paint_.add(span, TokenType::Namespace);
        return;
      }
    syntax::Node name = node.field(n::kName);
    syntax::Node registry = node.field(n::kRegistry);
    if (!name) return;
    paint_.add({registry ? registry.start() : name.start(), name.end()}, TokenType::Class);
  }

  // COPY --from and RUN --mount from=: a stage (by name or index) or an image.
  void stage_references() {
    for (const auto& ref : model_.stage_refs) {
      if (ref.kind == model::StageRefKind::FromBase) continue;
      bool stage = ref.target >= 0 || ref.numeric;
      paint_.add(ref.span, stage ? TokenType::Namespace : TokenType::Class);
    }
  }

  // The port number or range of `80/tcp` or `8000-8010`.
  void port(syntax::Node node) {
    std::string_view text = node.text(text_);
    size_t digits = 0;
    auto port_char = [](char c) { return (c >= '0' && c <= '9') || c == '-'; };
    while (digits < text.size() && port_char(text[digits])) ++digits;
    if (digits > 0 && text[0] != '-') paint_.add({node.start(), node.start() + digits}, TokenType::Number);
  }

  // `$v`, `${v}` and `${v:-word}`: the reference is a variable, its operator an operator, and its
  // word whatever the word holds.
  void expansion(syntax::Node node) {
    syntax::Node name = node.field(n::kName);
    uint32_t readonly = name && model::is_predefined_arg(name.text(text_)) ? kReadonly : 0;
    paint_.add(range_of(node), TokenType::Variable, readonly);
    for (syntax::Node c : node.children()) {
      if (c.is(n::kOperator) || (!c.named() && c.is("/")))
        paint_.add(range_of(c), TokenType::Operator);
      else if (c.named() && c.is(n::kWord))
        paint_.erase(range_of(c));
    }
  }

  // A heredoc body, line by line: COPY and ADD bodies are file contents (strings); RUN bodies are
  // scripts, left to the editor's shell highlighting. Unquoted delimiters expand variables.
  void heredoc_body(const model::Instruction& ins, const model::Heredoc& h) {
    if (h.body_span.empty()) return;
    const LineIndex& lines = doc_.lines();
    bool file = ins.kind == model::Kind::Copy || ins.kind == model::Kind::Add;
    for (size_t line = lines.line_of(h.body_span.start); line < lines.line_count(); ++line) {
      size_t start = std::max(lines.line_start(line), h.body_span.start);
      if (start >= h.body_span.end) break;
      size_t end = std::min(lines.line_end(line), h.body_span.end);
      if (!h.quoted) body_variables(start, end);
      while (start < end && is_space(text_[start])) ++start;
      while (end > start && is_space(text_[end - 1])) --end;
      if (file) paint_.add({start, end}, TokenType::String);
    }
  }

  // `$NAME` and `${...}` (to the first `}` of the line) in a heredoc body line, unless escaped.
  void body_variables(size_t start, size_t end) {
    for (size_t at = start; at + 1 < end; ++at) {
      if (text_[at] != '$' || (at > start && text_[at - 1] == '\\')) continue;
      size_t stop = at + 1;
      if (text_[stop] == '{') {
        size_t close = text_.find('}', stop);
        if (close == std::string_view::npos || close >= end || close == stop + 1) continue;
        stop = close + 1;
      } else {
        if (!is_name_start(text_[stop])) continue;
        while (stop < end && is_name_char(text_[stop])) ++stop;
      }
      paint_.add({at, stop}, TokenType::Variable);
      at = stop - 1;
    }
  }

  const Document& doc_;
  std::string_view text_;
  const model::Model& model_;
  Painter paint_;
};

}  // namespace

std::vector<SemanticToken> semantic_tokens(const Document& doc, std::optional<ByteRange> range) {
  std::vector<SemanticToken> tokens = Tokenizer(doc).run();
  if (!range) return tokens;
  std::erase_if(tokens, [&](const SemanticToken& t) {
    return t.range.end <= range->start || t.range.start >= range->end;
  });
  return tokens;
}

}  // namespace dfls
