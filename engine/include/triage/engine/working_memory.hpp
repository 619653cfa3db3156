// Working memory: given and answered facts, derived facts and fired rules,
// kept a pure function of the given facts by truth maintenance. Every change
// goes on a trail so any earlier state can be restored exactly.
#pragma once

#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include "triage/engine/model.hpp"
#include "triage/engine/truth.hpp"

namespace triage::engine {

class WorkingMemory {
public:
    explicit WorkingMemory(const Model& model);

    /// The fact's current value: given/answered, else derived, else none.
    const std::optional<Value>& value(FactId fact) const { return values_[fact]; }
    FactValues values() const { return values_; }
    /// Given or answered (not derived).
    bool isGiven(FactId fact) const { return given_[fact].has_value(); }
    bool wasAsked(FactId fact) const { return asked_[fact] != 0; }
    bool fired(RuleId rule) const;
    /// Rules whose condition is true, ascending RuleId.
    const std::vector<RuleId>& firedRules() const { return fired_; }
    /// True, False or Unknown, with a shortcut when the rule's guard fails.
    Truth ruleTruth(RuleId rule) const;

    /// Sets given facts and chains once to the fixpoint.
    void give(const std::vector<std::pair<FactId, Value>>& facts);
    /// Records an answer (nullopt: "unknown") and chains to the fixpoint.
    void answer(FactId fact, std::optional<Value> value);

    /// A point to come back to with rollback().
    std::size_t mark() const { return trail_.size(); }
    void rollback(std::size_t mark);
    /// Makes the current state the new starting point (no rollback past it).
    void forgetTrail() { trail_.clear(); }

private:
    struct Change {
        enum class Kind : std::uint8_t { Given, Value, Asked, Fired, Withdrawn };
        Kind kind;
        std::uint32_t index;
        std::optional<Value> old;
    };

    void setGiven(FactId fact, std::optional<Value> value);
    void setValue(FactId fact, std::optional<Value> value);
    std::optional<Value> currentValue(FactId fact) const;
    void scheduleReaders(FactId fact, const std::optional<Value>& old, const std::optional<Value>& now);
    void schedule(RuleId rule);
    void chain();
    void reexamine(RuleId rule);

    const Model* model_;
    std::vector<std::optional<Value>> given_;
    std::vector<std::optional<Value>> values_;
    std::vector<std::uint8_t> asked_;
    std::vector<RuleId> fired_;
    std::vector<Change> trail_;
    std::vector<std::pair<std::uint32_t, RuleId>> agenda_;  // min-heap of (level, rule)
};

}  // namespace triage::engine
