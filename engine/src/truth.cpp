#include "triage/engine/truth.hpp"

#include <algorithm>

namespace triage::engine {

Truth evaluateAtom(const Atom& atom, const std::optional<Value>& value) {
    if (atom.op == Atom::Op::Known) return value ? Truth::True : Truth::False;
    if (atom.op == Atom::Op::Unknown) return value ? Truth::False : Truth::True;
    if (!value) return Truth::Unknown;
    const double actual = value->raw();
    const double wanted = atom.value.raw();
    bool holds = false;
    switch (atom.op) {
        case Atom::Op::Eq: holds = actual == wanted; break;
        case Atom::Op::Ne: holds = actual != wanted; break;
        case Atom::Op::In: holds = std::binary_search(atom.set.begin(), atom.set.end(), *value); break;
        case Atom::Op::Lt: holds = actual < wanted; break;
        case Atom::Op::Le: holds = actual <= wanted; break;
        case Atom::Op::Gt: holds = actual > wanted; break;
        case Atom::Op::Ge: holds = actual >= wanted; break;
        case Atom::Op::Known:
        case Atom::Op::Unknown: break;  // handled above
    }
    return holds ? Truth::True : Truth::False;
}

Truth evaluateNode(const Condition& condition, std::uint32_t node, FactValues values) {
    const ConditionNode& current = condition.nodes[node];
    switch (current.kind) {
        case ConditionNode::Kind::True: return Truth::True;
        case ConditionNode::Kind::Atom: {
            const Atom& atom = condition.atoms[current.atom];
            return evaluateAtom(atom, values[atom.fact]);
        }
        case ConditionNode::Kind::Not: {
            const Truth inner = evaluateNode(condition, current.children.front(), values);
            if (inner == Truth::Unknown) return Truth::Unknown;
            return inner == Truth::True ? Truth::False : Truth::True;
        }
        case ConditionNode::Kind::And: {
            Truth result = Truth::True;
            for (std::uint32_t child : current.children) {
                const Truth truth = evaluateNode(condition, child, values);
                if (truth == Truth::False) return Truth::False;
                if (truth == Truth::Unknown) result = Truth::Unknown;
            }
            return result;
        }
        case ConditionNode::Kind::Or: {
            Truth result = Truth::False;
            for (std::uint32_t child : current.children) {
                const Truth truth = evaluateNode(condition, child, values);
                if (truth == Truth::True) return Truth::True;
                if (truth == Truth::Unknown) result = Truth::Unknown;
            }
            return result;
        }
    }
    return Truth::Unknown;
}

std::vector<FactId> factsRead(const Condition& condition) {
    std::vector<FactId> facts;
    facts.reserve(condition.atoms.size());
    for (const Atom& atom : condition.atoms) facts.push_back(atom.fact);
    std::sort(facts.begin(), facts.end());
    facts.erase(std::unique(facts.begin(), facts.end()), facts.end());
    return facts;
}

bool conditionHolds(const Condition& condition, FactValues values) {
    if (condition.empty()) return true;
    const ConditionNode& root = condition.nodes[condition.root()];
    if (root.kind != ConditionNode::Kind::And) return evaluateNode(condition, condition.root(), values) == Truth::True;
    for (std::uint32_t child : root.children) {
        const ConditionNode& conjunct = condition.nodes[child];
        if (conjunct.kind == ConditionNode::Kind::Atom) {
            const Atom& atom = condition.atoms[conjunct.atom];
            if (evaluateAtom(atom, values[atom.fact]) != Truth::True) return false;
        } else if (evaluateNode(condition, child, values) != Truth::True) {
            return false;
        }
    }
    return true;
}

Truth evaluateCondition(const Condition& condition, FactValues values) {
    if (condition.empty()) return Truth::True;
    return evaluateNode(condition, condition.root(), values);
}

}  // namespace triage::engine
