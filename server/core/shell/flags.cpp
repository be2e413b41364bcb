// Helpers for rules that look at a command's options and operands.
#include <algorithm>
#include <cctype>

#include "core/shell/shell.h"

namespace dfls::shell {
namespace {

// Whether an argument is a cluster of short flags, like "-qy".
bool is_short_cluster(std::string_view arg) {
  return arg.size() > 2 && arg[0] == '-' && arg[1] != '-' &&
         std::all_of(arg.begin() + 1, arg.end(),
                     [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; });
}

}  // namespace

bool has_flag(const Command& command, std::string_view flag) {
  if (flag.size() < 2 || flag[0] != '-') return false;
  const bool is_long = flag.starts_with("--");
  for (size_t i = 1; i < command.args.size(); ++i) {
    std::string_view arg = command.args[i].value;
    if (arg == "--") break;
    if (arg == flag) return true;
    if (is_long) {
      if (arg.size() > flag.size() && arg.starts_with(flag) && arg[flag.size()] == '=') return true;
    } else if (flag.size() == 2 && is_short_cluster(arg) &&
               arg.find(flag[1], 1) != std::string_view::npos) {
      return true;
    }
  }
  return false;
}

std::optional<std::string> flag_value(const Command& command, std::string_view name) {
  if (name.size() < 2 || name[0] != '-') return std::nullopt;
  const bool is_long = name.starts_with("--");
  std::optional<std::string> found;
  for (size_t i = 1; i < command.args.size(); ++i) {
    std::string_view arg = command.args[i].value;
    if (arg == "--") break;
    if (arg == name) {
      if (i + 1 < command.args.size()) found = command.args[++i].value;
    } else if (is_long && arg.size() > name.size() && arg.starts_with(name) &&
               arg[name.size()] == '=') {
      found = std::string(arg.substr(name.size() + 1));
    } else if (!is_long && arg.size() > name.size() && arg.starts_with(name) &&
               !arg.starts_with("--")) {
      found = std::string(arg.substr(name.size()));
    }
  }
  return found;
}

std::vector<const Word*> positional_args(const Command& command, size_t skip_words) {
  std::vector<const Word*> out;
  bool options_ended = false;
  for (size_t i = skip_words; i < command.args.size(); ++i) {
    const std::string& arg = command.args[i].value;
    if (!options_ended && arg == "--") {
      options_ended = true;
      continue;
    }
    if (!options_ended && arg.size() > 1 && arg[0] == '-') continue;
    out.push_back(&command.args[i]);
  }
  return out;
}

std::string program_name(const Command& command) {
  if (command.args.empty()) return {};
  const std::string& name = command.args[0].value;
  size_t slash = name.rfind('/');
  return slash == std::string::npos ? name : name.substr(slash + 1);
}

}  // namespace dfls::shell
