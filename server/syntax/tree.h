// RAII wrappers over the tree-sitter parser and trees of the Dockerfile grammar, and a small
// value type for nodes. Every accessor may return a null node: parsing never fails, and callers
// check before they look inside.
#pragma once

#include <tree_sitter/api.h>

#include <cstdint>
#include <string_view>
#include <vector>

extern "C" const TSLanguage* tree_sitter_dockerfile(void);

namespace dfls::syntax {

const TSLanguage* language();

// A node of a tree; cheap to copy, valid as long as its Tree lives.
class Node {
 public:
  Node() = default;
  explicit Node(TSNode node) : node_(node) {}

  bool null() const { return ts_node_is_null(node_); }
  explicit operator bool() const { return !null(); }
  std::string_view type() const { return null() ? std::string_view{} : ts_node_type(node_); }
  TSSymbol symbol() const { return ts_node_symbol(node_); }
  bool is(std::string_view t) const { return type() == t; }
  bool named() const { return !null() && ts_node_is_named(node_); }
  bool missing() const { return !null() && ts_node_is_missing(node_); }
  bool error() const { return !null() && ts_node_symbol(node_) == static_cast<TSSymbol>(-1); }
  bool has_error() const { return !null() && ts_node_has_error(node_); }

  uint32_t start() const { return ts_node_start_byte(node_); }
  uint32_t end() const { return ts_node_end_byte(node_); }
  TSPoint start_point() const { return ts_node_start_point(node_); }
  TSPoint end_point() const { return ts_node_end_point(node_); }
  std::string_view text(std::string_view source) const;

  Node parent() const { return Node(ts_node_parent(node_)); }
  Node field(std::string_view name) const;
  std::vector<Node> fields(std::string_view name) const;
  uint32_t child_count() const { return null() ? 0 : ts_node_child_count(node_); }
  uint32_t named_child_count() const { return null() ? 0 : ts_node_named_child_count(node_); }
  Node child(uint32_t i) const { return Node(ts_node_child(node_, i)); }
  Node named_child(uint32_t i) const { return Node(ts_node_named_child(node_, i)); }
  std::vector<Node> children() const;
  std::vector<Node> named_children() const;
  // The first direct named child of the given type.
  Node child_of_type(std::string_view t) const;
  std::vector<Node> children_of_type(std::string_view t) const;
  Node next_sibling() const { return Node(ts_node_next_sibling(node_)); }
  Node prev_sibling() const { return Node(ts_node_prev_sibling(node_)); }
  Node next_named_sibling() const { return Node(ts_node_next_named_sibling(node_)); }
  Node prev_named_sibling() const { return Node(ts_node_prev_named_sibling(node_)); }
  // The smallest named node covering [start, end).
  Node descendant_for(uint32_t start, uint32_t end) const;
  // The nearest ancestor (or this node) whose type is t.
  Node ancestor(std::string_view t) const;
  bool contains(uint32_t offset) const { return start() <= offset && offset <= end(); }

  const TSNode& raw() const { return node_; }
  friend bool operator==(const Node& a, const Node& b) { return ts_node_eq(a.node_, b.node_); }

 private:
  TSNode node_{};
};

// Calls f(node) for every node below (and including) root in document order; f returns false to
// skip a node's children.
template <typename F>
void walk(Node root, F&& f) {
  if (root.null()) return;
  TSTreeCursor cursor = ts_tree_cursor_new(root.raw());
  bool descend = true;
  for (;;) {
    if (descend) {
      descend = f(Node(ts_tree_cursor_current_node(&cursor)));
      if (descend && ts_tree_cursor_goto_first_child(&cursor)) continue;
    }
    if (ts_tree_cursor_goto_next_sibling(&cursor)) {
      descend = true;
      continue;
    }
    if (!ts_tree_cursor_goto_parent(&cursor)) break;
    descend = false;
  }
  ts_tree_cursor_delete(&cursor);
}

// An owned syntax tree.
class Tree {
 public:
  Tree() = default;
  explicit Tree(TSTree* tree) : tree_(tree) {}
  Tree(const Tree& other) : tree_(other.tree_ ? ts_tree_copy(other.tree_) : nullptr) {}
  Tree(Tree&& other) noexcept : tree_(other.tree_) { other.tree_ = nullptr; }
  Tree& operator=(Tree other) noexcept {
    std::swap(tree_, other.tree_);
    return *this;
  }
  ~Tree() {
    if (tree_) ts_tree_delete(tree_);
  }

  Node root() const { return tree_ ? Node(ts_tree_root_node(tree_)) : Node(); }
  TSTree* raw() const { return tree_; }
  void edit(const TSInputEdit& edit) { ts_tree_edit(tree_, &edit); }

 private:
  TSTree* tree_ = nullptr;
};

// A parser for the Dockerfile language; one per thread.
class Parser {
 public:
  Parser();
  ~Parser();
  Parser(const Parser&) = delete;
  Parser& operator=(const Parser&) = delete;

  // Parses text, reusing an edited old tree when given (incremental parsing).
  Tree parse(std::string_view text, const Tree* old = nullptr);

 private:
  TSParser* parser_;
};

}  // namespace dfls::syntax
