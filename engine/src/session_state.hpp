// The private state behind Session, shared by the files that implement it.
#pragma once

#include <vector>

#include "triage/engine/session.hpp"
#include "triage/engine/working_memory.hpp"

namespace triage::engine {

struct Session::State {
    explicit State(const Model& model) : memory(model) {}
    WorkingMemory memory;
    std::vector<std::size_t> answerMarks;  // trail position before each answer
};

}  // namespace triage::engine
