// The open documents, by URI: each an immutable Document plus what the server derived from it.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "lsp/protocol.h"
#include "rules/rule.h"

namespace dfls::lsp {

struct OpenDocument {
  std::shared_ptr<const Document> doc;
  std::string language_id;
  // The findings for doc as last computed (valid when diags_current), kept so that handlers such
  // as code actions can find a diagnostic's fixes; result_id names them for pull diagnostics.
  std::vector<Diag> diags;
  bool diags_current = false;
  uint64_t result_id = 0;
  uint64_t check_tag = 0;  // Of the last background check asked for (see Server::checked).
};

class DocumentStore {
 public:
  // Opens (or reopens, replacing) a document.
  OpenDocument& open(std::shared_ptr<const Document> doc, std::string language_id);
  OpenDocument* find(std::string_view uri);
  bool close(std::string_view uri);
  std::map<std::string, OpenDocument, std::less<>>& all() { return docs_; }

 private:
  std::map<std::string, OpenDocument, std::less<>> docs_;
};

// Applies one didChange's content changes in order, each against the text left by the ones
// before it, then reparses once (incrementally unless a full-text change came along).
std::shared_ptr<const Document> apply_changes(
    const Document& base, const std::vector<TextDocumentContentChangeEvent>& changes,
    Encoding encoding, int64_t version);

}  // namespace dfls::lsp
