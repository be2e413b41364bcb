#include "features/links.h"

#include <algorithm>

#include "core/model/model.h"

namespace dfls {

namespace {

using model::StageRefKind;

// The length of the name of an image reference as written, without its ":tag" and "@digest"
// (a `:` or `@` inside `${...}` belongs to the variable).
size_t name_length(std::string_view written) {
  size_t end = written.size(), colon = std::string_view::npos;
  int braces = 0;
  for (size_t i = 0; i < written.size() && end == written.size(); ++i) {
    char c = written[i];
    if (c == '$' && i + 1 < written.size() && written[i + 1] == '{') {
      ++braces;
      ++i;
    } else if (c == '}' && braces > 0) {
      --braces;
    } else if (braces == 0 && c == '@') {
      end = i;
    } else if (braces == 0 && c == '/') {
      colon = std::string_view::npos;
    } else if (braces == 0 && c == ':' && colon == std::string_view::npos) {
      colon = i;
    }
  }
  return std::min(end, colon);
}

bool is_url(std::string_view s) {
  return (s.starts_with("https://") || s.starts_with("http://")) &&
         s.find_first_of("$ \t\\\"'") == std::string_view::npos;
}

// The first element of a repository path and the rest ("proj", "app/web" for "proj/app/web").
std::pair<std::string, std::string> split_first(const std::string& repository) {
  size_t slash = repository.find('/');
  if (slash == std::string::npos) return {repository, ""};
  return {repository.substr(0, slash), repository.substr(slash + 1)};
}

std::string replace_slashes(std::string s) {
  std::string out;
  for (char c : s) out += c == '/' ? std::string("%2F") : std::string(1, c);
  return out;
}

class Linker {
 public:
  explicit Linker(const Document& doc) : text_(doc.text()), model_(doc.model()) {}

  std::vector<DocumentLink> run() {
    if (const model::Directive* syntax = model_.directive("syntax"))
      image(syntax->value_span, parse_image_ref(syntax->value));
    for (const auto& stage : model_.stages)
      if (!stage.base_span.empty() && !names_stage(stage.base_span)) image(stage.base_span, stage.base);
    for (const auto& ref : model_.stage_refs)
      if (ref.kind != StageRefKind::FromBase && ref.target < 0 && !ref.numeric)
        image(ref.span, parse_image_ref(ref.text));
    for (const auto& ins : model_.instructions)
      if (ins.kind == model::Kind::Add) add_urls(ins);
    std::sort(out_.begin(), out_.end(), [](const DocumentLink& a, const DocumentLink& b) {
      return a.range.start < b.range.start;
    });
    return std::move(out_);
  }

 private:
  bool names_stage(ByteRange span) const {
    for (const auto& ref : model_.stage_refs)
      if (ref.kind == StageRefKind::FromBase && ref.span == span) return true;
    return false;
  }

  // A link on the image name as written (not its tag, which may hold variables), or on the whole
  // reference when its name is written with variables that resolved names.
  void image(ByteRange span, const ImageRef& resolved) {
    std::string_view written = text_.substr(span.start, span.size());
    if (written.empty() || written.find_first_of("\"'") != std::string_view::npos) return;
    size_t name_end = name_length(written);
    std::string_view name = written.substr(0, name_end);
    bool literal = name.find('$') == std::string_view::npos;
    ImageRef ref = literal ? parse_image_ref(name) : resolved;
    ImagePage page = image_page(ref);
    if (page.url.empty()) return;
    ByteRange range = literal ? ByteRange{span.start, span.start + name_end} : span;
    out_.push_back({range, page.url, "Open " + ref.familiar_name() + " on " + page.site});
  }

  void add_urls(const model::Instruction& ins) {
    const auto& words = ins.json_form ? ins.json_args : ins.args;
    for (const auto& w : words) {
      ByteRange r = w.span;
      std::string_view written = text_.substr(r.start, r.size());
      if (written.size() >= 2 && (written.front() == '"' || written.front() == '\'') &&
          written.back() == written.front()) {
        ++r.start;
        --r.end;
        written = written.substr(1, written.size() - 2);
      }
      if (is_url(written)) out_.push_back({r, std::string(written), ""});
    }
  }

  std::string_view text_;
  const model::Model& model_;
  std::vector<DocumentLink> out_;
};

}  // namespace

ImagePage image_page(const ImageRef& ref) {
  if (!ref.valid || ref.has_variables || ref.is_scratch()) return {};
  const std::string& host = ref.registry;
  const std::string& repository = ref.repository;
  auto [first, rest] = split_first(repository);
  if (host == "docker.io") {
    if (ref.is_official()) return {"https://hub.docker.com/_/" + rest, "Docker Hub"};
    return {"https://hub.docker.com/r/" + repository, "Docker Hub"};
  }
  // A browser opening ghcr.io/<owner>/<name> is sent on to the package's GitHub page.
  if (host == "ghcr.io") return {"https://ghcr.io/" + repository, "GitHub"};
  if (host == "mcr.microsoft.com")
    return {"https://mcr.microsoft.com/artifact/mar/" + repository, "Microsoft Artifact Registry"};
  if (host == "quay.io") return {"https://quay.io/repository/" + repository, "Quay"};
  if (host == "public.ecr.aws") return {"https://gallery.ecr.aws/" + repository, "Amazon ECR Public Gallery"};
  if ((host == "gcr.io" || host.ends_with(".gcr.io")) && !rest.empty()) {
    std::string location = host == "gcr.io" ? "global" : host.substr(0, host.find('.'));
    return {"https://console.cloud.google.com/gcr/images/" + first + "/" + location + "/" + rest,
            "Google Container Registry"};
  }
  constexpr std::string_view kArtifactRegistry = "-docker.pkg.dev";
  if (host.ends_with(kArtifactRegistry)) {
    auto [repo, image] = split_first(rest);
    if (image.empty()) return {};
    std::string region = host.substr(0, host.size() - kArtifactRegistry.size());
    return {"https://console.cloud.google.com/artifacts/docker/" + first + "/" + region + "/" + repo + "/" +
                replace_slashes(image),
            "Google Artifact Registry"};
  }
  return {};
}

std::vector<DocumentLink> document_links(const Document& doc) { return Linker(doc).run(); }

}  // namespace dfls
