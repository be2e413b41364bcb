// Image facts from the embedded catalog, rendered as markdown for hover and completion.
#include <cstdio>

#include "features/docs_data.h"

namespace dfls::docs {

namespace {

std::string megabytes(double mb) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.0f MB", mb);
  return buf;
}

std::string user_text(const std::string& name, const std::optional<int>& uid) {
  std::string out = "`" + (name.empty() ? std::string("root") : name) + "`";
  if (uid) out += " (uid " + std::to_string(*uid) + ")";
  return out;
}

// Docker Hub page of an image on docker.io, or empty for other registries.
std::string hub_url(std::string_view name) {
  size_t slash = name.find('/');
  std::string_view first = name.substr(0, slash);
  if (slash != std::string_view::npos &&
      (first.find('.') != std::string_view::npos || first.find(':') != std::string_view::npos || first == "localhost"))
    return {};
  if (slash == std::string_view::npos) return "https://hub.docker.com/_/" + std::string(name);
  return "https://hub.docker.com/r/" + std::string(name);
}

}  // namespace

std::string image_markdown(const images::ImageInfo& image, const images::ImageTag* tag,
                           std::string_view written_tag) {
  const auto& catalog = images::Catalog::embedded();
  std::string out = "**`" + image.name;
  if (!written_tag.empty()) out += ":" + std::string(written_tag);
  out += "`**";
  if (image.deprecated()) out += " (deprecated)";
  if (!image.description.empty()) out += "\n\n" + image.description;
  out += "\n";
  if (tag) {
    if (tag->name != written_tag) out += "\n- Closest known tag: `" + tag->name + "`";
    if (tag->size_amd64_mb > 0 || tag->size_arm64_mb > 0) {
      out += "\n- Size: about ";
      if (tag->size_amd64_mb > 0) out += megabytes(tag->size_amd64_mb) + " (linux/amd64)";
      if (tag->size_amd64_mb > 0 && tag->size_arm64_mb > 0) out += ", ";
      if (tag->size_arm64_mb > 0) out += megabytes(tag->size_arm64_mb) + " (linux/arm64)";
      out += ", compressed";
    }
    if (tag->build_image) out += "\n- A build image (SDK or toolchain): copy its output into a smaller runtime stage";
    if (!tag->digest.empty()) out += "\n- Digest: `" + tag->digest + "`";
  }
  bool shell = tag ? tag->has_shell : image.has_shell;
  out += shell ? "\n- Shell: `/bin/sh` is available"
               : "\n- No shell: RUN and shell-form CMD/ENTRYPOINT cannot run in it";
  out += "\n- Default user: " + user_text(tag ? tag->default_user : image.default_user,
                                          tag ? tag->default_uid : image.default_uid);
  if (!image.other_users.empty()) {
    out += "\n- Other users: ";
    for (size_t i = 0; i < image.other_users.size(); ++i)
      out += (i ? ", " : "") + user_text(image.other_users[i].name, image.other_users[i].uid);
  }
  const std::string& pm = tag ? tag->package_manager : image.package_manager;
  if (!pm.empty()) out += pm == "none" ? "\n- No package manager" : "\n- Package manager: `" + pm + "`";
  if (image.deprecated()) {
    out += "\n- Deprecated; use ";
    for (size_t i = 0; i < image.deprecated_by.size(); ++i)
      out += (i ? " or `" : "`") + image.deprecated_by[i] + "`";
    out += " instead";
  }
  auto slimmer = catalog.slimmer_alternatives(image.name, written_tag);
  if (!slimmer.empty()) {
    out += "\n- Slimmer: ";
    for (size_t i = 0; i < slimmer.size() && i < 4; ++i) out += (i ? ", `" : "`") + slimmer[i] + "`";
  }
  out += "\n\n_From the offline image catalog";
  if (auto compiled = catalog.meta("compiled")) out += " (" + *compiled + ")";
  out += "; sizes are approximate._";
  if (std::string url = hub_url(image.name); !url.empty()) out += " [Docker Hub](" + url + ")";
  return out;
}

}  // namespace dfls::docs
