// Turns .rules sources into a runnable engine::Model and reports every
// diagnostic on the way (loader, checker, model build) in one format.
// Shared by loadModel (every command) and `triage check` (which wants counts).
#pragma once

#include <iosfwd>
#include <memory>
#include <string>
#include <vector>

#include "triage/dsl/loader.hpp"
#include "triage/engine/model.hpp"

namespace triage::cli {

/// The sources and root paths to load: files and folders on disk, or (for an
/// empty path list) the rules bundled in the binary, named "rules/<file>".
struct RuleSources {
    std::unique_ptr<dsl::SourceProvider> provider;
    std::vector<std::string> paths;

    static RuleSources fromDisk(std::vector<std::string> paths);
    static RuleSources bundled();
};

struct RuleLoadReport {
    std::shared_ptr<const engine::Model> model;  // null when there were errors
    int errors = 0;
    int warnings = 0;
};

/// Loads, checks, compiles and builds the model; prints each diagnostic to `err`.
RuleLoadReport loadRules(const RuleSources& sources, bool warningsAsErrors, std::ostream& err, bool colour);

}  // namespace triage::cli
