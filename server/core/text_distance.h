// Edit distance and "did you mean" suggestions for misspelled names (instructions, flags, mount
// keys, stage names, variables).
//
// BuildKit suggests the option with the smallest Levenshtein distance below 3 and no suggestion
// when the value matches an option exactly. We use the optimal string alignment distance instead
// (a swap of two neighbouring characters counts as one edit, so "tpye" is one edit from "type")
// and scale the threshold with the length of the word, so that short words do not attract
// unrelated suggestions: words of up to 4 bytes accept 1 edit, longer words 2 edits.
// Distances count bytes, not characters.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dfls {

// Damerau-Levenshtein distance in its optimal string alignment form: insertions, deletions,
// substitutions and transpositions of adjacent bytes each cost one; no substring is edited twice.
size_t edit_distance(std::string_view a, std::string_view b);

// The largest distance closest_match() accepts for a word of this length.
size_t suggestion_threshold(std::string_view word);

// The candidate nearest to `word` within suggestion_threshold(word), spelled as in the list; the
// first one wins a tie. Nothing when the word is empty, when it equals a candidate (comparing
// case-insensitively if asked: then there is nothing to correct) or when no candidate is close.
std::optional<std::string> closest_match(std::string_view word,
                                         const std::vector<std::string>& candidates,
                                         bool case_insensitive = false);

}  // namespace dfls
