// Document links: image references to their registry's web page (FROM bases, COPY --from and
// RUN --mount from= images that are not stages, the `# syntax=` frontend image) and ADD URLs to
// themselves. An image whose name still holds a variable after the global ARG defaults are
// applied gets no link; a variable in its tag does not matter, the page is the repository's.
#pragma once

#include <string>
#include <vector>

#include "core/document.h"
#include "core/image_ref.h"
#include "core/range.h"

namespace dfls {

struct DocumentLink {
  ByteRange range;
  std::string target;
  std::string tooltip;
  friend bool operator==(const DocumentLink&, const DocumentLink&) = default;
};

std::vector<DocumentLink> document_links(const Document& doc);

struct ImagePage {
  std::string url;
  std::string site;  // "Docker Hub", "Quay", ...
};

// The web page of an image's repository: Docker Hub, GitHub (ghcr.io), Microsoft Artifact Registry
// (mcr.microsoft.com), Quay, Google Container Registry and Artifact Registry, Amazon ECR Public
// Gallery. Empty for other registries, scratch and invalid references.
ImagePage image_page(const ImageRef& ref);

}  // namespace dfls
