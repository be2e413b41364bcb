#include "features/hover.h"

#include <algorithm>
#include <cctype>

#include "features/completion.h"
#include "features/completion_scope.h"
#include "features/cursor_context.h"
#include "features/docs_data.h"
#include "features/hover_internal.h"

namespace dfls {

namespace {

using model::Kind;
using namespace hover_detail;

std::optional<HoverResult> result(std::string markdown, ByteRange range) {
  if (markdown.empty()) return std::nullopt;
  return HoverResult{std::move(markdown), range};
}

std::optional<HoverResult> variable_hover(const Document& doc, const CursorContext& ctx) {
  const VariableSpot& v = *ctx.variable;
  bool in_from = ctx.kind == Kind::From && !ctx.onbuild;
  const model::VarDecl* found = nullptr;
  for (const auto* d : doc.model().visible_in(ctx.instruction_index, ctx.stage, in_from))
    if (d->name == v.full_text) found = d;
  return result(variable_markdown(doc, v.full_text, found, false), v.full_name);
}

// An ARG or ENV name where it is declared.
std::optional<HoverResult> declaration_hover(const Document& doc, const CursorContext& ctx) {
  const model::Model& m = doc.model();
  if (!ctx.instruction) return std::nullopt;
  int index = static_cast<int>(ctx.instruction - m.instructions.data());
  auto it = std::lower_bound(m.decls.begin(), m.decls.end(), index, [](const model::VarDecl& d, int i) {
    return d.kind == model::VarKind::Predefined || d.instruction < i;
  });
  for (; it != m.decls.end() && it->instruction == index; ++it)
    if (it->name_span.contains(ctx.offset)) return result(variable_markdown(doc, it->name, &*it, true), it->name_span);
  return std::nullopt;
}

// A stage name or image reference in FROM, COPY --from or a mount's from=.
std::optional<HoverResult> source_hover(const Document& doc, const CursorContext& ctx, bool numeric) {
  const model::Model& m = doc.model();
  const std::string& value = ctx.element_text;
  if (value.empty()) return std::nullopt;
  const model::Stage* stage = nullptr;
  if (numeric && std::all_of(value.begin(), value.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); })) {
    size_t i = value.size() > 6 ? m.stages.size() : std::stoul(value);
    if (i < m.stages.size()) stage = &m.stages[i];
  } else {
    stage = m.stage_named(value);
  }
  if (stage && (stage->index < ctx.stage || ctx.stage < 0 || ctx.onbuild))
    return result(stage_markdown(doc, *stage), ctx.element);
  return result(image_reference_markdown(value, value), ctx.element);
}

std::optional<HoverResult> from_hover(const Document& doc, const CursorContext& ctx) {
  const model::Model& m = doc.model();
  bool parsed = ctx.instruction && ctx.instruction->kind == Kind::From && ctx.stage >= 0;
  const model::Stage* stage = parsed ? &m.stages[ctx.stage] : nullptr;
  if (ctx.arg_index == 0) {
    if (stage && stage->parent >= 0) return result(stage_markdown(doc, m.stages[stage->parent]), ctx.element);
    std::string_view resolved = stage && stage->base_span == ctx.element ? stage->base_resolved : ctx.element_text;
    return result(image_reference_markdown(ctx.element_text, resolved), ctx.element);
  }
  if (ctx.arg_index == 2 && stage) return result(stage_markdown(doc, *stage), ctx.element);
  return std::nullopt;
}

std::optional<HoverResult> directive_hover(const CursorContext& ctx) {
  if (ctx.spot == Spot::DirectiveName) {
    const auto* d = docs::directive_doc(to_lower(ctx.element_text));
    return d ? result(docs::directive_markdown(*d), ctx.element) : std::nullopt;
  }
  if (ctx.directive == "check") {
    // A rule name under the cursor.
    const std::string& s = ctx.line.text;
    size_t b = std::min(ctx.cursor, s.size()), e = b;
    while (b > 0 && std::isalnum(static_cast<unsigned char>(s[b - 1]))) --b;
    while (e < s.size() && std::isalnum(static_cast<unsigned char>(s[e]))) ++e;
    if (e > b)
      if (auto md = completion_documentation("rule/" + s.substr(b, e - b)))
        return result(*md, ctx.line.doc_range(b, e));
  }
  const auto* d = docs::directive_doc(ctx.directive);
  return d ? result(docs::directive_markdown(*d), ctx.element) : std::nullopt;
}

}  // namespace

std::optional<HoverResult> find_hover(const Document& doc, size_t offset) {
  const std::string& text = doc.text();
  CursorContext ctx = cursor_context(doc, offset);
  if (!ctx.variable && offset < text.size() && text[offset] == '$') {
    // On the `$` (or `${`) of a reference: the name follows.
    size_t skip = offset + 1 < text.size() && text[offset + 1] == '{' ? 2 : 1;
    CursorContext next = cursor_context(doc, offset + skip);
    if (next.variable && next.variable->name_text.empty()) ctx = std::move(next);
  }
  if (ctx.variable && !ctx.variable->in_modifier && !ctx.variable->full_text.empty())
    return variable_hover(doc, ctx);
  switch (ctx.spot) {
    case Spot::None:
      return std::nullopt;
    case Spot::Keyword: {
      auto kind = model::kind_from_keyword(ctx.element_text);
      if (!kind) return std::nullopt;
      return result(docs::instruction_markdown(*kind), ctx.element);
    }
    case Spot::DirectiveName:
    case Spot::DirectiveValue:
      return directive_hover(ctx);
    case Spot::FlagName:
    case Spot::FlagValue: {
      if (!ctx.kind) return std::nullopt;
      const auto* f = docs::flag_doc(*ctx.kind, ctx.flag);
      if (!f) return std::nullopt;
      if (ctx.spot == Spot::FlagValue && ctx.flag == "from") return source_hover(doc, ctx, true);
      ByteRange range = ctx.element;
      if (ctx.spot == Spot::FlagName) range.start = ctx.line.doc(ctx.words[ctx.word].begin);
      return result(docs::flag_markdown(*f), range);
    }
    case Spot::MountKey: {
      const auto* k = docs::mount_key_doc(to_lower(ctx.element_text));
      return k ? result(docs::mount_key_markdown(*k), ctx.element) : std::nullopt;
    }
    case Spot::MountValue: {
      if (ctx.mount_key == "from") return source_hover(doc, ctx, false);
      if (ctx.mount_key == "type")
        if (const auto* t = docs::mount_type_doc(to_lower(ctx.element_text)))
          return result(docs::mount_type_markdown(*t), ctx.element);
      const auto* k = docs::mount_key_doc(ctx.mount_key);
      return k ? result(docs::mount_key_markdown(*k), ctx.element) : std::nullopt;
    }
    case Spot::Argument:
      break;
  }
  if (!ctx.kind || ctx.element_text.empty()) return std::nullopt;
  switch (*ctx.kind) {
    case Kind::From:
      return from_hover(doc, ctx);
    case Kind::Arg:
    case Kind::Env:
      return declaration_hover(doc, ctx);
    case Kind::Healthcheck:
      if (ctx.arg_index == 0) return result(docs::instruction_markdown(Kind::Healthcheck), ctx.element);
      return std::nullopt;
    default:
      return std::nullopt;
  }
}

}  // namespace dfls
