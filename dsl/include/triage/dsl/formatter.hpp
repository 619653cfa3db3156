// The canonical layout of a .rules file. format(parse(x)) is stable:
// formatting formatted text changes nothing, and comments are kept.
#pragma once

#include <string>

#include "triage/dsl/ast.hpp"
#include "triage/dsl/source_file.hpp"

namespace triage::dsl {

/// Renders a parsed file in canonical layout. `source` supplies the comments'
/// positions relative to declarations.
std::string formatFile(const ast::File& file, const SourceFile& source);

}  // namespace triage::dsl
