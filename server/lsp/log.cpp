#include "lsp/log.h"

#include <atomic>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <mutex>

namespace dfls::lsp {

namespace {

std::atomic<int> g_level{static_cast<int>(LogLevel::Info)};
std::mutex g_mutex;
FILE* g_file = nullptr;  // Null: stderr.

char level_letter(LogLevel level) {
  switch (level) {
    case LogLevel::Error: return 'E';
    case LogLevel::Warn: return 'W';
    case LogLevel::Info: return 'I';
    case LogLevel::Debug: return 'D';
  }
  return '?';
}

}  // namespace

std::optional<LogLevel> parse_log_level(std::string_view name) {
  if (name == "error") return LogLevel::Error;
  if (name == "warn" || name == "warning") return LogLevel::Warn;
  if (name == "info") return LogLevel::Info;
  if (name == "debug" || name == "verbose") return LogLevel::Debug;
  return std::nullopt;
}

void set_log_level(LogLevel level) { g_level = static_cast<int>(level); }

LogLevel log_level() { return static_cast<LogLevel>(g_level.load()); }

bool log_enabled(LogLevel level) { return static_cast<int>(level) <= g_level.load(); }

bool set_log_file(const std::string& path) {
  FILE* f = std::fopen(path.c_str(), "a");
  if (!f) return false;
  std::lock_guard lock(g_mutex);
  if (g_file) std::fclose(g_file);
  g_file = f;
  return true;
}

void log(LogLevel level, std::string_view message) {
  if (!log_enabled(level)) return;
  using namespace std::chrono;
  auto now = system_clock::now();
  std::time_t secs = system_clock::to_time_t(now);
  auto millis = duration_cast<milliseconds>(now.time_since_epoch()).count() % 1000;
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char stamp[32];
  std::strftime(stamp, sizeof stamp, "%H:%M:%S", &tm);
  std::lock_guard lock(g_mutex);
  FILE* out = g_file ? g_file : stderr;
  std::fprintf(out, "%c %s.%03d dockerfile-ls: %.*s\n", level_letter(level), stamp,
               static_cast<int>(millis), static_cast<int>(message.size()), message.data());
  std::fflush(out);
}

}  // namespace dfls::lsp
