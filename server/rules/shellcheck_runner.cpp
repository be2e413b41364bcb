// Running ShellCheck (see shellcheck_runner.h): a process with pipes and a deadline, and a small
// reader for its json1 report (dfls_core does not link a JSON library).
#include "rules/shellcheck_runner.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

extern char** environ;

namespace dfls::shellcheck {

// ---------------------------------------------------------------------------------------------
// Finding the program.

std::optional<std::string> find_program(std::string_view name) {
  if (name.empty() || name.find('/') != std::string_view::npos) return std::nullopt;
  const char* path = std::getenv("PATH");
  std::string_view dirs = path ? path : "/usr/local/bin:/usr/bin:/bin";
  while (true) {
    size_t colon = dirs.find(':');
    std::string dir(dirs.substr(0, colon));
    if (dir.empty()) dir = ".";
    std::string candidate = dir + "/" + std::string(name);
    struct stat st {};
    if (::stat(candidate.c_str(), &st) == 0 && S_ISREG(st.st_mode) && ::access(candidate.c_str(), X_OK) == 0)
      return candidate;
    if (colon == std::string_view::npos) break;
    dirs.remove_prefix(colon + 1);
  }
  return std::nullopt;
}

// ---------------------------------------------------------------------------------------------
// The process.

namespace {

struct Fd {
  int fd = -1;
  explicit Fd(int f = -1) : fd(f) {}
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd() { reset(); }
  void reset() {
    if (fd >= 0) ::close(fd);
    fd = -1;
  }
};

}  // namespace

std::optional<ProcessOutput> run_process(const std::vector<std::string>& argv, std::string_view input,
                                         std::chrono::milliseconds timeout, bool* timed_out) {
  if (timed_out) *timed_out = false;
  if (argv.empty()) return std::nullopt;
  // A socket for stdin, so that writing after the child has gone fails with EPIPE instead of
  // raising SIGPIPE in the server (send with MSG_NOSIGNAL); a pipe for stdout.
  int sv[2];
  if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) != 0) return std::nullopt;
  Fd in_parent(sv[0]), in_child(sv[1]);
  int op[2];
  if (::pipe2(op, O_CLOEXEC) != 0) return std::nullopt;
  Fd out_parent(op[0]), out_child(op[1]);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, in_child.fd, 0);
  posix_spawn_file_actions_adddup2(&actions, out_child.fd, 1);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  sigset_t none, defaults;
  sigemptyset(&none);
  sigemptyset(&defaults);
  sigaddset(&defaults, SIGPIPE);
  posix_spawnattr_setsigmask(&attr, &none);
  posix_spawnattr_setsigdefault(&attr, &defaults);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);

  std::vector<char*> args;
  for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  pid_t pid = -1;
  int rc = posix_spawn(&pid, argv[0].c_str(), &actions, &attr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attr);
  if (rc != 0) return std::nullopt;
  in_child.reset();
  out_child.reset();
  ::fcntl(in_parent.fd, F_SETFL, ::fcntl(in_parent.fd, F_GETFL) | O_NONBLOCK);
  ::fcntl(out_parent.fd, F_SETFL, ::fcntl(out_parent.fd, F_GETFL) | O_NONBLOCK);

  ProcessOutput result;
  constexpr size_t kMaxOutput = 8u << 20;
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  size_t written = 0;
  if (input.empty()) {
    ::shutdown(in_parent.fd, SHUT_WR);
    in_parent.reset();
  }
  bool killed = false;
  while (out_parent.fd >= 0) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      killed = true;
      break;
    }
    pollfd fds[2];
    int n = 0;
    fds[n++] = {out_parent.fd, POLLIN, 0};
    if (in_parent.fd >= 0) fds[n++] = {in_parent.fd, POLLOUT, 0};
    int ready = ::poll(fds, static_cast<nfds_t>(n), static_cast<int>(left.count()));
    if (ready < 0 && errno != EINTR) {
      killed = true;
      break;
    }
    if (ready <= 0) continue;
    if (n == 2 && (fds[1].revents & (POLLOUT | POLLERR | POLLHUP))) {
      ssize_t w = ::send(in_parent.fd, input.data() + written, input.size() - written, MSG_NOSIGNAL | MSG_DONTWAIT);
      if (w > 0) written += static_cast<size_t>(w);
      if (w < 0 && errno != EAGAIN && errno != EINTR) written = input.size();  // The child stopped reading.
      if (written >= input.size()) {
        ::shutdown(in_parent.fd, SHUT_WR);
        in_parent.reset();
      }
    }
    if (fds[0].revents & (POLLIN | POLLERR | POLLHUP)) {
      char buf[65536];
      ssize_t r = ::read(out_parent.fd, buf, sizeof buf);
      if (r > 0 && result.out.size() < kMaxOutput) result.out.append(buf, static_cast<size_t>(r));
      if (r == 0 || (r < 0 && errno != EAGAIN && errno != EINTR)) out_parent.reset();
    }
  }
  if (killed) ::kill(pid, SIGKILL);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (killed) {
    if (timed_out) *timed_out = true;
    return std::nullopt;
  }
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

Result run(const std::string& program, std::string_view dialect, std::string_view script,
           std::chrono::milliseconds timeout, std::string_view exclude) {
  Result r;
  std::vector<std::string> argv = {program, "--format=json1", "--norc", "--shell=" + std::string(dialect)};
  if (!exclude.empty()) argv.push_back("--exclude=" + std::string(exclude));
  argv.push_back("-");
  auto out = run_process(argv, script, timeout, &r.timed_out);
  if (!out) return r;
  // ShellCheck exits 0 without findings and 1 with some; anything else is an error.
  if (out->exit_code != 0 && out->exit_code != 1) return r;
  auto findings = parse_json1(out->out);
  if (!findings) return r;
  r.ran = true;
  r.findings = std::move(*findings);
  return r;
}

// ---------------------------------------------------------------------------------------------
// A small JSON reader, enough for json1 reports.

namespace {

struct Value {
  enum class Type { Null, Bool, Number, String, Array, Object } type = Type::Null;
  double number = 0;
  std::string text;
  std::vector<Value> items;
  std::vector<std::pair<std::string, Value>> members;

  const Value* get(std::string_view key) const {
    for (const auto& [k, v] : members)
      if (k == key) return &v;
    return nullptr;
  }
};

class Reader {
 public:
  explicit Reader(std::string_view s) : s_(s) {}

  bool document(Value& v) {
    if (!value(v, 0)) return false;
    blanks();
    return i_ == s_.size();
  }

 private:
  void blanks() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\n' || s_[i_] == '\r' || s_[i_] == '\t')) ++i_;
  }
  bool literal(std::string_view word) {
    if (s_.substr(i_, word.size()) != word) return false;
    i_ += word.size();
    return true;
  }

  bool value(Value& v, int depth) {
    if (depth > 64) return false;
    blanks();
    if (i_ >= s_.size()) return false;
    char c = s_[i_];
    if (c == '{') return object(v, depth);
    if (c == '[') return array(v, depth);
    if (c == '"') {
      v.type = Value::Type::String;
      return string(v.text);
    }
    if (c == 't' || c == 'f') {
      v.type = Value::Type::Bool;
      v.number = c == 't';
      return literal(c == 't' ? "true" : "false");
    }
    if (c == 'n') return literal("null");
    return number(v);
  }

  bool object(Value& v, int depth) {
    v.type = Value::Type::Object;
    ++i_;
    blanks();
    if (i_ < s_.size() && s_[i_] == '}') return ++i_, true;
    while (true) {
      blanks();
      std::string key;
      if (i_ >= s_.size() || s_[i_] != '"' || !string(key)) return false;
      blanks();
      if (i_ >= s_.size() || s_[i_] != ':') return false;
      ++i_;
      Value member;
      if (!value(member, depth + 1)) return false;
      v.members.emplace_back(std::move(key), std::move(member));
      blanks();
      if (i_ < s_.size() && s_[i_] == ',') {
        ++i_;
        continue;
      }
      if (i_ < s_.size() && s_[i_] == '}') return ++i_, true;
      return false;
    }
  }

  bool array(Value& v, int depth) {
    v.type = Value::Type::Array;
    ++i_;
    blanks();
    if (i_ < s_.size() && s_[i_] == ']') return ++i_, true;
    while (true) {
      Value item;
      if (!value(item, depth + 1)) return false;
      v.items.push_back(std::move(item));
      blanks();
      if (i_ < s_.size() && s_[i_] == ',') {
        ++i_;
        continue;
      }
      if (i_ < s_.size() && s_[i_] == ']') return ++i_, true;
      return false;
    }
  }

  bool number(Value& v) {
    size_t start = i_;
    while (i_ < s_.size() && std::strchr("+-0123456789.eE", s_[i_]) != nullptr && s_[i_] != '\0') ++i_;
    if (i_ == start) return false;
    v.type = Value::Type::Number;
    v.number = std::strtod(std::string(s_.substr(start, i_ - start)).c_str(), nullptr);
    return true;
  }

  static void put_utf8(std::string& out, unsigned cp) {
    if (cp < 0x80) {
      out += static_cast<char>(cp);
    } else if (cp < 0x800) {
      out += static_cast<char>(0xC0 | (cp >> 6));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      out += static_cast<char>(0xE0 | (cp >> 12));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (cp >> 18));
      out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    }
  }

  bool hex4(unsigned& cp) {
    if (i_ + 4 > s_.size()) return false;
    cp = 0;
    for (int k = 0; k < 4; ++k) {
      char h = s_[i_++];
      cp <<= 4;
      if (h >= '0' && h <= '9') cp |= static_cast<unsigned>(h - '0');
      else if (h >= 'a' && h <= 'f') cp |= static_cast<unsigned>(h - 'a' + 10);
      else if (h >= 'A' && h <= 'F') cp |= static_cast<unsigned>(h - 'A' + 10);
      else return false;
    }
    return true;
  }

  bool string(std::string& out) {
    ++i_;  // The opening quote.
    while (i_ < s_.size()) {
      char c = s_[i_++];
      if (c == '"') return true;
      if (c != '\\') {
        out += c;
        continue;
      }
      if (i_ >= s_.size()) return false;
      char e = s_[i_++];
      switch (e) {
        case 'n': out += '\n'; break;
        case 't': out += '\t'; break;
        case 'r': out += '\r'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'u': {
          unsigned cp = 0;
          if (!hex4(cp)) return false;
          if (cp >= 0xD800 && cp < 0xDC00 && s_.substr(i_, 2) == "\\u") {
            i_ += 2;
            unsigned low = 0;
            if (!hex4(low)) return false;
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
          }
          put_utf8(out, cp);
          break;
        }
        default: out += e;
      }
    }
    return false;
  }

  std::string_view s_;
  size_t i_ = 0;
};

int as_int(const Value* v) { return v && v->type == Value::Type::Number ? static_cast<int>(v->number) : 0; }
std::string as_string(const Value* v) { return v && v->type == Value::Type::String ? v->text : std::string(); }

}  // namespace

std::optional<std::vector<Finding>> parse_json1(std::string_view json) {
  Value root;
  if (!Reader(json).document(root) || root.type != Value::Type::Object) return std::nullopt;
  const Value* comments = root.get("comments");
  if (!comments || comments->type != Value::Type::Array) return std::nullopt;
  std::vector<Finding> out;
  for (const Value& c : comments->items) {
    if (c.type != Value::Type::Object) continue;
    Finding f;
    f.line = as_int(c.get("line"));
    f.end_line = as_int(c.get("endLine"));
    f.column = as_int(c.get("column"));
    f.end_column = as_int(c.get("endColumn"));
    f.code = as_int(c.get("code"));
    f.level = as_string(c.get("level"));
    f.message = as_string(c.get("message"));
    if (f.line > 0 && f.column > 0) out.push_back(std::move(f));
  }
  return out;
}

}  // namespace dfls::shellcheck
