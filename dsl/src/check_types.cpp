// Pass 3: values must fit the fact they are compared with, set to or given
// for, and each kind of test needs its kind of fact (`<` a number, `in GROUP`
// a code, a bare `f` a bool). Unknown facts were reported by resolveNames.
#include "check_passes.hpp"
#include "lower_literal.hpp"

namespace triage::dsl {
namespace {

const char* operatorText(ast::Comparison op) {
    switch (op) {
        case ast::Comparison::Eq: return "=";
        case ast::Comparison::Ne: return "!=";
        case ast::Comparison::Lt: return "<";
        case ast::Comparison::Le: return "<=";
        case ast::Comparison::Gt: return ">";
        case ast::Comparison::Ge: return ">=";
    }
    return "?";
}

std::string describeFact(const ast::FactDecl& fact) {
    const std::string type = typeName(fact.type);
    return "'" + fact.name.name + "' is " + (type == "enum" ? "an " : "a ") + type + " fact";
}

void requireValue(CheckContext& context, const SourceFile& file, const ast::FactDecl& fact,
                  const ast::Literal& literal) {
    std::string error;
    if (!literalValue(fact, literal, error)) context.error(file, literal.span, error);
}

/// The parser stores a bare `set f` / `given f` as the word "true"; such a
/// value has no text of its own after the name.
bool isImplicitTrue(const ast::Literal& value, const ast::Identifier& name) {
    return value.span.end <= value.span.begin || value.span.begin < name.span.end;
}

/// `set f` / `given f` without a value means true, which only a bool fact takes.
void requireAssignedValue(CheckContext& context, const SourceFile& file, const ast::FactDecl& fact,
                          const ast::Identifier& name, const ast::Literal& value, const char* keyword) {
    if (isImplicitTrue(value, name) && fact.type != ast::FactType::Bool) {
        context.error(file, name.span,
                      describeFact(fact) + ": '" + keyword + " " + fact.name.name +
                          "' without a value needs a bool fact");
        return;
    }
    requireValue(context, file, fact, value);
}

void checkCompare(CheckContext& context, const SourceFile& file, const ast::CompareTest& compare) {
    const ast::FactDecl* fact = context.facts.find(compare.fact.name);
    if (!fact) return;
    if (!compare.op) {
        if (fact->type != ast::FactType::Bool)
            context.error(file, compare.fact.span,
                          describeFact(*fact) + ": a condition without a comparison needs a bool fact");
        return;
    }
    const bool ordering = *compare.op != ast::Comparison::Eq && *compare.op != ast::Comparison::Ne;
    if (ordering && fact->type != ast::FactType::Number) {
        context.error(
            file, compare.fact.span,
            std::string("'") + operatorText(*compare.op) + "' needs a number fact; " + describeFact(*fact));
        return;
    }
    requireValue(context, file, *fact, compare.value);
}

void checkMembership(CheckContext& context, const SourceFile& file, const ast::MembershipTest& membership) {
    const ast::FactDecl* fact = context.facts.find(membership.fact.name);
    if (!fact) return;
    if (membership.group) {
        if (fact->type != ast::FactType::Code)
            context.error(file, membership.fact.span,
                          "'in " + membership.group->name + "' needs a code fact; " + describeFact(*fact));
        return;
    }
    for (const ast::Literal& value : membership.values) requireValue(context, file, *fact, value);
}

void checkCondition(CheckContext& context, const SourceFile& file, const ast::Condition& condition) {
    for (const auto& compare : condition.compares) checkCompare(context, file, compare);
    for (const auto& membership : condition.memberships) checkMembership(context, file, membership);
}

void checkCodeGroup(CheckContext& context, const SourceFile& file, const ast::CodeGroupDecl& group) {
    for (const ast::Literal& code : group.codes) {
        if (code.kind != ast::Literal::Kind::Code)
            context.error(
                file, code.span,
                "code group '" + group.name.name + "' takes error codes, not " + describeLiteral(code));
        else if (!languageErrorCode(code.text))
            context.error(file, code.span, malformedCodeMessage(code.text));
    }
}

void checkSets(CheckContext& context, const SourceFile& file, const ast::RuleDecl& rule) {
    for (const auto& conclusion : rule.conclusions) {
        if (conclusion.kind != ast::ConclusionDecl::Kind::Sets) continue;
        if (const ast::FactDecl* fact = context.facts.find(conclusion.target.name))
            requireAssignedValue(context, file, *fact, conclusion.target, conclusion.value, "set");
    }
}

void checkTest(CheckContext& context, const SourceFile& file, const ast::TestDecl& test) {
    for (const auto& given : test.given)
        if (const ast::FactDecl* fact = context.facts.find(given.fact.name))
            requireAssignedValue(context, file, *fact, given.fact, given.value, "given");
    for (const auto& expectation : test.expectations) {
        if (expectation.kind != ast::Expectation::Kind::NextQuestion || !expectation.target) continue;
        const ast::FactDecl* fact = context.facts.find(expectation.target->name);
        if (fact && !fact->question)
            context.error(file, expectation.target->span,
                          "fact '" + fact->name.name + "' has no question, so it is never asked");
    }
}

}  // namespace

void checkTypes(CheckContext& context) {
    for (const LoadedFile& loaded : context.program().files) {
        const SourceFile& file = *loaded.source;
        for (const auto& group : loaded.ast.codeGroups) checkCodeGroup(context, file, group);
        for (const auto& cause : loaded.ast.causes)
            for (const auto& step : cause.steps)
                if (step.when) checkCondition(context, file, *step.when);
        for (const auto& rule : loaded.ast.rules) {
            checkCondition(context, file, rule.condition);
            checkSets(context, file, rule);
        }
        for (const auto& test : loaded.ast.tests) checkTest(context, file, test);
    }
}

}  // namespace triage::dsl
