// Lexical scans the grammar does not do: comments (kept for the formatter),
// declaration boundaries (for error recovery) and checks that the input is
// text nested shallowly enough for the recursive grammar.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "triage/dsl/ast.hpp"

namespace triage::dsl::scan {

/// Deepest nesting of parentheses and `not` a condition may have; the
/// grammar recurses once per level, so this bounds its stack use.
inline constexpr std::size_t maxConditionDepth = 256;

bool isWordChar(char c);

/// The run of word characters (letters, digits, '_') starting at `pos`.
std::string_view wordAt(std::string_view text, std::size_t pos);

bool isDeclarationKeyword(std::string_view word);

/// The first position at or after `pos` (and before `end`) that is neither
/// whitespace nor inside a comment.
std::size_t skipSpaceAndComments(std::string_view text, std::size_t pos, std::size_t end);

/// The start of the first line after the one holding `pos` whose first word
/// is a declaration keyword, or text.size(): where the declaration at `pos` ends.
std::size_t nextDeclarationLine(std::string_view text, std::size_t pos);

/// Every `#` comment from `begin` on, in order, with `trailing` set for those
/// that follow code on their line.
std::vector<ast::Comment> comments(std::string_view text, std::size_t begin);

struct InputProblem {
    std::size_t offset = 0;
    std::size_t length = 1;
    std::string message;
};

/// The first spot in [begin, end) that the grammar must not see: a NUL byte,
/// bytes that are not UTF-8, or a condition nested too deep.
std::optional<InputProblem> findInputProblem(std::string_view text, std::size_t begin, std::size_t end);

}  // namespace triage::dsl::scan
