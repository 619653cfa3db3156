#include "rule_loading.hpp"

#include <ostream>

#include "triage/bundled_rules.hpp"
#include "triage/dsl/compiler.hpp"
#include "triage/dsl/diagnostic.hpp"

namespace triage::cli {

namespace {

constexpr const char* bundledFolder = "rules";

/// Keeps every loaded model reachable until the process ends, so it is never
/// destroyed: freeing a 100,000-rule model node by node costs ~0.3 CPU s at
/// exit for memory the operating system takes back at once. The pointer lives
/// in a static, so leak checkers (LSan, valgrind) see it as reachable, not lost.
void keepUntilExit(std::shared_ptr<const engine::Model> model) {
    static auto* const kept = new std::vector<std::shared_ptr<const engine::Model>>();
    kept->push_back(std::move(model));
}

}  // namespace

RuleSources RuleSources::fromDisk(std::vector<std::string> paths) {
    return RuleSources{std::make_unique<dsl::DiskSources>(), std::move(paths)};
}

RuleSources RuleSources::bundled() {
    std::map<std::string, std::string> files;
    for (const auto& [name, text] : triage::bundledRules()) files.emplace(std::string(bundledFolder) + "/" + name, text);
    return RuleSources{std::make_unique<dsl::MemorySources>(std::move(files)), {bundledFolder}};
}

RuleLoadReport loadRules(const RuleSources& sources, bool warningsAsErrors, std::ostream& err, bool colour) {
    dsl::Program program = dsl::load(sources.paths, *sources.provider);
    dsl::CompileOptions compileOptions;
    compileOptions.warningsAsErrors = warningsAsErrors;
    // The program is given up, so its syntax trees go before the model is built (peak memory).
    dsl::CompileResult compiled = dsl::compile(std::move(program), compileOptions);
    std::vector<dsl::Diagnostic> diagnostics = std::move(compiled.diagnostics);

    RuleLoadReport report;
    dsl::FormatOptions formatOptions;
    formatOptions.colour = colour;
    for (const dsl::Diagnostic& diagnostic : diagnostics) {
        err << dsl::format(diagnostic, formatOptions);
        if (diagnostic.severity == dsl::Severity::Error) ++report.errors;
        if (diagnostic.severity == dsl::Severity::Warning) ++report.warnings;
    }
    if (report.errors == 0) {
        report.model = std::move(compiled.model);
        if (report.model) keepUntilExit(report.model);
    }
    return report;
}

}  // namespace triage::cli
