// Condition text for the formatter: one line with parentheses only where
// precedence needs them, or, when too long, split at `and` / `or` with aligned joiners.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "triage/dsl/ast.hpp"

namespace triage::dsl {

/// The whole condition on one line.
std::string conditionText(const ast::Condition& condition);

/// One line of a laid-out condition: the column its text starts at, and where
/// the operand it starts with begins in the source (to keep comments near).
struct ConditionLine {
    std::size_t column = 0;
    std::string text;
    std::uint32_t anchor = 0;
};

/// Lays out the node so its first character lands at `column`. What fits
/// stays on one line; a longer `and`/`or` puts one operand per line, with the
/// joiner right-aligned before the operand column, recursively inside
/// parentheses: "when a" / " and (b" / "      or c)".
std::vector<ConditionLine> layoutCondition(const ast::Condition& condition, std::uint32_t index, int required,
                                           std::size_t column);

}  // namespace triage::dsl
