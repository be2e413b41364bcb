// Image references as Docker reads them (distribution/reference, "ParseNormalizedNamed"):
//
//   reference  := name [ ":" tag ] [ "@" digest ]
//   name       := [ domain "/" ] path          (at most 255 bytes)
//   domain     := host [ ":" port ]             (host: dot-separated labels, or [IPv6])
//   path       := component ( "/" component )*  (component: [a-z0-9]+ joined by "." "_" "__" "-"+)
//   tag        := [A-Za-z0-9_][A-Za-z0-9_.-]{0,127}
//   digest     := algorithm ":" hex             (sha256: 64, sha384: 96, sha512: 128 lowercase hex)
//
// The first path element is a registry when it contains "." or ":", is "localhost", or contains
// an uppercase letter; otherwise the registry is docker.io, and a one-element name on docker.io
// gets the "library/" prefix (official images). "index.docker.io" means docker.io. "scratch" is
// the empty image.
//
// A reference holding `$` (an unexpanded build argument) is split as far as possible: the parts
// without `$` are checked, the parts with `$` are kept as written, and when the first element of
// a name with "/" holds a variable the registry is left empty (unknown).
#pragma once

#include <string>
#include <string_view>

namespace dfls {

struct ImageRef {
  std::string registry;    // "docker.io", "ghcr.io", "localhost:5000"; empty for scratch/unknown.
  std::string repository;  // "library/alpine", "org/app"; the path without the registry.
  std::string tag;         // Without ":"; empty when none was written.
  std::string digest;      // "sha256:<hex>"; empty when none was written.
  bool has_variables = false;
  bool valid = false;
  std::string error;  // Why the reference is invalid; empty when valid.

  // The short form Docker prints: "alpine", "org/app", "ghcr.io/org/app" (no tag or digest).
  std::string familiar_name() const;
  // The fully qualified name: "docker.io/library/alpine" (no tag or digest).
  std::string full_name() const;
  // The familiar name followed by ":tag" and "@digest" when present.
  std::string familiar_string() const;
  // An official image: docker.io/library/<name>.
  bool is_official() const;
  bool is_scratch() const { return valid && registry.empty() && repository == "scratch"; }
};

ImageRef parse_image_ref(std::string_view text);

}  // namespace dfls
