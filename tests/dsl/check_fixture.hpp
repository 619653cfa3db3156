// Shared by the checker tests: compile .rules text held in memory and render
// every diagnostic with dsl::format, so tests compare what a user would read.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "triage/dsl/compiler.hpp"
#include "triage/dsl/loader.hpp"

namespace triage::dsl::testing {

/// The loaded program must outlive the result: diagnostics point into its files.
struct Compiled {
    Program program;
    CompileResult result;

    /// Every diagnostic, formatted and concatenated.
    std::string text() const {
        std::string out;
        for (const Diagnostic& diagnostic : result.diagnostics) out += format(diagnostic);
        return out;
    }
};

/// Loads `roots` from the in-memory `files` and compiles them.
inline Compiled compileFiles(const std::map<std::string, std::string>& files,
                             const std::vector<std::string>& roots, const CompileOptions& options = {}) {
    Compiled compiled;
    const MemorySources sources(files);
    compiled.program = load(roots, sources);
    compiled.result = compile(compiled.program, options);
    return compiled;
}

/// One file, named "test.rules".
inline Compiled compileText(const std::string& text, const CompileOptions& options = {}) {
    return compileFiles({{"test.rules", text}}, {"test.rules"}, options);
}

/// The formatted diagnostics of one file.
inline std::string diagnosticsOf(const std::string& text, const CompileOptions& options = {}) {
    return compileText(text, options).text();
}

/// A fact, a cause and a rule that connect them, so a test snippet appended
/// to it triggers only the diagnostic under test.
inline const char* const connectedBase = R"(fact error_code: code
  question
    en "Which error code?"
codes activation_codes = { 0xC004F211 }
cause no_license
  title
    en "No license"
rule code_means_no_license
  when error_code in activation_codes
  then supports no_license 0.7
)";

}  // namespace triage::dsl::testing
