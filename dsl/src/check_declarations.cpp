// Pass 1: the name tables, and everything declared twice.
#include <algorithm>
#include <cstdint>
#include <string>
#include <tuple>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "check_passes.hpp"
#include "name_slots.hpp"

namespace triage::dsl {
namespace {

/// Adds `name` to `table`, or reports it as a duplicate with a note at the first one.
template <typename Decl>
void declare(CheckContext& context, NameTable<Decl>& table, const char* kind, std::string_view name,
             ast::SourceSpan span, const Decl& decl, const SourceFile& file,
             ast::SourceSpan (*spanOfDecl)(const Decl&)) {
    const DeclarationIn<Decl>* first = table.add(name, DeclarationIn<Decl>{&decl, &file});
    if (!first) return;
    context.error(file, span, std::string("duplicate ") + kind + " '" + std::string(name) + "'");
    context.note(*first->file, spanOfDecl(*first->decl),
                 std::string(kind) + " '" + std::string(name) + "' first declared here");
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

/// Reports every rule name declared twice. Rule names are never looked up
/// (nothing refers to a rule), so there is no name table: slots hold the
/// program-wide index of each name's first rule, and names are read from
/// the AST. 10 bytes a rule at 100,000 rules, where sorting 24-byte records
/// took 2.4 MB on top of the whole AST, at the peak of the load.
void checkRuleNames(CheckContext& context, std::size_t ruleCount) {
    const auto& files = context.program().files;
    struct RuleAt {
        std::uint32_t file;
        std::uint32_t rule;
    };
    std::vector<RuleAt> firstOfFile;  // (file, its first rule's index in the program), for slots to name a rule
    auto ruleOf = [&](std::uint32_t index) -> std::pair<std::uint32_t, const ast::RuleDecl*> {
        std::size_t f = firstOfFile.size() - 1;
        while (firstOfFile[f].rule > index) --f;  // files are few: the last one, nearly always
        const std::uint32_t file = firstOfFile[f].file;
        return {file, &files[file].ast.rules[index - firstOfFile[f].rule]};
    };
    auto nameOf = [&](std::uint32_t index) { return std::string_view(ruleOf(index).second->name.name); };
    NameSlots slots;
    slots.roomFor(ruleCount, 0, nameOf);
    std::uint32_t index = 0;
    for (std::uint32_t f = 0; f < files.size(); ++f) {
        firstOfFile.push_back({f, index});
        for (const auto& rule : files[f].ast.rules) {
            const std::string_view name = rule.name.name;
            std::uint32_t& slot = slots.slot(name, nameOf);
            if (slot == 0) {
                slot = index + 1;
            } else {
                const auto [firstFile, first] = ruleOf(slot - 1);
                context.error(*files[f].source, rule.name.span, "duplicate rule '" + std::string(name) + "'");
                context.note(*files[firstFile].source, first->name.span,
                             "rule '" + std::string(name) + "' first declared here");
            }
            ++index;
        }
    }
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
    // Each table at its size at once: grown by doubling, the big ones (causes)
    // would leave their outgrown blocks behind at the peak of the load.
    std::size_t facts = 0, codeGroups = 0, causes = 0, tests = 0;
    for (const LoadedFile& loaded : context.program().files) {
        facts += loaded.ast.facts.size();
        codeGroups += loaded.ast.codeGroups.size();
        causes += loaded.ast.causes.size();
        tests += loaded.ast.tests.size();
    }
    context.facts.reserve(facts);
    context.codeGroups.reserve(codeGroups);
    context.causes.reserve(causes);
    context.tests.reserve(tests);
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
        for (const auto& test : ast.tests) {
            declare(context, context.tests, "test", test.name, test.nameSpan, test, file, &testNameSpan);
            checkGivens(context, file, test);
        }
    }
    checkRuleNames(context, rules);
}

}  // namespace triage::dsl
