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
    /// A rule's two word tests (ConditionMasks::TwoWordTest) with 16-bit
    /// word indexes: 40 bytes, not 48, for ~90,000 rules of a 100,000-rule
    /// base. A rule whose words do not fit goes to `general`.
    struct SimpleRule {
        std::uint64_t mask[2] = {0, 0};
        std::uint64_t expected[2] = {0, 0};
        RuleId rule = 0;
        std::uint16_t word[2] = {0, 0};
    };
    static_assert(sizeof(SimpleRule) == 40);
    struct Program {
        std::vector<SimpleRule> simple;  // ascending rule ids
        std::vector<RuleId> general;     // ascending
    };

    BucketPrograms(const RuleIndex& index, const ConditionMasks& masks, const RuleEffects& effects);

    /// The program of index.buckets[bucket].
    const Program& bucket(std::size_t bucket) const { return buckets_[bucket]; }
    /// The program of index.unguarded.
    const Program& unguarded() const { return unguarded_; }
    /// Per rule of `ruleCount`, whether some program holds it as a simple rule.
    std::vector<bool> simpleRules(std::size_t ruleCount) const;

    /// Appends to `out` the simple rules of `program` that hold on
    /// `literals`; `out` must have room for all of them.
    static RuleId* collectHolding(const Program& program, const std::uint64_t* literals, RuleId* out) {
        for (const SimpleRule& simple : program.simple) {
            const bool holds = ((literals[simple.word[0]] & simple.mask[0]) == simple.expected[0]) &
                               ((literals[simple.word[1]] & simple.mask[1]) == simple.expected[1]);
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
