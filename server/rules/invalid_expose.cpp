// InvalidExpose: an EXPOSE entry BuildKit cannot read: ports are numbers from 0 to 65535 or
// ranges `8000-8010` (start not above end), the protocol is tcp, udp or sctp (any case), an IP
// address must be one, and a host port range must match the container range. Entries built from
// variables are checked with their values when those are known.
#include <algorithm>

#include "core/expand.h"
#include "core/model/model.h"
#include "core/text_distance.h"
#include "rules/rule.h"
#include "rules/rule_helpers.h"

namespace dfls {

namespace {

std::optional<long> port_number(std::string_view s) {
  if (s.starts_with('+')) s.remove_prefix(1);
  if (s.empty() || s.size() > 6) return std::nullopt;
  for (char c : s)
    if (c < '0' || c > '9') return std::nullopt;
  long v = std::stol(std::string(s));
  if (v > 65535) return std::nullopt;
  return v;
}

// Parses "start[-end]"; returns an error message or "" (and the range).
std::string port_range(std::string_view s, long& start, long& end) {
  if (s.empty()) return "no port given";
  size_t dash = s.find('-');
  std::string_view a = s.substr(0, dash);
  auto sa = port_number(a);
  if (!sa) return "'" + std::string(a) + "' is not a port number (0 to 65535)";
  start = end = *sa;
  if (dash == std::string_view::npos) return "";
  std::string_view b = s.substr(dash + 1);
  if (a == b) return "";
  auto sb = port_number(b);
  if (!sb) return "'" + std::string(b) + "' is not a port number (0 to 65535)";
  if (*sb < *sa) return "the range " + std::string(s) + " ends before it starts";
  end = *sb;
  return "";
}

bool is_ipv4(std::string_view s) {
  int parts = 0;
  while (true) {
    size_t dot = s.find('.');
    std::string_view p = s.substr(0, dot);
    if (p.empty() || p.size() > 3 || p.find_first_not_of("0123456789") != std::string_view::npos ||
        std::stoi(std::string(p)) > 255)
      return false;
    ++parts;
    if (dot == std::string_view::npos) break;
    s.remove_prefix(dot + 1);
  }
  return parts == 4;
}

bool is_ip(std::string_view s) {
  if (is_ipv4(s)) return true;
  if (s.find(':') == std::string_view::npos) return false;
  return s.find_first_not_of("0123456789abcdefABCDEF:.") == std::string_view::npos;
}

void check_invalid_expose(RuleContext& ctx) {
  static const std::vector<std::string> kProtos = {"tcp", "udp", "sctp"};
  const model::Model& m = ctx.doc.model();
  rules::SyntaxErrors errors(ctx.doc);
  for (const model::Instruction& ins : m.instructions) {
    if (ins.kind != model::Kind::Expose || ins.inside_onbuild) continue;
    rules::InstructionLine line = rules::read_instruction_line(ctx.doc, ins);
    VarLookup lookup = rules::lookup_at(m, ins);
    for (const rules::LineWord& w : line.whitespace_words()) {
      ByteRange range = line.range(w);
      if (errors.on_lines(range)) continue;
      ExpandResult r = expand(w.text, lookup, m.escape);
      if (r.error || r.unknown || r.value.empty()) continue;
      const std::string& raw = r.value;
      // [ip:]hostPort:containerPort, the IP possibly holding colons itself.
      std::vector<std::string> parts;
      for (size_t p = 0;;) {
        size_t c = raw.find(':', p);
        parts.push_back(raw.substr(p, c == std::string::npos ? std::string::npos : c - p));
        if (c == std::string::npos) break;
        p = c + 1;
      }
      std::string container = parts.back();
      std::string host = parts.size() >= 2 ? parts[parts.size() - 2] : "";
      std::string ip;
      for (size_t i = 0; i + 2 < parts.size(); ++i) ip += (i ? ":" : "") + parts[i];
      size_t slash = container.find('/');
      std::string port = container.substr(0, slash);
      std::string proto = slash == std::string::npos ? "" : container.substr(slash + 1);
      std::string why;
      std::optional<std::string> proto_fix;
      long cs = 0, ce = 0, hs = 0, he = 0;
      if (port.empty()) {
        why = "no port given";
      } else if (!proto.empty() && std::find(kProtos.begin(), kProtos.end(), rules::to_lower(proto)) == kProtos.end()) {
        proto_fix = closest_match(proto, kProtos, true);
        why = "unknown protocol '" + proto + "' (use tcp, udp or sctp)" + rules::did_you_mean(proto_fix);
      } else if (!ip.empty() && !is_ip(ip.front() == '[' && ip.back() == ']' ? std::string_view(ip).substr(1, ip.size() - 2)
                                                                                : std::string_view(ip))) {
        why = "'" + ip + "' is not an IP address";
      } else if (auto e = port_range(port, cs, ce); !e.empty()) {
        why = e;
      } else if (!host.empty()) {
        if (auto he_msg = port_range(host, hs, he); !he_msg.empty()) why = "host port: " + he_msg;
        else if (ce - cs != he - hs && ce != cs) why = "the host and container port ranges differ in size";
      }
      if (why.empty()) continue;
      Diag& d = ctx.report(range, "invalid EXPOSE entry '" + raw + "': " + why);
      if (proto_fix && raw == w.text) {
        size_t at = w.text.size() - proto.size();
        ByteRange pr = line.line.range(w.start + at, w.end);
        d.fixes.push_back(Fix{.title = "Change to " + *proto_fix, .edits = {{pr, *proto_fix}}, .safe = false, .preferred = true});
      }
    }
  }
}

}  // namespace

extern const Rule kRuleInvalidExpose = {
    .id = "InvalidExpose",
    .default_severity = Severity::Error,
    .summary = "An EXPOSE entry that is not a valid port, range or protocol",
    .hadolint_code = "DL3011",
    .rcjsuen_code = "24",
    .check = check_invalid_expose,
};

}  // namespace dfls
