// Test helper: a span-free text dump of an AST, so two parses can be compared
// ("same AST modulo spans") and a mismatch shows up as a readable diff.
// Parentheses that only group are dropped and nested and/or of the same kind
// are flattened, since the formatter prints minimal parentheses.
#pragma once

#include <string>

#include "triage/dsl/ast.hpp"

namespace triage::testing {

std::string dumpCondition(const ast::Condition& condition);
std::string dumpFile(const ast::File& file);

}  // namespace triage::testing
