// Pass 5 (warnings): parts of the program that rules do not connect. A cause
// nothing supports can never come out on top; a question nothing reads is
// asked for nothing; a fact with neither question nor rule comes only from tickets.
#include <string_view>
#include <unordered_set>

#include "check_passes.hpp"

namespace triage::dsl {
namespace {

/// Which facts, causes and code groups the rules and fix steps refer to; the
/// names view the syntax trees, which outlive the check.
struct Usage {
    std::unordered_set<std::string_view> readFacts;
    std::unordered_set<std::string_view> setFacts;
    std::unordered_set<std::string_view> supportedCauses;
    std::unordered_set<std::string_view> usedGroups;
};

Usage collectUsage(const Program& program) {
    Usage usage;
    forEachCondition(program, [&](const SourceFile&, const ast::Condition& condition) {
        for (const auto& compare : condition.compares) usage.readFacts.insert(compare.fact.name);
        for (const auto& known : condition.knowns) usage.readFacts.insert(known.fact.name);
        for (const auto& membership : condition.memberships) {
            usage.readFacts.insert(membership.fact.name);
            if (membership.group) usage.usedGroups.insert(membership.group->name);
        }
    });
    for (const LoadedFile& loaded : program.files)
        for (const auto& rule : loaded.ast.rules)
            for (const auto& conclusion : rule.conclusions) {
                if (conclusion.kind == ast::ConclusionDecl::Kind::Sets)
                    usage.setFacts.insert(conclusion.target.name);
                if (conclusion.kind == ast::ConclusionDecl::Kind::Supports)
                    usage.supportedCauses.insert(conclusion.target.name);
            }
    return usage;
}

void checkFact(CheckContext& context, const SourceFile& file, const ast::FactDecl& fact, const Usage& usage) {
    const std::string& name = fact.name.name;
    const bool read = usage.readFacts.count(name) > 0;
    const bool set = usage.setFacts.count(name) > 0;
    if (fact.question) {
        if (!read)
            context.warning("unused-question", file, fact.name.span,
                            "fact '" + name + "' has a question, but no rule or fix step reads it");
        return;
    }
    if (set) return;
    if (read)
        context.warning("input-only-fact", file, fact.name.span,
                        "fact '" + name + "' has no question and no rule sets it: only a ticket can give it");
    else
        context.warning("unused-fact", file, fact.name.span,
                        "fact '" + name + "' is never used: no question, and no rule reads or sets it");
}

/// Whether `decl` is the declaration its name stands for; a duplicate was
/// reported already, and warning about it as well would only repeat that.
template <typename Decl>
bool isFirstDeclaration(const NameTable<Decl>& table, const Decl& decl) {
    return table.find(decl.name.name) == &decl;
}

}  // namespace

void checkCoverage(CheckContext& context) {
    const Usage usage = collectUsage(context.program());
    for (const LoadedFile& loaded : context.program().files) {
        const SourceFile& file = *loaded.source;
        for (const auto& fact : loaded.ast.facts)
            if (isFirstDeclaration(context.facts, fact)) checkFact(context, file, fact, usage);
        for (const auto& group : loaded.ast.codeGroups)
            if (isFirstDeclaration(context.codeGroups, group) && !usage.usedGroups.count(group.name.name))
                context.warning("unused-group", file, group.name.span,
                                "code group '" + group.name.name + "' is never used");
        for (const auto& cause : loaded.ast.causes) {
            if (!isFirstDeclaration(context.causes, cause)) continue;
            if (!usage.supportedCauses.count(cause.name.name))
                context.warning("no-support", file, cause.name.span,
                                "cause '" + cause.name.name + "' has no rule that supports it");
            if (cause.title.empty())
                context.warning("no-title", file, cause.name.span,
                                "cause '" + cause.name.name + "' has no title");
        }
        for (const auto& test : loaded.ast.tests)
            if (test.expectations.empty())
                context.warning("no-expectation", file, test.nameSpan,
                                "test '" + test.name + "' has no expectation, so it cannot fail");
    }
}

}  // namespace triage::dsl
