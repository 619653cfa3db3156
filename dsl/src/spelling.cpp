#include "spelling.hpp"

#include <algorithm>

namespace triage::dsl {

std::size_t editDistance(std::string_view a, std::string_view b) {
    const std::size_t rows = a.size() + 1;
    const std::size_t cols = b.size() + 1;
    std::vector<std::size_t> table(rows * cols);
    auto at = [&](std::size_t i, std::size_t j) -> std::size_t& { return table[i * cols + j]; };
    for (std::size_t i = 0; i < rows; ++i) at(i, 0) = i;
    for (std::size_t j = 0; j < cols; ++j) at(0, j) = j;
    for (std::size_t i = 1; i < rows; ++i) {
        for (std::size_t j = 1; j < cols; ++j) {
            const std::size_t substitution = a[i - 1] == b[j - 1] ? 0 : 1;
            at(i, j) = std::min({at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + substitution});
            // Swapped neighbours are the commonest typo; count them as one edit.
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                at(i, j) = std::min(at(i, j), at(i - 2, j - 2) + 1);
        }
    }
    return at(rows - 1, cols - 1);
}

namespace {

template <typename Name>
std::optional<std::string> closestOf(std::string_view name, const std::vector<Name>& candidates) {
    std::optional<std::string> best;
    std::size_t bestDistance = 0;
    for (std::string_view candidate : candidates) {
        if (candidate == name) continue;
        const std::size_t distance = editDistance(name, candidate);
        const std::size_t allowed = std::min<std::size_t>(3, std::max(name.size(), candidate.size()) / 3);
        if (distance > allowed) continue;
        if (!best || distance < bestDistance) {
            best = std::string(candidate);
            bestDistance = distance;
        }
    }
    return best;
}

}  // namespace

std::optional<std::string> closestName(std::string_view name, const std::vector<std::string>& candidates) {
    return closestOf(name, candidates);
}

std::string didYouMean(std::string_view name, const std::vector<std::string>& candidates) {
    if (auto suggestion = closestOf(name, candidates)) return "; did you mean '" + *suggestion + "'?";
    return "";
}

std::string didYouMean(std::string_view name, const std::vector<std::string_view>& candidates) {
    if (auto suggestion = closestOf(name, candidates)) return "; did you mean '" + *suggestion + "'?";
    return "";
}

}  // namespace triage::dsl
