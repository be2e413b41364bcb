#include "cli/check.h"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <set>
#include <iterator>
#include <thread>

#include "cli/file_search.h"
#include "cli/fixer.h"
#include "cli/output.h"
#include "cli/unified_diff.h"
#include "core/project_config.h"
#include "rules/run_rules.h"

namespace dfls::cli {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kUsage =
    "usage: dockerfile-ls check [options] PATH...\n"
    "Checks Dockerfiles. A directory is searched for Dockerfile, Containerfile, *.Dockerfile,\n"
    "*.dockerfile, Dockerfile.* and Containerfile.*; '-' reads standard input.\n"
    "\n"
    "options:\n"
    "  --format FORMAT             text (default), json, sarif, checkstyle or gnu\n"
    "  --config FILE               read settings from FILE instead of the nearest\n"
    "                              .dockerfile-ls.yaml and .hadolint.yaml\n"
    "  --context DIR               the build context (default: each Dockerfile's directory)\n"
    "  --severity-threshold LEVEL  exit with 1 when a finding is at or above LEVEL:\n"
    "                              error, warning (default), info or hint\n"
    "  --fix                       apply the safe fixes, then report what remains\n"
    "  --fix-dry-run               print what --fix would change as a unified diff\n"
    "  --unsafe-fixes              with --fix or --fix-dry-run, also the fixes that change\n"
    "                              more than the finding (split a stage, add a USER, ...)\n"
    "  --no-color                  no colors in text output\n"
    "  -h, --help                  show this help\n";

enum class FixMode { None, Apply, DryRun };

struct CommandLine {
  Format format = Format::Text;
  std::optional<std::string> config_file;
  std::optional<std::string> context;
  Severity threshold = Severity::Warning;
  FixMode fix = FixMode::None;
  bool unsafe_fixes = false;
  bool color = true;
  bool help = false;
  std::vector<std::string> paths;
};

// Parses the arguments; returns nothing after writing the reason to error.
std::optional<CommandLine> parse_command_line(const std::vector<std::string>& args, std::string& error) {
  CommandLine cl;
  bool options_done = false;
  for (size_t i = 0; i < args.size(); ++i) {
    std::string arg = args[i];
    if (options_done || arg == "-" || !arg.starts_with("-")) {
      cl.paths.push_back(arg);
      continue;
    }
    if (arg == "--") {
      options_done = true;
      continue;
    }
    std::optional<std::string> inline_value;
    if (size_t eq = arg.find('='); arg.starts_with("--") && eq != std::string::npos) {
      inline_value = arg.substr(eq + 1);
      arg = arg.substr(0, eq);
    }
    auto value = [&]() -> std::optional<std::string> {
      if (inline_value) return inline_value;
      if (i + 1 < args.size()) return args[++i];
      error = "option '" + arg + "' needs a value";
      return std::nullopt;
    };
    auto flag = [&]() {
      if (inline_value) error = "option '" + arg + "' takes no value";
      return !inline_value;
    };
    if (arg == "--format") {
      auto v = value();
      if (!v) return std::nullopt;
      auto f = parse_format(*v);
      if (!f) {
        error = "unknown format '" + *v + "' (expected text, json, sarif, checkstyle or gnu)";
        return std::nullopt;
      }
      cl.format = *f;
    } else if (arg == "--config" || arg == "--context") {
      auto v = value();
      if (!v) return std::nullopt;
      (arg == "--config" ? cl.config_file : cl.context) = *v;
    } else if (arg == "--severity-threshold") {
      auto v = value();
      if (!v) return std::nullopt;
      auto s = parse_severity(*v);
      if (!s) {
        error = "unknown severity '" + *v + "' (expected error, warning, info or hint)";
        return std::nullopt;
      }
      cl.threshold = *s;
    } else if (arg == "--fix" || arg == "--fix-dry-run") {
      if (!flag()) return std::nullopt;
      FixMode mode = arg == "--fix" ? FixMode::Apply : FixMode::DryRun;
      if (cl.fix != FixMode::None && cl.fix != mode) {
        error = "--fix and --fix-dry-run cannot be used together";
        return std::nullopt;
      }
      cl.fix = mode;
    } else if (arg == "--unsafe-fixes") {
      if (!flag()) return std::nullopt;
      cl.unsafe_fixes = true;
    } else if (arg == "--no-color") {
      if (!flag()) return std::nullopt;
      cl.color = false;
    } else if (arg == "-h" || arg == "--help") {
      cl.help = true;
    } else {
      error = "unknown option '" + arg + "'";
      return std::nullopt;
    }
  }
  if (!cl.help && cl.paths.empty()) {
    error = "no PATH given";
    return std::nullopt;
  }
  return cl;
}

struct Outcome {
  std::vector<Finding> findings;
  std::vector<std::string> problems;  // Of the configuration files.
  std::vector<std::string> errors;    // I/O errors.
  std::string diff;                   // What --fix would change (--fix-dry-run).
};

std::optional<std::string> read_input(const InputFile& input, std::string& error) {
  if (input.path == "-") return std::string(std::istreambuf_iterator<char>(std::cin), {});
  errno = 0;
  std::ifstream in(input.path, std::ios::binary);
  if (!in) {
    error = errno ? std::error_code(errno, std::generic_category()).message() : "cannot open";
    return std::nullopt;
  }
  std::string text(std::istreambuf_iterator<char>(in), {});
  if (in.bad()) {
    error = "read error";
    return std::nullopt;
  }
  return text;
}

bool write_file(const std::string& path, std::string_view text, std::string& error) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
  out.close();
  if (!out) error = "cannot write '" + path + "'";
  return static_cast<bool>(out);
}

// A path as shown for files the fixes change: relative to the working directory when inside it.
std::string shown_path(const fs::path& abs) {
  std::error_code ec;
  fs::path rel = abs.lexically_relative(fs::current_path(ec));
  if (ec || rel.empty() || *rel.begin() == "..") return abs.string();
  return rel.string();
}

std::string diff_name(std::string_view prefix, std::string_view path) {
  while (!path.empty() && path.front() == '/') path.remove_prefix(1);
  return std::string(prefix) + std::string(path);
}

Outcome check_one(const InputFile& input, const CommandLine& cl, const std::optional<Config>& shared,
                  std::span<const Rule> rules) {
  Outcome o;
  std::string error;
  auto text = read_input(input, error);
  if (!text) {
    o.errors.push_back("cannot read '" + input.display + "': " + error);
    return o;
  }
  std::error_code ec;
  fs::path abs = input.path == "-" ? fs::current_path(ec) / "Dockerfile" : fs::absolute(input.path, ec);
  abs = abs.lexically_normal();
  Config config = shared ? *shared : load_project_config(abs.string(), rules);
  o.problems = config.problems;
  if (cl.context)
    config.context_dir = fs::absolute(*cl.context, ec).lexically_normal().string();
  else if (!config.context_dir)
    config.context_dir = abs.parent_path().string();
  std::string uri = path_uri(abs.string());

  std::string final_text = *text;
  if (cl.fix != FixMode::None) {
    if (input.path == "-") {
      o.errors.push_back("cannot fix standard input");
      return o;
    }
    FixResult fixed = apply_fixes(uri, *text, config, rules, {.unsafe = cl.unsafe_fixes});
    if (cl.fix == FixMode::DryRun) {
      o.diff = unified_diff(*text, fixed.text, diff_name("a/", input.display), diff_name("b/", input.display));
      for (const auto& [path, file] : fixed.other_files) {
        std::string shown = shown_path(path);
        o.diff += unified_diff(file.original, file.text, file.existed ? diff_name("a/", shown) : "/dev/null",
                               diff_name("b/", shown));
      }
      return o;
    }
    if (fixed.text != *text && !write_file(input.path, fixed.text, error)) o.errors.push_back(error);
    for (const auto& [path, file] : fixed.other_files)
      if (!write_file(path, file.text, error)) o.errors.push_back(error);
    final_text = std::move(fixed.text);
  }
  auto doc = Document::create(uri, 0, std::move(final_text));
  for (const Diag& d : run_rules(*doc, config, rules)) o.findings.push_back(make_finding(input.display, doc->lines(), d));
  return o;
}

// Runs work(i) for i in [0, n) on up to one thread per core.
template <typename F>
void parallel_for(size_t n, F&& work) {
  size_t threads = std::min<size_t>(n, std::max(1u, std::thread::hardware_concurrency()));
  if (threads <= 1) {
    for (size_t i = 0; i < n; ++i) work(i);
    return;
  }
  std::atomic<size_t> next{0};
  std::vector<std::thread> pool;
  for (size_t t = 0; t < threads; ++t)
    pool.emplace_back([&] {
      for (size_t i; (i = next++) < n;) work(i);
    });
  for (std::thread& t : pool) t.join();
}

}  // namespace

int run_check(const std::vector<std::string>& args) {
  return run_check(args, std::cout, std::cerr, isatty(STDOUT_FILENO) != 0);
}

int run_check(const std::vector<std::string>& args, std::ostream& out, std::ostream& err, bool terminal) {
  return run_check(args, out, err, terminal, all_rules());
}

int run_check(const std::vector<std::string>& args, std::ostream& out, std::ostream& err, bool terminal,
              std::span<const Rule> rules) {
  std::string error;
  auto cl = parse_command_line(args, error);
  if (!cl) {
    err << "dockerfile-ls check: " << error << "\n" << kUsage;
    return 2;
  }
  if (cl->help) {
    out << kUsage;
    return 0;
  }
  std::optional<Config> shared;
  if (cl->config_file) {
    shared = load_config_file(*cl->config_file, error, rules);
    if (!shared) {
      err << "dockerfile-ls check: cannot read '" << *cl->config_file << "': " << error << "\n";
      return 2;
    }
  }
  std::vector<std::string> errors;
  std::vector<InputFile> inputs = collect_inputs(cl->paths, errors);
  std::vector<Outcome> outcomes(inputs.size());
  auto work = [&](size_t i) {
    try {
      outcomes[i] = check_one(inputs[i], *cl, shared, rules);
    } catch (const std::exception& e) {
      outcomes[i].errors.push_back("internal error while checking '" + inputs[i].display + "': " + e.what());
    }
  };
  // Fixes may edit files that several Dockerfiles share (.dockerignore), so they run in order.
  if (cl->fix == FixMode::None)
    parallel_for(inputs.size(), work);
  else
    for (size_t i = 0; i < inputs.size(); ++i) work(i);

  std::vector<Finding> findings;
  std::set<std::string> problems_shown;
  bool changes = false;
  for (Outcome& o : outcomes) {
    errors.insert(errors.end(), o.errors.begin(), o.errors.end());
    for (const std::string& p : o.problems)
      if (problems_shown.insert(p).second) err << "dockerfile-ls check: " << p << "\n";
    findings.insert(findings.end(), o.findings.begin(), o.findings.end());
    out << o.diff;
    changes = changes || !o.diff.empty();
  }
  for (const std::string& e : errors) err << "dockerfile-ls check: " << e << "\n";
  if (cl->fix == FixMode::DryRun) return !errors.empty() ? 2 : changes ? 1 : 0;

  const char* no_color = std::getenv("NO_COLOR");
  bool color = cl->color && terminal && (!no_color || !*no_color);
  write_findings(out, cl->format, findings, color, rules);
  if (!errors.empty()) return 2;
  bool failing = std::any_of(findings.begin(), findings.end(), [&](const Finding& f) {
    return static_cast<int>(f.severity) <= static_cast<int>(cl->threshold);
  });
  return failing ? 1 : 0;
}

}  // namespace dfls::cli
