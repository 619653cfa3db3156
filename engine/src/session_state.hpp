// The private state behind Session, shared by the files that implement it.
#pragma once

#include <optional>
#include <vector>

#include "triage/engine/session.hpp"
#include "triage/engine/truth.hpp"
#include "triage/engine/working_memory.hpp"

namespace triage::engine {

/// The top cause is confident enough, and far enough ahead, to stop asking.
bool meetsStopPolicy(const StopPolicy& policy, const std::vector<RankedCause>& ranking);

/// The conclusion drawn from a ranking (best first) and the facts known; none
/// when no cause has support.
std::optional<Diagnosis> diagnose(const Model& model, const std::vector<RankedCause>& ranking, FactValues values);
/// The same into `conclusion`, reusing its storage (the batch path), with at
/// most `runnersUp` runners-up.
void diagnoseInto(const Model& model, const std::vector<RankedCause>& ranking, std::size_t runnersUp,
                  FactValues values, std::optional<Diagnosis>& conclusion);

struct Session::State {
    explicit State(const Model& model) : memory(model) {}
    WorkingMemory memory;
    std::vector<std::size_t> answerMarks;  // trail position before each answer
};

}  // namespace triage::engine
