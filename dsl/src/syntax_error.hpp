// Turns "the grammar expected X at byte P" into a user-facing diagnostic:
// what was found instead, and a caret that stays on the line the parser was
// reading rather than drifting to the next token's line.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "triage/dsl/ast.hpp"
#include "triage/dsl/diagnostic.hpp"
#include "triage/dsl/source_file.hpp"

namespace triage::dsl {

/// "expected <expected>, found <token>" for a failure at `where`, inside the
/// declaration that starts at `declarationBegin`. `comments` are the file's.
/// Unless `nextLineCounts`, a token on a later line reads as "end of line".
Diagnostic syntaxError(const SourceFile& file, const std::vector<ast::Comment>& comments,
                       std::size_t declarationBegin, std::size_t where, const std::string& expected,
                       bool nextLineCounts = false);

/// How a token reads in a message: "'when'", "text \"Welke...\"", "end of line".
std::string describeToken(std::string_view text, std::size_t pos);

/// " Did you mean 'fact'?" when `word` is a near miss of a keyword, else "".
std::string keywordSuggestion(std::string_view word);

}  // namespace triage::dsl
