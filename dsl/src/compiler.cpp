// compile(): the loader's diagnostics, the checking passes, then lowering and
// the engine's model checks, whose issues become diagnostics at the rule or
// cause they name.
#include "triage/dsl/compiler.hpp"

#include <algorithm>
#include <map>
#include <tuple>

#include "check_passes.hpp"
#include "lower.hpp"
#include "triage/engine/model.hpp"

namespace triage::dsl {
namespace {

struct DeclarationSpan {
    const SourceFile* file = nullptr;
    ast::SourceSpan span;
};

/// Where each declaration's Origin points, so a model issue can be shown with
/// a caret under the name it is about.
std::map<std::tuple<std::string, int, int>, DeclarationSpan> originSpans(const Program& program) {
    std::map<std::tuple<std::string, int, int>, DeclarationSpan> spans;
    auto add = [&](const SourceFile& file, ast::SourceSpan span) {
        const engine::Origin origin = originOf(file, span);
        spans.emplace(std::make_tuple(origin.file, origin.line, origin.column), DeclarationSpan{&file, span});
    };
    for (const LoadedFile& loaded : program.files) {
        for (const auto& decl : loaded.ast.facts) add(*loaded.source, decl.name.span);
        for (const auto& decl : loaded.ast.causes) add(*loaded.source, decl.name.span);
        for (const auto& decl : loaded.ast.rules) add(*loaded.source, decl.name.span);
    }
    return spans;
}

/// Whether the checker already warned that nothing supports the cause at `span`:
/// the model's "unreachable" then says the same thing again.
bool alreadyUnsupported(const std::vector<Diagnostic>& diagnostics, const DeclarationSpan& where) {
    for (const Diagnostic& diagnostic : diagnostics)
        if (diagnostic.id == "no-support" && diagnostic.file == where.file &&
            diagnostic.span.begin == where.span.begin)
            return true;
    return false;
}

void addModelIssues(const Program& program, const std::vector<engine::ModelIssue>& issues,
                    std::vector<Diagnostic>& diagnostics) {
    if (issues.empty()) return;  // the span table costs a line/column per declaration (5% of a 100k-rule load)
    const auto spans = originSpans(program);
    for (const engine::ModelIssue& issue : issues) {
        auto it = spans.find(std::make_tuple(issue.origin.file, issue.origin.line, issue.origin.column));
        if (issue.id == "unreachable-cause" && it != spans.end() &&
            alreadyUnsupported(diagnostics, it->second))
            continue;
        Diagnostic diagnostic;
        const bool warning = issue.severity == engine::ModelIssue::Severity::Warning;
        diagnostic.severity = warning ? Severity::Warning : Severity::Error;
        diagnostic.message = issue.message;
        if (warning) diagnostic.id = issue.id;
        if (it != spans.end()) {
            diagnostic.file = it->second.file;
            diagnostic.span = it->second.span;
        }
        diagnostics.push_back(std::move(diagnostic));
    }
}

/// Sorts by file (in load order), then position, errors first at one spot; a
/// note stays right after the diagnostic it belongs to.
void sortKeepingNotes(const Program& program, std::vector<Diagnostic>& diagnostics) {
    std::map<const SourceFile*, std::size_t> fileOrder;
    for (std::size_t i = 0; i < program.files.size(); ++i) fileOrder[program.files[i].source.get()] = i + 1;
    std::vector<std::vector<Diagnostic>> groups;
    for (Diagnostic& diagnostic : diagnostics) {
        if (diagnostic.severity != Severity::Note || groups.empty()) groups.emplace_back();
        groups.back().push_back(std::move(diagnostic));
    }
    auto key = [&](const std::vector<Diagnostic>& group) {
        const Diagnostic& first = group.front();
        auto order = fileOrder.find(first.file);
        return std::make_tuple(order == fileOrder.end() ? 0 : order->second, first.span.begin,
                               static_cast<int>(first.severity));
    };
    std::stable_sort(groups.begin(), groups.end(),
                     [&](const auto& a, const auto& b) { return key(a) < key(b); });
    diagnostics.clear();
    for (auto& group : groups)
        for (Diagnostic& diagnostic : group) diagnostics.push_back(std::move(diagnostic));
}

}  // namespace

CompileResult compile(const Program& program, const CompileOptions& options) {
    CompileResult result;
    CheckContext context(program);
    collectDeclarations(context);
    resolveNames(context);
    checkTypes(context);
    checkRanges(context);
    checkCoverage(context);
    checkTranslations(context);

    result.diagnostics = program.diagnostics;
    for (Diagnostic& diagnostic : context.diagnostics()) result.diagnostics.push_back(std::move(diagnostic));

    std::shared_ptr<const engine::KnowledgeBase> kb;
    std::shared_ptr<const engine::Model> model;
    if (!hasErrors(result.diagnostics)) {
        kb = std::make_shared<const engine::KnowledgeBase>(lower(program));
        std::vector<engine::ModelIssue> issues;
        model = engine::Model::build(kb, issues);
        addModelIssues(program, issues, result.diagnostics);
    }
    if (options.warningsAsErrors)
        for (Diagnostic& diagnostic : result.diagnostics)
            if (diagnostic.severity == Severity::Warning) diagnostic.severity = Severity::Error;
    sortKeepingNotes(program, result.diagnostics);
    if (!hasErrors(result.diagnostics)) {
        result.knowledgeBase = std::move(kb);
        result.model = std::move(model);
    }
    return result;
}

}  // namespace triage::dsl
