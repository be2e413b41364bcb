// Runs the rules off the event loop. One background thread checks documents and hands the
// findings back on the loop, so that requests (completion, hover) never wait behind a check of a
// large file, and slow rules (ShellCheck runs a program) never block the loop. A document's new
// version replaces its queued one: a burst of edits costs the check already running plus one
// check of the last version.
#pragma once

#include "lsp/asio.h"

#include <chrono>
#include <cstdint>
#include <condition_variable>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "core/config.h"
#include "core/document.h"
#include "rules/rule.h"

namespace dfls::lsp {

class DiagnosticsWorker {
 public:
  struct Result {
    std::shared_ptr<const Document> doc;  // The version checked.
    uint64_t tag = 0;                     // As given to check().
    std::vector<Diag> diags;
    std::chrono::microseconds took{0};
  };
  using Done = std::function<void(Result)>;

  // done runs on io's thread, once per finished check.
  DiagnosticsWorker(asio::io_context& io, Done done);
  ~DiagnosticsWorker();
  DiagnosticsWorker(const DiagnosticsWorker&) = delete;
  DiagnosticsWorker& operator=(const DiagnosticsWorker&) = delete;

  // Queues a check of doc, replacing a queued check of the same URI. The tag comes back with
  // the result, so the caller can tell a result it still wants from one overtaken by a newer
  // version or new settings.
  void check(std::shared_ptr<const Document> doc, Config config, uint64_t tag);
  // Drops a queued check of the URI (the document was closed).
  void forget(const std::string& uri);
  // Blocks until nothing is queued or running (the transcript tests wait for it).
  void wait_idle();

 private:
  struct Job {
    std::shared_ptr<const Document> doc;
    Config config;
    uint64_t tag = 0;
    uint64_t order = 0;  // First come, first checked.
  };
  void run();

  asio::io_context& io_;
  Done done_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::condition_variable idle_;
  std::map<std::string, Job> queue_;
  uint64_t next_order_ = 0;
  bool running_ = false;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace dfls::lsp
