// Rule conditions flattened for the batch path: each rule becomes a run of
// tests that must all be True (its top-level conjuncts). The common shapes (a
// comparison, `not f`, `unknown f or f != v`) are one compare on the fact's
// value; anything else falls back to truth.hpp. Question choice reads the
// same runs three-valued, conjunct by conjunct.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "triage/engine/knowledge_base.hpp"
#include "triage/engine/lists_in_one_array.hpp"
#include "triage/engine/rule_index.hpp"
#include "triage/engine/truth.hpp"

namespace triage::engine {

class FlatConditions {
public:
    FlatConditions(const KnowledgeBase& kb, const RuleIndex& index);

    /// conditionHolds(kb.rules[rule].condition, values), faster.
    bool holds(RuleId rule, FactValues values) const;

    /// Returned by soleFact for a conjunct that reads several facts.
    static constexpr FactId severalFactsRead = ~FactId{0};
    /// The rule's conjuncts are [first(rule), first(rule + 1)): the children
    /// of a top-level `and`, else the whole condition (none when empty).
    std::uint32_t first(RuleId rule) const { return conjuncts_.firsts()[rule]; }
    /// The conjunct's Kleene truth: evaluateNode on its subtree, faster.
    Truth truth(RuleId rule, std::uint32_t conjunct, FactValues values) const;
    /// evaluateCondition(kb.rules[rule].condition, values), faster.
    Truth truth(RuleId rule, FactValues values) const;
    /// What keeps a rule without `known`/`unknown` tests from being True:
    /// its truth; when Unknown, the one fact its undecided conjuncts read
    /// (severalFactsRead when one of them reads several, severalUndecided
    /// when they read two facts or more) and the one undecided conjunct
    /// (noConjunct when there are more).
    struct Undecided {
        Truth truth = Truth::True;
        FactId fact = severalFactsRead;
        std::uint32_t conjunct = noConjunct;
    };
    static constexpr FactId severalUndecided = ~FactId{0} - 1;
    /// The rule has conjuncts and no `known`/`unknown` test: undecided() applies.
    bool plain(RuleId rule) const { return plain_[rule] != 0; }
    static constexpr std::uint32_t noConjunct = ~std::uint32_t{0};
    Undecided undecided(RuleId rule, FactValues values) const;  // for plain(rule) only
    /// The conjunct's node in its rule's condition.
    std::uint32_t node(std::uint32_t conjunct) const { return conjuncts_.items()[conjunct].node; }
    /// The one fact the conjunct reads, or severalFactsRead.
    FactId soleFact(std::uint32_t conjunct) const { return conjuncts_.items()[conjunct].sole; }
    /// Builds what factsRead returns; the batch path without `ask` never needs it.
    void indexFactsRead();
    /// The distinct facts the rule reads, ascending (after indexFactsRead).
    std::span<const FactId> factsRead(RuleId rule) const { return factsRead_[rule]; }

private:
    enum class Test : std::uint8_t { Eq, Ne, Lt, Le, Gt, Ge, Known, Unknown, UnknownOrEq, UnknownOrNe, Node };
    struct Conjunct {  // 24 bytes: the value first, the byte-sized test last
        double value = 0;
        FactId fact = 0;
        std::uint32_t node = 0;  // Test::Node: the subtree truth.hpp evaluates
        FactId sole = severalFactsRead;  // the one fact the subtree reads
        Test test = Test::Node;
    };
    static_assert(sizeof(Conjunct) == 24);
    void add(const Condition& condition, std::uint32_t node);
    /// A test (not Node) on a fact whose value is `actual`: whether it holds.
    [[gnu::always_inline]] static bool holdsOnValue(Test test, double actual, double value) {
        switch (test) {
            case Test::Eq:
            case Test::UnknownOrEq: return actual == value;
            case Test::Ne:
            case Test::UnknownOrNe: return actual != value;
            case Test::Lt: return actual < value;
            case Test::Le: return actual <= value;
            case Test::Gt: return actual > value;
            case Test::Ge: return actual >= value;
            case Test::Known: return true;
            case Test::Unknown:
            case Test::Node: return false;  // Node: never asked
        }
        return false;
    }

    const KnowledgeBase& kb_;
    ListsInOneArray<Conjunct> conjuncts_;  // per rule; a conjunct's index is its place in them all
    std::vector<std::uint8_t> plain_;      // per rule
    ListsInOneArray<FactId> factsRead_;    // per rule
};

// Inline: question choice calls it once per conjunct of every rule in scope.
inline Truth FlatConditions::truth(RuleId rule, std::uint32_t index, FactValues values) const {
    const Conjunct& c = conjuncts_.items()[index];
    if (c.test == Test::Node) return evaluateNode(kb_.rules[rule].condition, c.node, values);
    const std::optional<Value>& known = values[c.fact];
    // Kleene: a comparison on an unknown fact is Unknown; `known`/`unknown`
    // never are; `unknown f or f != v` is True while f is unknown.
    if (!known) {
        switch (c.test) {
            case Test::Known: return Truth::False;
            case Test::Unknown:
            case Test::UnknownOrEq:
            case Test::UnknownOrNe: return Truth::True;
            default: return Truth::Unknown;
        }
    }
    return holdsOnValue(c.test, known->raw(), c.value) ? Truth::True : Truth::False;
}

// Inline: computeTruth calls it for most rules in scope.
inline FlatConditions::Undecided FlatConditions::undecided(RuleId rule, FactValues values) const {
    // truth() conjunct by conjunct, in one pass: without `known`/`unknown`
    // tests a conjunct on a fact with no value is Unknown, no switch needed.
    Undecided result;
    bool mixed = false, several = false;
    FactId sole = severalFactsRead;  // none yet
    std::uint32_t undecidedCount = 0, undecidedAt = 0;
    const std::uint32_t first = this->first(rule), end = this->first(rule + 1);
    for (std::uint32_t index = first; index != end; ++index) {
        const Conjunct& c = conjuncts_.items()[index];
        if (c.test == Test::Node) {
            const Truth truth = evaluateNode(kb_.rules[rule].condition, c.node, values);
            if (truth == Truth::True) continue;
            if (truth == Truth::False) return {Truth::False};
        } else if (const std::optional<Value>& known = values[c.fact]) {
            if (!holdsOnValue(c.test, known->raw(), c.value)) return {Truth::False};
            continue;
        }
        result.truth = Truth::Unknown;
        undecidedAt = index;
        ++undecidedCount;
        mixed = mixed || c.sole == severalFactsRead;
        several = several || (sole != severalFactsRead && c.sole != sole);
        sole = c.sole;
    }
    if (result.truth == Truth::Unknown) {
        result.fact = mixed ? severalFactsRead : several ? severalUndecided : sole;
        if (undecidedCount == 1) result.conjunct = undecidedAt;
    }
    return result;
}

}  // namespace triage::engine
