// The rules about each cause, for batch `ask`: most as the bucket programs'
// bit tests with their guard beside them, so that a contender's rules are
// read with no branch per test; the others by id, with their guard.
#pragma once

#include <cstdint>
#include <span>

#include "bucket_programs.hpp"
#include "triage/engine/knowledge_base.hpp"
#include "triage/engine/lists_in_one_array.hpp"
#include "triage/engine/rule_index.hpp"

namespace triage::engine {

class CauseRules {
public:
    static constexpr FactId noGuard = ~FactId{0};
    /// A BucketPrograms::SimpleRule with the guard its bucket stands for.
    struct SimpleRule {  // 56 bytes
        double guardValue = 0;  // Value::raw() of the guard
        std::uint64_t mask[2] = {0, 0};
        std::uint64_t expected[2] = {0, 0};
        RuleId rule = 0;
        FactId guardFact = noGuard;
        std::uint16_t word[2] = {0, 0};
    };
    struct GuardedRule {  // 16 bytes
        double guardValue = 0;
        RuleId rule = 0;
        FactId guardFact = noGuard;
    };

    CauseRules(const KnowledgeBase& kb, const RuleIndex& index, const BucketPrograms& programs);

    /// The rules that support or exclude the cause, ascending, in two
    /// parts: those the bucket programs hold as bit tests, and the others.
    std::span<const SimpleRule> simple(CauseId cause) const { return simple_[cause]; }
    std::span<const GuardedRule> general(CauseId cause) const { return general_[cause]; }

private:
    ListsInOneArray<SimpleRule> simple_;   // per cause
    ListsInOneArray<GuardedRule> general_;  // per cause
};

}  // namespace triage::engine
