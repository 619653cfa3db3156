#include "rule_base_loading.hpp"

#include <fstream>
#include <sstream>

#include "triage/dsl/diagnostic.hpp"
#include "triage/dsl/loader.hpp"

namespace triage::rules::testing {

std::string LoadedRuleBase::report() const {
    std::string text;
    for (const std::string& diagnostic : diagnostics) text += diagnostic;
    return text;
}

LoadedRuleBase loadRuleBase(const dsl::CompileOptions& options) {
    const dsl::DiskSources sources;
    // Diagnostics point into the program's files: format them while it lives.
    const dsl::Program program = dsl::load({rulesDir()}, sources);
    const dsl::CompileResult compiled = dsl::compile(program, options);

    LoadedRuleBase loaded;
    for (const dsl::Diagnostic& diagnostic : compiled.diagnostics) loaded.diagnostics.push_back(dsl::format(diagnostic));
    if (compiled.knowledgeBase && !dsl::hasErrors(compiled.diagnostics)) {
        std::vector<engine::ModelIssue> issues;  // compile() already reported them as diagnostics
        loaded.model = engine::Model::build(compiled.knowledgeBase, issues);
    }
    return loaded;
}

const LoadedRuleBase& bundledRuleBase() {
    static const LoadedRuleBase loaded = loadRuleBase();
    return loaded;
}

std::string sharedPath(const std::string& relative) { return std::string(TRIAGE_SHARED_DIR) + "/" + relative; }

std::string rulesDir() { return TRIAGE_RULES_DIR; }

std::string readText(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

}  // namespace triage::rules::testing
