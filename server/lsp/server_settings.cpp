// Settings: initializationOptions, workspace/configuration and didChangeConfiguration.
#include <set>

#include "lsp/log.h"
#include "lsp/server.h"
#include "lsp/settings.h"

namespace dfls::lsp {

Config Server::config_for(std::string_view uri) const {
  (void)uri;  // Per-document sources (.dockerfile-ls.yaml next to the file) will be merged here.
  return config_;
}

void Server::on_did_change_configuration(const DidChangeConfigurationParams& params) {
  if (client_.configuration) {
    request_configuration();  // Pull model: the pushed value may be partial or empty.
    return;
  }
  workspace_settings_ = settings_section(params.settings);
  settings_changed();
}

void Server::request_configuration() {
  uint64_t request = ++configuration_requests_;
  json params = {{"items", json::array({{{"section", kSettingsSection}}})}};
  rpc_.request("workspace/configuration", std::move(params),
               [this, request](const json& result, const RpcError* error) {
                 if (request != configuration_requests_ || state_ == State::Exited) return;  // Stale.
                 if (error) {
                   log_warn(std::string("workspace/configuration failed: ") + error->what());
                   return;
                 }
                 if (!result.is_array() || result.empty()) {
                   log_warn("workspace/configuration answered with something other than an array");
                   return;
                 }
                 // null (no such section) means the defaults; some clients answer with the whole
                 // settings object instead of the section.
                 const json& answer = result[0];
                 workspace_settings_ = answer.is_object() && answer.contains(kSettingsSection)
                                           ? answer[kSettingsSection]
                                           : answer;
                 settings_changed();
               });
}

void Server::settings_changed() {
  Config config;
  apply_settings(init_settings_, config);
  apply_settings(workspace_settings_, config);
  // Report each problem once, until it goes away.
  std::set<std::string> problems(config.problems.begin(), config.problems.end());
  for (const std::string& problem : problems)
    if (!reported_problems_.count(problem)) log_to_client(2, "settings: " + problem + " (ignored)");
  reported_problems_ = std::move(problems);
  config_ = std::move(config);
  for (auto& [uri, entry] : documents_.all()) diagnostics_changed(entry);
  if (pull_diagnostics_ && client_.diagnosticRefresh && state_ == State::Running &&
      !documents_.all().empty())
    rpc_.request("workspace/diagnostic/refresh", nullptr, nullptr);
}

}  // namespace dfls::lsp
