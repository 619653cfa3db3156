// Diagnostics shared by the parser, the checker and the CLI: one type, one
// clang-style formatter (file:line:col: severity: message, source line, caret).
#pragma once

#include <string>
#include <vector>

#include "triage/dsl/ast.hpp"
#include "triage/dsl/source_file.hpp"

namespace triage::dsl {

enum class Severity { Error, Warning, Note };

struct Diagnostic {
    Severity severity = Severity::Error;
    const SourceFile* file = nullptr;  // null: not tied to a file (e.g. a missing path)
    ast::SourceSpan span;
    std::string message;
    /// Stable id of a warning kind ("unused-question"), empty for errors.
    std::string id;
};

struct FormatOptions {
    bool colour = false;
};

/// "file:3:10: error: message\n  source line\n  ^~~~\n"
std::string format(const Diagnostic& diagnostic, const FormatOptions& options = {});

/// Sorted by file, then offset; errors before warnings at the same spot.
void sortDiagnostics(std::vector<Diagnostic>& diagnostics);

bool hasErrors(const std::vector<Diagnostic>& diagnostics);

}  // namespace triage::dsl
