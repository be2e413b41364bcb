// A parsed document: the text, its syntax tree, its line index and its semantic model, as one
// immutable value. Edits make a new Document that reuses the old tree (incremental parsing).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "core/line_index.h"
#include "syntax/tree.h"

namespace dfls {

namespace model {
class Model;
}

class Document {
 public:
  // Parses text from scratch.
  static std::shared_ptr<const Document> create(std::string uri, int64_t version, std::string text);

  const std::string& uri() const { return uri_; }
  int64_t version() const { return version_; }
  const std::string& text() const { return text_; }
  const syntax::Tree& tree() const { return tree_; }
  syntax::Node root() const { return tree_.root(); }
  const LineIndex& lines() const { return lines_; }
  const model::Model& model() const { return *model_; }

  Document(const Document&) = delete;
  Document& operator=(const Document&) = delete;
  ~Document();

 private:
  friend class DocumentEditor;
  Document(std::string uri, int64_t version, std::string text, syntax::Tree tree);

  std::string uri_;
  int64_t version_;
  std::string text_;
  syntax::Tree tree_;
  LineIndex lines_;
  std::unique_ptr<model::Model> model_;
};

// Applies a sequence of byte-range replacements to a document, each relative to the text left by
// the previous one, then reparses once, incrementally.
class DocumentEditor {
 public:
  explicit DocumentEditor(const Document& base);

  // The text and line index as they stand after the edits so far.
  const std::string& text() const { return text_; }
  const LineIndex& lines() const { return lines_; }

  // Replaces bytes [start, end) with replacement; offsets are clamped to the text.
  void replace(size_t start, size_t end, std::string_view replacement);
  // Replaces the whole text (a full-document change).
  void replace_all(std::string replacement);

  std::shared_ptr<const Document> finish(int64_t version);

 private:
  std::string uri_;
  std::string text_;
  syntax::Tree tree_;
  LineIndex lines_;
  bool reuse_tree_ = true;
};

}  // namespace dfls
