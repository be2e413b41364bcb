#include "cli/file_search.h"

#include <algorithm>
#include <filesystem>
#include <system_error>

namespace dfls::cli {

namespace fs = std::filesystem;

namespace {

void search(const fs::path& dir, const std::string& display_dir, std::vector<InputFile>& out,
            std::vector<std::string>& errors) {
  std::error_code ec;
  std::vector<fs::directory_entry> entries;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) entries.push_back(*it);
  if (ec) {
    errors.push_back("cannot read directory '" + display_dir + "': " + ec.message());
    return;
  }
  std::sort(entries.begin(), entries.end(),
            [](const auto& a, const auto& b) { return a.path().filename() < b.path().filename(); });
  for (const fs::directory_entry& e : entries) {
    std::string name = e.path().filename().string();
    std::string display = display_dir.empty() ? name : display_dir + "/" + name;
    std::error_code type_ec;
    // Symbolic links to directories are not followed, which keeps the walk finite.
    if (e.is_directory(type_ec) && !e.is_symlink(type_ec)) {
      if (name != ".git" && name != "node_modules") search(e.path(), display, out, errors);
    } else if (is_dockerfile_name(name) && e.is_regular_file(type_ec)) {
      out.push_back({display, e.path().string()});
    }
  }
}

}  // namespace

bool is_dockerfile_name(std::string_view name) {
  for (std::string_view base : {"Dockerfile", "Containerfile"})
    if (name == base || (name.starts_with(base) && name.size() > base.size() && name[base.size()] == '.'))
      return true;
  return name.size() > 11 && (name.ends_with(".Dockerfile") || name.ends_with(".dockerfile"));
}

std::vector<InputFile> collect_inputs(const std::vector<std::string>& paths,
                                      std::vector<std::string>& errors) {
  std::vector<InputFile> out;
  for (const std::string& p : paths) {
    if (p == "-") {
      out.push_back({"<stdin>", "-"});
      continue;
    }
    std::error_code ec;
    fs::file_status st = fs::status(p, ec);
    if (ec || !fs::exists(st)) {
      errors.push_back("cannot read '" + p + "': " +
                       (ec ? ec.message() : std::make_error_code(std::errc::no_such_file_or_directory).message()));
      continue;
    }
    if (fs::is_directory(st)) {
      std::string display = p;
      while (display.size() > 1 && display.back() == '/') display.pop_back();
      if (display == ".") display.clear();
      search(p, display, out, errors);
    } else {
      out.push_back({p, p});
    }
  }
  return out;
}

}  // namespace dfls::cli
