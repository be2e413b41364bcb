// The server's own log: a level threshold and one sink (stderr by default, or a file from
// --log-file). Thread-safe. Messages name methods, URIs and timings, never document text.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace dfls::lsp {

enum class LogLevel { Error = 0, Warn = 1, Info = 2, Debug = 3 };

std::optional<LogLevel> parse_log_level(std::string_view name);
void set_log_level(LogLevel level);
LogLevel log_level();
bool log_enabled(LogLevel level);
// Appends to path from now on; false (and the log stays where it was) when it cannot be opened.
bool set_log_file(const std::string& path);
void log(LogLevel level, std::string_view message);

inline void log_error(std::string_view m) { log(LogLevel::Error, m); }
inline void log_warn(std::string_view m) { log(LogLevel::Warn, m); }
inline void log_info(std::string_view m) { log(LogLevel::Info, m); }
inline void log_debug(std::string_view m) { log(LogLevel::Debug, m); }

}  // namespace dfls::lsp
