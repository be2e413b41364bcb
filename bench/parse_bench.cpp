// Parser and analysis benchmarks:
//   dfls_bench corpus DIR        parse throughput (MB/s) over every file of a directory, and the
//                                time of a full analysis (model + all rules) per file
//   dfls_bench edit FILE         one-character incremental edit of a large file: reparse, model
//                                and rules, median over many edits at different places
//   dfls_bench rules FILE        the time of each rule on one file, slowest first
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/document.h"
#include "rules/run_rules.h"

using namespace dfls;
using Clock = std::chrono::steady_clock;

namespace {

std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

double micros_since(Clock::time_point t) {
  return std::chrono::duration<double, std::micro>(Clock::now() - t).count();
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : v[v.size() / 2];
}

double percentile(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : v[std::min(v.size() - 1, static_cast<size_t>(p * v.size()))];
}

int bench_corpus(const std::filesystem::path& dir) {
  std::vector<std::string> texts;
  size_t bytes = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    if (!e.is_regular_file()) continue;
    auto name = e.path().filename().string();
    if (name == "MANIFEST.tsv" || name == "README.md") continue;
    texts.push_back(read_file(e.path()));
    bytes += texts.back().size();
  }
  syntax::Parser parser;
  const int rounds = 10;
  auto t = Clock::now();
  for (int r = 0; r < rounds; ++r)
    for (const auto& text : texts) parser.parse(text);
  double parse_us = micros_since(t);
  std::vector<double> analysis;
  for (const auto& text : texts) {
    auto t0 = Clock::now();
    auto doc = Document::create("file:///bench", 1, text);
    run_rules(*doc, Config{});
    analysis.push_back(micros_since(t0));
  }
  std::printf("files: %zu, bytes: %zu\n", texts.size(), bytes);
  std::printf("parse throughput: %.1f MB/s\n", (bytes * rounds / 1e6) / (parse_us / 1e6));
  std::printf("parse + model + all rules per file: median %.0f us, p99 %.0f us, max %.0f us\n",
              median(analysis), percentile(analysis, 0.99), percentile(analysis, 1.0));
  return 0;
}

int bench_edit(const std::filesystem::path& file) {
  std::string text = read_file(file);
  auto doc = Document::create("file:///bench", 1, text);
  std::vector<double> reparse, analysis;
  const int edits = 40;
  for (int i = 0; i < edits; ++i) {
    // Type one character at the start of a line spread over the file, then delete it again.
    size_t line = (doc->lines().line_count() * static_cast<size_t>(i)) / edits;
    size_t offset = doc->lines().line_start(line);
    for (int pass = 0; pass < 2; ++pass) {
      auto t0 = Clock::now();
      DocumentEditor editor(*doc);
      if (pass == 0)
        editor.replace(offset, offset, "#");
      else
        editor.replace(offset, offset + 1, "");
      doc = editor.finish(doc->version() + 1);
      reparse.push_back(micros_since(t0));
      auto t1 = Clock::now();
      run_rules(*doc, Config{});
      analysis.push_back(micros_since(t1));
    }
  }
  std::printf("file: %zu lines, %zu bytes\n", doc->lines().line_count(), doc->text().size());
  std::printf("one-character edit (text splice + incremental reparse + model): median %.0f us, p95 %.0f us\n",
              median(reparse), percentile(reparse, 0.95));
  std::printf("all rules after the edit: median %.0f us, p95 %.0f us\n", median(analysis),
              percentile(analysis, 0.95));
  return 0;
}

int bench_rules(const std::filesystem::path& file) {
  auto doc = Document::create("file:///bench", 1, read_file(file));
  doc->model();
  auto t_all = Clock::now();
  run_rules(*doc, Config{});
  double all_us = micros_since(t_all);
  auto t_none = Clock::now();
  run_rules(*doc, Config{}, std::span<const Rule>());
  double overhead_us = micros_since(t_none);
  std::printf("all rules together: %.0f us; run_rules with no rules (suppressions, syntax errors): %.0f us\n",
              all_us, overhead_us);
  std::vector<std::pair<double, std::string_view>> times;
  double total = 0;
  for (const Rule& rule : all_rules()) {
    auto t0 = Clock::now();
    run_rules(*doc, Config{}, std::span<const Rule>(&rule, 1));
    double us = micros_since(t0) - overhead_us;
    total += us;
    times.emplace_back(us, rule.id);
  }
  std::sort(times.rbegin(), times.rend());
  std::printf("file: %zu lines; rules one by one, without that overhead: %.0f us\n", doc->lines().line_count(), total);
  for (size_t i = 0; i < times.size() && i < 25; ++i)
    std::printf("%10.0f us  %.*s\n", times[i].first, static_cast<int>(times[i].second.size()),
                times[i].second.data());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 3 && std::string(argv[1]) == "corpus") return bench_corpus(argv[2]);
  if (argc == 3 && std::string(argv[1]) == "edit") return bench_edit(argv[2]);
  if (argc == 3 && std::string(argv[1]) == "rules") return bench_rules(argv[2]);
  std::fprintf(stderr, "usage: dfls_bench corpus DIR | dfls_bench edit FILE | dfls_bench rules FILE\n");
  return 2;
}
