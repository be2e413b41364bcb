// Live registry look-ups behind a small interface, so the core never sees HTTP: features take an
// ImageSource (catalog.h) for what is known offline and, where the user allows network access, a
// RegistryClient for what a registry says now. Calls block; run them off the request thread.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dfls::images {

class RegistryClient {
 public:
  virtual ~RegistryClient() = default;
  // The tags of `image` as written in FROM ("node", "gcr.io/distroless/static",
  // "mcr.microsoft.com/dotnet/sdk"), or nothing when the registry cannot be reached, refuses, or
  // does not answer within `timeout` (the whole exchange, token requests included).
  virtual std::optional<std::vector<std::string>> list_tags(std::string_view image,
                                                            std::chrono::milliseconds timeout) = 0;
};

}  // namespace dfls::images
