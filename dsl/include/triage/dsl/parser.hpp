// The only entry point to the Spirit X3 grammar (dsl/src/parser.cpp).
#pragma once

#include <vector>

#include "triage/dsl/ast.hpp"
#include "triage/dsl/diagnostic.hpp"
#include "triage/dsl/source_file.hpp"

namespace triage::dsl {

/// The largest .rules file parsed (docs/limits.md); a larger one is one error at 1:1.
inline constexpr std::size_t maxFileBytes = 16 * 1024 * 1024;

struct ParseResult {
    ast::File file;                       // every declaration that parsed
    std::vector<Diagnostic> diagnostics;  // syntax errors, in source order
    bool ok() const { return !hasErrors(diagnostics); }
};

/// Parses one file. On a syntax error, skips to the next top-level keyword at
/// the start of a line and goes on, so one file can report several errors.
/// The tree's names view `file`'s text: keep `file` alive while reading them.
ParseResult parse(const SourceFile& file);

}  // namespace triage::dsl
