// Each guard bucket's rules laid out for the batch path's inner loop. Most
// rules are at most two bit tests and set no fact: those are evaluated
// without a branch, writing every rule id and advancing only past the ones
// that hold, so the ~30-70% that fire cost no mispredicted jump. The rest
// go through ConditionMasks::holds and OnePassEvaluation::fire.
#pragma once

#include <cstdint>
#include <vector>

#include "condition_masks.hpp"
#include "rule_effects.hpp"
#include "triage/engine/rule_index.hpp"

namespace triage::engine {

class BucketPrograms {
public:
    struct SimpleRule {
        ConditionMasks::TwoWordTest test;
        RuleId rule = 0;
    };
    struct Program {
        std::vector<SimpleRule> simple;  // ascending rule ids
        std::vector<RuleId> general;     // ascending
    };

    BucketPrograms(const RuleIndex& index, const ConditionMasks& masks, const RuleEffects& effects);

    /// The program of index.buckets[bucket].
    const Program& bucket(std::size_t bucket) const { return buckets_[bucket]; }
    /// The program of index.unguarded.
    const Program& unguarded() const { return unguarded_; }

    /// Appends to `out` the simple rules of `program` that hold on
    /// `literals`; `out` must have room for all of them.
    static RuleId* collectHolding(const Program& program, const std::uint64_t* literals, RuleId* out) {
        for (const SimpleRule& simple : program.simple) {
            const ConditionMasks::TwoWordTest& test = simple.test;
            const bool holds = ((literals[test.word[0]] & test.mask[0]) == test.expected[0]) &
                               ((literals[test.word[1]] & test.mask[1]) == test.expected[1]);
            *out = simple.rule;
            out += holds ? 1 : 0;
        }
        return out;
    }

private:
    std::vector<Program> buckets_;
    Program unguarded_;
};

}  // namespace triage::engine
