// The base-image catalog: parsing of the tab-separated data (format described at the top of
// catalog.tsv), name normalisation and the tag-aware questions features ask.
#include "images/catalog.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <utility>

namespace dfls::images {
namespace {

constexpr std::string_view kWhitespace = " \t\r\n\v\f";
constexpr std::string_view kFormatName = "dfls-image-catalog";
constexpr std::string_view kFormatVersion = "1";
constexpr std::array<std::string_view, 4> kDockerHubHosts = {
    "docker.io", "index.docker.io", "registry-1.docker.io", "registry.hub.docker.com"};
constexpr std::array<std::string_view, 7> kPackageManagers = {"apt",  "apk", "dnf", "microdnf",
                                                              "tdnf", "yum", "none"};

std::string_view trim(std::string_view s, std::string_view chars = kWhitespace) {
  const size_t begin = s.find_first_not_of(chars);
  if (begin == std::string_view::npos) return {};
  return s.substr(begin, s.find_last_not_of(chars) - begin + 1);
}

std::vector<std::string_view> split(std::string_view s, char separator) {
  std::vector<std::string_view> parts;
  for (size_t start = 0, end = 0; end != std::string_view::npos; start = end + 1) {
    end = s.find(separator, start);
    parts.push_back(s.substr(start, end == std::string_view::npos ? end : end - start));
  }
  return parts;
}

bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Docker's tag grammar: [A-Za-z0-9_][A-Za-z0-9_.-]{0,127}.
bool valid_tag(std::string_view tag) {
  if (tag.empty() || tag.size() > 128 || tag[0] == '.' || tag[0] == '-') return false;
  return std::all_of(tag.begin(), tag.end(), [](char c) {
    return is_alpha(c) || is_digit(c) || c == '_' || c == '.' || c == '-';
  });
}

bool valid_digest(std::string_view digest) {
  constexpr std::string_view kPrefix = "sha256:";
  return digest.size() == kPrefix.size() + 64 && digest.starts_with(kPrefix) &&
         std::all_of(digest.begin() + kPrefix.size(), digest.end(),
                     [](char c) { return is_digit(c) || (c >= 'a' && c <= 'f'); });
}

std::vector<std::string> parse_list(std::string_view s) {
  std::vector<std::string> items;
  if (s == "-") return items;
  for (std::string_view item : split(s, ',')) {
    item = trim(item);
    if (!item.empty()) items.emplace_back(item);
  }
  return items;
}

bool known_package_manager(std::string_view pm) {
  return std::find(kPackageManagers.begin(), kPackageManagers.end(), pm) != kPackageManagers.end();
}

// Whether `variant` is the flavour of `tag`: the whole tag, its "-suffix", its "prefix-" (for
// architecture-suffixed tags such as debug-nonroot-amd64) or a "-middle-" part.
bool variant_in(std::string_view tag, std::string_view variant) {
  if (variant.empty()) return false;
  if (tag == variant) return true;
  const size_t n = variant.size();
  if (tag.size() > n && tag.ends_with(variant) && tag[tag.size() - n - 1] == '-') return true;
  if (tag.size() > n && tag.starts_with(variant) && tag[n] == '-') return true;
  return tag.find("-" + std::string(variant) + "-") != std::string_view::npos;
}

// The version part of `tag` once `variant` (known to be in it) is taken off.
std::string version_without(std::string_view tag, std::string_view variant) {
  if (tag == variant || tag.starts_with(std::string(variant) + "-")) return {};
  if (tag.ends_with("-" + std::string(variant))) {
    return std::string(tag.substr(0, tag.size() - variant.size() - 1));
  }
  return std::string(tag.substr(0, tag.find('-')));
}

// Drops version numbers glued to words, so that 24-alpine3.21 can match the alpine3.22 variant:
// "alpine3.21" -> "alpine", "jdk25" -> "jdk"; purely numeric parts stay.
std::string loosen(std::string_view tag) {
  std::string out;
  for (std::string_view part : split(tag, '-')) {
    if (!part.empty() && is_alpha(part[0])) {
      while (part.size() > 1 && (is_digit(part.back()) || part.back() == '.'))
        part.remove_suffix(1);
    }
    if (!out.empty()) out += '-';
    out += part;
  }
  return out;
}

// "22" is a version prefix of "22.11.0", "1.25" of "1.25.4"; "2" is not one of "20".
bool version_prefix(std::string_view prefix, std::string_view version) {
  if (prefix.empty() || !version.starts_with(prefix)) return false;
  return version.size() == prefix.size() || version[prefix.size()] == '.' ||
         version[prefix.size()] == '_' || version[prefix.size()] == '+';
}

const ImageTag* find_row(const ImageInfo& image, std::string_view tag) {
  for (const ImageTag& row : image.tags) {
    if (row.name == tag) return &row;
  }
  return nullptr;
}

// Among rows of one variant, the one whose version best covers `version`.
const ImageTag* nearest_row(const ImageInfo& image, std::string_view variant,
                            std::string_view version) {
  const ImageTag* best = nullptr;
  const ImageTag* latest = nullptr;
  const ImageTag* first = nullptr;
  for (const ImageTag& row : image.tags) {
    if (row.variant != variant) continue;
    if (!first) first = &row;
    if (!latest && (row.version == "latest" || row.name == "latest")) latest = &row;
    if (version_prefix(row.version, version) &&
        (!best || row.version.size() > best->version.size())) {
      best = &row;
    }
  }
  return best ? best : latest ? latest : first;
}

// A tag-aware fact: from the matched tag row, else the image's default; nothing for unknown images.
template <class T>
std::optional<T> fact(const TagMatch& m, T ImageTag::*of_tag, T ImageInfo::*of_image) {
  if (!m.image) return std::nullopt;
  return m.tag ? m.tag->*of_tag : m.image->*of_image;
}

}  // namespace

std::string normalize_name(std::string_view name) {
  name = trim(name);
  std::string_view path = name;
  const size_t slash = name.find('/');
  std::string host(slash == std::string_view::npos ? std::string_view() : name.substr(0, slash));
  std::transform(host.begin(), host.end(), host.begin(), [](char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  });
  // Like Docker: the first part names a registry only when it looks like a host.
  if (host.find_first_of(".:") == std::string::npos && host != "localhost") host.clear();
  if (!host.empty()) path = name.substr(slash + 1);
  const bool docker_hub = host.empty() || std::find(kDockerHubHosts.begin(), kDockerHubHosts.end(),
                                                    host) != kDockerHubHosts.end();
  if (!docker_hub) return host + "/" + std::string(path);
  constexpr std::string_view kLibrary = "library/";
  if (path.starts_with(kLibrary) && path.find('/', kLibrary.size()) == std::string_view::npos) {
    path.remove_prefix(kLibrary.size());
  }
  return std::string(path);
}

ImageRef split_image_ref(std::string_view reference) {
  reference = trim(reference);
  ImageRef ref;
  const size_t at = reference.find('@');
  if (at != std::string_view::npos) {
    ref.digest = std::string(reference.substr(at + 1));
    reference = reference.substr(0, at);
  }
  const size_t colon = reference.rfind(':');
  const size_t slash = reference.rfind('/');
  if (colon != std::string_view::npos && (slash == std::string_view::npos || colon > slash)) {
    ref.tag = std::string(reference.substr(colon + 1));
    reference = reference.substr(0, colon);
  }
  ref.name = normalize_name(reference);
  return ref;
}

// Reads the data line by line; every rejected row becomes a CatalogProblem and nothing throws.
class CatalogParser {
 public:
  explicit CatalogParser(Catalog& catalog) : catalog_(catalog) {}

  void run(std::string_view data) {
    if (data.starts_with("\xEF\xBB\xBF")) data.remove_prefix(3);
    for (std::string_view line : split(data, '\n')) {
      ++line_;
      const std::string_view content = trim(line);
      if (content.empty() || content.front() == '#') continue;
      if (line.ends_with('\r')) line.remove_suffix(1);
      std::vector<std::string_view> f = split(line, '\t');
      for (std::string_view& field : f) field = trim(field, " ");
      if (f[0] == "image" && count(f, 9)) {
        image_row(f);
      } else if (f[0] == "tag" && count(f, 11)) {
        tag_row(f);
      } else if (f[0] == "meta" && count(f, 3)) {
        if (f[1].empty()) fail("meta row without a key", f[2]);
        if (!f[1].empty()) catalog_.meta_[std::string(f[1])] = std::string(f[2]);
      } else if (f[0] == "format" && count(f, 3)) {
        if (f[1] != kFormatName || f[2] != kFormatVersion) fail("unsupported catalog format", f[2]);
      } else if (f[0] != "image" && f[0] != "tag" && f[0] != "meta" && f[0] != "format") {
        fail("unknown record kind", f[0]);
      }
    }
  }

 private:
  bool fail(std::string_view what, std::string_view value) {
    catalog_.problems_.push_back({line_, std::string(what) + " '" + std::string(value) + "'"});
    return false;
  }
  bool count(const std::vector<std::string_view>& f, size_t expected) {
    if (f.size() == expected) return true;
    return fail(std::to_string(f.size()) + " fields where " + std::to_string(expected) +
                    " are expected in row",
                f[0]);
  }
  bool package_manager(std::string_view s, std::string& out) {
    if (!known_package_manager(s)) return fail("unknown package manager", s);
    out = std::string(s);
    return true;
  }
  bool shell(std::string_view s, bool& out) {
    if (s != "yes" && s != "no") return fail("shell must be yes or no, not", s);
    out = s == "yes";
    return true;
  }
  // "name" or "name/uid".
  bool user(std::string_view s, std::string& name, std::optional<int>& uid) {
    const size_t slash = s.find('/');
    const std::string_view user_name = s.substr(0, slash);
    std::optional<int> number;
    if (slash != std::string_view::npos) {
      const std::string_view digits = s.substr(slash + 1);
      int value = 0;
      const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
      if (digits.empty() || ec != std::errc() || end != digits.data() + digits.size() ||
          value < 0) {
        return fail("bad user id in", s);
      }
      number = value;
    }
    if (user_name.empty() || user_name == "-") return fail("bad user", s);
    name = std::string(user_name);
    uid = number;
    return true;
  }
  // "-" is an unknown size (0); otherwise a plain non-negative number of MB.
  bool size(std::string_view s, double& out) {
    if (s == "-" || s.empty()) return (out = 0), true;
    double value = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    if (ec != std::errc() || end != s.data() + s.size() || !std::isfinite(value) || value < 0 ||
        value > 1e6) {
      return fail("bad size", s);
    }
    out = value;
    return true;
  }

  // image NAME PKG SHELL USER OTHER_USERS SLIMMER DEPRECATED_BY DESCRIPTION
  void image_row(const std::vector<std::string_view>& f) {
    ImageInfo info;
    info.name = normalize_name(f[1]);
    if (f[1].empty() || f[1] == "-" || info.name != f[1]) {
      return (void)fail("image name missing or not normalised", f[1]);
    }
    if (catalog_.index_.count(info.name)) return (void)fail("duplicate image", f[1]);
    if (!package_manager(f[2], info.package_manager) || !shell(f[3], info.has_shell) ||
        !user(f[4], info.default_user, info.default_uid)) {
      return;
    }
    for (const std::string& item : parse_list(f[5])) {
      KnownUser other;
      if (!user(item, other.name, other.uid)) return;
      info.other_users.push_back(std::move(other));
    }
    info.slimmer_variants = parse_list(f[6]);
    info.deprecated_by = parse_list(f[7]);
    info.description = std::string(f[8]);
    catalog_.index_.emplace(info.name, catalog_.images_.size());
    catalog_.images_.push_back(std::move(info));
  }

  // tag IMAGE TAG VARIANT ROLE AMD64_MB ARM64_MB PKG SHELL USER DIGEST
  void tag_row(const std::vector<std::string_view>& f) {
    const auto it = catalog_.index_.find(f[1]);
    if (it == catalog_.index_.end()) return (void)fail("tag row for an undeclared image", f[1]);
    ImageInfo& info = catalog_.images_[it->second];
    ImageTag tag;
    tag.name = std::string(f[2]);
    if (!valid_tag(f[2])) return (void)fail("invalid tag", f[2]);
    if (find_row(info, f[2])) return (void)fail("duplicate tag", f[2]);
    if (f[3] != "-" && !f[3].empty()) tag.variant = std::string(f[3]);
    if (!tag.variant.empty() && tag.name != tag.variant && !tag.name.ends_with("-" + tag.variant)) {
      return (void)fail("variant is not the end of its tag", f[3]);
    }
    tag.version = tag.variant.empty() ? tag.name : version_without(tag.name, tag.variant);
    if (f[4] != "build" && f[4] != "runtime")
      return (void)fail("role must be build or runtime, not", f[4]);
    tag.build_image = f[4] == "build";
    tag.package_manager = info.package_manager;
    tag.has_shell = info.has_shell;
    tag.default_user = info.default_user;
    tag.default_uid = info.default_uid;
    if (!size(f[5], tag.size_amd64_mb) || !size(f[6], tag.size_arm64_mb) ||
        (f[7] != "-" && !package_manager(f[7], tag.package_manager)) ||
        (f[8] != "-" && !shell(f[8], tag.has_shell)) ||
        (f[9] != "-" && !user(f[9], tag.default_user, tag.default_uid))) {
      return;
    }
    if (f[10] != "-" && !f[10].empty()) {
      if (!valid_digest(f[10])) return (void)fail("bad digest", f[10]);
      tag.digest = std::string(f[10]);
    }
    info.tags.push_back(std::move(tag));
  }

  Catalog& catalog_;
  size_t line_ = 0;
};

const Catalog& Catalog::embedded() {
  static const Catalog catalog = parse(embedded_catalog());
  return catalog;
}

Catalog Catalog::parse(std::string_view data) {
  Catalog catalog;
  CatalogParser(catalog).run(data);
  return catalog;
}

std::vector<std::string> Catalog::image_names() const {
  std::vector<std::string> names;
  names.reserve(images_.size());
  for (const ImageInfo& info : images_) names.push_back(info.name);
  return names;
}

const ImageInfo* Catalog::find(std::string_view name) const {
  const auto it = index_.find(split_image_ref(name).name);
  return it == index_.end() ? nullptr : &images_[it->second];
}

std::vector<ImageTag> Catalog::tags(std::string_view name) const {
  const ImageInfo* info = find(name);
  return info ? info->tags : std::vector<ImageTag>{};
}

size_t Catalog::tag_count() const {
  size_t count = 0;
  for (const ImageInfo& info : images_) count += info.tags.size();
  return count;
}

std::optional<std::string> Catalog::meta(std::string_view key) const {
  const auto it = meta_.find(key);
  return it == meta_.end() ? std::nullopt : std::optional(it->second);
}

TagMatch Catalog::match(std::string_view name, std::string_view tag) const {
  TagMatch m;
  m.image = find(name);
  if (!m.image) return m;
  const std::string_view wanted = tag.empty() ? std::string_view("latest") : tag;
  if (const ImageTag* row = find_row(*m.image, wanted)) {
    m.tag = row;
    m.exact = true;
    m.version = row->version;
    return m;
  }
  // The longest known variant in the tag as written, then in its loosened form.
  const std::string loose = loosen(wanted);
  const ImageTag* by_variant = nullptr;
  for (int pass = 0; pass < 2 && !by_variant; ++pass) {
    for (const ImageTag& row : m.image->tags) {
      const std::string variant = pass == 0 ? row.variant : loosen(row.variant);
      const std::string_view subject = pass == 0 ? wanted : std::string_view(loose);
      if (variant_in(subject, variant) &&
          (!by_variant || row.variant.size() > by_variant->variant.size())) {
        by_variant = &row;
        m.version = version_without(subject, variant);
      }
    }
  }
  if (!by_variant) m.version = std::string(wanted);
  m.tag = nearest_row(*m.image, by_variant ? by_variant->variant : std::string(), m.version);
  if (!m.tag && !m.image->tags.empty()) m.tag = &m.image->tags.front();
  return m;
}

bool Catalog::has_shell(std::string_view name, std::string_view tag) const {
  return fact(match(name, tag), &ImageTag::has_shell, &ImageInfo::has_shell).value_or(true);
}

std::optional<std::string> Catalog::default_user(std::string_view name,
                                                 std::string_view tag) const {
  return fact(match(name, tag), &ImageTag::default_user, &ImageInfo::default_user);
}

std::optional<int> Catalog::default_uid(std::string_view name, std::string_view tag) const {
  return fact(match(name, tag), &ImageTag::default_uid, &ImageInfo::default_uid)
      .value_or(std::nullopt);
}

std::optional<std::string> Catalog::package_manager(std::string_view name,
                                                    std::string_view tag) const {
  return fact(match(name, tag), &ImageTag::package_manager, &ImageInfo::package_manager);
}

bool Catalog::is_build_image(std::string_view name, std::string_view tag) const {
  const TagMatch m = match(name, tag);
  return m.tag && m.tag->build_image;
}

std::vector<std::string> Catalog::slimmer_alternatives(std::string_view name,
                                                       std::string_view tag) const {
  const TagMatch m = match(name, tag);
  std::vector<std::string> out;
  if (!m.image) return out;
  const ImageInfo& image = *m.image;
  const double current = m.tag ? m.tag->size_amd64_mb : 0;
  // At least a tenth smaller; an unknown size on either side does not exclude.
  const auto smaller = [&](double size) {
    return current <= 0 || size <= 0 || size < current * 0.9;
  };
  const auto add = [&](std::string ref) {
    if (std::find(out.begin(), out.end(), ref) == out.end()) out.push_back(std::move(ref));
  };
  const std::string lookup_version = m.tag ? m.tag->version : std::string();
  const std::string variant = m.tag ? m.tag->variant : std::string();
  // The tags a "-suffix" entry may stand for, most specific first: 22-bookworm-slim,
  // 3.13-slim-bookworm, then 22-slim (slim alone for latest).
  const auto forms = [&](const std::string& version, const std::string& suffix) {
    const auto join = [&](const std::string& rest) {
      return version.empty() ? rest : version + "-" + rest;
    };
    std::vector<std::string> result;
    if (!variant.empty()) {
      result.push_back(join(variant + "-" + suffix));
      result.push_back(join(suffix + "-" + variant));
    }
    result.push_back(join(suffix));
    if (version == "latest") result.push_back(suffix);
    return result;
  };
  for (const std::string& entry : image.slimmer_variants) {
    if (entry.starts_with('-')) {
      const std::vector<std::string> lookups = forms(lookup_version, entry.substr(1));
      const std::vector<std::string> outputs = forms(m.version, entry.substr(1));
      for (size_t i = 0; i < lookups.size(); ++i) {
        const ImageTag* row = find_row(image, lookups[i]);
        if (!row) continue;
        // The two lists differ in length when only one version is "latest".
        const std::string& output = outputs[std::min(i, outputs.size() - 1)];
        if (row != m.tag && smaller(row->size_amd64_mb)) add(image.name + ":" + output);
        break;
      }
    } else if (entry.starts_with(':')) {
      const ImageTag* row = find_row(image, std::string_view(entry).substr(1));
      if (row && row != m.tag && smaller(row->size_amd64_mb)) add(image.name + entry);
    } else {
      const ImageRef ref = split_image_ref(entry);
      if (ref.name == image.name) continue;
      const TagMatch target = match(ref.name, ref.tag);
      if (smaller(target.tag ? target.tag->size_amd64_mb : 0)) add(entry);
    }
  }
  return out;
}

}  // namespace dfls::images
