#include "lsp/settings.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string_view>

#include "rules/rule.h"

namespace dfls::lsp {

namespace {

using json = nlohmann::json;

constexpr std::array<std::string_view, 7> kKeys = {"rules",      "trustedRegistries", "context", "target",
                                                   "shellcheck", "registry",          "formatter"};

std::string key_path(std::string_view key) { return std::string(kSettingsSection) + "." + std::string(key); }

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

void read_rules(const json& rules, Config& config) {
  if (!rules.is_object()) {
    config.problems.push_back(key_path("rules") + ": expected an object of rule ids");
    return;
  }
  for (const auto& [id, value] : rules.items()) {
    std::string where = key_path("rules." + id);
    if (value.is_null()) continue;
    if (!find_rule(id)) {
      config.problems.push_back(where + ": unknown rule");
      continue;
    }
    RuleLevel level;
    if (value.is_boolean()) {
      level.off = !value.get<bool>();
    } else if (value.is_string()) {
      std::string name = lower(value.get<std::string>());
      if (name == "off") {
        level.off = true;
      } else if (auto severity = parse_severity(name)) {
        level.severity = severity;
      } else {
        config.problems.push_back(where + ": expected \"off\", \"hint\", \"info\", \"warning\" or "
                                  "\"error\", got \"" + value.get<std::string>() + "\"");
        continue;
      }
    } else {
      config.problems.push_back(where + ": expected a string such as \"warning\" or \"off\"");
      continue;
    }
    config.rules[id] = level;
  }
}

// A boolean setting written either as {"enable": b} or as b.
void read_enable(const json& value, std::string_view key, bool& out, Config& config) {
  const json* flag = &value;
  if (value.is_object()) {
    for (const auto& [k, v] : value.items())
      if (k != "enable") config.problems.push_back(key_path(std::string(key) + "." + k) + ": unknown setting");
    auto it = value.find("enable");
    if (it == value.end() || it->is_null()) return;
    flag = &*it;
  }
  if (flag->is_null()) return;
  if (!flag->is_boolean()) {
    config.problems.push_back(key_path(std::string(key) + ".enable") + ": expected true or false");
    return;
  }
  out = flag->get<bool>();
}

// formatter.keywordCase ("preserve", "upper" or "lower") and formatter.ignoreMultilineInstructions.
void read_formatter(const json& value, Config& config) {
  if (value.is_null()) return;
  if (!value.is_object()) {
    config.problems.push_back(key_path("formatter") + ": expected an object");
    return;
  }
  for (const auto& [k, v] : value.items()) {
    std::string where = key_path("formatter." + k);
    if (v.is_null()) continue;
    if (k == "keywordCase") {
      if (v.is_string() && (v == "preserve" || v == "upper" || v == "lower"))
        config.formatter_keyword_case = v.get<std::string>();
      else
        config.problems.push_back(where + ": expected \"preserve\", \"upper\" or \"lower\"");
    } else if (k == "ignoreMultilineInstructions") {
      if (v.is_boolean())
        config.formatter_ignore_multiline_instructions = v.get<bool>();
      else
        config.problems.push_back(where + ": expected true or false");
    } else {
      config.problems.push_back(where + ": unknown setting");
    }
  }
}

void read_string(const json& value, std::string_view key, std::optional<std::string>& out,
                 Config& config) {
  if (value.is_null()) return;
  if (!value.is_string()) {
    config.problems.push_back(key_path(key) + ": expected a string");
    return;
  }
  if (!value.get<std::string>().empty()) out = value.get<std::string>();
}

}  // namespace

json settings_section(const json& settings) {
  if (!settings.is_object()) return nullptr;
  if (auto it = settings.find(kSettingsSection); it != settings.end()) return *it;
  for (const auto& [key, value] : settings.items())
    if (std::find(kKeys.begin(), kKeys.end(), key) != kKeys.end()) return settings;
  return nullptr;
}

Config parse_settings(const json& section) {
  Config config;
  apply_settings(section, config);
  return config;
}

void apply_settings(const json& section, Config& config) {
  if (section.is_null()) return;
  if (!section.is_object()) {
    config.problems.push_back(std::string(kSettingsSection) + ": expected an object");
    return;
  }
  for (const auto& [key, value] : section.items()) {
    if (key == "rules") {
      if (!value.is_null()) read_rules(value, config);
    } else if (key == "trustedRegistries") {
      if (value.is_null()) continue;
      if (!value.is_array()) {
        config.problems.push_back(key_path(key) + ": expected an array of registry names");
        continue;
      }
      config.trusted_registries.clear();
      for (const json& r : value) {
        if (r.is_string() && !r.get<std::string>().empty())
          config.trusted_registries.push_back(r.get<std::string>());
        else
          config.problems.push_back(key_path(key) + ": ignored an entry that is not a registry name");
      }
    } else if (key == "context") {
      read_string(value, key, config.context_dir, config);
    } else if (key == "target") {
      read_string(value, key, config.target, config);
    } else if (key == "shellcheck") {
      read_enable(value, key, config.shellcheck, config);
    } else if (key == "registry") {
      read_enable(value, key, config.registry_lookups, config);
    } else if (key == "formatter") {
      read_formatter(value, config);
    } else {
      config.problems.push_back(key_path(key) + ": unknown setting");
    }
  }
}

}  // namespace dfls::lsp
