// Pass 2: every fact, cause and code group a rule, step or test names must be
// declared somewhere in the program. Unknown names get a "did you mean".
#include "check_passes.hpp"
#include "spelling.hpp"

namespace triage::dsl {
namespace {

template <typename Decl>
void require(CheckContext& context, const NameTable<Decl>& table, const char* kind, const SourceFile& file,
             const ast::Identifier& name) {
    if (table.find(name.name)) return;
    context.error(
        file, name.span,
        std::string("unknown ") + kind + " '" + name.name + "'" + didYouMean(name.name, table.names()));
}

void resolveCondition(CheckContext& context, const SourceFile& file, const ast::Condition& condition) {
    for (const auto& compare : condition.compares)
        require(context, context.facts, "fact", file, compare.fact);
    for (const auto& membership : condition.memberships) {
        require(context, context.facts, "fact", file, membership.fact);
        if (membership.group) require(context, context.codeGroups, "code group", file, *membership.group);
    }
    for (const auto& known : condition.knowns) require(context, context.facts, "fact", file, known.fact);
}

void resolveRule(CheckContext& context, const SourceFile& file, const ast::RuleDecl& rule) {
    for (const auto& conclusion : rule.conclusions) {
        if (conclusion.kind == ast::ConclusionDecl::Kind::Sets)
            require(context, context.facts, "fact", file, conclusion.target);
        else
            require(context, context.causes, "cause", file, conclusion.target);
    }
}

void resolveTest(CheckContext& context, const SourceFile& file, const ast::TestDecl& test) {
    for (const auto& given : test.given) require(context, context.facts, "fact", file, given.fact);
    for (const auto& expectation : test.expectations) {
        if (!expectation.target) continue;
        if (expectation.kind == ast::Expectation::Kind::NextQuestion)
            require(context, context.facts, "fact", file, *expectation.target);
        else
            require(context, context.causes, "cause", file, *expectation.target);
    }
}

}  // namespace

void resolveNames(CheckContext& context) {
    // Per file, in source order of the kinds, so diagnostics come out grouped.
    for (const LoadedFile& loaded : context.program().files) {
        const SourceFile& file = *loaded.source;
        for (const auto& cause : loaded.ast.causes)
            for (const auto& step : cause.steps)
                if (step.when) resolveCondition(context, file, *step.when);
        for (const auto& rule : loaded.ast.rules) {
            resolveCondition(context, file, rule.condition);
            resolveRule(context, file, rule);
        }
        for (const auto& test : loaded.ast.tests) resolveTest(context, file, test);
    }
}

}  // namespace triage::dsl
