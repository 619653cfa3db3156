// State shared by the checking passes: every declaration of the program by
// name (names are global across imported files) and the diagnostics found so far.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "name_table.hpp"
#include "triage/dsl/ast.hpp"
#include "triage/dsl/diagnostic.hpp"
#include "triage/dsl/loader.hpp"

namespace triage::dsl {

class CheckContext {
public:
    explicit CheckContext(const Program& program) : program_(program) {}

    const Program& program() const { return program_; }

    void error(const SourceFile& file, ast::SourceSpan span, std::string message);
    void warning(std::string id, const SourceFile& file, ast::SourceSpan span, std::string message);
    /// Extra context for the diagnostic just reported ("first declared here").
    void note(const SourceFile& file, ast::SourceSpan span, std::string message);

    std::vector<Diagnostic>& diagnostics() { return diagnostics_; }

    NameTable<ast::FactDecl> facts;
    NameTable<ast::CauseDecl> causes;
    NameTable<ast::CodeGroupDecl> codeGroups;
    // Rules: only checked for duplicate names (check_declarations.cpp), never looked up.
    NameTable<ast::TestDecl> tests;

private:
    const Program& program_;
    std::vector<Diagnostic> diagnostics_;
};

/// Calls `visit(file, condition)` for every condition of the program: the
/// `when` of each rule and of each fix step that has one.
template <typename Visit>
void forEachCondition(const Program& program, Visit&& visit) {
    for (const LoadedFile& loaded : program.files) {
        for (const ast::RuleDecl& rule : loaded.ast.rules) visit(*loaded.source, rule.condition);
        for (const ast::CauseDecl& cause : loaded.ast.causes)
            for (const ast::FixStepDecl& step : cause.steps)
                if (step.when) visit(*loaded.source, *step.when);
    }
}

/// "bool", "enum", "code", "number": how messages name a fact type.
const char* typeName(ast::FactType type);

}  // namespace triage::dsl
