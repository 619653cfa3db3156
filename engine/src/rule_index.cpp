#include "triage/engine/rule_index.hpp"

#include <algorithm>

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

}  // namespace

bool firesBefore(const Rule& a, RuleId aId, const Rule& b, RuleId bId) {
    if (a.priority != b.priority) return a.priority > b.priority;
    if (a.condition.atoms.size() != b.condition.atoms.size())
        return a.condition.atoms.size() > b.condition.atoms.size();
    return aId < bId;
}

std::size_t RuleIndex::KeyHash::operator()(const std::pair<FactId, double>& key) const noexcept {
    return std::hash<double>{}(key.second) * 31u + key.first;
}

std::optional<RuleIndex::Guard> RuleIndex::chooseGuard(const KnowledgeBase& kb, const Condition& condition,
                                                       const std::vector<std::uint32_t>& distinctValues) {
    std::optional<Guard> best;
    for (const Guard& candidate : equalities(kb, condition))
        if (!best || distinctValues[candidate.fact] > distinctValues[best->fact]) best = candidate;
    return best;
}

const RuleIndex::Bucket* RuleIndex::bucket(FactId fact, Value value) const {
    auto it = bucketOf_.find({fact, value.raw()});
    return it == bucketOf_.end() ? nullptr : &buckets[it->second];
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

    std::vector<std::pair<FactId, double>> tested;
    for (const Rule& rule : kb.rules)
        for (const Guard& guard : equalities(kb, rule.condition)) tested.emplace_back(guard.fact, guard.value.raw());
    std::sort(tested.begin(), tested.end());
    tested.erase(std::unique(tested.begin(), tested.end()), tested.end());
    std::vector<std::uint32_t> distinctValues(factCount, 0);
    for (const auto& [fact, value] : tested) ++distinctValues[fact];

    std::vector<bool> isGuardFact(factCount, false);
    for (RuleId id = 0; id < ruleCount; ++id) {
        const Rule& rule = kb.rules[id];
        const std::vector<FactId> reads = factsRead(rule.condition);
        for (const Atom& atom : rule.condition.atoms)
            if (atom.op == Atom::Op::Known || atom.op == Atom::Op::Unknown) index.testsKnowledge[id] = 1;
        for (FactId fact : reads) index.readers[fact].push_back(id);
        for (const auto& conclusion : rule.conclusions)
            if (conclusion.kind == engine::Conclusion::Kind::Sets) index.setters[conclusion.fact].push_back(id);

        index.guards[id] = chooseGuard(kb, rule.condition, distinctValues);
        if (!index.guards[id]) {
            index.unguarded.push_back(id);
            for (FactId fact : reads) index.unguardedReaders[fact].push_back(id);
            continue;
        }
        const Guard& guard = *index.guards[id];
        isGuardFact[guard.fact] = true;
        auto [it, inserted] = index.bucketOf_.try_emplace({guard.fact, guard.value.raw()},
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

    // firesBefore as one integer key per rule: sorting keys is several times
    // cheaper than comparing through kb.rules (388 M instructions at 100,000 rules).
    std::vector<std::pair<std::uint64_t, RuleId>> order(ruleCount);
    for (RuleId id = 0; id < ruleCount; ++id) {
        const Rule& rule = kb.rules[id];
        const auto priority = static_cast<std::uint32_t>(rule.priority) ^ 0x80000000u;  // order-preserving
        const auto atoms = static_cast<std::uint32_t>(std::min<std::size_t>(rule.condition.atoms.size(), 0xFFFFFFFFu));
        order[id] = {(static_cast<std::uint64_t>(~priority) << 32) | ~atoms, id};
    }
    std::sort(order.begin(), order.end());
    index.firingRank.resize(ruleCount);
    for (std::uint32_t rank = 0; rank < ruleCount; ++rank) index.firingRank[order[rank].second] = rank;
    return index;
}

}  // namespace triage::engine
