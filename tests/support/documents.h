// Building documents from test text.
#pragma once

#include <memory>
#include <string_view>

#include "core/document.h"

namespace dfls::test {

std::shared_ptr<const Document> make_document(std::string_view text,
                                              std::string_view uri = "file:///work/Dockerfile");

}  // namespace dfls::test
