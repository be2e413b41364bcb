// CopyIgnoredFile (BuildKit): a COPY or ADD source from the build context matches .dockerignore,
// so it is not in the context and the instruction copies nothing (or fails). Sources taken from
// another stage or image (--from) are not checked. As BuildKit does, the rule stays silent when
// the .dockerignore has any `!` exception (what is included again is too hard to tell
// statically), and the whole context (`.` or `/`) counts as ignored only for the patterns `*`,
// `**` and `**/*`.
//
// The ignore file is `<Dockerfile>.dockerignore` beside the Dockerfile when it exists, else
// `.dockerignore` in the build context (the configured context directory, or the Dockerfile's
// directory). It is read at most once per change: a small cache keyed by path and modification
// time keeps the rule cheap enough to run on every keystroke.
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <sstream>

#include "core/config.h"
#include "core/dockerignore.h"
#include "core/expand.h"
#include "core/model/model.h"
#include "rules/rule.h"
#include "rules/rule_helpers.h"

namespace dfls {

namespace {

namespace fs = std::filesystem;

struct CachedIgnore {
  fs::file_time_type mtime;
  uintmax_t size = 0;
  std::shared_ptr<const DockerIgnore> ignore;
};

// The parsed ignore file at path, or nullptr when there is none.
std::shared_ptr<const DockerIgnore> load_ignore(const std::string& path) {
  static std::mutex mutex;
  static std::map<std::string, CachedIgnore> cache;
  std::error_code ec;
  auto mtime = fs::last_write_time(path, ec);
  if (ec) return nullptr;
  uintmax_t size = fs::file_size(path, ec);
  if (ec) return nullptr;
  {
    std::lock_guard<std::mutex> lock(mutex);
    auto it = cache.find(path);
    if (it != cache.end() && it->second.mtime == mtime && it->second.size == size) return it->second.ignore;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return nullptr;
  std::ostringstream buf;
  buf << in.rdbuf();
  auto ignore = std::make_shared<const DockerIgnore>(DockerIgnore::parse(buf.str()));
  std::lock_guard<std::mutex> lock(mutex);
  if (cache.size() >= 32) cache.clear();
  cache[path] = {mtime, size, ignore};
  return ignore;
}

std::shared_ptr<const DockerIgnore> ignore_for(const RuleContext& ctx) {
  std::optional<std::string> dockerfile = rules::uri_to_path(ctx.doc.uri());
  if (dockerfile) {
    auto own = load_ignore(*dockerfile + ".dockerignore");
    if (own) return own;
  }
  std::string dir;
  if (ctx.config.context_dir) dir = *ctx.config.context_dir;
  else if (dockerfile) dir = fs::path(*dockerfile).parent_path().string();
  else return nullptr;
  return load_ignore((fs::path(dir) / ".dockerignore").string());
}

bool is_remote(std::string_view src) {
  return src.find("://") != std::string_view::npos || src.starts_with("git@");
}

struct Source {
  std::string raw;
  ByteRange range;
};

void check_copy_ignored_file(RuleContext& ctx) {
  const model::Model& m = ctx.doc.model();
  bool any = false;
  for (const model::Instruction& ins : m.instructions)
    if ((ins.kind == model::Kind::Copy || ins.kind == model::Kind::Add) && !ins.inside_onbuild) any = true;
  if (!any) return;
  auto ignore = ignore_for(ctx);
  if (!ignore || ignore->has_exceptions()) return;
  bool ignores_everything = false;
  for (const auto& p : ignore->compiled())
    if (p.text == "*" || p.text == "**" || p.text == "**/*") ignores_everything = true;

  for (const model::Instruction& ins : m.instructions) {
    if ((ins.kind != model::Kind::Copy && ins.kind != model::Kind::Add) || ins.inside_onbuild) continue;
    if (ins.flag("from")) continue;
    std::vector<Source> sources;
    if (ins.json_form) {
      for (size_t i = 0; i + 1 < ins.json_args.size(); ++i)
        sources.push_back({ins.json_args[i].text, {ins.json_args[i].span.start + 1, ins.json_args[i].span.end - 1}});
    } else {
      rules::InstructionLine line = rules::read_instruction_line(ctx.doc, ins);
      auto words = line.whitespace_words();
      for (size_t i = 0; i + 1 < words.size(); ++i)
        if (words[i].text.find("<<") == std::string::npos) sources.push_back({words[i].text, line.range(words[i])});
    }
    VarLookup lookup = rules::lookup_at(m, ins);
    const char* verb = ins.kind == model::Kind::Copy ? "COPY" : "ADD";
    for (const Source& src : sources) {
      if (is_remote(src.raw)) continue;
      std::string value = src.raw;
      if (ins.json_form && value.find('$') != std::string::npos) continue;
      if (!ins.json_form) {
        ExpandResult r = expand(src.raw, lookup, m.escape);
        if (r.error || r.unknown) continue;
        value = r.value;
      }
      std::string path = clean_path(value);
      while (path.starts_with("/")) path.erase(0, 1);
      if (path.empty() || path == ".") {
        if (ignores_everything)
          ctx.report(src.range, std::string(verb) + " copies the whole build context, which .dockerignore excludes entirely");
        continue;
      }
      int decider = ignore->deciding_pattern(path);
      if (decider < 0 || ignore->compiled()[decider].exclusion) continue;
      const auto& p = ignore->compiled()[decider];
      ctx.report(src.range, std::string(verb) + " source '" + value + "' is excluded by .dockerignore (pattern '" +
                                p.text + "' on line " + std::to_string(p.line + 1) + ")");
    }
  }
}

}  // namespace

extern const Rule kRuleCopyIgnoredFile = {
    .id = "CopyIgnoredFile",
    .default_severity = Severity::Warning,
    .summary = "COPY or ADD of a file that .dockerignore excludes",
    .check = check_copy_ignored_file,
    .buildkit_name = "CopyIgnoredFile",
};

}  // namespace dfls
