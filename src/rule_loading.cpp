#include "rule_loading.hpp"

#include <ostream>

#include "triage/bundled_rules.hpp"
#include "triage/dsl/compiler.hpp"
#include "triage/dsl/diagnostic.hpp"

namespace triage::cli {

namespace {

constexpr const char* bundledFolder = "rules";

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
    const dsl::Program program = dsl::load(sources.paths, *sources.provider);
    dsl::CompileOptions compileOptions;
    compileOptions.warningsAsErrors = warningsAsErrors;
    dsl::CompileResult compiled = dsl::compile(program, compileOptions);
    std::vector<dsl::Diagnostic> diagnostics = std::move(compiled.diagnostics);

    RuleLoadReport report;
    dsl::FormatOptions formatOptions;
    formatOptions.colour = colour;
    for (const dsl::Diagnostic& diagnostic : diagnostics) {
        err << dsl::format(diagnostic, formatOptions);
        if (diagnostic.severity == dsl::Severity::Error) ++report.errors;
        if (diagnostic.severity == dsl::Severity::Warning) ++report.warnings;
    }
    if (report.errors == 0) report.model = std::move(compiled.model);
    return report;
}

}  // namespace triage::cli
