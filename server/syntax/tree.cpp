#include "syntax/tree.h"

#include <stdexcept>

namespace dfls::syntax {

const TSLanguage* language() { return tree_sitter_dockerfile(); }

std::string_view Node::text(std::string_view source) const {
  if (null()) return {};
  uint32_t s = start(), e = end();
  if (s > source.size()) return {};
  if (e > source.size()) e = static_cast<uint32_t>(source.size());
  return source.substr(s, e - s);
}

Node Node::field(std::string_view name) const {
  if (null()) return {};
  return Node(ts_node_child_by_field_name(node_, name.data(), static_cast<uint32_t>(name.size())));
}

std::vector<Node> Node::fields(std::string_view name) const {
  std::vector<Node> out;
  if (null()) return out;
  TSFieldId id = ts_language_field_id_for_name(language(), name.data(),
                                               static_cast<uint32_t>(name.size()));
  if (id == 0) return out;
  TSTreeCursor cursor = ts_tree_cursor_new(node_);
  if (ts_tree_cursor_goto_first_child(&cursor)) {
    do {
      if (ts_tree_cursor_current_field_id(&cursor) == id)
        out.emplace_back(ts_tree_cursor_current_node(&cursor));
    } while (ts_tree_cursor_goto_next_sibling(&cursor));
  }
  ts_tree_cursor_delete(&cursor);
  return out;
}

namespace {

// Calls f on each child (each named one when named_only) in order, with a cursor: the runtime's
// ts_node_child(i) walks from the first child every time, so indexing would be quadratic in the
// number of children (the root of a 20,000-line file has that many). f returns false to stop.
template <class F>
void each_child(TSNode node, bool named_only, F&& f) {
  if (ts_node_is_null(node)) return;
  TSTreeCursor cursor = ts_tree_cursor_new(node);
  if (ts_tree_cursor_goto_first_child(&cursor)) {
    do {
      TSNode c = ts_tree_cursor_current_node(&cursor);
      if (named_only && !ts_node_is_named(c)) continue;
      if (!f(Node(c))) break;
    } while (ts_tree_cursor_goto_next_sibling(&cursor));
  }
  ts_tree_cursor_delete(&cursor);
}

}  // namespace

std::vector<Node> Node::children() const {
  std::vector<Node> out;
  out.reserve(child_count());
  each_child(node_, false, [&](Node c) {
    out.push_back(c);
    return true;
  });
  return out;
}

std::vector<Node> Node::named_children() const {
  std::vector<Node> out;
  out.reserve(named_child_count());
  each_child(node_, true, [&](Node c) {
    out.push_back(c);
    return true;
  });
  return out;
}

Node Node::child_of_type(std::string_view t) const {
  Node found;
  each_child(node_, true, [&](Node c) {
    if (c.type() == t) found = c;
    return found.null();
  });
  return found;
}

std::vector<Node> Node::children_of_type(std::string_view t) const {
  std::vector<Node> out;
  each_child(node_, true, [&](Node c) {
    if (c.type() == t) out.push_back(c);
    return true;
  });
  return out;
}

Node Node::descendant_for(uint32_t s, uint32_t e) const {
  if (null()) return {};
  return Node(ts_node_named_descendant_for_byte_range(node_, s, e));
}

Node Node::ancestor(std::string_view t) const {
  for (Node n = *this; !n.null(); n = n.parent())
    if (n.type() == t) return n;
  return {};
}

Parser::Parser() : parser_(ts_parser_new()) {
  if (!ts_parser_set_language(parser_, language()))
    throw std::runtime_error("the Dockerfile grammar's ABI is not supported by this tree-sitter runtime");
}

Parser::~Parser() { ts_parser_delete(parser_); }

Tree Parser::parse(std::string_view text, const Tree* old) {
  TSTree* tree = ts_parser_parse_string(parser_, old ? old->raw() : nullptr, text.data(),
                                        static_cast<uint32_t>(text.size()));
  return Tree(tree);
}

}  // namespace dfls::syntax
