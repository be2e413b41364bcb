// Image references: earlier stages, images used in the file, catalog images, tags and digests.
#include <algorithm>
#include <cstdio>
#include <set>

#include "features/completion_internal.h"

namespace dfls::completion_detail {

namespace {

std::string size_text(const images::ImageTag& t) {
  if (t.size_amd64_mb <= 0) return {};
  char buf[32];
  std::snprintf(buf, sizeof buf, "~%.0f MB", t.size_amd64_mb);
  return buf;
}

std::string tag_detail(const images::ImageTag& t) {
  std::string out = size_text(t);
  auto add = [&](std::string_view part) {
    if (part.empty()) return;
    if (!out.empty()) out += " · ";
    out += part;
  };
  add(t.build_image ? "build image" : "runtime");
  if (!t.has_shell) add("no shell");
  if (!t.package_manager.empty() && t.package_manager != "none") add(t.package_manager);
  if (!t.default_user.empty() && t.default_user != "root") add("user " + t.default_user);
  return out;
}

std::string short_text(std::string_view s, size_t max) {
  if (s.size() <= max) return std::string(s);
  size_t cut = s.rfind(' ', max);
  return std::string(s.substr(0, cut == std::string_view::npos ? max : cut)) + "…";
}

}  // namespace

void complete_image_ref(Builder& b, std::string_view typed, size_t start, int before_stage, bool numeric) {
  const model::Model& m = b.model();
  const auto& catalog = images::Catalog::embedded();
  size_t at = typed.find('@');
  size_t slash = typed.rfind('/', at);
  size_t colon = typed.find(':', slash == std::string_view::npos ? 0 : slash + 1);
  if (colon > at) colon = std::string_view::npos;

  if (at != std::string_view::npos) {
    // Digests: pinned in the catalog, or written elsewhere in the file for the same image.
    std::string name = images::normalize_name(typed.substr(0, std::min(colon, at)));
    std::string tag(colon == std::string_view::npos ? std::string_view{} : typed.substr(colon + 1, at - colon - 1));
    ByteRange range{start + at + 1, b.ctx.offset};
    std::set<std::string> seen;
    int rank = 0;
    for (const auto& s : m.stages)
      if (!s.base.digest.empty() && images::normalize_name(s.base.familiar_name()) == name &&
          seen.insert(s.base.digest).second)
        b.add_at(range, s.base.digest, CompletionKind::Digest, sort_key(0, rank++)).detail =
            "used on line " + std::to_string(b.doc.lines().line_of(s.base_span.start) + 1);
    if (const auto* info = catalog.find(name))
      for (const auto& t : info->tags)
        if (!t.digest.empty() && (tag.empty() || t.name == tag) && seen.insert(t.digest).second)
          b.add_at(range, t.digest, CompletionKind::Digest, sort_key(10, rank++)).detail = "tag " + t.name;
    return;
  }

  if (colon != std::string_view::npos) {
    std::string name = images::normalize_name(typed.substr(0, colon));
    ByteRange range{start + colon + 1, b.ctx.offset};
    std::set<std::string> seen;
    int rank = 0;
    // Tags this file already uses for the image come first.
    for (const auto& s : m.stages)
      if (!s.base.tag.empty() && !s.base.has_variables && images::normalize_name(s.base.familiar_name()) == name &&
          seen.insert(s.base.tag).second)
        b.add_at(range, s.base.tag, CompletionKind::Tag, sort_key(0, rank++)).detail = "used in this file";
    const auto* info = catalog.find(name);
    if (!info) return;
    rank = 0;
    for (const auto& t : info->tags) {
      if (!seen.insert(t.name).second) continue;
      auto& item = b.add_at(range, t.name, CompletionKind::Tag, sort_key(10, rank++));
      item.detail = tag_detail(t);
      item.documentation_key = "image/" + info->name + ":" + t.name;
    }
    return;
  }

  // Names: earlier stages first, then images of this file, then the catalog.
  int rank = 0;
  std::set<std::string> seen;
  for (const auto& s : m.stages) {
    if (s.index >= before_stage) break;
    std::string base = "FROM " + (s.base_text.empty() ? std::string("?") : s.base_text);
    if (!s.name.empty()) {
      auto& item = b.add(s.original_name, CompletionKind::Stage, sort_key(0, before_stage - s.index));
      item.detail = "stage " + std::to_string(s.index) + ": " + base;
      item.documentation = "Build stage `" + s.original_name + "` (index " + std::to_string(s.index) +
                           ", line " + std::to_string(b.doc.lines().line_of(s.span.start) + 1) + ")";
      seen.insert(s.name);
    }
    if (numeric) {
      auto& item = b.add(std::to_string(s.index), CompletionKind::Stage,
                         sort_key(s.name.empty() ? 0 : 1, before_stage - s.index));
      item.detail = "stage " + std::to_string(s.index) + (s.name.empty() ? "" : " (" + s.original_name + ")") + ": " + base;
    }
  }
  for (const auto& image : images_in_file(m)) {
    if (!seen.insert(image).second) continue;
    b.add(image, CompletionKind::Image, sort_key(2, rank++)).detail = "used in this file";
  }
  rank = 0;
  for (const auto& name : catalog.image_names()) {
    ++rank;
    if (seen.count(name)) continue;
    const auto* info = catalog.find(name);
    auto& item = b.add(name, CompletionKind::Image, sort_key(3, rank));
    if (info) item.detail = short_text(info->description, 60);
    item.documentation_key = "image/" + name;
    if (info && info->deprecated()) item.deprecated = true;
  }
}

}  // namespace dfls::completion_detail
