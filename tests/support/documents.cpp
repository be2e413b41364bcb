#include "support/documents.h"

#include <string>

namespace dfls::test {

std::shared_ptr<const Document> make_document(std::string_view text, std::string_view uri) {
  return Document::create(std::string(uri), 1, std::string(text));
}

}  // namespace dfls::test
