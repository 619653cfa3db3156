// Which rules to re-examine when a fact changes. Each rule is guarded by one
// top-level equality conjunct (`f = v`, bool `f` / `not f`): while f is not v
// the rule cannot be true, so a change elsewhere only re-examines rules whose
// guard currently holds, and a change of f only the rules guarded by its old
// and new value. The cost of an answer follows the rules that read that
// fact/value, not the size of the rule base.
#pragma once

#include <cstdint>
#include <optional>
#include <unordered_map>
#include <utility>
#include <vector>

#include "triage/engine/knowledge_base.hpp"

namespace triage::engine {

struct RuleIndex {
    struct Guard {
        FactId fact = 0;
        Value value;
    };
    /// A rule's guard, or none: reads like the std::optional<Guard> it
    /// replaces, in 16 bytes instead of 24 (a fact id no fact has means none),
    /// one per rule.
    class MaybeGuard {
    public:
        MaybeGuard() = default;
        MaybeGuard(const std::optional<Guard>& guard) : guard_(guard ? *guard : Guard{none, Value()}) {}
        bool has_value() const { return guard_.fact != none; }
        explicit operator bool() const { return has_value(); }
        const Guard& operator*() const { return guard_; }
        const Guard* operator->() const { return &guard_; }
        operator std::optional<Guard>() const { return has_value() ? std::optional<Guard>(guard_) : std::nullopt; }

    private:
        static constexpr FactId none = ~FactId{0};
        Guard guard_{none, Value()};
    };
    static_assert(sizeof(MaybeGuard) == 16);
    /// The rules guarded by one (fact, value).
    struct Bucket {
        std::vector<RuleId> rules;                            // ascending
        std::vector<std::pair<FactId, RuleId>> rulesByRead;   // (fact read, rule), sorted
    };

    std::vector<MaybeGuard> guards;                     // per rule
    std::vector<std::vector<RuleId>> readers;           // per fact: every rule reading it, ascending
    std::vector<std::vector<RuleId>> unguardedReaders;  // per fact: readers without a guard
    std::vector<std::vector<RuleId>> setters;           // per fact: rules that set it, winner first
    std::vector<RuleId> unguarded;                      // rules without a guard, ascending
    std::vector<FactId> guardFacts;                     // facts that guard some rule, ascending
    std::vector<std::uint32_t> levels;                  // per rule: evaluation level (InferenceGraph)
    std::vector<std::uint32_t> firingRank;              // per rule: position in firing order
    std::vector<std::uint8_t> testsKnowledge;           // per rule: has a `known`/`unknown` atom
    std::vector<Bucket> buckets;
    bool hasDerivedFacts = false;                       // some rule sets a fact

    /// `levels` comes from InferenceGraph::ruleLevels().
    static RuleIndex build(const KnowledgeBase& kb, std::vector<std::uint32_t> levels);

    /// The bucket of rules guarded by fact = value, or null.
    const Bucket* bucket(FactId fact, Value value) const;

    /// The guard of a condition, if it has a top-level positive equality
    /// conjunct; among several, the one on the fact with the most distinct
    /// tested values (the most selective). `distinctValues` is per fact.
    static std::optional<Guard> chooseGuard(const KnowledgeBase& kb, const Condition& condition,
                                            const std::vector<std::uint32_t>& distinctValues);

    bool isDerived(FactId fact) const { return !setters[fact].empty(); }

    /// Calls visit(bucket) for each bucket of rules guarded by `fact`, in no
    /// particular order: a bool or enum's own few, a code's from the table.
    template <typename Visit>
    void forEachBucketOf(FactId fact, Visit visit) const {
        if (const DenseRange range = denseRange_[fact]; range.count != 0) {
            for (std::uint32_t i = range.first; i < range.first + range.count; ++i)
                if (denseBuckets_[i] != noBucket) visit(buckets[denseBuckets_[i]]);
            return;
        }
        for (const HashedBucket& slot : hashedBuckets_)
            if (slot.bucket != noBucket && slot.fact == fact) visit(buckets[slot.bucket]);
    }

private:
    struct KeyHash {
        std::size_t operator()(const std::pair<FactId, double>& key) const noexcept;
    };
    // Codes and numbers are found in an open-addressing table (no node to
    // chase); a bool or enum value indexes its fact's slice of denseBuckets_.
    static constexpr std::uint32_t noBucket = ~std::uint32_t{0};
    struct HashedBucket {
        double value = 0;
        FactId fact = 0;
        std::uint32_t bucket = noBucket;  // noBucket: an empty slot
    };
    std::vector<HashedBucket> hashedBuckets_;  // power-of-two size, at most half full
    struct DenseRange {
        std::uint32_t first = 0;
        std::uint32_t count = 0;  // 0: the fact's buckets are in hashedBuckets_
    };
    std::vector<DenseRange> denseRange_;       // per fact
    std::vector<std::uint32_t> denseBuckets_;  // bucket index or noBucket
};

/// Rules fire (and are listed) by priority, highest first, then specificity
/// (more atoms first), then file order. True when `a` comes before `b`.
bool firesBefore(const Rule& a, RuleId aId, const Rule& b, RuleId bId);

}  // namespace triage::engine
