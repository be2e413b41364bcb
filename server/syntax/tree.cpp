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

std::vector<Node> Node::children() const {
  std::vector<Node> out;
  uint32_t n = child_count();
  out.reserve(n);
  for (uint32_t i = 0; i < n; ++i) out.push_back(child(i));
  return out;
}

std::vector<Node> Node::named_children() const {
  std::vector<Node> out;
  uint32_t n = named_child_count();
  out.reserve(n);
  for (uint32_t i = 0; i < n; ++i) out.push_back(named_child(i));
  return out;
}

Node Node::child_of_type(std::string_view t) const {
  uint32_t n = named_child_count();
  for (uint32_t i = 0; i < n; ++i) {
    Node c = named_child(i);
    if (c.type() == t) return c;
  }
  return {};
}

std::vector<Node> Node::children_of_type(std::string_view t) const {
  std::vector<Node> out;
  uint32_t n = named_child_count();
  for (uint32_t i = 0; i < n; ++i) {
    Node c = named_child(i);
    if (c.type() == t) out.push_back(c);
  }
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
