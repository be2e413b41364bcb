// A parsed document: the text, its syntax tree, its line index and its semantic model, as one
// immutable value. Edits make a new Document that reuses the old tree (incremental parsing).
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/line_index.h"
#include "syntax/tree.h"

namespace dfls {

namespace model {
class Model;
}

// One address per type: the key of a derived analysis (see Document::derived).
template <class T>
inline constexpr char derived_key = 0;

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

  // An analysis derived from this document (the shell split of every RUN, say), computed by
  // make(*this) on first use and kept as long as the document, so that the rules and features
  // that need it share one computation. One value per type T; safe to call from several threads.
  template <class T, class Make>
  const T& derived(Make make) const {
    const void* key = &derived_key<T>;
    std::lock_guard lock(derived_mutex_);
    for (const auto& [k, value] : derived_)
      if (k == key) return *static_cast<const T*>(value.get());
    auto value = std::make_shared<const T>(make(*this));
    derived_.emplace_back(key, value);
    return *value;
  }

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
  mutable std::recursive_mutex derived_mutex_;  // Recursive: one analysis may use another.
  mutable std::vector<std::pair<const void*, std::shared_ptr<const void>>> derived_;
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
