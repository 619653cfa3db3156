#include "triage/engine/rule_index.hpp"

#include <algorithm>
#include <bit>
#include <unordered_set>

#include "triage/engine/truth.hpp"

namespace triage::engine {

namespace {

/// Top-level positive conjuncts that pin a fact to one value.
void collectEqualities(const KnowledgeBase& kb, const Condition& condition, std::uint32_t node,
                       std::vector<RuleIndex::Guard>& out) {
    const ConditionNode& current = condition.nodes[node];
    if (current.kind == ConditionNode::Kind::And) {
        for (std::uint32_t child : current.children) collectEqualities(kb, condition, child, out);
        return;
    }
    auto isBool = [&kb](const Atom& atom) { return kb.facts[atom.fact].type == FactType::Bool; };
    if (current.kind == ConditionNode::Kind::Atom) {
        const Atom& atom = condition.atoms[current.atom];
        if (atom.op == Atom::Op::Eq) out.push_back({atom.fact, atom.value});
        else if (atom.op == Atom::Op::Ne && isBool(atom)) out.push_back({atom.fact, Value::boolean(!atom.value.asBool())});
        else if (atom.op == Atom::Op::In && atom.set.size() == 1) out.push_back({atom.fact, atom.set.front()});
        return;
    }
    if (current.kind == ConditionNode::Kind::Not) {
        const ConditionNode& inner = condition.nodes[current.children.front()];
        if (inner.kind != ConditionNode::Kind::Atom) return;
        const Atom& atom = condition.atoms[inner.atom];
        // `not f` on a bool is f = false: known false, exactly like the Kleene `not`.
        if (atom.op == Atom::Op::Eq && isBool(atom)) out.push_back({atom.fact, Value::boolean(!atom.value.asBool())});
    }
}

std::vector<RuleIndex::Guard> equalities(const KnowledgeBase& kb, const Condition& condition) {
    std::vector<RuleIndex::Guard> out;
    if (!condition.empty()) collectEqualities(kb, condition, condition.root(), out);
    return out;
}

/// The most selective of `candidates`: see RuleIndex::chooseGuard.
std::optional<RuleIndex::Guard> mostSelective(const RuleIndex::Guard* first, const RuleIndex::Guard* last,
                                              const std::vector<std::uint32_t>& distinctValues) {
    std::optional<RuleIndex::Guard> best;
    for (const RuleIndex::Guard* candidate = first; candidate != last; ++candidate)
        if (!best || distinctValues[candidate->fact] > distinctValues[best->fact]) best = *candidate;
    return best;
}

/// Each rule's position in firing order (see firesBefore). The distinct
/// (priority, atom count) keys are few, so this is a counting sort: rules
/// with equal keys keep file order without comparing through kb.rules.
std::vector<std::uint32_t> firingRanks(const KnowledgeBase& kb) {
    const std::size_t ruleCount = kb.rules.size();
    std::vector<std::uint64_t> keys(ruleCount);
    for (RuleId id = 0; id < ruleCount; ++id) {
        const Rule& rule = kb.rules[id];
        const auto priority = static_cast<std::uint32_t>(rule.priority) ^ 0x80000000u;  // order-preserving
        const auto atoms =
            static_cast<std::uint32_t>(std::min<std::size_t>(rule.condition.atoms.size(), 0xFFFFFFFFu));
        keys[id] = (static_cast<std::uint64_t>(~priority) << 32) | ~atoms;  // ascending = firing order
    }
    std::vector<std::uint64_t> distinct = keys;
    std::sort(distinct.begin(), distinct.end());
    distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
    std::vector<std::uint32_t> start(distinct.size() + 1, 0);
    std::vector<std::uint32_t> keyIndex(ruleCount);
    for (RuleId id = 0; id < ruleCount; ++id) {
        keyIndex[id] = static_cast<std::uint32_t>(std::lower_bound(distinct.begin(), distinct.end(), keys[id]) -
                                                  distinct.begin());
        ++start[keyIndex[id] + 1];
    }
    for (std::size_t i = 1; i < start.size(); ++i) start[i] += start[i - 1];
    std::vector<std::uint32_t> rank(ruleCount);
    for (RuleId id = 0; id < ruleCount; ++id) rank[id] = start[keyIndex[id]]++;
    return rank;
}

}  // namespace

bool firesBefore(const Rule& a, RuleId aId, const Rule& b, RuleId bId) {
    if (a.priority != b.priority) return a.priority > b.priority;
    if (a.condition.atoms.size() != b.condition.atoms.size())
        return a.condition.atoms.size() > b.condition.atoms.size();
    return aId < bId;
}

std::size_t RuleIndex::KeyHash::operator()(const std::pair<FactId, double>& key) const noexcept {
    // libstdc++ hashes a double through _Hash_bytes; a multiply-shift of its
    // bits is enough for codes and a few times faster on the batch path.
    const double value = key.second == 0.0 ? 0.0 : key.second;  // -0.0 == 0.0: one hash
    const std::uint64_t bits = std::bit_cast<std::uint64_t>(value) ^ (std::uint64_t{key.first} << 32);
    return static_cast<std::size_t>((bits * 0x9E3779B97F4A7C15ull) >> 16);
}

std::optional<RuleIndex::Guard> RuleIndex::chooseGuard(const KnowledgeBase& kb, const Condition& condition,
                                                       const std::vector<std::uint32_t>& distinctValues) {
    const std::vector<Guard> candidates = equalities(kb, condition);
    return mostSelective(candidates.data(), candidates.data() + candidates.size(), distinctValues);
}

const RuleIndex::Bucket* RuleIndex::bucket(FactId fact, Value value) const {
    if (const DenseRange range = denseRange_[fact]; range.count != 0) {
        const double raw = value.raw();
        if (!(raw >= 0) || raw >= range.count) return nullptr;
        const std::uint32_t found = denseBuckets_[range.first + static_cast<std::uint32_t>(raw)];
        return found == noBucket ? nullptr : &buckets[found];
    }
    if (hashedBuckets_.empty()) return nullptr;
    const std::size_t mask = hashedBuckets_.size() - 1;
    for (std::size_t slot = KeyHash{}({fact, value.raw()}) & mask;; slot = (slot + 1) & mask) {
        const HashedBucket& candidate = hashedBuckets_[slot];
        if (candidate.bucket == noBucket) return nullptr;
        if (candidate.fact == fact && candidate.value == value.raw()) return &buckets[candidate.bucket];
    }
}

RuleIndex RuleIndex::build(const KnowledgeBase& kb, std::vector<std::uint32_t> levels) {
    RuleIndex index;
    const std::size_t factCount = kb.facts.size();
    const std::size_t ruleCount = kb.rules.size();
    index.levels = std::move(levels);
    index.readers.resize(factCount);
    index.unguardedReaders.resize(factCount);
    index.setters.resize(factCount);
    index.guards.resize(ruleCount);
    index.testsKnowledge.resize(ruleCount, 0);

    // How many distinct values each fact is tested for. Each rule's
    // equalities are collected again below, into the same scratch vector:
    // kept for all rules they were ~4 MB at 100,000, at the peak of a load.
    std::vector<Guard> equalities;
    auto collectFor = [&kb, &equalities](RuleId id) {
        equalities.clear();
        const Condition& condition = kb.rules[id].condition;
        if (!condition.empty()) collectEqualities(kb, condition, condition.root(), equalities);
    };
    std::vector<std::uint32_t> distinctValues(factCount, 0);
    {
        std::unordered_set<std::pair<FactId, double>, KeyHash> tested;
        for (RuleId id = 0; id < ruleCount; ++id) {
            collectFor(id);
            for (const Guard& guard : equalities)
                if (tested.insert({guard.fact, guard.value.raw()}).second) ++distinctValues[guard.fact];
        }
    }

    // (fact, value) -> bucket, while building; lookups use denseBuckets_ and hashedBuckets_.
    std::unordered_map<std::pair<FactId, double>, std::uint32_t, KeyHash> bucketOf;
    std::vector<bool> isGuardFact(factCount, false);
    for (RuleId id = 0; id < ruleCount; ++id) {
        const Rule& rule = kb.rules[id];
        const std::vector<FactId> reads = factsRead(rule.condition);
        for (const Atom& atom : rule.condition.atoms)
            if (atom.op == Atom::Op::Known || atom.op == Atom::Op::Unknown) index.testsKnowledge[id] = 1;
        for (FactId fact : reads) index.readers[fact].push_back(id);
        for (const auto& conclusion : rule.conclusions)
            if (conclusion.kind == engine::Conclusion::Kind::Sets) {
                index.setters[conclusion.fact].push_back(id);
                index.hasDerivedFacts = true;
            }

        collectFor(id);
        index.guards[id] = mostSelective(equalities.data(), equalities.data() + equalities.size(), distinctValues);
        if (!index.guards[id]) {
            index.unguarded.push_back(id);
            for (FactId fact : reads) index.unguardedReaders[fact].push_back(id);
            continue;
        }
        const Guard& guard = *index.guards[id];
        isGuardFact[guard.fact] = true;
        auto [it, inserted] = bucketOf.try_emplace({guard.fact, guard.value.raw()},
                                                          static_cast<std::uint32_t>(index.buckets.size()));
        if (inserted) index.buckets.emplace_back();
        Bucket& bucket = index.buckets[it->second];
        bucket.rules.push_back(id);
        for (FactId fact : reads)
            if (fact != guard.fact) bucket.rulesByRead.emplace_back(fact, id);
    }
    for (Bucket& bucket : index.buckets) std::sort(bucket.rulesByRead.begin(), bucket.rulesByRead.end());
    for (FactId fact = 0; fact < factCount; ++fact) {
        if (isGuardFact[fact]) index.guardFacts.push_back(fact);
        auto& setters = index.setters[fact];
        setters.erase(std::unique(setters.begin(), setters.end()), setters.end());
        std::sort(setters.begin(), setters.end(), [&kb](RuleId a, RuleId b) {
            return firesBefore(kb.rules[a], a, kb.rules[b], b);
        });
    }

    index.denseRange_.resize(factCount);
    for (FactId fact = 0; fact < factCount; ++fact) {
        const Fact& described = kb.facts[fact];
        const std::size_t count = described.type == FactType::Bool   ? 2
                                  : described.type == FactType::Enum ? described.enumValues.size()
                                                                     : 0;
        if (count == 0) continue;
        index.denseRange_[fact] = {static_cast<std::uint32_t>(index.denseBuckets_.size()),
                                   static_cast<std::uint32_t>(count)};
        for (std::uint32_t value = 0; value < count; ++value) {
            auto it = bucketOf.find({fact, Value::symbol(value).raw()});
            index.denseBuckets_.push_back(it == bucketOf.end() ? noBucket : it->second);
        }
    }
    std::size_t slots = 8;
    while (slots < bucketOf.size() * 2) slots *= 2;
    index.hashedBuckets_.resize(slots);
    for (const auto& [key, bucket] : bucketOf) {
        if (index.denseRange_[key.first].count != 0) continue;  // found through denseBuckets_
        std::size_t slot = KeyHash{}(key) & (slots - 1);
        while (index.hashedBuckets_[slot].bucket != noBucket) slot = (slot + 1) & (slots - 1);
        index.hashedBuckets_[slot] = {key.second, key.first, bucket};
    }
    index.firingRank = firingRanks(kb);
    return index;
}

}  // namespace triage::engine
