// compile(): the loader's diagnostics, the checking passes, then lowering and
// the engine's model checks, whose issues become diagnostics at the rule or
// cause they name.
#include "triage/dsl/compiler.hpp"

#include <algorithm>
#include <map>
#include <optional>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include "check_passes.hpp"
#include "lower.hpp"
#include "source_scan.hpp"
#include "triage/engine/model.hpp"

namespace triage::dsl {
namespace {

struct DeclarationSpan {
    const SourceFile* file = nullptr;
    ast::SourceSpan span;
};

/// The name an issue's Origin points at (origins are the line and column of a
/// declaration's name), found from the text alone: the syntax trees may be gone.
std::optional<DeclarationSpan> declarationNamed(const Program& program, const engine::Origin& origin) {
    for (const LoadedFile& loaded : program.files) {
        const SourceFile& file = *loaded.source;
        if (file.name() != origin.file) continue;
        const std::uint32_t begin = file.offsetOf(origin.line, origin.column);
        const std::string_view name = scan::wordAt(file.text(), begin);
        return DeclarationSpan{&file, {begin, begin + static_cast<std::uint32_t>(name.size())}};
    }
    return std::nullopt;
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
    for (const engine::ModelIssue& issue : issues) {
        const std::optional<DeclarationSpan> where = declarationNamed(program, issue.origin);
        if (issue.id == "unreachable-cause" && where && alreadyUnsupported(diagnostics, *where)) continue;
        Diagnostic diagnostic;
        const bool warning = issue.severity == engine::ModelIssue::Severity::Warning;
        diagnostic.severity = warning ? Severity::Warning : Severity::Error;
        diagnostic.message = issue.message;
        if (warning) diagnostic.id = issue.id;
        if (where) {
            diagnostic.file = where->file;
            diagnostic.span = where->span;
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

/// Hands the heap pages the freed syntax trees occupied back to the system
/// before the model is built: glibc keeps freed memory resident. Only whole
/// free pages go back, and the knowledge base is spread over the trees'
/// pages, so the gain is small (measured at 100,000 rules: peak RSS ~120 ->
/// ~118 MB).
void releaseFreedMemory() {
#if defined(__GLIBC__)
    malloc_trim(0);
#endif
}

/// compile() for both overloads; with `release` (the same program, which the
/// caller gives up) syntax trees and checker tables are freed before the model
/// is built, so they never share the peak with the knowledge base and model.
CompileResult compileProgram(const Program& program, const CompileOptions& options, Program* release) {
    CompileResult result;
    result.diagnostics = program.diagnostics;
    if (release)
        for (LoadedFile& loaded : release->files) {
            // Only the formatter reads these (~2 MB at 100,000 rules). Swapped
            // with empty vectors: `= {}` would keep their capacity.
            std::vector<ast::Declaration>().swap(loaded.ast.order);
            std::vector<ast::Comment>().swap(loaded.ast.comments);
        }
    {
        CheckContext context(program);
        collectDeclarations(context);
        resolveNames(context);
        checkTypes(context);
        checkRanges(context);
        checkCoverage(context);
        checkTranslations(context);
        for (Diagnostic& diagnostic : context.diagnostics()) result.diagnostics.push_back(std::move(diagnostic));
    }  // the name tables go here: lowering has its own

    std::shared_ptr<const engine::KnowledgeBase> kb;
    std::shared_ptr<const engine::Model> model;
    if (!hasErrors(result.diagnostics)) {
        kb = std::make_shared<const engine::KnowledgeBase>(lower(program, release));
        if (release) {
            for (LoadedFile& loaded : release->files) loaded.ast = ast::File{};
            releaseFreedMemory();
        }
        std::vector<engine::ModelIssue> issues;
        model = engine::Model::build(kb, issues);
        // Building the model frees as much as it keeps (edge lists, equalities,
        // buckets being sorted); the caller builds more on top (the batch
        // structures), at the peak of the load.
        if (release) releaseFreedMemory();
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

}  // namespace

CompileResult compile(const Program& program, const CompileOptions& options) {
    return compileProgram(program, options, nullptr);
}

CompileResult compile(Program&& program, const CompileOptions& options) {
    CompileResult result = compileProgram(program, options, &program);
    for (LoadedFile& loaded : program.files) result.sources.push_back(std::move(loaded.source));
    return result;
}

}  // namespace triage::dsl
