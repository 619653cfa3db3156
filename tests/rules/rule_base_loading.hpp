// Loads the bundled rule base from the source tree (rules/) the way `triage`
// loads a folder from disk, and finds the shared material (articles, tickets).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "triage/dsl/compiler.hpp"
#include "triage/engine/model.hpp"

namespace triage::rules::testing {

struct LoadedRuleBase {
    std::shared_ptr<const engine::Model> model;  // null when there were errors
    std::vector<std::string> diagnostics;        // formatted, as `triage check` prints them

    /// Every diagnostic on its own lines, for assertion messages.
    std::string report() const;
};

/// Loads, checks and compiles rules/ from the source tree.
LoadedRuleBase loadRuleBase(const dsl::CompileOptions& options = {});

/// The rule base with default options, loaded once per test binary.
const LoadedRuleBase& bundledRuleBase();

/// A path under the shared material: sharedPath("tickets/dev.jsonl").
std::string sharedPath(const std::string& relative);

/// The folder of the bundled .rules files in the source tree.
std::string rulesDir();

/// The whole text of a file; empty when it cannot be read.
std::string readText(const std::string& path);

}  // namespace triage::rules::testing
