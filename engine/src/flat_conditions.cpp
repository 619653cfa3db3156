#include "flat_conditions.hpp"

#include <utility>

namespace triage::engine {

FlatConditions::FlatConditions(const KnowledgeBase& kb) : kb_(kb) {
    firstConjunct_.reserve(kb.rules.size() + 1);
    for (const Rule& rule : kb.rules) {
        firstConjunct_.push_back(static_cast<std::uint32_t>(conjuncts_.size()));
        const Condition& condition = rule.condition;
        if (condition.empty()) continue;  // no test: always True
        const ConditionNode& root = condition.nodes[condition.root()];
        if (root.kind == ConditionNode::Kind::And) {
            for (std::uint32_t child : root.children) add(condition, child);
        } else {
            add(condition, condition.root());
        }
    }
    firstConjunct_.push_back(static_cast<std::uint32_t>(conjuncts_.size()));
}

void FlatConditions::add(const Condition& condition, std::uint32_t node) {
    const ConditionNode& current = condition.nodes[node];
    Conjunct conjunct;
    conjunct.node = node;
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
        // `unknown f or f != v` (how "not known to be v" is written) is True unless f = v.
        const Atom* a = atomAt(current.children[0]);
        const Atom* b = atomAt(current.children[1]);
        if (a && b && a->fact == b->fact) {
            if (a->op == Atom::Op::Ne) std::swap(a, b);
            if (a->op == Atom::Op::Unknown && b->op == Atom::Op::Ne) {
                conjunct.test = Test::UnknownOrNe;
                conjunct.fact = b->fact;
                conjunct.value = b->value.raw();
            }
        }
    }
    conjuncts_.push_back(conjunct);
}

bool FlatConditions::holds(RuleId rule, FactValues values) const {
    const Conjunct* end = conjuncts_.data() + firstConjunct_[rule + 1];
    for (const Conjunct* c = conjuncts_.data() + firstConjunct_[rule]; c != end; ++c) {
        if (c->test == Test::Node) {
            if (evaluateNode(kb_.rules[rule].condition, c->node, values) != Truth::True) return false;
            continue;
        }
        const std::optional<Value>& known = values[c->fact];
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
            case Test::UnknownOrNe: isTrue = !known || known->raw() != c->value; break;
            case Test::Node: break;  // handled above
        }
        if (!isTrue) return false;
    }
    return true;
}

}  // namespace triage::engine
