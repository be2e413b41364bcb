// Instruction keywords (and ONBUILD triggers), parser directive names and values.
#include <algorithm>
#include <cctype>

#include "features/completion_internal.h"
#include "features/docs_data.h"
#include "rules/rule.h"

namespace dfls::completion_detail {

namespace {

using model::Kind;

struct KeywordEntry {
  Kind kind;
  std::string_view snippet;  // What follows the keyword, with snippet placeholders.
  bool retrigger;            // Plain "KEYWORD " then ask again (FROM lists images).
};

// In the order most Dockerfiles use them.
constexpr KeywordEntry kKeywords[] = {
    {Kind::From, "", true},
    {Kind::Run, " ${1:command}", false},
    {Kind::Copy, " ${1:src} ${2:dest}", false},
    {Kind::Workdir, " ${1:/app}", false},
    {Kind::Env, " ${1:key}=${2:value}", false},
    {Kind::Arg, " ${1:name}", false},
    {Kind::Expose, " ${1:8080}", false},
    {Kind::Cmd, " [\"${1:executable}\", \"${2:arg}\"]", false},
    {Kind::Entrypoint, " [\"${1:executable}\"]", false},
    {Kind::User, " ${1:user}", false},
    {Kind::Label, " ${1:key}=\"${2:value}\"", false},
    {Kind::Add, " ${1:src} ${2:dest}", false},
    {Kind::Healthcheck, " --interval=${1:30s} --timeout=${2:30s} --start-period=${3:0s} --retries=${4:3} "
                        "@CMD ${5:command}", false},
    {Kind::Volume, " [\"${1:/data}\"]", false},
    {Kind::Shell, " [\"${1:/bin/bash}\", \"${2:-c}\"]", false},
    {Kind::Stopsignal, " ${1:SIGTERM}", false},
    {Kind::Onbuild, "", true},
    {Kind::Maintainer, " ${1:name}", false},
};

std::string cased(std::string_view keyword, bool lower) {
  std::string out(keyword);
  if (lower)
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// The file's keyword casing, from the instructions around the cursor (BuildKit's rule: the
// majority of all-lowercase or all-uppercase keywords; a tie means uppercase).
bool lowercase_file(const model::Model& m, int around) {
  int lower = 0, upper = 0;
  int n = static_cast<int>(m.instructions.size());
  for (int i = std::max(0, around - 32); i < std::min(n, around + 32); ++i) {
    const std::string& k = m.instructions[i].keyword;
    if (k.empty()) continue;
    bool all_lower = std::none_of(k.begin(), k.end(), [](char c) { return std::isupper(static_cast<unsigned char>(c)); });
    bool all_upper = std::none_of(k.begin(), k.end(), [](char c) { return std::islower(static_cast<unsigned char>(c)); });
    lower += all_lower;
    upper += all_upper;
  }
  return lower > upper;
}

}  // namespace

void complete_keywords(Builder& b) {
  const CursorContext& ctx = b.ctx;
  bool lower = lowercase_file(b.model(), ctx.instruction_index);
  // Only ARG and FROM may come before the first FROM.
  bool before_first_from = ctx.stage < 0 && !ctx.onbuild;
  bool rest_empty = true;
  for (char c : ctx.line.text.substr(std::min(ctx.line.text.size(), ctx.cursor)))
    if (!std::isspace(static_cast<unsigned char>(c))) rest_empty = false;
  int rank = 0;
  for (const auto& entry : kKeywords) {
    ++rank;
    if (before_first_from && entry.kind != Kind::From && entry.kind != Kind::Arg) continue;
    if (ctx.onbuild && (entry.kind == Kind::Onbuild || entry.kind == Kind::From || entry.kind == Kind::Maintainer))
      continue;
    std::string keyword = cased(model::kind_keyword(entry.kind), lower);
    auto& item = b.add(keyword, CompletionKind::Keyword, sort_key(0, rank));
    item.documentation_key = "instruction/" + std::string(model::kind_keyword(entry.kind));
    if (const auto* d = docs::instruction_doc(entry.kind)) item.detail = d->summary;
    item.deprecated = entry.kind == Kind::Maintainer;
    if (!rest_empty) continue;  // Text follows the keyword: insert the word alone.
    if (entry.retrigger || !b.options.snippets) {
      item.insert_text = keyword + " ";
      item.retrigger = entry.retrigger;
      continue;
    }
    std::string snippet(entry.snippet);
    if (size_t at = snippet.find("@CMD"); at != std::string::npos) snippet.replace(at, 4, cased("CMD", lower));
    item.insert_text = keyword + snippet;
    item.snippet = true;
    item.kind = CompletionKind::Snippet;
  }
}

void complete_directive_names(Builder& b) {
  const model::Model& m = b.model();
  int rank = 0;
  for (const auto& d : docs::directives()) {
    ++rank;
    bool present = false;
    for (const auto& existing : m.directives)
      if (existing.name == d.name && !existing.span.contains(b.ctx.offset)) present = true;
    if (present) continue;
    auto& item = b.add(std::string(d.name), CompletionKind::Directive, sort_key(0, rank));
    item.insert_text += "=";
    item.retrigger = true;
    item.detail = "parser directive";
    item.documentation_key = "directive/" + std::string(d.name);
  }
}

void complete_directive_values(Builder& b) {
  const CursorContext& ctx = b.ctx;
  if (ctx.directive == "syntax") {
    b.add("docker/dockerfile:1", CompletionKind::Value, sort_key(0, 0)).detail = "the latest stable 1.x syntax";
    b.add("docker/dockerfile:1-labs", CompletionKind::Value, sort_key(0, 1)).detail = "1.x with the labs features";
    return;
  }
  if (ctx.directive == "escape") {
    b.add("\\", CompletionKind::Value, sort_key(0, 0)).detail = "backslash (the default)";
    b.add("`", CompletionKind::Value, sort_key(0, 1)).detail = "backtick (for Windows paths)";
    return;
  }
  if (ctx.directive != "check") return;
  // "skip=A,B;error=true;experimental=all": the part and the list item under the cursor.
  std::string_view typed = ctx.prefix_text;
  size_t part = typed.rfind(';');
  part = part == std::string_view::npos ? 0 : part + 1;
  std::vector<std::string> used_keys;
  for (size_t p = 0; p < part;) {
    size_t semi = typed.find(';', p), eq = typed.find('=', p);
    if (eq < semi) {
      std::string key(typed.substr(p, eq - p));
      key.erase(0, key.find_first_not_of(' '));
      used_keys.push_back(key);
    }
    p = semi == std::string_view::npos ? typed.size() : semi + 1;
  }
  std::string_view cur = typed.substr(part);
  size_t lead = cur.find_first_not_of(' ');
  if (lead == std::string_view::npos) lead = cur.size();
  size_t eq = cur.find('=');
  if (eq == std::string_view::npos) {
    ByteRange at{ctx.prefix.start + part + lead, ctx.offset};
    int rank = 0;
    for (std::string_view key : {"skip", "error", "experimental"}) {
      ++rank;
      if (std::find(used_keys.begin(), used_keys.end(), key) != used_keys.end()) continue;
      auto& item = b.add_at(at, std::string(key), CompletionKind::Value, sort_key(0, rank));
      item.insert_text += "=";
      item.retrigger = true;
      item.detail = key == "skip" ? "rules to turn off" : key == "error" ? "fail the build on a violation"
                                                                           : "experimental rules to run";
    }
    return;
  }
  std::string key(cur.substr(lead, eq - lead));
  std::string_view values = cur.substr(eq + 1);
  size_t comma = values.rfind(',');
  size_t item_start = comma == std::string_view::npos ? 0 : comma + 1;
  ByteRange at{ctx.prefix.start + part + eq + 1 + item_start, ctx.offset};
  if (key == "error") {
    b.add_at(at, "true", CompletionKind::Value, sort_key(0, 0)).detail = "violations fail the build";
    b.add_at(at, "false", CompletionKind::Value, sort_key(0, 1)).detail = "violations are warnings";
    return;
  }
  if (key != "skip" && key != "experimental") return;
  std::string_view listed = values.substr(0, item_start);
  auto already = [&](std::string_view id) {
    for (size_t p = 0; p < listed.size();) {
      size_t c = listed.find(',', p);
      if (c == std::string_view::npos) c = listed.size();
      if (listed.substr(p, c - p) == id) return true;
      p = c + 1;
    }
    return false;
  };
  if (listed.empty()) b.add_at(at, "all", CompletionKind::Value, sort_key(0, 0)).detail = "every rule";
  int rank = 0;
  for (const Rule& r : all_rules()) {
    ++rank;
    bool experimental = !r.enabled_by_default && !r.buildkit_name.empty();
    if (key == "experimental" && !experimental) continue;
    if (already(r.id)) continue;
    auto& item = b.add_at(at, std::string(r.id), CompletionKind::Rule,
                          sort_key(r.buildkit_name.empty() ? 20 : 10, rank));
    item.detail = r.summary;
    item.documentation_key = "rule/" + std::string(r.id);
  }
}

}  // namespace dfls::completion_detail
