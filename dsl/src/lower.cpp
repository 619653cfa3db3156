// Declarations: facts, code groups, causes, rules and tests become the
// KnowledgeBase's vectors, in declaration order, files in load order.
#include "lower.hpp"

#include <algorithm>
#include <cmath>
#include <deque>

#include "lower_literal.hpp"

namespace triage::dsl {
namespace {

engine::LocalizedText localized(const ast::Texts& texts) {
    engine::LocalizedText result;
    for (const ast::Translation& text : texts) result.set(text.language.name, text.text);
    return result;
}

engine::Fact lowerFact(const engine::SharedName& fileName, const SourceFile& file, const ast::FactDecl& decl) {
    engine::Fact fact;
    fact.name = decl.name.name;
    fact.type = static_cast<engine::FactType>(decl.type);
    for (const ast::Identifier& value : decl.enumValues) fact.enumValues.push_back(value.name);
    fact.askable = decl.question.has_value();
    if (decl.question) fact.question = localized(*decl.question);
    if (decl.help) fact.help = localized(*decl.help);
    if (decl.cost) fact.cost = decl.cost->number;
    fact.origin = originOf(fileName, file, decl.name.span);
    return fact;
}

std::vector<std::uint32_t> lowerCodeGroup(const ast::CodeGroupDecl& decl) {
    std::vector<std::uint32_t> codes;
    for (const ast::Literal& literal : decl.codes)
        if (auto code = languageErrorCode(literal.text)) codes.push_back(*code);
    std::sort(codes.begin(), codes.end());
    codes.erase(std::unique(codes.begin(), codes.end()), codes.end());
    return codes;
}

engine::Cause lowerCause(const engine::SharedName& fileName, const SourceFile& file, const ast::CauseDecl& decl,
                         const LoweredNames& names) {
    engine::Cause cause;
    cause.name = decl.name.name;
    if (decl.prior) cause.prior = decl.prior->number;
    cause.title = localized(decl.title);
    for (const ast::FixStepDecl& stepDecl : decl.steps) {
        engine::FixStep step;
        step.id = stepDecl.id.name;
        step.text = localized(stepDecl.texts);
        if (stepDecl.when) step.when = lowerCondition(*stepDecl.when, names);
        cause.steps.push_back(std::move(step));
    }
    cause.origin = originOf(fileName, file, decl.name.span);
    return cause;
}

/// The value of `set f = v` / `given f = v`; the bare forms carry the word "true".
engine::Value assignedValue(const LoweredNames& names, engine::FactId fact, const ast::Literal& literal) {
    std::string error;
    return literalValue(*names.factDecls[fact], literal, error).value_or(engine::Value::boolean(true));
}

engine::Rule lowerRule(const engine::SharedName& fileName, const SourceFile& file, const ast::RuleDecl& decl,
                       const LoweredNames& names) {
    engine::Rule rule;
    rule.name = decl.name.name;
    rule.condition = lowerCondition(decl.condition, names);
    rule.conclusions.reserve(decl.conclusions.size());
    for (const ast::ConclusionDecl& conclusionDecl : decl.conclusions) {
        engine::Conclusion conclusion;
        switch (conclusionDecl.kind) {
            case ast::ConclusionDecl::Kind::Supports:
                conclusion.kind = engine::Conclusion::Kind::Supports;
                break;
            case ast::ConclusionDecl::Kind::Excludes:
                conclusion.kind = engine::Conclusion::Kind::Excludes;
                break;
            case ast::ConclusionDecl::Kind::Sets: conclusion.kind = engine::Conclusion::Kind::Sets; break;
        }
        if (conclusion.kind == engine::Conclusion::Kind::Sets) {
            conclusion.fact = names.factIds.at(conclusionDecl.target.name);
            conclusion.value = assignedValue(names, conclusion.fact, conclusionDecl.value);
        } else {
            conclusion.cause = names.causeIds.at(conclusionDecl.target.name);
            conclusion.certainty = conclusionDecl.value.number;
        }
        rule.conclusions.push_back(std::move(conclusion));
    }
    if (decl.priority) rule.priority = static_cast<int>(std::lround(decl.priority->number));
    rule.origin = originOf(fileName, file, decl.name.span);
    return rule;
}

engine::RuleTest lowerTest(const engine::SharedName& fileName, const SourceFile& file, const ast::TestDecl& decl,
                           const LoweredNames& names) {
    engine::RuleTest test;
    test.name = decl.name;
    for (const ast::GivenFact& given : decl.given) {
        const engine::FactId fact = names.factIds.at(given.fact.name);
        test.given.emplace_back(fact, assignedValue(names, fact, given.value));
    }
    for (const ast::Expectation& expectationDecl : decl.expectations) {
        engine::RuleTest::Expectation expectation;
        using Kind = engine::RuleTest::Expectation::Kind;
        switch (expectationDecl.kind) {
            case ast::Expectation::Kind::TopCause: expectation.kind = Kind::TopCause; break;
            case ast::Expectation::Kind::NotTopCause: expectation.kind = Kind::NotTopCause; break;
            case ast::Expectation::Kind::NextQuestion: expectation.kind = Kind::NextQuestion; break;
            case ast::Expectation::Kind::NoQuestion: expectation.kind = Kind::NoQuestion; break;
        }
        if (expectationDecl.target) {
            const std::string& target = expectationDecl.target->name;
            expectation.target =
                expectation.kind == Kind::NextQuestion ? names.factIds.at(target) : names.causeIds.at(target);
        }
        expectation.origin = originOf(fileName, file, expectationDecl.span);
        test.expectations.push_back(std::move(expectation));
    }
    test.origin = originOf(fileName, file, decl.span);
    return test;
}

/// With `release`, hands back the memory of every file's text (see SourceFile::releaseText).
void releaseTexts(const Program& program, const Program* release) {
    if (!release) return;
    for (const LoadedFile& loaded : program.files)
        loaded.source->releaseText(0, static_cast<std::uint32_t>(loaded.source->text().size()));
}

}  // namespace

engine::Origin originOf(const engine::SharedName& fileName, const SourceFile& file, ast::SourceSpan span) {
    const SourceFile::LineCol position = file.lineCol(span.begin);
    return {fileName, position.line, position.column};
}

engine::KnowledgeBase lower(const Program& program, Program* release) {
    // From here on the text (a mapped file's) is read a declaration at a
    // time, and after lowering only by diagnostics, a line or two of it: out
    // of memory it goes, before, while (behind the rules) and after lowering.
    releaseTexts(program, release);
    engine::KnowledgeBase kb;
    LoweredNames names;
    names.codeGroups = &kb.codeGroups;
    std::vector<engine::SharedName> fileNames;
    for (const LoadedFile& loaded : program.files) fileNames.emplace_back(loaded.source->name());
    // Ids first, for all files: a rule may name a fact or cause declared later.
    for (std::size_t f = 0; f < program.files.size(); ++f) {
        const LoadedFile& loaded = program.files[f];
        for (const ast::FactDecl& decl : loaded.ast.facts) {
            names.factIds.emplace(decl.name.name, static_cast<engine::FactId>(kb.facts.size()));
            names.factDecls.push_back(&decl);
            kb.facts.push_back(lowerFact(fileNames[f], *loaded.source, decl));
        }
        for (const ast::CauseDecl& decl : loaded.ast.causes)
            names.causeIds.emplace(decl.name.name, static_cast<engine::CauseId>(names.causeIds.size()));
        for (const ast::CodeGroupDecl& decl : loaded.ast.codeGroups) {
            kb.codeGroups[decl.name.name] = lowerCodeGroup(decl);
            names.codeGroupNames.emplace(decl.name.name, engine::SharedName(decl.name.name));
        }
    }
    std::size_t causeCount = 0;
    for (const LoadedFile& loaded : program.files) causeCount += loaded.ast.causes.size();
    kb.causes.reserve(causeCount);
    // The rules go into a deque first: its blocks come from the heap that the
    // syntax trees are being freed into, where kb.rules (13 MB at 100,000
    // rules) would be fresh memory on top of them at the peak of the load.
    // Once the trees' own rule vectors are gone, the rules move to kb.rules.
    std::deque<engine::Rule> rules;
    constexpr std::size_t rulesBetweenTextReleases = 1024;
    std::size_t lowered = 0;
    for (std::size_t f = 0; f < program.files.size(); ++f) {
        const LoadedFile& loaded = program.files[f];
        const SourceFile& file = *loaded.source;
        for (std::size_t c = 0; c < loaded.ast.causes.size(); ++c) {
            kb.causes.push_back(lowerCause(fileNames[f], file, loaded.ast.causes[c], names));
            // Freed as lowered, like the rules below: nothing after reads a
            // cause's tree (names.causeIds has the names).
            if (release) release->files[f].ast.causes[c] = ast::CauseDecl{};
        }
        for (std::size_t r = 0; r < loaded.ast.rules.size(); ++r) {
            rules.push_back(lowerRule(fileNames[f], file, loaded.ast.rules[r], names));
            // Freed as soon as lowered, so the rules' syntax trees and their
            // lowered form are never both whole in memory (the peak of a load).
            if (release) {
                // The text read again so far leaves memory as lowering goes.
                if (++lowered % rulesBetweenTextReleases == 0) file.releaseText(0, loaded.ast.rules[r].span.begin);
                release->files[f].ast.rules[r] = ast::RuleDecl{};
            }
        }
        if (release) std::vector<ast::RuleDecl>().swap(release->files[f].ast.rules);
        for (const ast::TestDecl& decl : loaded.ast.tests)
            kb.tests.push_back(lowerTest(fileNames[f], file, decl, names));
    }
    kb.rules.reserve(rules.size());
    for (engine::Rule& rule : rules) kb.rules.push_back(std::move(rule));
    rules.clear();
    releaseTexts(program, release);
    kb.index();
    return kb;
}

}  // namespace triage::dsl
