// The offline base-image catalog: what completion, hover and rules know about the images people
// start from (node, python, distroless, ...), compiled into the binary from images/catalog.tsv.
// The data is approximate and dated (see the file's header and Catalog::meta); a live registry
// look-up, when there is one, goes through RegistryClient (registry_client.h) instead.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dfls::images {

// The catalog text embedded at build time (generated from catalog.tsv by embed.cmake).
std::string_view embedded_catalog();

// A user that exists in an image, e.g. {"nonroot", 65532}.
struct KnownUser {
  std::string name;
  std::optional<int> uid;
};

// One tag of an image. Shell, user and package manager are already resolved against the image's
// defaults, so a tag row answers every question on its own.
struct ImageTag {
  std::string name;     // "22-slim"
  std::string variant;  // "slim"; empty for the image's default flavour
  std::string version;  // "22": the tag without its "-variant" suffix; empty when tag == variant
  double size_amd64_mb = 0;  // approximate compressed size; 0 when unknown or not published
  double size_arm64_mb = 0;
  std::string digest;        // "sha256:..." when pinned in the data, else empty
  bool build_image = false;  // an SDK or toolchain image (node:22, golang, maven, dotnet/sdk)
  bool has_shell = true;
  std::string default_user;  // "root", "nonroot", "app"
  std::optional<int> default_uid;
  std::string package_manager;  // "apt", "apk", "dnf", "microdnf", "tdnf", "yum", "none"
};

struct ImageInfo {
  std::string name;  // as users write it, normalised: "node", "gcr.io/distroless/static"
  std::string description;
  std::string default_user;
  std::optional<int> default_uid;
  bool has_shell = true;
  std::string package_manager;
  std::vector<KnownUser> other_users;  // exist in the image but are not the default ("node")
  std::vector<ImageTag> tags;
  // Ordered largest to smallest: "-slim" (a variant suffix), ":latest" (a tag of this image) or
  // an image reference ("gcr.io/distroless/nodejs22-debian12").
  std::vector<std::string> slimmer_variants;
  std::vector<std::string> deprecated_by;  // replacement images; empty when maintained
  bool deprecated() const { return !deprecated_by.empty(); }
};

// Read access to image knowledge, so features can take the embedded catalog, a test double or
// later a catalog merged with live registry results.
class ImageSource {
 public:
  virtual ~ImageSource() = default;
  virtual std::vector<std::string> image_names() const = 0;
  // `name` is normalised first (docker.io/library/node == node); a ":tag" or "@digest" is ignored.
  virtual const ImageInfo* find(std::string_view name) const = 0;
  virtual std::vector<ImageTag> tags(std::string_view name) const = 0;
};

// An image reference split into its parts: "docker.io/library/node:22@sha256:..." gives name
// "node", tag "22", digest "sha256:...". The name is normalised; tag and digest are as written.
struct ImageRef {
  std::string name;
  std::string tag;
  std::string digest;
};

// Canonical image name: the Docker Hub hosts (docker.io, index.docker.io, registry-1.docker.io,
// registry.hub.docker.com) and the "library/" namespace are dropped and the registry host is
// lower-cased, so "Docker.IO/library/node", "library/node" and "node" all become "node". The
// repository path keeps its case (registries reject upper case, and so should a linter).
std::string normalize_name(std::string_view name);
ImageRef split_image_ref(std::string_view reference);

struct CatalogProblem {
  size_t line = 0;  // 1-based line in the data
  std::string message;
};

// The result of looking a tag up: the exact row, or for a tag the data does not list (22.11.0,
// debug-nonroot-amd64, 1.25-dev) the row of the same variant and nearest version.
struct TagMatch {
  const ImageInfo* image = nullptr;  // null when the image is unknown
  const ImageTag* tag = nullptr;     // null when the image has no usable tag row (scratch)
  bool exact = false;
  std::string version;  // the version part of the requested tag ("22.11.0" in 22.11.0-slim)
};

class Catalog : public ImageSource {
 public:
  // The catalog compiled into the binary, parsed once.
  static const Catalog& embedded();
  // Parses catalog text; never throws on bad data: malformed rows are skipped and recorded.
  static Catalog parse(std::string_view data);

  std::vector<std::string> image_names() const override;
  const ImageInfo* find(std::string_view name) const override;
  std::vector<ImageTag> tags(std::string_view name) const override;

  // An empty tag means "latest", as in Docker.
  TagMatch match(std::string_view name, std::string_view tag) const;

  // Tag-aware questions. For an unknown image: has_shell is true and is_build_image false (so no
  // rule warns about what the catalog does not know), the optionals are empty.
  bool has_shell(std::string_view name, std::string_view tag) const;
  std::optional<std::string> default_user(std::string_view name, std::string_view tag) const;
  std::optional<int> default_uid(std::string_view name, std::string_view tag) const;
  std::optional<std::string> package_manager(std::string_view name, std::string_view tag) const;
  bool is_build_image(std::string_view name, std::string_view tag) const;
  // Smaller images or tags that could replace name:tag, as full references ("node:22-slim",
  // "gcr.io/distroless/nodejs22-debian12"), best first; only ones smaller by the catalog's sizes.
  std::vector<std::string> slimmer_alternatives(std::string_view name, std::string_view tag) const;

  // `meta` rows of the data: "compiled", "source", "sizes".
  std::optional<std::string> meta(std::string_view key) const;
  const std::vector<CatalogProblem>& problems() const { return problems_; }
  size_t problem_count() const { return problems_.size(); }
  size_t tag_count() const;

 private:
  std::vector<ImageInfo> images_;
  std::map<std::string, size_t, std::less<>> index_;
  std::map<std::string, std::string, std::less<>> meta_;
  std::vector<CatalogProblem> problems_;

  friend class CatalogParser;
};

}  // namespace dfls::images
