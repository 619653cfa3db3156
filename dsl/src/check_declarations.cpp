// Pass 1: the name tables, and everything declared twice.
#include <string>
#include <unordered_map>

#include "check_passes.hpp"

namespace triage::dsl {
namespace {

/// Adds `name` to `table`, or reports it as a duplicate with a note at the first one.
template <typename Decl>
void declare(CheckContext& context, NameTable<Decl>& table, const char* kind, const std::string& name,
             ast::SourceSpan span, const Decl& decl, const SourceFile& file,
             ast::SourceSpan (*spanOfDecl)(const Decl&)) {
    auto [it, inserted] = table.byName.emplace(name, DeclarationIn<Decl>{&decl, &file});
    if (inserted) {
        table.names.push_back(name);
        return;
    }
    context.error(file, span, std::string("duplicate ") + kind + " '" + name + "'");
    context.note(*it->second.file, spanOfDecl(*it->second.decl),
                 std::string(kind) + " '" + name + "' first declared here");
}

template <typename Decl>
ast::SourceSpan nameSpan(const Decl& decl) {
    return decl.name.span;
}

ast::SourceSpan testNameSpan(const ast::TestDecl& test) {
    return test.nameSpan;
}

void checkEnumValues(CheckContext& context, const SourceFile& file, const ast::FactDecl& fact) {
    std::unordered_map<std::string, const ast::Identifier*> seen;
    for (const ast::Identifier& value : fact.enumValues) {
        auto [it, inserted] = seen.emplace(value.name, &value);
        if (inserted) continue;
        context.error(file, value.span,
                      "duplicate value '" + value.name + "' in the enum of fact '" + fact.name.name + "'");
    }
}

void checkStepIds(CheckContext& context, const SourceFile& file, const ast::CauseDecl& cause) {
    std::unordered_map<std::string, const ast::FixStepDecl*> seen;
    for (const ast::FixStepDecl& step : cause.steps) {
        auto [it, inserted] = seen.emplace(step.id.name, &step);
        if (inserted) continue;
        context.error(file, step.id.span,
                      "duplicate step '" + step.id.name + "' in cause '" + cause.name.name + "'");
        context.note(file, it->second->id.span, "step '" + step.id.name + "' first declared here");
    }
}

/// A test that gives one fact two values would test whichever the engine keeps.
void checkGivens(CheckContext& context, const SourceFile& file, const ast::TestDecl& test) {
    std::unordered_map<std::string, const ast::GivenFact*> seen;
    for (const ast::GivenFact& given : test.given)
        if (!seen.emplace(given.fact.name, &given).second)
            context.error(file, given.fact.span,
                          "fact '" + given.fact.name + "' is given twice in test '" + test.name + "'");
}

/// More rules than any knowledge base written by people needs (docs/limits.md);
/// past it, inference and question choice would take minutes per ticket.
constexpr std::size_t maxRules = 1000000;

}  // namespace

void collectDeclarations(CheckContext& context) {
    std::size_t rules = 0;
    for (const LoadedFile& loaded : context.program().files) {
        for (const auto& rule : loaded.ast.rules) {
            if (++rules != maxRules + 1) continue;
            context.error(*loaded.source, rule.name.span,
                          "rule '" + rule.name.name + "' is one more than the limit of " + std::to_string(maxRules) +
                              " rules");
        }
    }
    // Sized once: grown by doubling, the table of 100,000 rule names would
    // leave its slack at the peak of the load.
    context.rules.byName.reserve(rules);
    context.rules.names.reserve(rules);
    for (const LoadedFile& loaded : context.program().files) {
        const SourceFile& file = *loaded.source;
        const ast::File& ast = loaded.ast;
        for (const auto& fact : ast.facts) {
            declare(context, context.facts, "fact", fact.name.name, fact.name.span, fact, file, &nameSpan);
            checkEnumValues(context, file, fact);
        }
        for (const auto& group : ast.codeGroups)
            declare(context, context.codeGroups, "code group", group.name.name, group.name.span, group, file,
                    &nameSpan);
        for (const auto& cause : ast.causes) {
            declare(context, context.causes, "cause", cause.name.name, cause.name.span, cause, file,
                    &nameSpan);
            checkStepIds(context, file, cause);
        }
        for (const auto& rule : ast.rules)
            declare(context, context.rules, "rule", rule.name.name, rule.name.span, rule, file, &nameSpan);
        for (const auto& test : ast.tests) {
            declare(context, context.tests, "test", test.name, test.nameSpan, test, file, &testNameSpan);
            checkGivens(context, file, test);
        }
    }
}

}  // namespace triage::dsl
