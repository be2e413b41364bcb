// Image references: earlier stages, images used in the file, catalog images, tags and digests.
#include <algorithm>
#include <cstdio>
#include <set>
#include <unordered_set>

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

// Whether a stage's base may be the image `name` (a cheap test before normalising).
bool may_be(const model::Stage& s, std::string_view name) {
  size_t slash = name.rfind('/');
  std::string_view last = slash == std::string_view::npos ? name : name.substr(slash + 1);
  return !s.base.has_variables && std::string_view(s.base_resolved).find(last) != std::string_view::npos;
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
      if (!s.base.digest.empty() && may_be(s, name) && images::normalize_name(s.base.familiar_name()) == name &&
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
      if (!s.base.tag.empty() && may_be(s, name) && images::normalize_name(s.base.familiar_name()) == name &&
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

  // Names: earlier stages first (nearest first, only those matching what is typed, at most
  // max_items of them), then images of this file, then the catalog.
  int rank = 0;
  std::unordered_set<std::string_view> seen;  // Views of model and catalog strings.
  size_t added = 0;
  b.list.items.reserve(b.list.items.size() + std::min<size_t>(b.options.max_items, 2 * m.stages.size()) + 64);
  for (int i = std::min(before_stage, static_cast<int>(m.stages.size())) - 1; i >= 0; --i) {
    const model::Stage& s = m.stages[i];
    std::string index = std::to_string(i);
    bool by_name = !s.name.empty() && starts_with_nocase(s.original_name, typed);
    bool by_index = numeric && starts_with_nocase(index, typed);
    if (!by_name && !by_index) continue;
    if (added >= b.options.max_items) {
      b.list.is_incomplete = true;
      break;
    }
    std::string base = "FROM " + (s.base_text.empty() ? std::string("?") : s.base_text);
    if (by_name) {
      auto& item = b.add(s.original_name, CompletionKind::Stage, sort_key(0, before_stage - i));
      item.detail = "stage " + index + ", line " +
                    std::to_string(b.doc.lines().line_of(s.span.start) + 1) + ": " + base;
      seen.insert(s.name);
      ++added;
    }
    if (by_index) {
      auto& item = b.add(index, CompletionKind::Stage, sort_key(s.name.empty() ? 0 : 1, before_stage - i));
      item.detail = "stage " + index + (s.name.empty() ? "" : " (" + s.original_name + ")") + ": " + base;
      ++added;
    }
  }
  // Stages fill the list: the later groups would be cut anyway.
  if (b.list.is_incomplete) return;
  const auto in_file = images_in_file(m);
  for (const auto& image : in_file) {
    if (!seen.insert(image).second) continue;
    b.add(image, CompletionKind::Image, sort_key(2, rank++)).detail = "used in this file";
  }
  rank = 0;
  const auto names = catalog.image_names();
  for (const auto& name : names) {
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
