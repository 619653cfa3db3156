// "Did you mean ...?": picks the declared name closest to a misspelt one by
// edit distance, so unknown-name diagnostics can suggest a fix.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace triage::dsl {

/// Optimal string alignment distance: insertions, deletions, substitutions
/// and swaps of two neighbouring characters each cost 1.
std::size_t editDistance(std::string_view a, std::string_view b);

/// The candidate closest to `name`, if it is close enough to be a likely typo
/// (at most a third of the longer name, and at most 3 edits). Ties go to the
/// earlier candidate, so suggestions follow declaration order.
std::optional<std::string> closestName(std::string_view name, const std::vector<std::string>& candidates);

/// "; did you mean 'x'?" or "" when nothing is close.
std::string didYouMean(std::string_view name, const std::vector<std::string>& candidates);
std::string didYouMean(std::string_view name, const std::vector<std::string_view>& candidates);

}  // namespace triage::dsl
