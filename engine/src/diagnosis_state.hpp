// What question choice reads of a diagnosis in progress, so that a Session's
// working memory and the batch path's one-pass state can both be asked.
#pragma once

#include <span>
#include <vector>

#include "triage/engine/scoring.hpp"
#include "triage/engine/truth.hpp"
#include "triage/engine/working_memory.hpp"

namespace triage::engine {

class DiagnosisState {
public:
    virtual ~DiagnosisState() = default;
    /// Per fact: given, answered or derived value; nullopt when not known.
    virtual FactValues values() const = 0;
    /// Given or answered (not derived).
    virtual bool isGiven(FactId fact) const = 0;
    /// Answered, including "unknown".
    virtual bool wasAsked(FactId fact) const = 0;
    /// Rules whose condition is true, ascending RuleId.
    virtual std::span<const RuleId> firedRules() const = 0;
    /// Working memory to chain hypothetical answers on, or null when there
    /// is none; then the rule base must have no derived facts.
    virtual const WorkingMemory* memory() const = 0;
    /// Appends the score of each cause the fired rules conclude about, in no
    /// particular order, when the state has them at hand (the batch path
    /// scored them for the ranking); else false, and they are scored afresh.
    virtual bool scoresNow(std::vector<CauseScore>& /*out*/) const { return false; }
};

/// A Session's working memory as a DiagnosisState.
class MemoryState final : public DiagnosisState {
public:
    explicit MemoryState(const WorkingMemory& memory) : memory_(memory) {}
    FactValues values() const override { return memory_.values(); }
    bool isGiven(FactId fact) const override { return memory_.isGiven(fact); }
    bool wasAsked(FactId fact) const override { return memory_.wasAsked(fact); }
    std::span<const RuleId> firedRules() const override { return memory_.firedRules(); }
    const WorkingMemory* memory() const override { return &memory_; }

private:
    const WorkingMemory& memory_;
};

}  // namespace triage::engine
