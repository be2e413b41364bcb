#include "cli/output.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <ostream>

#include "core/line_index.h"

namespace dfls::cli {

namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD in UTF-8.
constexpr std::string_view kInformationUri = "https://github.com/dockerfile-ls/dockerfile-ls";

std::string hex2(unsigned char c) {
  static const char* digits = "0123456789ABCDEF";
  return {digits[c >> 4], digits[c & 15]};
}

// Calls emit(byte_sequence, valid) for each character of s; invalid bytes come one at a time.
template <typename F>
void for_each_char(std::string_view s, F&& emit) {
  for (size_t i = 0; i < s.size();) {
    size_t len = utf8_sequence_length(s, i);
    bool valid = len > 1 || static_cast<unsigned char>(s[i]) < 0x80;
    emit(s.substr(i, len), valid);
    i += len;
  }
}

std::string_view sarif_level(Severity s) {
  switch (s) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    default: return "note";
  }
}

std::string_view checkstyle_severity(Severity s) {
  switch (s) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    default: return "info";
  }
}

std::string_view color_of(Severity s) {
  switch (s) {
    case Severity::Error: return "\x1b[1;31m";
    case Severity::Warning: return "\x1b[1;33m";
    case Severity::Info: return "\x1b[1;34m";
    case Severity::Hint: return "\x1b[2m";
  }
  return "";
}

std::string help_uri(std::string_view rule) {
  return std::string(kInformationUri) + "/blob/main/docs/rules/" + std::string(rule) + ".md";
}

void write_text(std::ostream& out, const std::vector<Finding>& findings, bool color) {
  size_t counts[5] = {0, 0, 0, 0, 0};
  for (const Finding& f : findings) {
    ++counts[static_cast<int>(f.severity)];
    out << f.file << ':' << f.line << ':' << f.column << ": ";
    if (color)
      out << color_of(f.severity) << severity_name(f.severity) << "\x1b[0m";
    else
      out << severity_name(f.severity);
    out << ": " << f.message << " [" << f.rule << "]\n";
  }
  if (findings.empty()) return;
  out << findings.size() << (findings.size() == 1 ? " problem (" : " problems (");
  static const char* names[5][2] = {
      {"", ""}, {"error", "errors"}, {"warning", "warnings"}, {"info", "infos"}, {"hint", "hints"}};
  bool first = true;
  for (int s = 1; s <= 4; ++s) {
    if (counts[s] == 0) continue;
    out << (first ? "" : ", ") << counts[s] << ' ' << names[s][counts[s] == 1 ? 0 : 1];
    first = false;
  }
  out << ")\n";
}

void write_gnu(std::ostream& out, const std::vector<Finding>& findings) {
  for (const Finding& f : findings)
    out << f.file << ':' << f.line << '.' << f.column << '-' << f.end_line << '.' << f.end_column
        << ": " << severity_name(f.severity) << ": " << f.message << " [" << f.rule << "]\n";
}

void write_json(std::ostream& out, const std::vector<Finding>& findings) {
  out << '[';
  for (size_t i = 0; i < findings.size(); ++i) {
    const Finding& f = findings[i];
    out << (i ? ",\n  " : "\n  ") << "{\"file\": " << json_string(f.file) << ", \"line\": " << f.line
        << ", \"column\": " << f.column << ", \"endLine\": " << f.end_line
        << ", \"endColumn\": " << f.end_column << ", \"rule\": " << json_string(f.rule)
        << ", \"severity\": " << json_string(severity_name(f.severity))
        << ", \"message\": " << json_string(f.message)
        << ", \"fixable\": " << (f.fixable ? "true" : "false") << '}';
  }
  out << (findings.empty() ? "]\n" : "\n]\n");
}

void write_sarif(std::ostream& out, const std::vector<Finding>& findings, std::span<const Rule> rules) {
  out << "{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n"
      << "  \"version\": \"2.1.0\",\n  \"runs\": [\n    {\n"
      << "      \"tool\": {\n        \"driver\": {\n"
      << "          \"name\": \"dockerfile-ls\",\n"
      << "          \"version\": " << json_string(DFLS_VERSION) << ",\n"
      << "          \"informationUri\": " << json_string(kInformationUri) << ",\n"
      << "          \"rules\": [";
  std::map<std::string, size_t, std::less<>> index;
  for (size_t i = 0; i < rules.size(); ++i) {
    const Rule& r = rules[i];
    index.emplace(std::string(r.id), i);
    out << (i ? ",\n" : "\n") << "            {\"id\": " << json_string(r.id)
        << ", \"shortDescription\": {\"text\": " << json_string(r.summary) << "}"
        << ", \"helpUri\": " << json_string(help_uri(r.id))
        << ", \"defaultConfiguration\": {\"level\": " << json_string(sarif_level(r.default_severity))
        << (r.enabled_by_default ? "" : ", \"enabled\": false") << "}}";
  }
  out << (rules.empty() ? "]\n" : "\n          ]\n") << "        }\n      },\n"
      << "      \"columnKind\": \"unicodeCodePoints\",\n      \"results\": [";
  for (size_t i = 0; i < findings.size(); ++i) {
    const Finding& f = findings[i];
    out << (i ? ",\n" : "\n") << "        {\"ruleId\": " << json_string(f.rule);
    if (auto it = index.find(f.rule); it != index.end()) out << ", \"ruleIndex\": " << it->second;
    out << ", \"level\": " << json_string(sarif_level(f.severity))
        << ", \"message\": {\"text\": " << json_string(f.message) << "}"
        << ", \"locations\": [{\"physicalLocation\": {\"artifactLocation\": {\"uri\": "
        << json_string(path_uri(f.file)) << "}, \"region\": {\"startLine\": " << f.line
        << ", \"startColumn\": " << f.column << ", \"endLine\": " << f.end_line
        << ", \"endColumn\": " << f.end_column << "}}}]}";
  }
  out << (findings.empty() ? "]\n" : "\n      ]\n") << "    }\n  ]\n}\n";
}

void write_checkstyle(std::ostream& out, const std::vector<Finding>& findings) {
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n";
  // Findings arrive grouped by file (in input order); one <file> element per run of a file.
  for (size_t i = 0; i < findings.size();) {
    const std::string& file = findings[i].file;
    out << "  <file name=\"" << xml_escape(file) << "\">\n";
    for (; i < findings.size() && findings[i].file == file; ++i) {
      const Finding& f = findings[i];
      out << "    <error line=\"" << f.line << "\" column=\"" << f.column << "\" severity=\""
          << checkstyle_severity(f.severity) << "\" message=\"" << xml_escape(f.message)
          << "\" source=\"dockerfile-ls." << xml_escape(f.rule) << "\"/>\n";
    }
    out << "  </file>\n";
  }
  out << "</checkstyle>\n";
}

}  // namespace

std::optional<Format> parse_format(std::string_view name) {
  if (name == "text") return Format::Text;
  if (name == "json") return Format::Json;
  if (name == "sarif") return Format::Sarif;
  if (name == "checkstyle") return Format::Checkstyle;
  if (name == "gnu") return Format::Gnu;
  return std::nullopt;
}

Finding make_finding(std::string file, const LineIndex& lines, const Diag& diag) {
  Finding f;
  f.file = std::move(file);
  Position start = lines.position(diag.range.start, Encoding::Utf32);
  Position end = lines.position(std::max(diag.range.end, diag.range.start), Encoding::Utf32);
  f.line = start.line + 1;
  f.column = start.character + 1;
  f.end_line = end.line + 1;
  f.end_column = end.character + 1;
  f.rule = diag.rule_id;
  f.severity = diag.severity;
  f.message = diag.message;
  for (const Fix& fix : diag.fixes) f.fixable = f.fixable || fix.safe;
  return f;
}

std::string json_string(std::string_view s) {
  std::string out = "\"";
  for_each_char(s, [&](std::string_view ch, bool valid) {
    if (!valid) {
      out += "\\ufffd";
      return;
    }
    unsigned char c = static_cast<unsigned char>(ch[0]);
    switch (c) {
      case '"': out += "\\\""; return;
      case '\\': out += "\\\\"; return;
      case '\b': out += "\\b"; return;
      case '\f': out += "\\f"; return;
      case '\n': out += "\\n"; return;
      case '\r': out += "\\r"; return;
      case '\t': out += "\\t"; return;
      default: break;
    }
    if (c < 0x20)
      out += "\\u00" + hex2(c);
    else
      out += ch;
  });
  return out + "\"";
}

std::string xml_escape(std::string_view s) {
  std::string out;
  for_each_char(s, [&](std::string_view ch, bool valid) {
    if (!valid) {
      out += kReplacement;
      return;
    }
    switch (ch[0]) {
      case '&': out += "&amp;"; return;
      case '<': out += "&lt;"; return;
      case '>': out += "&gt;"; return;
      case '"': out += "&quot;"; return;
      case '\'': out += "&apos;"; return;
      case '\n': out += "&#10;"; return;
      case '\r': out += "&#13;"; return;
      case '\t': out += "&#9;"; return;
      default: break;
    }
    if (static_cast<unsigned char>(ch[0]) < 0x20)
      out += kReplacement;
    else
      out += ch;
  });
  return out;
}

std::string path_uri(std::string_view path) {
  std::string out = !path.empty() && path[0] == '/' ? "file://" : "";
  for (char ch : path) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '/')
      out += ch;
    else if (c == '\\')
      out += '/';
    else
      out += "%" + hex2(c);
  }
  return out;
}

void write_findings(std::ostream& out, Format format, const std::vector<Finding>& findings, bool color,
                    std::span<const Rule> rules) {
  switch (format) {
    case Format::Text: write_text(out, findings, color); break;
    case Format::Json: write_json(out, findings); break;
    case Format::Sarif: write_sarif(out, findings, rules); break;
    case Format::Checkstyle: write_checkstyle(out, findings); break;
    case Format::Gnu: write_gnu(out, findings); break;
  }
}

}  // namespace dfls::cli
