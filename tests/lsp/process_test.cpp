// The real dockerfile-ls binary as editors run it: exit statuses, framing over a pipe (split and
// batched writes, broken headers, bad JSON, invalid UTF-8), cancellation, TCP transports and the
// command line. Skipped when the binary is not in the build tree (build/dockerfile-ls).
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch_test_macros.hpp>
#include <chrono>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "lsp/framing.h"

extern char** environ;

using json = nlohmann::json;
using dfls::lsp::frame;

namespace {

std::string server_binary() {
  std::error_code ec;
  auto self = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec) return {};
  // The test binary is build/tests/dfls_tests; the server is build/dockerfile-ls (older trees:
  // build/server/dockerfile-ls).
  auto build = self.parent_path().parent_path();
  for (auto path : {build / "dockerfile-ls", build / "server" / "dockerfile-ls"})
    if (std::filesystem::exists(path)) return path.string();
  return {};
}

json message(const std::string& method, json params, std::optional<int> id = std::nullopt) {
  json m = {{"jsonrpc", "2.0"}, {"method", method}};
  if (!params.is_null()) m["params"] = std::move(params);
  if (id) m["id"] = *id;
  return m;
}

std::string framed(const json& m) { return frame(m.dump()); }

const std::string kInitialize = framed(message("initialize", {{"capabilities", json::object()}}, 1));
const std::string kShutdownExit = framed(message("shutdown", nullptr, 99)) + framed(message("exit", nullptr));

// A child process with pipes for stdin, stdout and stderr.
class Process {
 public:
  // Without capture_stderr, the server's log goes to /dev/null (an undrained pipe could fill).
  explicit Process(std::vector<std::string> args, bool capture_stderr = false) {
    int in[2], out[2], err[2];
    REQUIRE(::pipe2(in, O_CLOEXEC) == 0);
    REQUIRE(::pipe2(out, O_CLOEXEC) == 0);
    REQUIRE(::pipe2(err, O_CLOEXEC) == 0);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, in[0], 0);
    posix_spawn_file_actions_adddup2(&actions, out[1], 1);
    if (capture_stderr)
      posix_spawn_file_actions_adddup2(&actions, err[1], 2);
    else
      posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    int rc = posix_spawn(&pid_, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    ::close(in[0]);
    ::close(out[1]);
    ::close(err[1]);
    REQUIRE(rc == 0);
    stdin_ = in[1];
    stdout_ = out[0];
    stderr_ = err[0];
  }
  ~Process() {
    close_stdin();
    if (pid_ > 0 && status_ < 0) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
    }
    ::close(stdout_);
    ::close(stderr_);
  }

  void write(std::string_view bytes) {
    while (!bytes.empty()) {
      ssize_t n = ::write(stdin_, bytes.data(), bytes.size());
      if (n < 0 && errno == EINTR) continue;
      REQUIRE(n > 0);
      bytes.remove_prefix(static_cast<size_t>(n));
    }
  }
  void close_stdin() {
    if (stdin_ >= 0) ::close(stdin_);
    stdin_ = -1;
  }
  // Reads stdout until end of file (or the time limit), then waits for the exit status.
  std::string read_all(std::chrono::seconds limit = std::chrono::seconds(60)) {
    std::string out;
    drain(stdout_, out, limit);
    return out;
  }
  // Reads stdout until it contains needle (or the time limit); returns everything read.
  std::string read_until(std::string_view needle, std::chrono::seconds limit) {
    auto deadline = std::chrono::steady_clock::now() + limit;
    std::string out;
    char buf[65536];
    while (out.find(needle) == std::string::npos && std::chrono::steady_clock::now() < deadline) {
      pollfd p{stdout_, POLLIN, 0};
      if (::poll(&p, 1, 100) <= 0) continue;
      ssize_t n = ::read(stdout_, buf, sizeof buf);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) break;
      out.append(buf, static_cast<size_t>(n));
    }
    return out;
  }
  std::string read_stderr_line(std::chrono::seconds limit = std::chrono::seconds(20)) {
    std::string line;
    auto deadline = std::chrono::steady_clock::now() + limit;
    char c;
    while (std::chrono::steady_clock::now() < deadline) {
      pollfd p{stderr_, POLLIN, 0};
      if (::poll(&p, 1, 100) <= 0) continue;
      if (::read(stderr_, &c, 1) != 1 || c == '\n') break;
      line += c;
    }
    return line;
  }
  int wait(std::chrono::seconds limit = std::chrono::seconds(30)) {
    auto deadline = std::chrono::steady_clock::now() + limit;
    while (status_ < 0) {
      int st = 0;
      pid_t r = ::waitpid(pid_, &st, WNOHANG);
      if (r == pid_) {
        status_ = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
        break;
      }
      if (std::chrono::steady_clock::now() > deadline) {
        ::kill(pid_, SIGKILL);
        ::waitpid(pid_, nullptr, 0);
        status_ = 1000;  // Hung.
        break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return status_;
  }

 private:
  static void drain(int fd, std::string& out, std::chrono::seconds limit) {
    auto deadline = std::chrono::steady_clock::now() + limit;
    char buf[65536];
    while (std::chrono::steady_clock::now() < deadline) {
      pollfd p{fd, POLLIN, 0};
      if (::poll(&p, 1, 100) <= 0) continue;
      ssize_t n = ::read(fd, buf, sizeof buf);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) return;
      out.append(buf, static_cast<size_t>(n));
    }
  }

  pid_t pid_ = -1;
  int stdin_ = -1, stdout_ = -1, stderr_ = -1;
  int status_ = -1;
};

std::vector<json> parse_frames(const std::string& stream) {
  dfls::lsp::FrameReader reader;
  reader.feed(stream);
  std::vector<json> out;
  while (auto e = reader.next()) {
    REQUIRE(e->kind == dfls::lsp::FrameReader::Event::Message);
    out.push_back(json::parse(e->text));
  }
  CHECK(reader.pending() == 0);
  return out;
}

const json* response(const std::vector<json>& messages, const json& id) {
  for (const json& m : messages)
    if (!m.contains("method") && m.contains("id") && m["id"] == id) return &m;
  return nullptr;
}

int count_responses(const std::vector<json>& messages, const json& id) {
  int n = 0;
  for (const json& m : messages) n += !m.contains("method") && m.contains("id") && m["id"] == id;
  return n;
}

#define NEED_SERVER()                                                      \
  std::string binary = server_binary();                                    \
  if (binary.empty()) SKIP("build/dockerfile-ls not found");

}  // namespace

TEST_CASE("server process exits 0 after shutdown and exit") {
  NEED_SERVER();
  Process p({binary, "--stdio"});
  p.write(kInitialize + framed(message("initialized", json::object())) + kShutdownExit);
  auto out = parse_frames(p.read_all());
  CHECK(p.wait() == 0);
  REQUIRE(response(out, 1));
  CHECK((*response(out, 1))["result"]["serverInfo"]["name"] == "dockerfile-ls");
  REQUIRE(response(out, 99));
  CHECK((*response(out, 99))["result"].is_null());
}

TEST_CASE("server process exits 1 on exit without shutdown") {
  NEED_SERVER();
  Process p({binary});
  p.write(kInitialize + framed(message("exit", nullptr)));
  p.read_all();
  CHECK(p.wait() == 1);
  Process before_initialize({binary});
  before_initialize.write(framed(message("exit", nullptr)));
  before_initialize.read_all();
  CHECK(before_initialize.wait() == 1);
}

TEST_CASE("server process exits cleanly at end of input") {
  NEED_SERVER();
  Process idle({binary});
  idle.close_stdin();
  CHECK(idle.read_all().empty());
  CHECK(idle.wait() == 0);
  Process mid_message({binary});
  mid_message.write(kInitialize + "Content-Length: 100\r\n\r\n{\"jsonrpc\"");
  mid_message.close_stdin();
  auto out = parse_frames(mid_message.read_all());
  CHECK(response(out, 1));
  CHECK(mid_message.wait() == 0);
}

TEST_CASE("server process reads messages split across writes and batched in one") {
  NEED_SERVER();
  Process p({binary});
  std::string stream = kInitialize + framed(message("initialized", json::object()));
  for (size_t i = 0; i < stream.size(); i += 7) {
    p.write(std::string_view(stream).substr(i, 7));
    if (i % 49 == 0) std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  std::string batch;
  for (int id = 10; id < 15; ++id) batch += framed(message("no/such/method", json::object(), id));
  p.write(batch + kShutdownExit);
  auto out = parse_frames(p.read_all());
  CHECK(p.wait() == 0);
  for (int id = 10; id < 15; ++id) {
    REQUIRE(count_responses(out, id) == 1);
    CHECK((*response(out, id))["error"]["code"] == -32601);
  }
}

TEST_CASE("server process survives broken framing, bad JSON and invalid UTF-8") {
  NEED_SERVER();
  Process p({binary});
  std::string bad_utf8 = R"({"jsonrpc":"2.0","id":3,"method":"x","params":{"s":")" + std::string("\xC3\x28") + "\"}}";
  p.write("X-Nonsense: 1\r\n\r\n" + frame("{not json") + frame(bad_utf8) + "Content-Length: x\r\n\r\n" +
          kInitialize + framed(message("initialized", json::object())) + kShutdownExit);
  auto out = parse_frames(p.read_all());
  CHECK(p.wait() == 0);
  int parse_errors = 0;
  for (const json& m : out)
    if (m.contains("error") && m["error"]["code"] == -32700) {
      CHECK(m["id"].is_null());
      ++parse_errors;
    }
  CHECK(parse_errors == 4);
  CHECK(response(out, 1));
  CHECK(response(out, 99));
}

TEST_CASE("server process answers a request cancelled in the same read with -32800") {
  NEED_SERVER();
  Process p({binary});
  p.write(kInitialize + framed(message("initialized", json::object())));
  std::string doc = R"({"uri":"file:///c/Dockerfile","languageId":"dockerfile","version":1,"text":"FROM a\n"})";
  std::string both = framed(message("textDocument/didOpen", {{"textDocument", json::parse(doc)}})) +
                     framed(message("dockerfile-ls/syntaxTree", {{"textDocument", {{"uri", "file:///c/Dockerfile"}}}}, 2)) +
                     framed(message("$/cancelRequest", {{"id", 2}}));
  REQUIRE(both.size() < 4096);  // One atomic pipe write: the server reads it in one go.
  p.write(both);
  p.write(kShutdownExit);
  auto out = parse_frames(p.read_all());
  CHECK(p.wait() == 0);
  REQUIRE(count_responses(out, 2) == 1);
  CHECK((*response(out, 2))["error"]["code"] == -32800);
}

TEST_CASE("server process handles a very large document") {
  NEED_SERVER();
  std::string text;
#ifdef __SANITIZE_ADDRESS__
  const size_t size = 1u << 20;  // Every rule runs on it: keep the sanitizer build's run short.
#else
  const size_t size = 8u << 20;
#endif
  while (text.size() < size) text += "RUN echo \"\xF0\x9F\x98\x80 line\" && apt-get install -y curl\r\n";
  Process p({binary});
  p.write(kInitialize + framed(message("initialized", json::object())));
  p.write(framed(message("textDocument/didOpen",
                         {{"textDocument", {{"uri", "file:///big/Dockerfile"}, {"languageId", "dockerfile"},
                                            {"version", 1}, {"text", text}}}})));
  json change = {{"range", {{"start", {{"line", 1000}, {"character", 5}}}, {"end", {{"line", 1000}, {"character", 9}}}}},
                 {"text", "printf"}};
  p.write(framed(message("textDocument/didChange",
                         {{"textDocument", {{"uri", "file:///big/Dockerfile"}, {"version", 2}}},
                          {"contentChanges", json::array({change})}})));
  // Diagnostics are published once the queued messages have run, so wait for them before
  // shutting down.
  std::string stream = p.read_until("\"version\":2}", std::chrono::seconds(120));
  p.write(kShutdownExit);
  stream += p.read_all();
  CHECK(p.wait(std::chrono::seconds(60)) == 0);
  auto out = parse_frames(stream);
  bool published = false;
  for (const json& m : out)
    if (m.value("method", "") == "textDocument/publishDiagnostics" && m["params"]["version"] == 2) published = true;
  CHECK(published);
  CHECK(response(out, 99));
}

TEST_CASE("server process accepts one client with --listen") {
  NEED_SERVER();
  Process p({binary, "--listen=0"}, true);
  std::string line;
  for (int i = 0; i < 5 && line.find("listening on 127.0.0.1:") == std::string::npos; ++i)
    line = p.read_stderr_line();
  REQUIRE(line.find("listening on 127.0.0.1:") != std::string::npos);
  auto colon = line.rfind(':');
  int port = std::stoi(line.substr(colon + 1));
  int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  REQUIRE(::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
  std::string stream = kInitialize + kShutdownExit;
  REQUIRE(::write(fd, stream.data(), stream.size()) == static_cast<ssize_t>(stream.size()));
  std::string received;
  char buf[4096];
  for (ssize_t n; (n = ::read(fd, buf, sizeof buf)) > 0;) received.append(buf, static_cast<size_t>(n));
  ::close(fd);
  CHECK(p.wait() == 0);
  auto out = parse_frames(received);
  CHECK(response(out, 1));
  CHECK(response(out, 99));
}

TEST_CASE("server process connects to a listening client with --socket") {
  NEED_SERVER();
  int listener = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  REQUIRE(::bind(listener, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
  REQUIRE(::listen(listener, 1) == 0);
  socklen_t len = sizeof addr;
  REQUIRE(::getsockname(listener, reinterpret_cast<sockaddr*>(&addr), &len) == 0);
  Process p({binary, "--socket=" + std::to_string(ntohs(addr.sin_port))});
  pollfd pf{listener, POLLIN, 0};
  REQUIRE(::poll(&pf, 1, 20000) == 1);
  int fd = ::accept(listener, nullptr, nullptr);
  REQUIRE(fd >= 0);
  std::string stream = kInitialize + kShutdownExit;
  REQUIRE(::write(fd, stream.data(), stream.size()) == static_cast<ssize_t>(stream.size()));
  std::string received;
  char buf[4096];
  for (ssize_t n; (n = ::read(fd, buf, sizeof buf)) > 0;) received.append(buf, static_cast<size_t>(n));
  ::close(fd);
  ::close(listener);
  CHECK(p.wait() == 0);
  auto out = parse_frames(received);
  CHECK(response(out, 1));
}

TEST_CASE("command line: version, help and bad options") {
  NEED_SERVER();
  Process version({binary, "--version"});
  std::string v = version.read_all();
  CHECK(version.wait() == 0);
  CHECK(v.starts_with("dockerfile-ls "));
  CHECK(v.find("tree-sitter runtime ") != std::string::npos);
  CHECK(v.find("grammar ABI ") != std::string::npos);
  Process help({binary, "--help"});
  CHECK(help.read_all().find("--listen=PORT") != std::string::npos);
  CHECK(help.wait() == 0);
  Process unknown({binary, "--frobnicate"});
  unknown.read_all();
  CHECK(unknown.wait() == 2);
  Process ipc({binary, "--node-ipc"});
  ipc.read_all();
  CHECK(ipc.wait() == 2);
  Process bad_port({binary, "--socket=70000"});
  bad_port.read_all();
  CHECK(bad_port.wait() == 2);
}
