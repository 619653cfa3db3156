// Checks a loaded program (names, types, ranges, coverage) and lowers it into
// the engine's KnowledgeBase: the only code that knows both dsl and engine types.
#pragma once

#include <memory>
#include <vector>

#include "triage/dsl/diagnostic.hpp"
#include "triage/dsl/loader.hpp"
#include "triage/engine/knowledge_base.hpp"
#include "triage/engine/model.hpp"

namespace triage::dsl {

struct CompileResult {
    /// Set when there are no errors (warnings allowed).
    std::shared_ptr<const engine::KnowledgeBase> knowledgeBase;
    /// The model built from it while checking (set with knowledgeBase), so
    /// callers do not build the graph and indexes a second time.
    std::shared_ptr<const engine::Model> model;
    std::vector<Diagnostic> diagnostics;  // the loader's, then the checker's, sorted
    /// compile(Program&&) only: the program's source files, which the diagnostics point into.
    std::vector<std::unique_ptr<SourceFile>> sources;
};

struct CompileOptions {
    bool warningsAsErrors = false;
};

CompileResult compile(const Program& program, const CompileOptions& options = {});

/// The same for a program the caller is done with: its syntax trees are freed
/// as they are lowered, before the model is built, so they never share the
/// peak memory of a load with the knowledge base and model.
CompileResult compile(Program&& program, const CompileOptions& options = {});

}  // namespace triage::dsl
