// Rule conditions flattened for the batch path, which only asks "is it True?":
// each rule becomes a run of tests that must all be True (its top-level
// conjuncts). The common shapes (a comparison, `not f`, `unknown f or f != v`)
// are one compare on the fact's value; anything else falls back to truth.hpp.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "triage/engine/knowledge_base.hpp"
#include "triage/engine/truth.hpp"

namespace triage::engine {

class FlatConditions {
public:
    explicit FlatConditions(const KnowledgeBase& kb);

    /// conditionHolds(kb.rules[rule].condition, values), faster.
    bool holds(RuleId rule, FactValues values) const;

private:
    enum class Test : std::uint8_t { Eq, Ne, Lt, Le, Gt, Ge, Known, Unknown, UnknownOrNe, Node };
    struct Conjunct {
        Test test = Test::Node;
        FactId fact = 0;
        double value = 0;
        std::uint32_t node = 0;  // Test::Node: the subtree truth.hpp evaluates
    };
    void add(const Condition& condition, std::uint32_t node);

    const KnowledgeBase& kb_;
    std::vector<Conjunct> conjuncts_;
    std::vector<std::uint32_t> firstConjunct_;  // per rule, plus one past the end
};

}  // namespace triage::engine
