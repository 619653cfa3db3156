// The only entry point to the Spirit X3 grammar (dsl/src/parser.cpp).
#pragma once

#include <vector>

#include "triage/dsl/ast.hpp"
#include "triage/dsl/diagnostic.hpp"
#include "triage/dsl/source_file.hpp"

namespace triage::dsl {

struct ParseResult {
    ast::File file;                       // every declaration that parsed
    std::vector<Diagnostic> diagnostics;  // syntax errors, in source order
    bool ok() const { return !hasErrors(diagnostics); }
};

/// Parses one file. On a syntax error, skips to the next top-level keyword at
/// the start of a line and goes on, so one file can report several errors.
ParseResult parse(const SourceFile& file);

}  // namespace triage::dsl
