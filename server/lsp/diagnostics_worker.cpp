#include "lsp/diagnostics_worker.h"

#include <algorithm>
#include <exception>

#include "lsp/log.h"
#include "rules/run_rules.h"

namespace dfls::lsp {

DiagnosticsWorker::DiagnosticsWorker(asio::io_context& io, Done done)
    : io_(io), done_(std::move(done)), thread_([this] { run(); }) {}

DiagnosticsWorker::~DiagnosticsWorker() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

void DiagnosticsWorker::check(std::shared_ptr<const Document> doc, Config config, uint64_t tag) {
  {
    std::lock_guard lock(mutex_);
    std::string uri = doc->uri();
    auto it = queue_.find(uri);
    uint64_t order = it != queue_.end() ? it->second.order : next_order_++;
    queue_.insert_or_assign(std::move(uri), Job{std::move(doc), std::move(config), tag, order});
  }
  wake_.notify_one();
}

void DiagnosticsWorker::forget(const std::string& uri) {
  std::lock_guard lock(mutex_);
  queue_.erase(uri);
  if (queue_.empty() && !running_) idle_.notify_all();
}

void DiagnosticsWorker::wait_idle() {
  std::unique_lock lock(mutex_);
  idle_.wait(lock, [this] { return stopping_ || (queue_.empty() && !running_); });
}

void DiagnosticsWorker::run() {
  std::unique_lock lock(mutex_);
  for (;;) {
    wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
    if (stopping_) break;
    auto next = std::min_element(queue_.begin(), queue_.end(),
                                 [](const auto& a, const auto& b) { return a.second.order < b.second.order; });
    Job job = std::move(next->second);
    queue_.erase(next);
    running_ = true;
    lock.unlock();
    Result result{job.doc, job.tag, {}, {}};
    auto start = std::chrono::steady_clock::now();
    try {
      result.diags = run_rules(*job.doc, job.config);
    } catch (const std::exception& e) {
      // A failing rule must not take the server down; the document keeps no findings.
      std::string what = e.what();
      asio::post(io_, [what] { log_error("checking failed: " + what); });
    }
    result.took = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - start);
    asio::post(io_, [this, result = std::move(result)]() mutable { done_(std::move(result)); });
    lock.lock();
    running_ = false;
    if (queue_.empty()) idle_.notify_all();
  }
  running_ = false;
  idle_.notify_all();
}

}  // namespace dfls::lsp
