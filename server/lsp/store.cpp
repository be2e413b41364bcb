#include "lsp/store.h"

#include "lsp/convert.h"

namespace dfls::lsp {

OpenDocument& DocumentStore::open(std::shared_ptr<const Document> doc, std::string language_id) {
  std::string uri = doc->uri();
  OpenDocument& entry = docs_[uri];
  entry = OpenDocument{};
  entry.doc = std::move(doc);
  entry.language_id = std::move(language_id);
  return entry;
}

OpenDocument* DocumentStore::find(std::string_view uri) {
  auto it = docs_.find(uri);
  return it == docs_.end() ? nullptr : &it->second;
}

bool DocumentStore::close(std::string_view uri) {
  auto it = docs_.find(uri);
  if (it == docs_.end()) return false;
  docs_.erase(it);
  return true;
}

std::shared_ptr<const Document> apply_changes(
    const Document& base, const std::vector<TextDocumentContentChangeEvent>& changes,
    Encoding encoding, int64_t version) {
  DocumentEditor editor(base);
  for (const TextDocumentContentChangeEvent& change : changes) {
    if (!change.range) {
      editor.replace_all(change.text);
      continue;
    }
    ByteRange r = to_byte_range(editor.lines(), *change.range, encoding);
    editor.replace(r.start, r.end, change.text);
  }
  return editor.finish(version);
}

}  // namespace dfls::lsp
