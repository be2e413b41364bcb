// What the image runs, for the build-practice rules: the ENTRYPOINT and CMD in effect at the end of
// a stage, the command behind init wrappers and entrypoint scripts, whether that command needs the
// build toolchain, and package scripts resolved through package.json (see quality_helpers.h).
#include <algorithm>
#include <cctype>

#include "rules/quality_helpers.h"

namespace dfls::quality {

namespace {

std::string basename_of(std::string_view word) {
  size_t slash = word.rfind('/');
  return std::string(slash == std::string_view::npos ? word : word.substr(slash + 1));
}

bool one_of(std::string_view v, std::initializer_list<std::string_view> set) {
  return std::find(set.begin(), set.end(), v) != set.end();
}

// The words of the last top-level command of a shell script, from its program word on.
std::vector<std::string> last_command_words(std::string_view script, size_t base, char escape) {
  shell::Script s = shell::split(script, base, escape);
  const shell::Command* last = nullptr;
  for (const shell::Command& c : s.commands)
    if (c.depth == 0 && c.block_depth == 0 && !c.nested && !c.args.empty()) last = &c;
  std::vector<std::string> out;
  if (!last) return out;
  for (size_t i = program_index(*last); i < last->args.size(); ++i) out.push_back(last->args[i].value);
  return out;
}

// The words of a CMD or ENTRYPOINT: the exec-form elements, or the last command of the shell form.
std::vector<std::string> instruction_words(const Document& doc, const model::Instruction& ins) {
  if (!ins.json_form) return last_command_words(ins.args_text(doc.text()), 0, doc.model().escape);
  std::vector<std::string> out;
  for (const model::Word& w : ins.json_args) out.push_back(w.text);
  return out;
}

bool init_wrapper(std::string_view name) {
  return name == "tini" || name.starts_with("tini-") || name == "dumb-init" || name == "docker-init";
}

bool dind_wrapper(std::string_view name) { return name == "dind" || name.starts_with("dind-"); }

bool entrypoint_script(std::string_view word) {
  return word.find("entrypoint") != std::string_view::npos || word.ends_with(".sh");
}

// The index past an init wrapper's options (tini's -s -g -v -w -l, -p SIGNAL, -e CODE; dumb-init's
// -c -v, -r/--rewrite S:R), starting after the wrapper's own word.
size_t skip_init_options(const std::vector<std::string>& words, size_t i) {
  while (i < words.size() && words[i].size() > 1 && words[i].front() == '-' && words[i] != "--") {
    bool takes_value = one_of(words[i], {"-p", "-e", "-r", "--rewrite"});
    i += takes_value ? 2 : 1;
  }
  return i;
}

// The index of the first word past the leading wrappers; entrypoint scripts count only among the
// first `entrypoint_words` words, those of the ENTRYPOINT.
size_t past_wrappers(const std::vector<std::string>& words, size_t entrypoint_words) {
  size_t i = 0;
  while (i < words.size()) {
    std::string name = basename_of(words[i]);
    if (init_wrapper(name)) i = skip_init_options(words, i + 1);
    else if (words[i] == "--" || dind_wrapper(name) || (i < entrypoint_words && entrypoint_script(words[i]))) ++i;
    else break;
  }
  return std::min(i, words.size());
}

bool shell_program(std::string_view name) { return one_of(name, {"sh", "bash", "ash", "dash", "zsh"}); }

}  // namespace

ImageCommand image_command(const model::Model& m, int stage) {
  ImageCommand out;
  std::vector<int> chain = stage_chain(m, stage);
  for (auto it = chain.rbegin(); it != chain.rend(); ++it)
    for (int i : m.stages[*it].instructions) {
      const model::Instruction& ins = m.instructions[i];
      if (ins.inside_onbuild) continue;
      if (ins.kind == model::Kind::Entrypoint) out.entrypoint = &ins;
      if (ins.kind == model::Kind::Cmd) out.cmd = &ins;
    }
  return out;
}

std::vector<std::string> effective_command(const Document& doc, const ImageCommand& command) {
  std::vector<std::string> words;
  if (command.entrypoint) words = instruction_words(doc, *command.entrypoint);
  size_t entrypoint_words = words.size();
  if (command.cmd && (!command.entrypoint || command.entrypoint->json_form)) {
    std::vector<std::string> cmd = instruction_words(doc, *command.cmd);
    words.insert(words.end(), cmd.begin(), cmd.end());
  }
  words.erase(words.begin(), words.begin() + static_cast<std::ptrdiff_t>(past_wrappers(words, entrypoint_words)));
  if (words.size() >= 3 && shell_program(basename_of(words[0])) && words[1] == "-c")
    return last_command_words(words[2], 0, '\0');
  return words;
}

bool needs_toolchain(const std::vector<std::string>& words) {
  if (words.empty()) return true;
  std::string program = basename_of(words[0]);
  if (program == "npx") {  // The package binary it runs decides.
    auto tool = std::find_if(words.begin() + 1, words.end(), [](const std::string& w) { return !w.starts_with("-"); });
    return tool != words.end() && needs_toolchain(std::vector<std::string>(tool, words.end()));
  }
  auto has = [&](std::initializer_list<std::string_view> xs) {
    return std::any_of(words.begin() + 1, words.end(), [&](const std::string& w) { return one_of(w, xs); });
  };
  if (one_of(program, {"go", "mvn", "mvnw", "gradle", "gradlew", "cargo", "rustc", "javac", "tsc", "ng", "nodemon",
                       "ts-node", "tsx", "air", "vite", "webpack", "webpack-dev-server", "react-scripts",
                       "vue-cli-service", "dlv", "ocb", "xcaddy", "goreleaser", "ko", "make", "sh", "bash"}))
    return true;
  if (program == "dotnet") return has({"run", "watch", "test", "build"});
  if (one_of(program, {"npm", "yarn", "pnpm", "bun"})) return has({"dev", "watch", "test", "serve", "start:dev"});
  if (program == "next") return has({"dev"});
  return false;
}

// ---------------------------------------------------------------------------------------------
// package.json.

namespace {

// Just enough JSON for package.json: objects, arrays, strings, numbers and literals; the string
// values of the "scripts" object and whether "devDependencies" has members are kept.
class JsonScanner {
 public:
  explicit JsonScanner(std::string_view text) : t_(text) {}

  std::optional<PackageJson> package() {
    PackageJson out;
    bool ok = object([&](const std::string& key) {
      if (key == "scripts") return object([&](const std::string& name) { return script(name, out); });
      if (key == "devDependencies") return object([&](const std::string&) {
        out.dev_dependencies = true;
        return skip_value();
      });
      return skip_value();
    });
    if (!ok) return std::nullopt;
    return out;
  }

 private:
  bool script(const std::string& name, PackageJson& out) {
    std::optional<std::string> command = string_value();
    if (!command) return skip_value();
    out.scripts.push_back({name, *command});
    return true;
  }

  void blanks() {
    while (i_ < t_.size() && (t_[i_] == ' ' || t_[i_] == '\t' || t_[i_] == '\n' || t_[i_] == '\r')) ++i_;
  }
  bool next_is(char c) {
    blanks();
    return i_ < t_.size() && t_[i_] == c;
  }
  // Steps over c when it comes next.
  bool consume(char c) {
    if (!next_is(c)) return false;
    ++i_;
    return true;
  }

  // An object whose members are handed to `member` (positioned on the value), or false.
  template <typename Member>
  bool object(Member member) {
    if (!consume('{')) return false;
    if (consume('}')) return true;
    do {
      std::optional<std::string> key = string_value();
      if (!key || !consume(':') || !member(*key)) return false;
    } while (consume(','));
    return consume('}');
  }

  bool array() {
    if (!consume('[')) return false;
    if (consume(']')) return true;
    do {
      if (!skip_value()) return false;
    } while (consume(','));
    return consume(']');
  }

  std::optional<std::string> string_value() {
    if (!consume('"')) return std::nullopt;
    std::string out;
    for (; i_ < t_.size(); ++i_) {
      char c = t_[i_];
      if (c == '"') {
        ++i_;
        return out;
      }
      if (c != '\\') {
        out += c;
      } else if (++i_ < t_.size()) {
        out += unescape(t_[i_]);
      }
    }
    return std::nullopt;
  }

  // The character an escape stands for; \uXXXX is kept as written (script names and commands
  // are ASCII in practice).
  static std::string unescape(char e) {
    switch (e) {
      case 'n': return "\n";
      case 't': return "\t";
      case 'r': return "\r";
      case 'b': return "\b";
      case 'f': return "\f";
      case 'u': return "\\u";
      default: return std::string(1, e);
    }
  }

  bool skip_value() {
    if (next_is('"')) return string_value().has_value();
    if (next_is('{')) return object([&](const std::string&) { return skip_value(); });
    if (next_is('[')) return array();
    size_t start = i_;
    while (i_ < t_.size() && (std::isalnum(static_cast<unsigned char>(t_[i_])) || t_[i_] == '-' || t_[i_] == '+' ||
                              t_[i_] == '.'))
      ++i_;
    return i_ > start;
  }

  std::string_view t_;
  size_t i_ = 0;
};

// The script a package-manager command runs, or "" when it names none.
std::string script_name(const std::vector<std::string>& words) {
  if (words.empty()) return "";
  std::string program = basename_of(words[0]);
  if (!one_of(program, {"npm", "yarn", "pnpm", "bun"}) || words.size() < 2) return "";
  const std::string& verb = words[1];
  if (one_of(verb, {"run", "run-script"})) return words.size() > 2 ? words[2] : "";
  if (one_of(verb, {"start", "test"})) return verb;
  // yarn and pnpm run a script named as their first word; bun needs `run` for most names.
  bool direct = program == "yarn" || program == "pnpm";
  return direct && !verb.starts_with("-") ? verb : "";
}

}  // namespace

std::optional<PackageJson> parse_package_json(std::string_view text) { return JsonScanner(text).package(); }

std::vector<std::string> resolve_package_script(std::vector<std::string> words, const PackageJson& package) {
  for (int depth = 0; depth < 4; ++depth) {
    std::string name = script_name(words);
    auto it = std::find_if(package.scripts.begin(), package.scripts.end(),
                           [&](const auto& s) { return s.first == name; });
    if (name.empty() || it == package.scripts.end()) break;
    std::vector<std::string> next = last_command_words(it->second, 0, '\0');
    if (next.empty()) break;
    words = std::move(next);
  }
  return words;
}

}  // namespace dfls::quality
