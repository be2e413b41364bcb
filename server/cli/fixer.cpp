#include "cli/fixer.h"

#include <fstream>
#include <set>
#include <sstream>

#include "core/text_edit.h"
#include "rules/run_rules.h"

namespace dfls::cli {

namespace {

const Fix* first_fix(const Diag& d, bool unsafe) {
  for (const Fix& f : d.fixes)
    if (f.safe || unsafe) return &f;
  return nullptr;
}

bool overlaps_any(const std::vector<TextEdit>& edits, const std::vector<TextEdit>& taken) {
  for (const TextEdit& e : edits)
    for (const TextEdit& t : taken)
      if (edits_overlap(e, t)) return true;
  return false;
}

ChangedFile read_other_file(const std::string& path) {
  ChangedFile f;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    f.existed = false;
    return f;
  }
  std::ostringstream s;
  s << in.rdbuf();
  f.original = f.text = s.str();
  return f;
}

}  // namespace

FixResult apply_fixes(const std::string& uri, std::string text, const Config& config, FixPolicy policy) {
  return apply_fixes(uri, std::move(text), config, all_rules(), policy);
}

FixResult apply_fixes(const std::string& uri, std::string text, const Config& config, std::span<const Rule> rules,
                      FixPolicy policy) {
  FixResult result;
  std::set<std::string> done_files;  // Other files edited in an earlier round.
  for (int round = 0; round < policy.max_rounds; ++round) {
    auto doc = Document::create(uri, round, text);
    std::vector<Diag> diags = run_rules(*doc, config, rules);
    std::vector<TextEdit> taken;
    std::map<std::string, std::vector<TextEdit>> taken_other;
    size_t applied = 0;
    for (const Diag& d : diags) {
      const Fix* fix = first_fix(d, policy.unsafe);
      if (!fix || edits_conflict(fix->edits, text.size()) || overlaps_any(fix->edits, taken)) continue;
      // Edits of other files: all of them must fit, or the fix waits for a later round.
      bool fits = true;
      for (const FileEdit& fe : fix->file_edits) {
        if (done_files.count(fe.path)) continue;
        auto it = result.other_files.find(fe.path);
        if (it == result.other_files.end()) it = result.other_files.emplace(fe.path, read_other_file(fe.path)).first;
        auto& others = taken_other[fe.path];
        if (edits_conflict(fe.edits, it->second.text.size()) || overlaps_any(fe.edits, others)) fits = false;
      }
      if (!fits) continue;
      bool any = !fix->edits.empty();
      taken.insert(taken.end(), fix->edits.begin(), fix->edits.end());
      for (const FileEdit& fe : fix->file_edits) {
        if (done_files.count(fe.path) || fe.edits.empty()) continue;
        auto& others = taken_other[fe.path];
        others.insert(others.end(), fe.edits.begin(), fe.edits.end());
        any = true;
      }
      if (any) ++applied;
    }
    if (applied == 0) break;
    result.applied += applied;
    text = apply_edits(text, taken);
    for (auto& [path, edits] : taken_other) {
      if (edits.empty()) continue;
      ChangedFile& f = result.other_files[path];
      f.text = apply_edits(f.text, edits);
      done_files.insert(path);
    }
  }
  // Files that were read but not changed are not reported.
  for (auto it = result.other_files.begin(); it != result.other_files.end();) {
    const ChangedFile& f = it->second;
    if (!done_files.count(it->first) || (f.existed && f.text == f.original))
      it = result.other_files.erase(it);
    else
      ++it;
  }
  result.text = std::move(text);
  return result;
}

}  // namespace dfls::cli
