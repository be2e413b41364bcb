#include "core/text_distance.h"

#include <algorithm>

namespace dfls {
namespace {

char fold(char c, bool case_insensitive) {
  if (case_insensitive && c >= 'A' && c <= 'Z') return static_cast<char>(c - 'A' + 'a');
  return c;
}

size_t distance(std::string_view a, std::string_view b, bool case_insensitive) {
  // Three rolling rows: the row before the previous one is needed for transpositions.
  const size_t n = b.size();
  std::vector<size_t> before(n + 1), previous(n + 1), current(n + 1);
  for (size_t j = 0; j <= n; ++j) previous[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    char ca = fold(a[i - 1], case_insensitive);
    for (size_t j = 1; j <= n; ++j) {
      char cb = fold(b[j - 1], case_insensitive);
      size_t cost = ca == cb ? 0 : 1;
      size_t best = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
      if (i > 1 && j > 1 && ca == fold(b[j - 2], case_insensitive) &&
          fold(a[i - 2], case_insensitive) == cb) {
        best = std::min(best, before[j - 2] + 1);
      }
      current[j] = best;
    }
    std::swap(before, previous);
    std::swap(previous, current);
  }
  return previous[n];
}

}  // namespace

size_t edit_distance(std::string_view a, std::string_view b) { return distance(a, b, false); }

size_t suggestion_threshold(std::string_view word) { return word.size() <= 4 ? 1 : 2; }

std::optional<std::string> closest_match(std::string_view word,
                                         const std::vector<std::string>& candidates,
                                         bool case_insensitive) {
  if (word.empty()) return std::nullopt;
  const size_t limit = suggestion_threshold(word);
  const std::string* best = nullptr;
  size_t best_distance = limit + 1;
  for (const std::string& candidate : candidates) {
    // Lengths differing by more than the limit cannot be within it.
    size_t gap = candidate.size() > word.size() ? candidate.size() - word.size()
                                                : word.size() - candidate.size();
    if (gap > limit) continue;
    size_t d = distance(word, candidate, case_insensitive);
    if (d == 0) return std::nullopt;
    if (d < best_distance) {
      best_distance = d;
      best = &candidate;
    }
  }
  if (best == nullptr) return std::nullopt;
  return *best;
}

}  // namespace dfls
