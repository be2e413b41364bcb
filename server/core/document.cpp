#include "core/document.h"

#include <algorithm>

#include "core/model/model.h"

namespace dfls {

namespace {

// One parser per thread: tree-sitter parsers are not thread-safe, and creating one is cheap but
// not free.
syntax::Parser& thread_parser() {
  thread_local syntax::Parser parser;
  return parser;
}

}  // namespace

Document::Document(std::string uri, int64_t version, std::string text, syntax::Tree tree)
    : uri_(std::move(uri)),
      version_(version),
      text_(std::move(text)),
      tree_(std::move(tree)),
      lines_(text_),
      model_(std::make_unique<model::Model>(model::build_model(text_, tree_.root()))) {}

Document::~Document() = default;

std::shared_ptr<const Document> Document::create(std::string uri, int64_t version, std::string text) {
  syntax::Tree tree = thread_parser().parse(text);
  return std::shared_ptr<const Document>(
      new Document(std::move(uri), version, std::move(text), std::move(tree)));
}

DocumentEditor::DocumentEditor(const Document& base)
    : uri_(base.uri()), text_(base.text()), tree_(base.tree()), lines_(text_) {}

void DocumentEditor::replace(size_t start, size_t end, std::string_view replacement) {
  start = std::min(start, text_.size());
  end = std::clamp(end, start, text_.size());
  auto start_point = lines_.ts_point(start);
  auto old_end_point = lines_.ts_point(end);
  text_.replace(start, end - start, replacement);
  lines_ = LineIndex(text_);
  size_t new_end = start + replacement.size();
  auto new_end_point = lines_.ts_point(new_end);
  if (reuse_tree_) {
    TSInputEdit edit{};
    edit.start_byte = static_cast<uint32_t>(start);
    edit.old_end_byte = static_cast<uint32_t>(end);
    edit.new_end_byte = static_cast<uint32_t>(new_end);
    edit.start_point = {start_point.row, start_point.column};
    edit.old_end_point = {old_end_point.row, old_end_point.column};
    edit.new_end_point = {new_end_point.row, new_end_point.column};
    tree_.edit(edit);
  }
}

void DocumentEditor::replace_all(std::string replacement) {
  text_ = std::move(replacement);
  lines_ = LineIndex(text_);
  reuse_tree_ = false;
}

std::shared_ptr<const Document> DocumentEditor::finish(int64_t version) {
  syntax::Tree tree = thread_parser().parse(text_, reuse_tree_ ? &tree_ : nullptr);
  return std::shared_ptr<const Document>(
      new Document(std::move(uri_), version, std::move(text_), std::move(tree)));
}

}  // namespace dfls
