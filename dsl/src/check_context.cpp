#include "check_context.hpp"

namespace triage::dsl {

void CheckContext::error(const SourceFile& file, ast::SourceSpan span, std::string message) {
    diagnostics_.push_back({Severity::Error, &file, span, std::move(message), {}});
}

void CheckContext::warning(std::string id, const SourceFile& file, ast::SourceSpan span,
                           std::string message) {
    diagnostics_.push_back({Severity::Warning, &file, span, std::move(message), std::move(id)});
}

void CheckContext::note(const SourceFile& file, ast::SourceSpan span, std::string message) {
    diagnostics_.push_back({Severity::Note, &file, span, std::move(message), {}});
}

const char* typeName(ast::FactType type) {
    switch (type) {
        case ast::FactType::Bool: return "bool";
        case ast::FactType::Enum: return "enum";
        case ast::FactType::Code: return "code";
        case ast::FactType::Number: return "number";
    }
    return "?";
}

}  // namespace triage::dsl
