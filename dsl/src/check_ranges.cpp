// Pass 4: numbers with a meaning must lie in their range: certainties in
// (0, 1], priors in (0, 1), costs above 0, priorities whole.
#include <cmath>

#include "check_passes.hpp"
#include "lower_literal.hpp"

namespace triage::dsl {
namespace {

/// The number a clause needs, or an error if the literal is no number.
const ast::Literal* requireNumber(CheckContext& context, const SourceFile& file, const ast::Literal& literal,
                                  const char* what) {
    if (literal.kind == ast::Literal::Kind::Number) return &literal;
    context.error(file, literal.span,
                  std::string(what) + " must be a number, not " + describeLiteral(literal));
    return nullptr;
}

void checkCertainty(CheckContext& context, const SourceFile& file, const ast::Literal& literal) {
    const ast::Literal* number = requireNumber(context, file, literal, "a certainty");
    if (number && !(number->number > 0 && number->number <= 1))
        context.error(file, literal.span,
                      "certainty " + literalText(literal) + " is out of range: expected a number in (0, 1]");
}

void checkPrior(CheckContext& context, const SourceFile& file, const ast::Literal& literal) {
    const ast::Literal* number = requireNumber(context, file, literal, "a prior");
    if (number && !(number->number > 0 && number->number < 1))
        context.error(file, literal.span,
                      "prior " + literalText(literal) + " is out of range: expected a number in (0, 1)");
}

void checkCost(CheckContext& context, const SourceFile& file, const ast::Literal& literal) {
    const ast::Literal* number = requireNumber(context, file, literal, "a cost");
    if (number && !(number->number > 0))
        context.error(file, literal.span,
                      "cost " + literalText(literal) + " is out of range: expected a number above 0");
}

void checkPriority(CheckContext& context, const SourceFile& file, const ast::Literal& literal) {
    const ast::Literal* number = requireNumber(context, file, literal, "a priority");
    if (number && (number->number != std::trunc(number->number) || std::fabs(number->number) > 1e9))
        context.error(file, literal.span, "priority " + literalText(literal) + " is not a whole number");
}

}  // namespace

void checkRanges(CheckContext& context) {
    for (const LoadedFile& loaded : context.program().files) {
        const SourceFile& file = *loaded.source;
        for (const auto& fact : loaded.ast.facts)
            if (fact.cost) checkCost(context, file, *fact.cost);
        for (const auto& cause : loaded.ast.causes)
            if (cause.prior) checkPrior(context, file, *cause.prior);
        for (const auto& rule : loaded.ast.rules) {
            for (const auto& conclusion : rule.conclusions)
                if (conclusion.kind != ast::ConclusionDecl::Kind::Sets)
                    checkCertainty(context, file, conclusion.value);
            if (rule.priority) checkPriority(context, file, *rule.priority);
        }
    }
}

}  // namespace triage::dsl
