// Editor settings (section "dockerfile-ls") to Config. Keys:
//   rules.<RuleId>      "off" | "hint" | "info" | "warning" | "error", or true (on, at the rule's
//                       default severity, also for rules that are off by default) / false (off)
//   trustedRegistries   array of registry host names
//   context             build context directory
//   target              target stage name
//   shellcheck.enable   bool
//   registry.enable     bool
// A missing key (or null) means the default, never "off". Unknown keys and invalid values are
// reported in Config::problems and change nothing.
#pragma once

#include <nlohmann/json.hpp>

#include "core/config.h"

namespace dfls::lsp {

inline constexpr const char* kSettingsSection = "dockerfile-ls";

// The dockerfile-ls section of a settings value that may be the whole settings object
// ({"dockerfile-ls": {...}}) or the section itself ({"rules": {...}}); null when neither.
nlohmann::json settings_section(const nlohmann::json& settings);

// Applies the valid values of a settings section onto config, so that sources can be layered
// (initializationOptions, then workspace settings): a key that is missing, null or invalid in a
// later layer leaves the earlier value. Problems are appended to config.problems.
void apply_settings(const nlohmann::json& section, Config& config);

// The settings of one section over the defaults.
Config parse_settings(const nlohmann::json& section);

}  // namespace dfls::lsp
