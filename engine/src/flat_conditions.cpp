#include "flat_conditions.hpp"

#include <algorithm>
#include <utility>

namespace triage::engine {

namespace {

/// The one fact the subtree reads, or severalFactsRead.
FactId soleFactOf(const Condition& condition, std::uint32_t node) {
    const ConditionNode& current = condition.nodes[node];
    if (current.kind == ConditionNode::Kind::Atom) return condition.atoms[current.atom].fact;
    FactId sole = FlatConditions::severalFactsRead;
    for (std::uint32_t child : current.children) {
        const FactId fact = soleFactOf(condition, child);
        if (fact == FlatConditions::severalFactsRead || (sole != FlatConditions::severalFactsRead && sole != fact))
            return FlatConditions::severalFactsRead;
        sole = fact;
    }
    return sole;
}

}  // namespace

FlatConditions::FlatConditions(const KnowledgeBase& kb, const RuleIndex& index) : kb_(kb) {
    conjuncts_.reserve(kb.rules.size());
    for (const Rule& rule : kb.rules) {
        const Condition& condition = rule.condition;
        if (!condition.empty()) {  // else no test: always True
            const ConditionNode& root = condition.nodes[condition.root()];
            if (root.kind == ConditionNode::Kind::And) {
                for (std::uint32_t child : root.children) add(condition, child);
            } else {
                add(condition, condition.root());
            }
        }
        conjuncts_.endList();
    }
    plain_.reserve(kb.rules.size());
    for (RuleId rule = 0; rule < kb.rules.size(); ++rule)
        plain_.push_back(first(rule) != first(rule + 1) && !index.testsKnowledge[rule] ? 1 : 0);
}

void FlatConditions::indexFactsRead() {
    if (factsRead_.lists() != 0) return;
    factsRead_.reserve(kb_.rules.size());
    for (const Rule& rule : kb_.rules) {
        // Distinct and ascending, without a vector per rule (this runs for every rule of the model).
        for (const Atom& atom : rule.condition.atoms) {
            const std::span<const FactId> seen = factsRead_.open();
            if (std::find(seen.begin(), seen.end(), atom.fact) == seen.end()) factsRead_.add(atom.fact);
        }
        const std::span<FactId> facts = factsRead_.open();
        std::sort(facts.begin(), facts.end());
        factsRead_.endList();
    }
}

void FlatConditions::add(const Condition& condition, std::uint32_t node) {
    const ConditionNode& current = condition.nodes[node];
    Conjunct conjunct;
    conjunct.node = node;
    conjunct.sole = soleFactOf(condition, node);
    auto atomAt = [&condition](std::uint32_t index) -> const Atom* {
        const ConditionNode& n = condition.nodes[index];
        return n.kind == ConditionNode::Kind::Atom ? &condition.atoms[n.atom] : nullptr;
    };
    if (const Atom* atom = atomAt(node); atom && atom->op != Atom::Op::In) {
        static constexpr Test byOp[] = {Test::Eq, Test::Ne, Test::Node, Test::Lt, Test::Le,
                                        Test::Gt, Test::Ge, Test::Known, Test::Unknown};
        conjunct.test = byOp[static_cast<int>(atom->op)];
        conjunct.fact = atom->fact;
        conjunct.value = atom->value.raw();
    } else if (current.kind == ConditionNode::Kind::Not) {
        // not (f = v) is True exactly when f is known and differs: f != v.
        if (const Atom* inner = atomAt(current.children.front()); inner && inner->op == Atom::Op::Eq) {
            conjunct.test = Test::Ne;
            conjunct.fact = inner->fact;
            conjunct.value = inner->value.raw();
        }
    } else if (current.kind == ConditionNode::Kind::Or && current.children.size() == 2) {
        // `unknown f or f != v` (how "not known to be v" is written; bool:
        // `unknown f or not f`) is True unless f = v; `unknown f or f = v`
        // (bool: `unknown f or f`) unless f is known and differs.
        auto isUnknown = [&](std::uint32_t index) {
            const Atom* atom = atomAt(index);
            return atom && atom->op == Atom::Op::Unknown ? atom : nullptr;
        };
        std::uint32_t other = current.children[1];
        const Atom* unknown = isUnknown(current.children[0]);
        if (!unknown) {
            unknown = isUnknown(current.children[1]);
            other = current.children[0];
        }
        const Atom* compare = unknown ? atomAt(other) : nullptr;
        bool negated = false;
        if (unknown && !compare && condition.nodes[other].kind == ConditionNode::Kind::Not) {
            compare = atomAt(condition.nodes[other].children.front());
            negated = true;
        }
        if (compare && compare->fact == unknown->fact) {
            const bool eq = compare->op == Atom::Op::Eq, ne = compare->op == Atom::Op::Ne;
            if (eq || ne) {
                conjunct.test = (eq != negated) ? Test::UnknownOrEq : Test::UnknownOrNe;
                conjunct.fact = compare->fact;
                conjunct.value = compare->value.raw();
            }
        }
    }
    conjuncts_.add(conjunct);
}

Truth FlatConditions::truth(RuleId rule, FactValues values) const {
    Truth result = Truth::True;
    for (std::uint32_t c = first(rule); c != first(rule + 1); ++c) {
        const Truth conjunct = truth(rule, c, values);
        if (conjunct == Truth::False) return Truth::False;
        if (conjunct == Truth::Unknown) result = Truth::Unknown;
    }
    return result;
}

bool FlatConditions::holds(RuleId rule, FactValues values) const {
    const std::span<const Conjunct> conjuncts = conjuncts_[rule];
    for (const Conjunct* c = conjuncts.data(), *end = c + conjuncts.size(); c != end; ++c) {
        if (c->test == Test::Node) {
            if (evaluateNode(kb_.rules[rule].condition, c->node, values) != Truth::True) return false;
            continue;
        }
        const std::optional<Value>& known = values[c->fact];
        // One switch over every test, not holdsOnValue behind a check of
        // `known`: that cost a tenth more here (~140 instructions per
        // full-line ticket at N=1,000), and simulated answers call it per rule.
        bool isTrue = false;
        switch (c->test) {
            case Test::Eq: isTrue = known && known->raw() == c->value; break;
            case Test::Ne: isTrue = known && known->raw() != c->value; break;
            case Test::Lt: isTrue = known && known->raw() < c->value; break;
            case Test::Le: isTrue = known && known->raw() <= c->value; break;
            case Test::Gt: isTrue = known && known->raw() > c->value; break;
            case Test::Ge: isTrue = known && known->raw() >= c->value; break;
            case Test::Known: isTrue = known.has_value(); break;
            case Test::Unknown: isTrue = !known; break;
            case Test::UnknownOrEq: isTrue = !known || known->raw() == c->value; break;
            case Test::UnknownOrNe: isTrue = !known || known->raw() != c->value; break;
            case Test::Node: break;  // handled above
        }
        if (!isTrue) return false;
    }
    return true;
}

}  // namespace triage::engine
